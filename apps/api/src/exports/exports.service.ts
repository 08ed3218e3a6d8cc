import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { Response } from 'express';
import { pipeline } from 'stream/promises';
import type { Transform } from 'stream';
import { DataSource } from 'typeorm';
import type { RoundStatus } from '@apertura/db';
import { METHOD_ID, METHOD_VERSION, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import type { UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { guarantorOf } from '../universe/universe.service';
import { dataDictionary, DATASET_DESCRIPTIONS, ExportDataset, ExportFile, ExportFormat, SOURCES, SYNTHETIC_NOTICE } from './export-columns';
import { exportQuery } from './export-sql';
import { csvWriter, jsonWriter } from './export-writers';
import { openCursor } from './pg-cursor';

export interface ExportRound {
  id: string;
  name: string;
  status: RoundStatus;
  synthetic: boolean;
  publishedAt: Date | null;
  guarantorName: string;
}

export type ExportAudience = 'public' | 'staff';

/**
 * Each running export holds one pooled connection for as long as the client reads; past this many
 * at once a request is refused (503) rather than starving the rest of the API of connections.
 */
export const MAX_CONCURRENT_EXPORTS = 4;

const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** Client went away mid-download: expected, not a server fault. */
const isAbort = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';

/**
 * Open-data exports of a round's results (DESIGN.md: exports read result tables only). Rows stream
 * from a PostgreSQL cursor through a CSV/JSON writer into the response with backpressure, so a
 * 10,000-institution round costs the same memory as a small one.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');
  private running = 0;

  // Read-only: served by the read connection (a replica when DATABASE_READ_URL is set).
  constructor(@InjectDataSource(READ_CONNECTION) private readonly ds: DataSource) {}

  /** A published round; anything else (unknown, draft, open, closed) is indistinguishable: 404. */
  async publishedRound(roundId: string): Promise<ExportRound> {
    const round = await this.findRound(roundId);
    if (!round || round.status !== 'published') throw notFound('ronda publicada', 'roundId');
    return round;
  }

  /** A round of the caller's guarantor, in any status. */
  async ownedRound(actor: UserPrincipal, roundId: string): Promise<ExportRound> {
    const guarantorId = guarantorOf(actor);
    const round = await this.findRound(roundId, guarantorId);
    if (!round) throw notFound('ronda', 'roundId');
    return round;
  }

  async send(round: ExportRound, file: ExportFile, audience: ExportAudience, opts: { bom: boolean }, res: Response): Promise<void> {
    res.setHeader('Cache-Control', audience === 'public' ? 'public, max-age=300' : 'private, no-store');
    if (round.synthetic) res.setHeader('X-Apertura-Synthetic', 'true');
    if (file.kind === 'dictionary') {
      res.status(200).json(dataDictionary());
      return;
    }
    await this.stream(round, file.dataset, file.format, opts, res);
  }

  private async stream(round: ExportRound, dataset: ExportDataset, format: ExportFormat, opts: { bom: boolean }, res: Response): Promise<void> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      throw new DomainError('SERVICE_UNAVAILABLE', {
        es: 'Hay demasiadas descargas en curso; intente de nuevo en un momento.',
        en: 'Too many downloads in progress; try again in a moment.',
      });
    }
    this.running++;
    try {
      const q = exportQuery(dataset, round.id);
      const writer: Transform = format === 'csv' ? csvWriter(q.columns, opts) : jsonWriter(this.meta(round, dataset, q.columns), q.columns);
      const rows = await openCursor(this.ds, q.text, q.values);
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPE[format]);
      res.setHeader('Content-Disposition', `attachment; filename="apertura-${round.id}-${dataset}.${format}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      try {
        await pipeline(rows, writer, res);
      } catch (err) {
        // Headers are gone by now: the only honest signal left is the truncated (reset) response.
        if (isAbort(err)) this.logger.debug(`export ${dataset}.${format} of round ${round.id} aborted by the client`);
        else this.logger.error(`export ${dataset}.${format} of round ${round.id} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      }
    } finally {
      this.running--;
    }
  }

  private meta(round: ExportRound, dataset: ExportDataset, columns: readonly string[]) {
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
      method: { id: METHOD_ID, version: METHOD_VERSION },
      generatedAt: new Date().toISOString(),
      columns,
      dictionary: `/api/public/rounds/${round.id}/export/dictionary.json`,
      notices: { volunteerSample: { ...VOLUNTEER_SAMPLE_NOTICE }, synthetic: round.synthetic ? SYNTHETIC_NOTICE : null },
      sources: SOURCES,
    };
  }

  private async findRound(roundId: string, guarantorId?: string): Promise<ExportRound | null> {
    const rows: Array<{ id: string; name: string; status: RoundStatus; synthetic: boolean; published_at: Date | null; guarantor_name: string }> =
      await this.ds.query(
        `SELECT r.id, r.name, r.status, r.synthetic, r.published_at, g.name AS guarantor_name
         FROM round r JOIN guarantor g ON g.id = r.guarantor_id
         WHERE r.id = $1 AND ($2::uuid IS NULL OR r.guarantor_id = $2)`,
        [roundId, guarantorId ?? null],
      );
    const r = rows[0];
    return r ? { id: r.id, name: r.name, status: r.status, synthetic: r.synthetic, publishedAt: r.published_at, guarantorName: r.guarantor_name } : null;
  }
}
