import { Injectable } from '@nestjs/common';
import { buildInstitution } from '@apertura/metric';
import type { RecomputeInstitutionJob } from '@apertura/queue';
import { finalizeForStorage } from './aggregation-input';
import { LoadedInputs, MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { MetricResultsRepository } from './metric-results.repository';
import type { Stamp } from './metric-results.repository';
import { methodSettingsOf } from './method-settings';
import { questionnairesUsed } from './provenance';
import type { StoredWithClusters } from './result-lines';
import { institutionResultRows } from './to-result-rows';
import type { ResultRow } from './to-result-rows';

/**
 * Recomputes institutions of a round from their inputs and stores their rows and their stored
 * results, finalised with the round's pool as of its last area aggregation (§5); the area job this
 * schedules re-forms the pool with their new data and re-finalises whoever it changes.
 *
 * A batch (InstitutionJobs gathers the jobs of a round that arrive together) reads every input from
 * one snapshot and writes in one transaction: each institution gets exactly the rows it would get
 * alone, since nothing in one institution's computation depends on another's.
 */
@Injectable()
export class InstitutionRecomputeService {
  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
  ) {}

  recompute(job: RecomputeInstitutionJob): Promise<{ watermark: string }> {
    return this.recomputeMany(job.roundId, [job.institutionId]);
  }

  /** Recomputes these institutions (distinct ids) of one round; all of them or, on failure, none. */
  async recomputeMany(roundId: string, institutionIds: readonly string[]): Promise<{ watermark: string }> {
    const ids = [...institutionIds].sort();
    const loaded = await this.inputs.load(roundId, ids);
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    const placed = new Set(loaded.placements.map((p) => p.institutionId));
    const gone = ids.filter((id) => !placed.has(id));
    if (gone.length > 0) {
      // Not (or no longer) in the round's universe: nothing of them may be published.
      await this.results.inRoundTransaction(
        roundId,
        async (m) => {
          for (const id of gone) await this.results.deleteInstitution(m, roundId, id, stamp.watermark);
          await this.results.announceInstitutions(m, roundId, stamp.watermark, gone);
        },
        'exclusive',
      );
    }
    const present = ids.filter((id) => placed.has(id));
    if (present.length > 0) await this.store(roundId, loaded, present, stamp);
    await this.keepScores(loaded);
    return { watermark: stamp.watermark };
  }

  /** Computes `ids` (sorted: the lock order) and writes them in one transaction. */
  private async store(roundId: string, loaded: LoadedInputs, ids: readonly string[], stamp: Stamp): Promise<void> {
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    const stored: StoredWithClusters[] = [];
    const rows: ResultRow[] = [];
    const keep: Array<{ institutionId: string; indicators: string[] }> = [];
    for (const institutionId of ids) {
      const { input, provenance } = loaded.collector.institution(institutionId);
      const { result, form } = finalizeForStorage(buildInstitution(input, settings), settings, loaded.pooled);
      const own = institutionResultRows(
        result,
        provenance,
        questionnairesUsed(loaded.round, loaded.questionnaires, provenance),
      );
      stored.push({ form, clusters: result.clusters });
      rows.push(...own);
      keep.push({ institutionId, indicators: own.map((r) => r.indicator) });
    }
    // Shared: beside other institutions' jobs and the round's area job (MetricResultsRepository's lock
    // order: the stored results first, in id order — each is its institution's mutex — then their rows,
    // the announcement last).
    await this.results.inRoundTransaction(
      roundId,
      async (m) => {
        await this.results.upsertStored(m, roundId, stored, stamp);
        await this.results.upsertResults(m, roundId, rows, stamp);
        await this.results.deleteInstitutionRowsExcept(m, roundId, keep, stamp.watermark);
        await this.results.announceInstitutions(m, roundId, stamp.watermark, ids);
      },
      'shared',
    );
  }

  /**
   * This is where an accepted submission (or a new or edited citizen report) gets its scored-answer
   * rows: the job its outbox event triggers scored it from JSON just now and stores the scores under
   * the digest of the JSON it read, so rebuilds read columns. After the results commit and in a
   * transaction of its own: a failure here costs a later reader one re-scoring, never a result.
   */
  private async keepScores(loaded: LoadedInputs): Promise<void> {
    await this.inputs.keepFreshlyScored(loaded.questionnaires, loaded.collector.takeFreshlyScored());
  }
}
