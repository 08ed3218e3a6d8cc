import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_CONNECTION } from '../common/infrastructure.module';
import type { Response } from 'express';
import { pipeline } from 'stream/promises';
import { DataSource } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import type { RoundStatus } from '@apertura/db';
import { METHOD_ID, METHOD_VERSION, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import type { UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { guarantorOf } from '../universe/universe.service';
import { dataDictionary, DATASET_DESCRIPTIONS, ExportDataset, ExportFile, ExportFormat, NEUTRALISATION, SOURCES, SYNTHETIC_NOTICE } from './export-columns';
import { exportQuery, STORED_METHODS_SQL } from './export-sql';
import { csvShaper, csvWriter, jsonWriter } from './export-writers';
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

/** Why the server ended a download itself: its client stopped reading, or it outlived the deadline. */
type CutReason = 'idle' | 'deadline';

/**
 * Ends a download whose client stopped reading or that outlived its deadline. "Stopped reading" is
 * measured on the response itself: it has been waiting for the client to drain its buffer (socket
 * buffers full) for `idleMs` without a single 'drain'. A slow query or a slow but steady reader is
 * not idle; only the deadline bounds those. Destroying the response unwinds the whole pipeline: the
 * cursor closes, its connection returns to the pool and the slot is freed (issue #13: four stalled
 * readers held every slot).
 */
function watchdog(res: Response, idleMs: number, deadlineMs: number): { stop(): void; cutFor(): CutReason | null } {
  let reason: CutReason | null = null;
  const cut = (why: CutReason): void => {
    if (res.destroyed) return;
    reason = why;
    res.destroy();
  };
  let waitingSince: number | null = null;
  const onDrain = (): void => {
    waitingSince = null;
  };
  res.on('drain', onDrain);
  const poll = setInterval(
    () => {
      if (!res.writableNeedDrain) waitingSince = null;
      else if (waitingSince === null) waitingSince = Date.now();
      else if (Date.now() - waitingSince >= idleMs) cut('idle');
    },
    Math.max(25, Math.min(1000, Math.floor(idleMs / 4))),
  );
  const deadline = setTimeout(() => cut('deadline'), deadlineMs);
  return {
    cutFor: () => reason,
    stop() {
      clearInterval(poll);
      clearTimeout(deadline);
      res.off('drain', onDrain);
    },
  };
}

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
  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly ds: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

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
      const q = exportQuery(dataset, format, round.id);
      const methods = format === 'json' ? await this.storedMethods(round.id) : [];
      const rows = await openCursor(this.ds, q.text, q.values);
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPE[format]);
      res.setHeader('Content-Disposition', `attachment; filename="apertura-${round.id}-${dataset}.${format}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const guard = watchdog(res, this.env.EXPORT_IDLE_TIMEOUT_MS, this.env.EXPORT_DEADLINE_MS);
      try {
        if (format === 'csv') await pipeline(rows, csvShaper(), csvWriter(q.columns, opts), res);
        else await pipeline(rows, jsonWriter(this.meta(round, dataset, q.columns, methods), q.columns), res);
      } catch (err) {
        // Headers are gone by now: the only honest signal left is the truncated (reset) response.
        const cut = guard.cutFor();
        if (cut !== null) this.logger.warn(`export ${dataset}.${format} of round ${round.id} cut (${cut === 'idle' ? 'client stopped reading' : 'deadline'}); slot freed`);
        else if (isAbort(err)) this.logger.debug(`export ${dataset}.${format} of round ${round.id} aborted by the client`);
        else this.logger.error(`export ${dataset}.${format} of round ${round.id} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      } finally {
        guard.stop();
      }
    } finally {
      this.running--;
    }
  }

  private async storedMethods(roundId: string): Promise<Array<{ id: string; version: string }>> {
    const rows: Array<{ method_id: string; method_version: string }> = await this.ds.query(STORED_METHODS_SQL, [roundId]);
    return rows.map((r) => ({ id: r.method_id, version: r.method_version }));
  }

  /**
   * `method`: the method of the stored rows (the library's when there are none yet); `methods`: all
   * of them, since a round recomputed only in part can hold rows of two methods (each row says its own).
   */
  private meta(round: ExportRound, dataset: ExportDataset, columns: readonly string[], methods: Array<{ id: string; version: string }>) {
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
      notices: { volunteerSample: { ...VOLUNTEER_SAMPLE_NOTICE }, synthetic: round.synthetic ? SYNTHETIC_NOTICE : null },
      neutralisation: NEUTRALISATION,
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
