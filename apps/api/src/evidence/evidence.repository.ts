import { Injectable } from '@nestjs/common';
import type { JsonObject } from '@apertura/db';
import { lockClause, mutateReturningOne, queryOne, queryRows, type Queryable } from '../common/persistence';
import type { RoundWindow } from '../common/rounds/round-window';
import type { EvidenceDto } from './dto/evidence.dto';
import type { EvidenceContentRow, EvidenceRow, UploadRoundRow, UsageRow } from './evidence.rows';

/** An evidence file's metadata: exactly what the API shows of it (EvidenceDto), sha256 unpadded. */
export type EvidenceRecord = EvidenceDto;

/** A file with its bytes (downloads). */
export interface EvidenceContentRecord extends EvidenceRecord {
  content: Buffer;
}

/** What an upload checks before its transaction: the questions it may cite and the round's window. */
export interface UploadRound {
  definition: JsonObject;
  window: RoundWindow;
  /** The database clock (clock_timestamp()), the one clock every window check uses. */
  now: Date;
}

export interface EvidenceUsage {
  files: number;
  bytes: number;
}

const toEvidence = (r: EvidenceRow): EvidenceRecord => ({
  id: r.id,
  questionName: r.question_name,
  filename: r.filename,
  mimeType: r.mime_type,
  size: r.size,
  sha256: r.sha256.trim(),
});

const EVIDENCE_COLUMNS = 'id, question_name, filename, mime_type, size, sha256';

/**
 * Files an institution itself uploaded for a round (validators' uploads share the table).
 * Parameters: $1 round, $2 institution.
 */
const OWN_FILES = 'round_id = $1 AND institution_id = $2 AND uploader_user_id IS NULL AND deleted_at IS NULL';

/**
 * Evidence files of self-reports in PostgreSQL (evidence_file, content included), and the reads
 * around them: the round's questions an upload may cite, and whether a submitted version cites a file.
 */
@Injectable()
export class EvidenceRepository {
  /** The institution's own files in a round, oldest first. */
  async listOwn(m: Queryable, roundId: string, institutionId: string): Promise<EvidenceRecord[]> {
    const rows = await queryRows<EvidenceRow>(
      m,
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence_file WHERE ${OWN_FILES} ORDER BY created_at, id`,
      [roundId, institutionId],
    );
    return rows.map(toEvidence);
  }

  /** The round's institution questionnaire and its window, by the database clock; undefined for no round. */
  async uploadRound(m: Queryable, roundId: string): Promise<UploadRound | undefined> {
    const r = await queryOne<UploadRoundRow>(
      m,
      `SELECT q.definition, r.status, r.opens_at, r.closes_at, clock_timestamp() AS now
       FROM round r JOIN questionnaire q ON q.id = r.institution_questionnaire_id WHERE r.id = $1`,
      [roundId],
    );
    return (
      r && {
        definition: r.definition,
        window: { status: r.status, opensAt: r.opens_at, closesAt: r.closes_at },
        now: r.now,
      }
    );
  }

  /** Files and bytes the institution has stored for the round (its quota). */
  async usage(m: Queryable, roundId: string, institutionId: string): Promise<EvidenceUsage> {
    const r = await queryOne<UsageRow>(
      m,
      `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM evidence_file WHERE ${OWN_FILES}`,
      [roundId, institutionId],
    );
    return { files: r?.files ?? 0, bytes: Number(r?.bytes ?? 0) };
  }

  async insert(
    m: Queryable,
    f: {
      roundId: string;
      institutionId: string;
      questionName: string;
      filename: string;
      mimeType: string;
      sha256: string;
      content: Buffer;
    },
  ): Promise<EvidenceRecord> {
    const row = await mutateReturningOne<EvidenceRow>(
      m,
      `INSERT INTO evidence_file (round_id, institution_id, question_name, filename, mime_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${EVIDENCE_COLUMNS}`,
      [f.roundId, f.institutionId, f.questionName, f.filename, f.mimeType, f.content.length, f.sha256, f.content],
    );
    if (!row) throw new Error('evidence_file INSERT returned no row');
    return toEvidence(row);
  }

  /** A live file of the institution's own in the round, with its bytes. */
  async ownWithContent(
    m: Queryable,
    roundId: string,
    institutionId: string,
    id: string,
  ): Promise<EvidenceContentRecord | undefined> {
    return this.withContent(
      m,
      'id = $1 AND round_id = $2 AND institution_id = $3 AND uploader_user_id IS NULL AND deleted_at IS NULL',
      [id, roundId, institutionId],
    );
  }

  /** Any file of the round (whoever uploaded it, removed or not), with its bytes. */
  async inRoundWithContent(m: Queryable, roundId: string, id: string): Promise<EvidenceContentRecord | undefined> {
    return this.withContent(m, 'id = $1 AND round_id = $2', [id, roundId]);
  }

  private async withContent(
    m: Queryable,
    where: string,
    params: readonly unknown[],
  ): Promise<EvidenceContentRecord | undefined> {
    const r = await queryOne<EvidenceContentRow>(
      m,
      `SELECT ${EVIDENCE_COLUMNS}, content FROM evidence_file WHERE ${where}`,
      params,
    );
    return r && { ...toEvidence(r), content: r.content };
  }

  /** Locks a live file of the institution's own in the round; false when there is none. */
  async lockOwn(m: Queryable, roundId: string, institutionId: string, id: string): Promise<boolean> {
    const row = await queryOne<{ id: string }>(
      m,
      `SELECT id FROM evidence_file WHERE id = $1 AND round_id = $2 AND institution_id = $3 AND uploader_user_id IS NULL AND deleted_at IS NULL ${lockClause('update')}`,
      [id, roundId, institutionId],
    );
    return row !== undefined;
  }

  /** Whether a submitted version of the institution's response lists the file in its evidence snapshot. */
  async citedByVersion(m: Queryable, roundId: string, institutionId: string, id: string): Promise<boolean> {
    const row = await queryOne<{ cited: boolean }>(
      m,
      `SELECT EXISTS (
         SELECT 1 FROM response_version v JOIN response r ON r.id = v.response_id
         WHERE r.round_id = $1 AND r.institution_id = $2 AND v.evidence @> jsonb_build_array(jsonb_build_object('id', $3::text))
       ) AS cited`,
      [roundId, institutionId, id],
    );
    return row?.cited === true;
  }

  /** Hides the file from the working copy; its bytes stay for the versions that cite it. */
  async markDeleted(m: Queryable, id: string): Promise<void> {
    await m.query('UPDATE evidence_file SET deleted_at = now() WHERE id = $1', [id]);
  }

  async delete(m: Queryable, id: string): Promise<void> {
    await m.query('DELETE FROM evidence_file WHERE id = $1', [id]);
  }
}
