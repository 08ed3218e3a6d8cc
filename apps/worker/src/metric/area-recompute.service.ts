import { Injectable } from '@nestjs/common';
import type { RecomputeAreaJob } from '@apertura/queue';
import { roundAggregates } from './aggregation-input';
import { MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { MetricResultsRepository } from './metric-results.repository';
import { methodSettingsOf } from './method-settings';
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
    const rows = aggregateResultRows(roundAggregates(loaded.placements, loaded.results, loaded.population, settings));
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    await this.results.inRoundTransaction(roundId, async (m) => {
      await this.results.upsertResults(m, roundId, rows, stamp);
      await this.results.deleteStaleAreas(m, roundId, stamp.watermark);
    });
    return { watermark: stamp.watermark, rows: rows.length };
  }
}
