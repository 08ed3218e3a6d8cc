import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JsonObject, ResponseStatus } from '@apertura/db';
import type { UserPrincipal } from '../auth/principal';
import { notFound } from '../common/domain-error';
import { EvidenceDownload, EvidenceService } from '../evidence/evidence.service';
import { EvidenceDto } from '../evidence/dto/evidence.dto';
import { VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db';
import { buildCodebook, CodebookVariable, MULTI_VALUE_SEPARATOR } from '@apertura/questionnaire';
import { validatorPseudonymSql } from '../exports/pseudonym';
import { diffAnswers } from './answer-diff';
import {
  ClaimDto,
  LabelledAnswerDto,
  ListResponsesQueryDto,
  ResponseInstitutionDto,
  ResponsePageDto,
  StaffResponseDto,
  StaffVersionDto,
  TitleDto,
} from './dto/staff-responses.dto';
import { ResponseState } from './dto/respond.dto';
import { RoundsRepository } from '../rounds/rounds.repository';

interface InstitutionRow {
  id: string;
  name: string;
  type: string;
  level: string;
  cve_ent: string;
  cvegeo: string;
}

const toInstitution = (r: InstitutionRow): ResponseInstitutionDto => ({
  id: r.id,
  name: r.name,
  type: r.type,
  level: r.level,
  cveEnt: r.cve_ent,
  cvegeo: r.cvegeo,
});

/**
 * Institutions of a round: its frozen universe, plus any institution with an invitation or a
 * response (a round whose universe is not frozen yet still shows who answered). Parameter $1: round.
 */
const ROUND_MEMBERS = `(SELECT institution_id FROM round_institution WHERE round_id = $1
  UNION SELECT institution_id FROM invitation WHERE round_id = $1
  UNION SELECT institution_id FROM response WHERE round_id = $1)`;

const STATUS = `coalesce(r.status, 'none')`;

/** Evidence as a version recorded it (jsonb snapshot written by the submit transaction). */
function snapshotToDto(item: JsonObject): EvidenceDto {
  const str = (k: string): string => (typeof item[k] === 'string' ? (item[k] as string) : '');
  return {
    id: str('id'),
    questionName: typeof item.questionName === 'string' ? item.questionName : null,
    filename: str('filename'),
    mimeType: str('mimeType'),
    size: typeof item.size === 'number' ? item.size : 0,
    sha256: str('sha256'),
  };
}

/** Questions of the answered version with the current answers and, for choices, the chosen labels. */
function labelledAnswers(variables: readonly CodebookVariable[], submitted: JsonObject | null): LabelledAnswerDto[] {
  const data = submitted ?? {};
  const out: LabelledAnswerDto[] = variables.map((v) => {
    const value = Object.prototype.hasOwnProperty.call(data, v.name) ? data[v.name] : null;
    const chosen = (Array.isArray(value) ? value : [value])
      .map((x) => v.choices.find((c) => c.value === x)?.label)
      .filter((l): l is TitleDto => l !== undefined);
    const label =
      value !== null && chosen.length > 0
        ? {
            es: chosen.map((l) => l.es).join(`${MULTI_VALUE_SEPARATOR} `),
            en: chosen.map((l) => l.en).join(`${MULTI_VALUE_SEPARATOR} `),
          }
        : null;
    return { name: v.name, title: v.title, type: v.type, value, label };
  });
  // Answers the version does not describe (should not happen: submissions are validated) are still shown.
  for (const name of Object.keys(data)) {
    if (!variables.some((v) => v.name === name))
      out.push({ name, title: { es: name, en: name }, type: 'unknown', value: data[name], label: null });
  }
  return out;
}

/** Self-reports of a round as the guarantor's staff see them (own guarantor only; other ids are 404). */
@Injectable()
export class StaffResponsesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly evidence: EvidenceService,
  ) {}

  async list(user: UserPrincipal, roundId: string, query: ListResponsesQueryDto): Promise<ResponsePageDto> {
    await this.rounds.findOwned(this.ds.manager, user.guarantorId, roundId);
    const filters = `WHERE ($2::text IS NULL OR ${STATUS} = $2) AND ($3::text IS NULL OR i.cve_ent = $3)`;
    const from = `FROM ${ROUND_MEMBERS} mb
      JOIN institution i ON i.id = mb.institution_id
      LEFT JOIN response r ON r.round_id = $1 AND r.institution_id = i.id`;
    const params = [roundId, query.status ?? null, query.cveEnt ?? null];
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total ${from} ${filters}`,
      params,
    );
    const rows: Array<InstitutionRow & { status: ResponseState; version: number; submitted_at: Date | null }> =
      await this.ds.query(
        `SELECT i.id, i.name, i.type, i.level, i.cve_ent, i.cvegeo, ${STATUS} AS status, coalesce(r.version, 0) AS version, r.submitted_at
       ${from} ${filters}
       ORDER BY i.name, i.id LIMIT $4 OFFSET $5`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
    return {
      items: rows.map((r) => ({
        institution: toInstitution(r),
        status: r.status,
        version: r.version,
        submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async detail(user: UserPrincipal, roundId: string, institutionId: string): Promise<StaffResponseDto> {
    await this.rounds.findOwned(this.ds.manager, user.guarantorId, roundId);
    const [row]: Array<
      InstitutionRow & {
        response_id: string | null;
        status: ResponseStatus | null;
        version: number | null;
        submitted_at: Date | null;
        submitted: JsonObject | null;
        questionnaire_version: number | null;
        definition: unknown;
      }
    > = await this.ds.query(
      `SELECT i.id, i.name, i.type, i.level, i.cve_ent, i.cvegeo, r.id AS response_id, r.status, r.version, r.submitted_at, r.submitted,
              q.version AS questionnaire_version, q.definition
       FROM institution i
       LEFT JOIN response r ON r.round_id = $1 AND r.institution_id = i.id
       LEFT JOIN round ro ON ro.id = $1
       LEFT JOIN questionnaire q ON q.id = coalesce(r.questionnaire_id, ro.institution_questionnaire_id)
       WHERE i.id = $2 AND i.id IN ${ROUND_MEMBERS}`,
      [roundId, institutionId],
    );
    if (!row) throw notFound('institution in this round', 'institutionId');
    // Titles come from the version the institution answered (every version of one response answers the same questionnaire).
    const variables = buildCodebook([{ version: row.questionnaire_version ?? 0, definition: row.definition }]);
    const byName = new Map(variables.map((v) => [v.name, v]));
    const titleOf = (name: string): TitleDto => byName.get(name)?.title ?? { es: name, en: name };
    const order = variables.map((v) => v.name);
    const versions: Array<{
      version: number;
      submitted_at: Date;
      cleared: string[];
      data: JsonObject;
      evidence_count: number;
    }> = row.response_id
      ? await this.ds.query(
          'SELECT version, submitted_at, cleared, data, jsonb_array_length(evidence) AS evidence_count FROM response_version WHERE response_id = $1 ORDER BY version',
          [row.response_id],
        )
      : [];
    const base = `/api/rounds/${roundId}`;
    const evidence = await this.evidence.listOwn(roundId, institutionId);
    return {
      institution: toInstitution(row),
      status: row.status ?? 'none',
      responseId: row.response_id,
      version: row.version ?? 0,
      submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
      submitted: row.submitted,
      versions: versions.map((v, i) => ({
        version: v.version,
        submittedAt: v.submitted_at.toISOString(),
        cleared: v.cleared,
        changes: diffAnswers(i === 0 ? null : versions[i - 1].data, v.data, order).map((c) => ({
          ...c,
          title: titleOf(c.name),
        })),
        evidenceCount: v.evidence_count,
        href: `${base}/responses/${institutionId}/versions/${v.version}`,
      })),
      evidence: evidence.map((e) => ({ ...e, href: `${base}/evidence/${e.id}` })),
      questionnaireVersion: row.questionnaire_version,
      answers: labelledAnswers(variables, row.submitted),
      claims: await this.claims(roundId, institutionId, variables, row.submitted),
    };
  }

  /** Verifiable claims (and any question a verdict names) with every verdict, validators under their per-round pseudonym. */
  private async claims(
    roundId: string,
    institutionId: string,
    variables: CodebookVariable[],
    submitted: JsonObject | null,
  ): Promise<ClaimDto[]> {
    const rows: Array<{
      question_name: string;
      validator: string;
      verdict: string;
      standing: string;
      evidence_url: string | null;
      evidence_file_id: string | null;
      comment: string | null;
      created_at: Date;
    }> = await this.ds.query(
      `SELECT v.question_name, ${validatorPseudonymSql('r', 'v.validator_id')} AS validator, v.verdict, ${VERDICT_STANDING_SQL} AS standing,
              v.evidence_url, v.evidence_file_id, v.comment, v.created_at
       FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
       WHERE v.round_id = $1 AND v.institution_id = $2
       ORDER BY v.question_name, v.created_at, validator`,
      [roundId, institutionId],
    );
    const names = [...variables.filter((v) => v.verifiable).map((v) => v.name)];
    for (const r of rows) if (!names.includes(r.question_name)) names.push(r.question_name);
    const byName = new Map(variables.map((v) => [v.name, v]));
    return names.map((name) => ({
      questionName: name,
      title: byName.get(name)?.title ?? { es: name, en: name },
      claimed: submitted && Object.prototype.hasOwnProperty.call(submitted, name) ? submitted[name] : null,
      verdicts: rows
        .filter((r) => r.question_name === name)
        .map((r) => ({
          validator: r.validator,
          verdict: r.verdict,
          standing: r.standing,
          evidenceUrl: r.evidence_url,
          evidenceHref: r.evidence_file_id ? `/api/rounds/${roundId}/evidence/${r.evidence_file_id}` : null,
          comment: r.comment,
          recordedAt: r.created_at.toISOString(),
        })),
    }));
  }

  async version(
    user: UserPrincipal,
    roundId: string,
    institutionId: string,
    version: number,
  ): Promise<StaffVersionDto> {
    await this.rounds.findOwned(this.ds.manager, user.guarantorId, roundId);
    const [row]: Array<{
      response_id: string;
      version: number;
      submitted_at: Date;
      cleared: string[];
      data: JsonObject;
      evidence: JsonObject[];
    }> = await this.ds.query(
      `SELECT v.response_id, v.version, v.submitted_at, v.cleared, v.data, v.evidence
         FROM response_version v JOIN response r ON r.id = v.response_id
         WHERE r.round_id = $1 AND r.institution_id = $2 AND v.version = $3`,
      [roundId, institutionId, version],
    );
    if (!row) throw notFound('version', 'version');
    return {
      responseId: row.response_id,
      version: row.version,
      submittedAt: row.submitted_at.toISOString(),
      cleared: row.cleared,
      data: row.data,
      evidence: row.evidence.map(snapshotToDto),
    };
  }

  async download(user: UserPrincipal, roundId: string, evidenceId: string): Promise<EvidenceDownload> {
    await this.rounds.findOwned(this.ds.manager, user.guarantorId, roundId);
    return this.evidence.downloadInRound(roundId, evidenceId);
  }
}
