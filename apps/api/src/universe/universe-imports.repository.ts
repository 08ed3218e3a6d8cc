import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxService } from '../common/outbox/outbox.service';
import type { ImportErrorDto, ImportState, UniverseImportJobDto, UniverseImportResultDto } from './dto/universe.dto';

interface ImportRow {
  id: string;
  state: ImportState;
  dry_run: boolean;
  total_bytes: string;
  bytes_processed: string;
  rows_processed: number;
  error_count: number;
  result: UniverseImportResultDto | null;
  error: ImportErrorDto | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const COLUMNS =
  'id, state, dry_run, total_bytes, bytes_processed, rows_processed, error_count, result, error, created_at, updated_at, finished_at';

function toJob(r: ImportRow): UniverseImportJobDto {
  const total = Number(r.total_bytes);
  const done = Number(r.bytes_processed);
  const finished = r.state === 'done' || r.state === 'failed';
  // Reading the file is most of the work; the last percent waits for the commit.
  const percent = finished ? 100 : total > 0 ? Math.min(99, Math.floor((100 * done) / total)) : 0;
  const job: UniverseImportJobDto = {
    id: r.id,
    state: r.state,
    dryRun: r.dry_run,
    progress: {
      bytesProcessed: done,
      totalBytes: total,
      rowsProcessed: r.rows_processed,
      errorCount: r.error_count,
      percent,
    },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
  if (r.result) job.result = r.result;
  if (r.error) job.error = r.error;
  return job;
}

/** The API's side of universe_import: storing an upload, queueing it, and reading its state. */
@Injectable()
export class UniverseImportsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(guarantorId: string, requestedBy: string, requestedRole: string, dryRun: boolean): Promise<string> {
    const [row]: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO universe_import (guarantor_id, requested_by, requested_role, dry_run) VALUES ($1, $2, $3, $4) RETURNING id`,
      [guarantorId, requestedBy, requestedRole, dryRun],
    );
    return row.id;
  }

  async addChunk(importId: string, seq: number, data: Buffer): Promise<void> {
    await this.ds.query('INSERT INTO universe_import_chunk (import_id, seq, data) VALUES ($1, $2, $3)', [
      importId,
      seq,
      data,
    ]);
  }

  /** The upload is complete: queued, and announced to the worker in the same transaction. */
  async enqueue(importId: string, totalBytes: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE universe_import SET state = 'queued', total_bytes = $2, updated_at = now() WHERE id = $1 AND state = 'receiving'`,
        [importId, totalBytes],
      );
      await this.outbox.emit(m, { type: 'universe.import', payload: { importId } });
    });
  }

  /** An upload that did not arrive whole leaves nothing behind (its chunks go with it). */
  async discard(importId: string): Promise<void> {
    await this.ds.query(`DELETE FROM universe_import WHERE id = $1 AND state = 'receiving'`, [importId]);
  }

  async find(guarantorId: string, importId: string): Promise<UniverseImportJobDto | undefined> {
    const [row]: ImportRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM universe_import WHERE id = $1 AND guarantor_id = $2`,
      [importId, guarantorId],
    );
    return row ? toJob(row) : undefined;
  }

  async page(
    guarantorId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: UniverseImportJobDto[]; total: number }> {
    const [rows, [{ n }]]: [ImportRow[], Array<{ n: number }>] = await Promise.all([
      this.ds.query(
        `SELECT ${COLUMNS} FROM universe_import WHERE guarantor_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
        [guarantorId, (page - 1) * pageSize, pageSize],
      ),
      this.ds.query('SELECT count(*)::int AS n FROM universe_import WHERE guarantor_id = $1', [guarantorId]),
    ]);
    return { items: rows.map(toJob), total: n };
  }
}
