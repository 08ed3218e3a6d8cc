import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { RoundStatus } from '@apertura/db';
import { METHOD_ID, METHOD_VERSION, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import type { UserPrincipal } from '../auth/principal';
import { ExportSlots } from './export-slots';
import { guarantorOf } from '../common/guarantor-of';
import {
  dataDictionary,
  DATASET_DESCRIPTIONS,
  ExportDataset,
  ExportFile,
  ExportFormat,
  NEUTRALISATION,
  SOURCES,
  SYNTHETIC_NOTICE,
} from './export-columns';
import { exportQuery, STORED_METHODS_SQL } from './export-sql';
import { csvShaper, csvWriter, jsonWriter } from './export-writers';
import { openCursor } from './pg-cursor';
import { RoundErrors } from '../rounds/rounds.errors';

export interface ExportRound {
  id: string;
  name: string;
  status: RoundStatus;
  synthetic: boolean;
  publishedAt: Date | null;
  guarantorName: string;
}

export type ExportAudience = 'public' | 'staff';

export { MAX_CONCURRENT_EXPORTS } from './export-slots';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * Open-data exports of a round's results (DESIGN.md: exports read result tables only). Rows stream
 * from a PostgreSQL cursor through a CSV/JSON writer into the response with backpressure, so a
 * 10,000-institution round costs the same memory as a small one.
 */
@Injectable()
export class ExportsService {
  // Read-only: served by the read connection (a replica when DATABASE_READ_URL is set).
  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly ds: DataSource,
    private readonly slots: ExportSlots,
  ) {}

  /** A published round; anything else (unknown, draft, open, closed) is indistinguishable: 404. */
  async publishedRound(roundId: string): Promise<ExportRound> {
    const round = await this.findRound(roundId);
    if (!round || round.status !== 'published') throw RoundErrors.notFound('roundId');
    return round;
  }

  /** Any round, in any status: for callers whose access to it was checked elsewhere (co-signers, issue #18). */
  async anyRound(roundId: string): Promise<ExportRound> {
    const round = await this.findRound(roundId);
    if (!round) throw RoundErrors.notFound('roundId');
    return round;
  }

  /** A round of the caller's guarantor, in any status. */
  async ownedRound(actor: UserPrincipal, roundId: string): Promise<ExportRound> {
    const guarantorId = guarantorOf(actor);
    const round = await this.findRound(roundId, guarantorId);
    if (!round) throw RoundErrors.notFound('roundId');
    return round;
  }

  async send(
    round: ExportRound,
    file: ExportFile,
    audience: ExportAudience,
    opts: { bom: boolean },
    res: Response,
  ): Promise<void> {
    res.setHeader('Cache-Control', audience === 'public' ? 'public, max-age=300' : 'private, no-store');
    if (round.synthetic) res.setHeader('X-Apertura-Synthetic', 'true');
    if (file.kind === 'dictionary') {
      res.status(200).json(dataDictionary());
      return;
    }
    await this.stream(round, file.dataset, file.format, opts, res);
  }

  private async stream(
    round: ExportRound,
    dataset: ExportDataset,
    format: ExportFormat,
    opts: { bom: boolean },
    res: Response,
  ): Promise<void> {
    const headers = {
      'Content-Type': CONTENT_TYPE[format],
      'Content-Disposition': `attachment; filename="apertura-${round.id}-${dataset}.${format}"`,
    };
    await this.slots.stream(`${dataset}.${format} of round ${round.id}`, res, headers, async () => {
      const q = exportQuery(dataset, format, round.id);
      const methods = format === 'json' ? await this.storedMethods(round.id) : [];
      const rows = await openCursor(this.ds, q.text, q.values);
      return format === 'csv'
        ? [rows, csvShaper(), csvWriter(q.columns, opts)]
        : [rows, jsonWriter(this.meta(round, dataset, q.columns, methods), q.columns)];
    });
  }

  private async storedMethods(roundId: string): Promise<Array<{ id: string; version: string }>> {
    const rows: Array<{ method_id: string; method_version: string }> = await this.ds.query(STORED_METHODS_SQL, [
      roundId,
    ]);
    return rows.map((r) => ({ id: r.method_id, version: r.method_version }));
  }

  /**
   * `method`: the method of the stored rows (the library's when there are none yet); `methods`: all
   * of them, since a round recomputed only in part can hold rows of two methods (each row says its own).
   */
  private meta(
    round: ExportRound,
    dataset: ExportDataset,
    columns: readonly string[],
    methods: Array<{ id: string; version: string }>,
  ) {
    return {
      dataset,
      description: DATASET_DESCRIPTIONS[dataset],
      layout: 'long',
      round: {
        id: round.id,
        name: round.name,
        status: round.status,
        synthetic: round.synthetic,
        guarantor: round.guarantorName,
        publishedAt: round.publishedAt ? round.publishedAt.toISOString() : null,
      },
      method: methods[0] ?? { id: METHOD_ID, version: METHOD_VERSION },
      methods,
      generatedAt: new Date().toISOString(),
      columns,
      dictionary: `/api/public/rounds/${round.id}/export/dictionary.json`,
      notices: {
        volunteerSample: { ...VOLUNTEER_SAMPLE_NOTICE },
        synthetic: round.synthetic ? SYNTHETIC_NOTICE : null,
      },
      neutralisation: NEUTRALISATION,
      sources: SOURCES,
    };
  }

  private async findRound(roundId: string, guarantorId?: string): Promise<ExportRound | null> {
    const rows: Array<{
      id: string;
      name: string;
      status: RoundStatus;
      synthetic: boolean;
      published_at: Date | null;
      guarantor_name: string;
    }> = await this.ds.query(
      `SELECT r.id, r.name, r.status, r.synthetic, r.published_at, g.name AS guarantor_name
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id
         WHERE r.id = $1 AND ($2::uuid IS NULL OR r.guarantor_id = $2)`,
      [roundId, guarantorId ?? null],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          name: r.name,
          status: r.status,
          synthetic: r.synthetic,
          publishedAt: r.published_at,
          guarantorName: r.guarantor_name,
        }
      : null;
  }
}
