import { Injectable } from '@nestjs/common';
import { buildInstitution } from '@apertura/metric';
import type { RecomputeInstitutionJob } from '@apertura/queue';
import { finalizeForStorage } from './aggregation-input';
import { LoadedInputs, MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { MetricResultsRepository } from './metric-results.repository';
import { methodSettingsOf } from './method-settings';
import { questionnairesUsed } from './provenance';
import { institutionResultRows } from './to-result-rows';

/**
 * Recomputes one institution of a round from its inputs and stores its rows and its stored result,
 * finalised with the round's pool as of its last area aggregation (§5); the area job this schedules
 * re-forms the pool with this institution's new data and re-finalises whoever it changes.
 */
@Injectable()
export class InstitutionRecomputeService {
  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
  ) {}

  async recompute(job: RecomputeInstitutionJob): Promise<{ watermark: string }> {
    const { roundId, institutionId } = job;
    const loaded = await this.inputs.load(roundId, institutionId);
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    if (loaded.placements.length === 0) {
      // Not (or no longer) in the round's universe: nothing of it may be published.
      await this.results.inRoundTransaction(
        roundId,
        async (m) => {
          await this.results.deleteInstitution(m, roundId, institutionId, stamp.watermark);
          await this.results.announce(m, roundId, stamp.watermark, 'institution', institutionId);
        },
        'exclusive',
      );
      return { watermark: stamp.watermark };
    }
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    const { input, provenance } = loaded.collector.institution(institutionId);
    const { result, form } = finalizeForStorage(buildInstitution(input, settings), settings, loaded.pooled);
    const rows = institutionResultRows(
      result,
      provenance,
      questionnairesUsed(loaded.round, loaded.questionnaires, provenance),
    );
    // Shared: beside other institutions' jobs and the round's area job (MetricResultsRepository's lock
    // order: the stored result first — it is this institution's mutex — then its rows, the announcement last).
    await this.results.inRoundTransaction(
      roundId,
      async (m) => {
        await this.results.upsertStored(m, roundId, [{ form, clusters: result.clusters }], stamp);
        await this.results.upsertResults(m, roundId, rows, stamp);
        await this.results.deleteInstitutionRowsExcept(
          m,
          roundId,
          institutionId,
          rows.map((r) => r.indicator),
          stamp.watermark,
        );
        await this.results.announce(m, roundId, stamp.watermark, 'institution', institutionId);
      },
      'shared',
    );
    await this.keepScores(loaded);
    return { watermark: stamp.watermark };
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
