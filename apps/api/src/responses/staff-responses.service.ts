import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JsonObject } from '@apertura/db';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { EvidenceDownload, EvidenceService } from '../evidence/evidence.service';
import { EvidenceDto } from '../evidence/dto/evidence.dto';
import { buildCodebook, CodebookVariable, MULTI_VALUE_SEPARATOR } from '@apertura/questionnaire';
import { diffAnswers } from './answer-diff';
import {
  ClaimDto,
  LabelledAnswerDto,
  ListResponsesQueryDto,
  ResponsePageDto,
  StaffResponseDto,
  StaffVersionDto,
  TitleDto,
} from './dto/staff-responses.dto';
import { RoundsRepository } from '../common/rounds/rounds.repository';
import { ResponsesRepository } from './responses.repository';

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
    private readonly repo: ResponsesRepository,
    private readonly rounds: RoundsRepository,
    private readonly evidence: EvidenceService,
  ) {}

  async list(user: UserPrincipal, roundId: string, query: ListResponsesQueryDto): Promise<ResponsePageDto> {
    await this.rounds.findOwned(this.ds.manager, user.guarantorId, roundId);
    const { items, total } = await this.repo.memberPage(
      this.ds,
      roundId,
      { status: query.status ?? null, cveEnt: query.cveEnt ?? null },
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return {
      items: items.map((r) => ({
        institution: r.institution,
        status: r.status,
        version: r.version,
        submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async detail(user: UserPrincipal, roundId: string, institutionId: string): Promise<StaffResponseDto> {
    await this.rounds.findOwned(this.ds.manager, user.guarantorId, roundId);
    const row = await this.repo.memberDetail(this.ds, roundId, institutionId);
    if (!row) throw notFound('institution in this round', 'institutionId');
    // Titles come from the version the institution answered (every version of one response answers the same questionnaire).
    const variables = buildCodebook([{ version: row.questionnaireVersion ?? 0, definition: row.definition }]);
    const byName = new Map(variables.map((v) => [v.name, v]));
    const titleOf = (name: string): TitleDto => byName.get(name)?.title ?? { es: name, en: name };
    const order = variables.map((v) => v.name);
    const versions = row.responseId ? await this.repo.versionHistory(this.ds, row.responseId) : [];
    const base = `/api/rounds/${roundId}`;
    const evidence = await this.evidence.listOwn(roundId, institutionId);
    return {
      institution: row.institution,
      status: row.status ?? 'none',
      responseId: row.responseId,
      version: row.version ?? 0,
      submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
      submitted: row.submitted,
      versions: versions.map((v, i) => ({
        version: v.version,
        submittedAt: v.submittedAt.toISOString(),
        cleared: v.cleared,
        changes: diffAnswers(i === 0 ? null : versions[i - 1].data, v.data, order).map((c) => ({
          ...c,
          title: titleOf(c.name),
        })),
        evidenceCount: v.evidenceCount,
        href: `${base}/responses/${institutionId}/versions/${v.version}`,
      })),
      evidence: evidence.map((e) => ({ ...e, href: `${base}/evidence/${e.id}` })),
      questionnaireVersion: row.questionnaireVersion,
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
    const rows = await this.repo.claimVerdicts(this.ds, roundId, institutionId);
    const names = [...variables.filter((v) => v.verifiable).map((v) => v.name)];
    for (const r of rows) if (!names.includes(r.questionName)) names.push(r.questionName);
    const byName = new Map(variables.map((v) => [v.name, v]));
    return names.map((name) => ({
      questionName: name,
      title: byName.get(name)?.title ?? { es: name, en: name },
      claimed: submitted && Object.prototype.hasOwnProperty.call(submitted, name) ? submitted[name] : null,
      verdicts: rows
        .filter((r) => r.questionName === name)
        .map((r) => ({
          validator: r.validator,
          verdict: r.verdict,
          standing: r.standing,
          evidenceUrl: r.evidenceUrl,
          evidenceHref: r.evidenceFileId ? `/api/rounds/${roundId}/evidence/${r.evidenceFileId}` : null,
          comment: r.comment,
          recordedAt: r.createdAt.toISOString(),
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
    const row = await this.repo.versionSnapshot(this.ds, roundId, institutionId, version);
    if (!row) throw notFound('version', 'version');
    return {
      responseId: row.responseId,
      version: row.version,
      submittedAt: row.submittedAt.toISOString(),
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
