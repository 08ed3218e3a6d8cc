import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { METHOD_ID, METHOD_VERSION, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import type { UserPrincipal } from '../common/principal';
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
import { csvShaper, csvWriter, jsonWriter } from './export-writers';
import { ExportRound, ExportsRepository, StoredMethod } from './exports.repository';
import { RoundErrors } from '../common/rounds/rounds.errors';

export type { ExportRound } from './exports.repository';

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
  // Read-only: the repository reads on the read connection (a replica when DATABASE_READ_URL is set).
  constructor(
    private readonly repo: ExportsRepository,
    private readonly slots: ExportSlots,
  ) {}

  /** A published round; anything else (unknown, draft, open, closed) is indistinguishable: 404. */
  async publishedRound(roundId: string): Promise<ExportRound> {
    const round = await this.repo.findRound(roundId);
    if (!round || round.status !== 'published') throw RoundErrors.notFound('roundId');
    return round;
  }

  /** Any round, in any status: for callers whose access to it was checked elsewhere (co-signers, issue #18). */
  async anyRound(roundId: string): Promise<ExportRound> {
    const round = await this.repo.findRound(roundId);
    if (!round) throw RoundErrors.notFound('roundId');
    return round;
  }

  /** A round of the caller's guarantor, in any status. */
  async ownedRound(actor: UserPrincipal, roundId: string): Promise<ExportRound> {
    const guarantorId = guarantorOf(actor);
    const round = await this.repo.findRound(roundId, guarantorId);
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
      const methods = format === 'json' ? await this.repo.storedMethods(round.id) : [];
      const { rows, columns } = await this.repo.openExport(dataset, format, round.id);
      return format === 'csv'
        ? [rows, csvShaper(), csvWriter(columns, opts)]
        : [rows, jsonWriter(this.meta(round, dataset, columns, methods), columns)];
    });
  }

  /**
   * `method`: the method of the stored rows (the library's when there are none yet); `methods`: all
   * of them, since a round recomputed only in part can hold rows of two methods (each row says its own).
   */
  private meta(round: ExportRound, dataset: ExportDataset, columns: readonly string[], methods: StoredMethod[]) {
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
}
