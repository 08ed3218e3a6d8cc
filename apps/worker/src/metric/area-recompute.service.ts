import { Injectable } from '@nestjs/common';
import { INDICATORS } from '@apertura/metric';
import type { AggregateRow } from '@apertura/metric';
import type { RecomputeAreaJob } from '@apertura/queue';
import { roundAggregates } from './aggregation-input';
import { MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { MetricResultsRepository } from './metric-results.repository';
import { methodSettingsOf } from './method-settings';
import { yieldToEventLoop } from './progress';
import { aggregateResultRows } from './to-result-rows';

/**
 * Re-aggregates a whole round (municipality, state, national, level, type; the three means) from the
 * stored institution results: one bulk read, every area at once, so a burst of institution changes
 * becomes one area job.
 */
@Injectable()
export class AreaRecomputeService {
  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
  ) {}

  async recompute(job: RecomputeAreaJob): Promise<{ watermark: string; rows: number }> {
    const { roundId } = job;
    const loaded = await this.inputs.loadArea(roundId);
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    // One indicator at a time, yielding in between (as the full rebuild does): a national round's
    // aggregation is about a second of CPU, and the institution jobs of this worker share its event loop.
    const aggregates: AggregateRow[] = [];
    for (const indicator of INDICATORS) {
      aggregates.push(...roundAggregates(loaded.placements, loaded.results, loaded.population, settings, [indicator]));
      await yieldToEventLoop();
    }
    const rows = aggregateResultRows(aggregates);
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    await this.results.inRoundTransaction(roundId, async (m) => {
      await this.results.upsertResults(m, roundId, rows, stamp);
      await this.results.deleteStaleAreas(m, roundId, stamp.watermark);
    });
    return { watermark: stamp.watermark, rows: rows.length };
  }
}
