import { Injectable } from '@nestjs/common';
import { computeInstitution, INDICATORS } from '@apertura/metric';
import type { AggregateRow } from '@apertura/metric';
import type { RecomputeRoundJob } from '@apertura/queue';
import { roundAggregates, StoredInstitutionResult, storedResult } from './aggregation-input';
import { MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { MetricResultsRepository, Stamp } from './metric-results.repository';
import { methodSettingsOf } from './method-settings';
import { ProgressReporter, yieldToEventLoop } from './progress';
import { questionnairesUsed } from './provenance';
import { aggregateResultRows, institutionResultRows, ResultRow } from './to-result-rows';

/** Institutions computed and written per transaction (~30 rows each). */
const INSTITUTION_BATCH = 100;

export type RoundOutcome = { status: 'done'; watermark: string; institutions: number; areaRows: number } | { status: 'already-done' };

/**
 * Full rebuild of a round: every input in bulk from one snapshot, every institution, then every
 * area, each written with the snapshot's watermark; rows the rebuild no longer produces (e.g. an
 * institution that left the universe) are deleted in the transaction of the last write, which also
 * marks the run done. A killed run leaves complete batches behind and its retry rewrites all of
 * them, so the end state is the same as an uninterrupted run's.
 */
@Injectable()
export class RoundRecomputeService {
  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
  ) {}

  async recompute(job: RecomputeRoundJob, reportJobProgress: (pct: number) => Promise<void>): Promise<RoundOutcome> {
    const { roundId, runId } = job;
    const state = await this.results.startRun(runId, roundId);
    if (state === 'missing') throw new PermanentMetricError(`recompute run ${runId} of round ${roundId} not found`);
    if (state === 'done') return { status: 'already-done' };
    const progress = new ProgressReporter(async (pct) => {
      await this.results.runProgress(runId, pct);
      await reportJobProgress(pct);
    });
    await progress.report(1);

    const loaded = await this.inputs.load(roundId, null, (f) => progress.report(1 + 24 * f));
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    const stamp: Stamp = { watermark: loaded.watermark, computedAt: new Date() };
    const { placements } = loaded;

    const stored = new Map<string, StoredInstitutionResult>();
    for (let i = 0; i < placements.length; i += INSTITUTION_BATCH) {
      const rows: ResultRow[] = [];
      const batch: StoredInstitutionResult[] = [];
      for (const p of placements.slice(i, i + INSTITUTION_BATCH)) {
        const { input, provenance } = loaded.collector.institution(p.institutionId);
        const result = computeInstitution(input, settings);
        rows.push(...institutionResultRows(result, provenance, questionnairesUsed(loaded.round, loaded.questionnaires, provenance)));
        const s = storedResult(result);
        batch.push(s);
        stored.set(s.institutionId, s);
      }
      await this.results.inRoundTransaction(roundId, async (m) => {
        await this.results.upsertResults(m, roundId, rows, stamp);
        await this.results.upsertStored(m, roundId, batch, stamp);
      });
      await progress.report(25 + (65 * Math.min(placements.length, i + INSTITUTION_BATCH)) / placements.length);
    }

    // Aggregated from the stored form, exactly as a later recompute-area job will read it back.
    const aggregates: AggregateRow[] = [];
    for (const [k, indicator] of INDICATORS.entries()) {
      // One indicator at a time, yielding in between: a national round's aggregation is CPU-bound.
      aggregates.push(...roundAggregates(placements, stored, loaded.population, settings, [indicator]));
      await yieldToEventLoop();
      await progress.report(90 + (8 * (k + 1)) / INDICATORS.length);
    }
    const areaRows = aggregateResultRows(aggregates);
    await this.results.inRoundTransaction(roundId, async (m) => {
      await this.results.upsertResults(m, roundId, areaRows, stamp);
      await this.results.deleteStale(m, roundId, stamp.watermark);
      await this.results.finishRun(m, runId, stamp.watermark);
    });
    await reportJobProgress(100);
    return { status: 'done', watermark: stamp.watermark, institutions: placements.length, areaRows: areaRows.length };
  }

  async fail(job: RecomputeRoundJob, error: string): Promise<void> {
    await this.results.failRun(job.runId, error);
  }
}
