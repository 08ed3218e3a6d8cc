import { Logger } from '@nestjs/common';
import { MetricInputError } from '@apertura/metric';
import { JOBS, Process, Processor, QUEUES } from '@apertura/queue';
import type { Job, RecomputeAreaJob, RecomputeInstitutionJob, RecomputeRoundJob } from '@apertura/queue';
import { AreaRecomputeService } from './area-recompute.service';
import { AreaScheduler } from './area-scheduler';
import { InstitutionRecomputeService } from './institution-recompute.service';
import { PermanentMetricError } from './metric-errors';
import { RoundOutcome, RoundRecomputeService } from './round-recompute.service';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Metric jobs (ids only in the payload). Thin: the services load, compute and write; this class
 * decides retry vs discard. Transient failures throw and Bull retries with backoff
 * (DEFAULT_JOB_OPTIONS); permanent ones (round gone, unscorable questionnaire, invalid settings,
 * inputs libs/metric refuses) are discarded and kept as failed for inspection.
 *
 * Bull 3 adds up the concurrency of named processors: one worker runs up to 4 metric jobs at once,
 * of any name. Writes of one round still serialise (advisory lock in MetricResultsRepository).
 */
@Processor(QUEUES.metric)
export class MetricProcessor {
  private readonly logger = new Logger('Metric');

  constructor(
    private readonly institutions: InstitutionRecomputeService,
    private readonly areas: AreaRecomputeService,
    private readonly rounds: RoundRecomputeService,
    private readonly scheduler: AreaScheduler,
  ) {}

  @Process({ name: JOBS.recomputeInstitution, concurrency: 2 })
  recomputeInstitution(job: Job<RecomputeInstitutionJob>): Promise<{ watermark: string; areaJob: string }> {
    return this.run(job, async () => {
      const { watermark } = await this.institutions.recompute(job.data);
      // After the commit, so whichever area job runs next reads this institution's new result.
      const areaJob = await this.scheduler.schedule(job.queue, job.data.roundId);
      return { watermark, areaJob };
    });
  }

  @Process({ name: JOBS.recomputeArea, concurrency: 1 })
  recomputeArea(job: Job<RecomputeAreaJob>): Promise<{ watermark: string; rows: number }> {
    return this.run(job, () => this.areas.recompute(job.data));
  }

  @Process({ name: JOBS.recomputeRound, concurrency: 1 })
  recomputeRound(job: Job<RecomputeRoundJob>): Promise<RoundOutcome> {
    return this.run(
      job,
      async () => {
        const outcome = await this.rounds.recompute(job.data, (pct) => job.progress(pct));
        if (outcome.status === 'done') {
          this.logger.log(
            `round ${job.data.roundId} rebuilt (run ${job.data.runId}): ${outcome.institutions} institutions, ${outcome.areaRows} area rows, watermark ${outcome.watermark}`,
          );
        }
        return outcome;
      },
      (message) => this.rounds.fail(job.data, message),
    );
  }

  private async run<T>(
    job: Job,
    work: () => Promise<T>,
    onFinalFailure?: (message: string) => Promise<void>,
  ): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const permanent = err instanceof PermanentMetricError || err instanceof MetricInputError;
      if (permanent) {
        // Typed as a promise though Bull only sets a flag; awaited like every other job call.
        await job.discard();
        this.logger.warn(`${job.name} ${String(job.id)} discarded: ${messageOf(err)}`);
      }
      const lastAttempt = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt && onFinalFailure) {
        await onFinalFailure(messageOf(err)).catch((e: unknown) =>
          this.logger.error(`could not record the failure of ${job.name} ${String(job.id)}: ${messageOf(e)}`),
        );
      }
      throw err;
    }
  }
}
