import { Injectable } from '@nestjs/common';
import { INDICATORS, METHOD_ID } from '@apertura/metric';
import type { AggregateRow, MethodSettings, PooledVariances } from '@apertura/metric';
import type { RecomputeAreaJob } from '@apertura/queue';
import { refinalized, roundAggregates, roundPool, StoredInstitutionResult } from './aggregation-input';
import { LoadedAreaInputs, MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import type { EntityManager } from 'typeorm';
import { InstitutionPatch, MetricResultsRepository, Stamp } from './metric-results.repository';
import { rankRows } from './rank-rows';
import { RankRepository } from './rank.repository';
import { methodSettingsOf } from './method-settings';
import { yieldToEventLoop } from './progress';
import { aggregateResultRows, repooledRows } from './to-result-rows';

/** A stored result this method wrote (apertura-2 stores the core; apertura-1 did not). */
const isCurrentForm = (s: StoredInstitutionResult): boolean =>
  typeof s.core === 'object' && s.core !== null && typeof s.pooledKey === 'string';

/** Institutions re-finalised between two turns of the event loop. */
const YIELD_EVERY = 200;

/**
 * Re-aggregates a whole round (municipality, state, national, level, type; every mean) from the
 * stored institution results: one bulk read, every area at once, so a burst of institution changes
 * becomes one area job. First it re-forms the round's pooled variances (§5) from the stored cores
 * and re-finalises the institutions the new pool changes (their rows are patched in the same
 * transaction), so aggregates, institution rows and a full rebuild agree.
 */
@Injectable()
export class AreaRecomputeService {
  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
    private readonly ranks: RankRepository,
  ) {}

  /** §9: every ranking's rank intervals, from the rows just written (the worker's job, never a request's). */
  private async storeRanks(m: EntityManager, roundId: string, stamp: Stamp): Promise<void> {
    const rows = rankRows(roundId, await this.ranks.loadRankInputs(roundId, m));
    await this.ranks.replaceRanks(roundId, rows, METHOD_ID, stamp.watermark, stamp.computedAt, m);
  }

  async recompute(job: RecomputeAreaJob): Promise<{ watermark: string; rows: number }> {
    const { roundId } = job;
    const loaded = await this.inputs.loadArea(roundId);
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    if ([...loaded.results.values()].some((s) => !isCurrentForm(s))) {
      // Results an earlier method (apertura-1) stored have no core to re-finalise: the round is
      // rebuilt under the current method instead, and keeps its labelled old numbers until then.
      await this.results.inRoundTransaction(roundId, (m) =>
        this.results.requestRebuild(m, roundId, `stored results of an earlier method than ${METHOD_ID}`),
      );
      return { watermark: loaded.watermark, rows: 0 };
    }
    const inUniverse = new Set(loaded.placements.map((p) => p.institutionId));
    const pooled = roundPool([...loaded.results.values()].filter((s) => inUniverse.has(s.institutionId)));
    const { results, patches } = await this.repool(loaded, settings, pooled);
    // One indicator at a time, yielding in between (as the full rebuild does): a national round's
    // aggregation is about a second of CPU, and the institution jobs of this worker share its event loop.
    const aggregates: AggregateRow[] = [];
    for (const indicator of INDICATORS) {
      aggregates.push(
        ...roundAggregates(loaded.placements, results, loaded.population, settings, pooled, loaded.design, [indicator]),
      );
      await yieldToEventLoop();
    }
    const rows = aggregateResultRows(aggregates);
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    await this.results.inRoundTransaction(roundId, async (m) => {
      await this.results.patchInstitutions(m, roundId, patches);
      await this.results.upsertResults(m, roundId, rows, stamp);
      await this.results.deleteStaleAreas(m, roundId, stamp.watermark);
      await this.results.savePool(m, roundId, pooled, stamp);
      await this.storeRanks(m, roundId, stamp);
      await this.results.announce(m, roundId, stamp.watermark, 'areas');
    });
    this.inputs.rememberStored(
      roundId,
      patches.map((p) => ({ institutionId: p.institutionId, watermark: p.watermark, result: p.value })),
    );
    return { watermark: stamp.watermark, rows: rows.length };
  }

  /** Stored results finalised under `pooled`, with the patches for those that were not yet. */
  private async repool(
    loaded: LoadedAreaInputs,
    settings: MethodSettings,
    pooled: PooledVariances,
  ): Promise<{ results: Map<string, StoredInstitutionResult>; patches: InstitutionPatch[] }> {
    const results = new Map(loaded.results);
    const patches: InstitutionPatch[] = [];
    let k = 0;
    for (const [institutionId, stored] of loaded.results) {
      if (++k % YIELD_EVERY === 0) await yieldToEventLoop();
      const next = refinalized(stored, settings, pooled);
      if (next === null) continue;
      const watermark = loaded.versions.get(institutionId);
      if (watermark === undefined) continue;
      results.set(institutionId, next.form.value);
      patches.push({
        institutionId,
        watermark,
        rows: next.changed ? repooledRows(next.form.value) : [],
        neededReports: next.form.value.neededReports,
        value: next.form.value,
        json: next.form.json,
      });
    }
    return { results, patches };
  }
}
