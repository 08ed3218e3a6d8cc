import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { JsonObject } from '@apertura/db';
import type { CatalogueIndex } from '@apertura/geo';

/** States in which an import is still to be carried out (a retried job starts over from the bytes). */
const UNFINISHED = ['queued', 'parsing', 'validating', 'importing'];

export type ImportState = 'receiving' | 'queued' | 'parsing' | 'validating' | 'importing' | 'done' | 'failed';

export interface ClaimedImport {
  id: string;
  guarantorId: string;
  requestedBy: string | null;
  requestedRole: string;
  dryRun: boolean;
  totalBytes: number;
}

export interface ImportProgress {
  bytes: number;
  rows: number;
  errorCount: number;
}

/** The worker's reads and writes of universe_import and its chunks. */
@Injectable()
export class UniverseImportRepository {
  private catalogue: Promise<CatalogueIndex> | undefined;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Starts (or restarts) an import: back to 'parsing' with its progress reset; or says why not, when the
   * import is already finished ('finished': a duplicate delivery, or a retry after the commit) or unknown ('missing').
   */
  async claim(importId: string): Promise<ClaimedImport | 'finished' | 'missing'> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [
      Array<{
        id: string;
        guarantor_id: string;
        requested_by: string | null;
        requested_role: string;
        dry_run: boolean;
        total_bytes: string;
      }>,
      number,
    ] = await this.ds.query(
      `UPDATE universe_import SET state = 'parsing', attempts = attempts + 1, bytes_processed = 0, rows_processed = 0, error_count = 0, updated_at = now()
         WHERE id = $1 AND state = ANY($2::text[])
         RETURNING id, guarantor_id, requested_by, requested_role, dry_run, total_bytes`,
      [importId, UNFINISHED],
    );
    if (rows.length === 0) {
      const [found]: Array<{ state: ImportState }> = await this.ds.query(
        'SELECT state FROM universe_import WHERE id = $1',
        [importId],
      );
      return found ? 'finished' : 'missing';
    }
    const r = rows[0];
    return {
      id: r.id,
      guarantorId: r.guarantor_id,
      requestedBy: r.requested_by,
      requestedRole: r.requested_role,
      dryRun: r.dry_run,
      totalBytes: Number(r.total_bytes),
    };
  }

  /** The stored bytes, one chunk per query: the worker never holds the whole file either. */
  async *chunks(importId: string): AsyncGenerator<Uint8Array> {
    for (let seq = 0; ; seq++) {
      const [row]: Array<{ data: Buffer }> = await this.ds.query(
        'SELECT data FROM universe_import_chunk WHERE import_id = $1 AND seq = $2',
        [importId, seq],
      );
      if (!row) return;
      yield row.data;
    }
  }

  async progress(importId: string, p: ImportProgress, state?: ImportState): Promise<void> {
    await this.ds.query(
      `UPDATE universe_import SET bytes_processed = $2, rows_processed = $3, error_count = $4, state = COALESCE($5, state), updated_at = now()
       WHERE id = $1 AND state = ANY($6::text[])`,
      [importId, p.bytes, p.rows, p.errorCount, state ?? null, UNFINISHED],
    );
  }

  /**
   * Runs `work` in one transaction with the import row locked, then marks it finished and drops its
   * bytes in that same transaction; nothing happens when it is already finished. So the upsert, the
   * audit record and 'done' are committed together or not at all.
   */
  async finish(
    importId: string,
    work: (
      m: EntityManager,
    ) => Promise<{ state: 'done' | 'failed'; result?: JsonObject; error?: JsonObject; progress: ImportProgress }>,
  ): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [row]: Array<{ state: ImportState }> = await m.query(
        'SELECT state FROM universe_import WHERE id = $1 FOR UPDATE',
        [importId],
      );
      if (!row || !UNFINISHED.includes(row.state)) return false;
      const out = await work(m);
      await m.query(
        `UPDATE universe_import SET state = $2, result = $3::jsonb, error = $4::jsonb, bytes_processed = $5, rows_processed = $6, error_count = $7,
           finished_at = now(), updated_at = now() WHERE id = $1`,
        [
          importId,
          out.state,
          out.result ? JSON.stringify(out.result) : null,
          out.error ? JSON.stringify(out.error) : null,
          out.progress.bytes,
          out.progress.rows,
          out.progress.errorCount,
        ],
      );
      await m.query('DELETE FROM universe_import_chunk WHERE import_id = $1', [importId]);
      return true;
    });
  }

  async audit(m: EntityManager, imp: ClaimedImport, details: JsonObject): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (actor_user_id, actor_role, guarantor_id, action, entity_type, entity_id, details) VALUES ($1, $2, $3::uuid, 'universe.import', 'universe', $3::text, $4::jsonb)`,
      [imp.requestedBy, imp.requestedRole, imp.guarantorId, JSON.stringify(details)],
    );
  }

  /** The CONAPO catalogue as the validator needs it; read once (it changes only with a migration). */
  catalogueIndex(): Promise<CatalogueIndex> {
    this.catalogue ??= this.ds
      .query('SELECT cvegeo, cve_ent FROM municipality')
      .then((rows: Array<{ cvegeo: string; cve_ent: string }>) => ({
        states: new Set(rows.map((r) => r.cve_ent)),
        municipalities: new Map(rows.map((r) => [r.cvegeo, r.cve_ent])),
      }));
    this.catalogue.catch(() => (this.catalogue = undefined));
    return this.catalogue;
  }
}
