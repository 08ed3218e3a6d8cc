import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { RoundStatus } from '@apertura/db';
import { queryOne, queryRows } from '../common/persistence';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { ExportDataset, ExportFormat } from './export-columns';
import { exportQuery, STORED_METHODS_SQL } from './export-sql';
import type { ExportRoundRow, StoredMethodRow } from './exports.rows';
import { openCursor } from './pg-cursor';

export interface ExportRound {
  id: string;
  name: string;
  status: RoundStatus;
  synthetic: boolean;
  publishedAt: Date | null;
  guarantorName: string;
}

export interface StoredMethod {
  id: string;
  version: string;
}

/** An open-data file's rows, streaming from a server-side cursor, and its columns in order. */
export interface ExportRows {
  columns: readonly string[];
  rows: QueryStream;
}

/**
 * What the open-data exports and the staff microdata read: result tables, the round and its
 * questionnaires. Read-only, on the read connection (a replica when DATABASE_READ_URL is set) and
 * outside any transaction. The files' own SELECTs are built in export-sql.ts / the microdata
 * datasets and stream through pg-cursor.ts (infrastructure: a pooled connection held by a cursor).
 */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource(READ_CONNECTION) private readonly read: DataSource) {}

  /** A round with its guarantor's name, optionally only when `guarantorId` owns it. */
  async findRound(roundId: string, guarantorId?: string): Promise<ExportRound | undefined> {
    const r = await queryOne<ExportRoundRow>(
      this.read,
      `SELECT r.id, r.name, r.status, r.synthetic, r.published_at, g.name AS guarantor_name
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id
         WHERE r.id = $1 AND ($2::uuid IS NULL OR r.guarantor_id = $2)`,
      [roundId, guarantorId ?? null],
    );
    return r === undefined
      ? undefined
      : {
          id: r.id,
          name: r.name,
          status: r.status,
          synthetic: r.synthetic,
          publishedAt: r.published_at,
          guarantorName: r.guarantor_name,
        };
  }

  /** The methods (id and version) of the round's stored results, in order. */
  async storedMethods(roundId: string): Promise<StoredMethod[]> {
    const rows = await queryRows<StoredMethodRow>(this.read, STORED_METHODS_SQL, [roundId]);
    return rows.map((r) => ({ id: r.method_id, version: r.method_version }));
  }

  /** The rows of one open-data file of the round, from a cursor (the caller ends the stream). */
  async openExport(dataset: ExportDataset, format: ExportFormat, roundId: string): Promise<ExportRows> {
    const q = exportQuery(dataset, format, roundId);
    return { columns: q.columns, rows: await openCursor(this.read, q.text, q.values) };
  }
}
