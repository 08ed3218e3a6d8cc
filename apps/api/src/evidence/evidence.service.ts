import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { JsonObject, RoundStatus } from '@apertura/db';
import type { InvitationPrincipal } from '../auth/principal';
import { notFound } from '../common/domain-error';
import { RoundWindowService } from '../rounds/round-window.service';
import { answerableQuestionNames } from '../responses/submission';
import { assertAcceptsSubmissions } from '../rounds/round-window';
import { EvidenceDto } from './dto/evidence.dto';
import { EvidenceErrors } from './evidence.errors';
import { contentDisposition, resolveEvidenceType, safeFilename } from './evidence-type';
import { sniffMime } from './sniff-mime';
import { RoundErrors } from '../rounds/rounds.errors';

/** Upload limits (DESIGN.md: self-reported evidence, stored in PostgreSQL with its checksum). */
export const EVIDENCE_LIMITS = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesPerInstitution: 100,
  maxBytesPerInstitution: 200 * 1024 * 1024,
});

/** What multer (memory storage) hands over for the `file` part. */
export interface UploadedEvidence {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface EvidenceDownload {
  content: Buffer;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  headers: Record<string, string>;
}

interface EvidenceRow {
  id: string;
  question_name: string | null;
  filename: string;
  mime_type: string;
  size: number;
  sha256: string;
}

export const toEvidenceDto = (r: EvidenceRow): EvidenceDto => ({
  id: r.id,
  questionName: r.question_name,
  filename: r.filename,
  mimeType: r.mime_type,
  size: r.size,
  sha256: r.sha256.trim(),
});

/** The snapshot a submitted version keeps of its evidence (response_version.evidence). */
export const toEvidenceSnapshot = (r: EvidenceRow): JsonObject => ({ ...toEvidenceDto(r) });

const EVIDENCE_COLUMNS = 'id, question_name, filename, mime_type, size, sha256';

/** Files an institution itself uploaded for a round (validators' uploads share the table). */
const OWN_FILES = 'round_id = $1 AND institution_id = $2 AND uploader_user_id IS NULL AND deleted_at IS NULL';

/** Evidence files of self-reports: upload with content sniffing, listing, download, removal. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly window: RoundWindowService,
  ) {}

  async listOwn(
    roundId: string,
    institutionId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<EvidenceDto[]> {
    const rows: EvidenceRow[] = await manager.query(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence_file WHERE ${OWN_FILES} ORDER BY created_at, id`,
      [roundId, institutionId],
    );
    return rows.map(toEvidenceDto);
  }

  /** Snapshot of the institution's current files, taken inside the submit transaction. */
  async snapshot(manager: EntityManager, roundId: string, institutionId: string): Promise<JsonObject[]> {
    const rows: EvidenceRow[] = await manager.query(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence_file WHERE ${OWN_FILES} ORDER BY created_at, id`,
      [roundId, institutionId],
    );
    return rows.map(toEvidenceSnapshot);
  }

  async upload(
    inv: InvitationPrincipal,
    file: UploadedEvidence | undefined,
    questionName: string,
  ): Promise<EvidenceDto> {
    const [q]: Array<{ definition: JsonObject; status: RoundStatus; opens_at: Date; closes_at: Date; now: Date }> =
      await this.ds.query(
        `SELECT q.definition, r.status, r.opens_at, r.closes_at, clock_timestamp() AS now
       FROM round r JOIN questionnaire q ON q.id = r.institution_questionnaire_id WHERE r.id = $1`,
        [inv.roundId],
      );
    if (!q) throw RoundErrors.notFound();
    // Early answer for a closed round; checked again under the round lock below.
    assertAcceptsSubmissions({ status: q.status, opensAt: q.opens_at, closesAt: q.closes_at }, q.now);
    if (!file || !Buffer.isBuffer(file.buffer)) {
      throw EvidenceErrors.fileMissing();
    }
    if (file.buffer.length === 0) {
      throw EvidenceErrors.fileEmpty();
    }
    if (file.buffer.length > EVIDENCE_LIMITS.maxFileBytes) {
      throw EvidenceErrors.fileTooLarge();
    }
    const decision = resolveEvidenceType(sniffMime(file.buffer), file.mimetype, file.originalname);
    if (!decision.ok) throw EvidenceErrors.unsupported(decision.reason);
    const filename = safeFilename(file.originalname, decision.mimeType);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');

    if (!answerableQuestionNames(q.definition).has(questionName)) {
      throw EvidenceErrors.notAQuestion(questionName);
    }

    return this.ds.transaction(async (m) => {
      await this.window.lockAcceptingSubmissions(m, inv.roundId);
      const [usage]: Array<{ files: number; bytes: string }> = await m.query(
        `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM evidence_file WHERE ${OWN_FILES}`,
        [inv.roundId, inv.institutionId],
      );
      if (
        usage.files >= EVIDENCE_LIMITS.maxFilesPerInstitution ||
        Number(usage.bytes) + file.buffer.length > EVIDENCE_LIMITS.maxBytesPerInstitution
      ) {
        throw EvidenceErrors.institutionQuotaReached(EVIDENCE_LIMITS.maxFilesPerInstitution);
      }
      const [row]: EvidenceRow[] = await m.query(
        `INSERT INTO evidence_file (round_id, institution_id, question_name, filename, mime_type, size, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${EVIDENCE_COLUMNS}`,
        [
          inv.roundId,
          inv.institutionId,
          questionName,
          filename,
          decision.mimeType,
          file.buffer.length,
          sha256,
          file.buffer,
        ],
      );
      return toEvidenceDto(row);
    });
  }

  /** A file of the invitation's institution in its round (never another institution's: 404). */
  async downloadOwn(inv: InvitationPrincipal, id: string): Promise<EvidenceDownload> {
    return this.download(
      'id = $1 AND round_id = $2 AND institution_id = $3 AND uploader_user_id IS NULL AND deleted_at IS NULL',
      [id, inv.roundId, inv.institutionId],
    );
  }

  /** Any file of a round, including files removed after a version cited them (staff, own guarantor checked by the caller). */
  async downloadInRound(roundId: string, id: string): Promise<EvidenceDownload> {
    return this.download('id = $1 AND round_id = $2', [id, roundId]);
  }

  private async download(where: string, params: unknown[]): Promise<EvidenceDownload> {
    const [row]: Array<EvidenceRow & { content: Buffer }> = await this.ds.query(
      `SELECT ${EVIDENCE_COLUMNS}, content FROM evidence_file WHERE ${where}`,
      params,
    );
    if (!row) throw notFound('evidence file', 'id');
    const textual = row.mime_type.startsWith('text/');
    return {
      content: row.content,
      filename: row.filename,
      mimeType: row.mime_type,
      size: row.size,
      sha256: row.sha256.trim(),
      headers: {
        'Content-Type': textual ? `${row.mime_type}; charset=utf-8` : row.mime_type,
        'Content-Disposition': contentDisposition(row.filename),
        'Content-Length': String(row.content.length),
        'X-Content-Type-Options': 'nosniff',
        // Even if a browser rendered it, the file gets no script, no origin, no network.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        ETag: `"${row.sha256.trim()}"`,
      },
    };
  }

  /**
   * Removes a file while the round takes answers. A file cited by a submitted version stays stored
   * (hidden from the working copy) so that version keeps its evidence; any other file is deleted.
   */
  async remove(inv: InvitationPrincipal, id: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await this.window.lockAcceptingSubmissions(m, inv.roundId);
      const [row]: Array<{ id: string }> = await m.query(
        `SELECT id FROM evidence_file WHERE id = $1 AND round_id = $2 AND institution_id = $3 AND uploader_user_id IS NULL AND deleted_at IS NULL FOR UPDATE`,
        [id, inv.roundId, inv.institutionId],
      );
      if (!row) throw notFound('evidence file', 'id');
      const [cited]: Array<{ cited: boolean }> = await m.query(
        `SELECT EXISTS (
           SELECT 1 FROM response_version v JOIN response r ON r.id = v.response_id
           WHERE r.round_id = $1 AND r.institution_id = $2 AND v.evidence @> jsonb_build_array(jsonb_build_object('id', $3::text))
         ) AS cited`,
        [inv.roundId, inv.institutionId, id],
      );
      if (cited.cited) await m.query('UPDATE evidence_file SET deleted_at = now() WHERE id = $1', [id]);
      else await m.query('DELETE FROM evidence_file WHERE id = $1', [id]);
    });
  }
}
