import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JsonObject, ResponseStatus } from '@apertura/db';
import type { UserPrincipal } from '../auth/principal';
import { notFound } from '../common/domain-error';
import { EvidenceDownload, EvidenceService } from '../evidence/evidence.service';
import { EvidenceDto } from '../evidence/dto/evidence.dto';
import { ListResponsesQueryDto, ResponseInstitutionDto, ResponsePageDto, StaffResponseDto, StaffVersionDto } from './dto/staff-responses.dto';
import { ResponseState } from './dto/respond.dto';

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

/** Self-reports of a round as the guarantor's staff see them (own guarantor only; other ids are 404). */
@Injectable()
export class StaffResponsesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly evidence: EvidenceService,
  ) {}

  async list(user: UserPrincipal, roundId: string, query: ListResponsesQueryDto): Promise<ResponsePageDto> {
    await this.ownRound(user, roundId);
    const filters = `WHERE ($2::text IS NULL OR ${STATUS} = $2) AND ($3::text IS NULL OR i.cve_ent = $3)`;
    const from = `FROM ${ROUND_MEMBERS} mb
      JOIN institution i ON i.id = mb.institution_id
      LEFT JOIN response r ON r.round_id = $1 AND r.institution_id = i.id`;
    const params = [roundId, query.status ?? null, query.cveEnt ?? null];
    const [{ total }]: Array<{ total: number }> = await this.ds.query(`SELECT count(*)::int AS total ${from} ${filters}`, params);
    const rows: Array<InstitutionRow & { status: ResponseState; version: number; submitted_at: Date | null }> = await this.ds.query(
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
    await this.ownRound(user, roundId);
    const [row]: Array<
      InstitutionRow & { response_id: string | null; status: ResponseStatus | null; version: number | null; submitted_at: Date | null; submitted: JsonObject | null }
    > = await this.ds.query(
      `SELECT i.id, i.name, i.type, i.level, i.cve_ent, i.cvegeo, r.id AS response_id, r.status, r.version, r.submitted_at, r.submitted
       FROM institution i LEFT JOIN response r ON r.round_id = $1 AND r.institution_id = i.id
       WHERE i.id = $2 AND i.id IN ${ROUND_MEMBERS}`,
      [roundId, institutionId],
    );
    if (!row) throw notFound('institution in this round', 'institutionId');
    const versions: Array<{ version: number; submitted_at: Date; cleared: string[] }> = row.response_id
      ? await this.ds.query('SELECT version, submitted_at, cleared FROM response_version WHERE response_id = $1 ORDER BY version', [row.response_id])
      : [];
    return {
      institution: toInstitution(row),
      status: row.status ?? 'none',
      responseId: row.response_id,
      version: row.version ?? 0,
      submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
      submitted: row.submitted,
      versions: versions.map((v) => ({ version: v.version, submittedAt: v.submitted_at.toISOString(), cleared: v.cleared })),
      evidence: await this.evidence.listOwn(roundId, institutionId),
    };
  }

  async version(user: UserPrincipal, roundId: string, institutionId: string, version: number): Promise<StaffVersionDto> {
    await this.ownRound(user, roundId);
    const [row]: Array<{ response_id: string; version: number; submitted_at: Date; cleared: string[]; data: JsonObject; evidence: JsonObject[] }> =
      await this.ds.query(
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
    await this.ownRound(user, roundId);
    return this.evidence.downloadInRound(roundId, evidenceId);
  }

  private async ownRound(user: UserPrincipal, roundId: string): Promise<void> {
    const rows: Array<{ id: string }> = await this.ds.query('SELECT id FROM round WHERE id = $1 AND guarantor_id = $2', [roundId, user.guarantorId]);
    if (rows.length === 0) throw notFound('round', 'roundId');
  }
}
