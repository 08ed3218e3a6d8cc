import { Logger } from '@nestjs/common';
import { InjectQueue, JOBS, Process, Processor, QUEUES } from '@apertura/queue';
import type { Job, Queue, RecomputeAreaJob, RecomputeInstitutionJob, RecomputeRoundJob } from '@apertura/queue';
import { AreaRecomputeService } from './area-recompute.service';
import type { AreaOutcome } from './area-recompute.service';
import { AreaScheduler, newerAreaJobWaiting } from './area-scheduler';
import { InTurn } from './in-turn';
import { INSTITUTION_JOBS_AT_ONCE, InstitutionJobOutcome, InstitutionJobs } from './institution-jobs';
import { runMetricJob } from './metric-job';
import { RoundOutcome, RoundRecomputeService } from './round-recompute.service';

/**
 * Metric jobs (ids only in the payload). Thin: the services load, compute and write; runMetricJob
 * decides retry vs discard.
 *
 * Bull 3 adds up the concurrency of a queue's named processors, so any of this queue's slots may take
 * a job of any name. Institution jobs hold many slots because they wait in InstitutionJobs for the
 * batch they join; full rebuilds therefore run one at a time per worker here (InTurn). Area jobs have
 * their own queue (AreaProcessor), so that they never take the slots institution jobs need.
 */
@Processor(QUEUES.metric)
export class MetricProcessor {
  private readonly logger = new Logger('Metric');

  private readonly rebuilds = new InTurn();

  constructor(
    private readonly institutions: InstitutionJobs,
    private readonly rounds: RoundRecomputeService,
    private readonly scheduler: AreaScheduler,
    @InjectQueue(QUEUES.areas) private readonly areaQueue: Queue,
  ) {}

  @Process({ name: JOBS.recomputeInstitution, concurrency: INSTITUTION_JOBS_AT_ONCE })
  recomputeInstitution(job: Job<RecomputeInstitutionJob>): Promise<InstitutionJobOutcome> {
    return runMetricJob(job, this.logger, () => this.institutions.run(job.data));
  }

  /** An area job queued here before area jobs had their own queue: handed on to it. */
  @Process({ name: JOBS.recomputeArea })
  handOnArea(job: Job<RecomputeAreaJob>): Promise<{ areaJob: string }> {
    return runMetricJob(job, this.logger, async () => ({
      areaJob: await this.scheduler.schedule(this.areaQueue, job.data.roundId),
    }));
  }

  @Process({ name: JOBS.recomputeRound, concurrency: 1 })
  recomputeRound(job: Job<RecomputeRoundJob>): Promise<RoundOutcome> {
    return runMetricJob(
      job,
      this.logger,
      async () => {
        const outcome = await this.rebuilds.run(() => this.rounds.recompute(job.data, (pct) => job.progress(pct)));
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
}

/** Area jobs (recompute-area), one at a time per worker, in their own queue (QUEUES.areas says why). */
@Processor(QUEUES.areas)
export class AreaProcessor {
  private readonly logger = new Logger('Metric');

  constructor(
    private readonly areas: AreaRecomputeService,
    @InjectQueue(QUEUES.areas) private readonly areaQueue: Queue,
  ) {}

  @Process({ name: JOBS.recomputeArea, concurrency: 1 })
  async recomputeArea(job: Job<RecomputeAreaJob>): Promise<AreaOutcome> {
    const { roundId } = job.data;
    const started = Date.now();
    const outcome = await runMetricJob(job, this.logger, () =>
      this.areas.recompute(job.data, {
        newerJobWaiting: () => newerAreaJobWaiting(this.areaQueue, roundId, String(job.id)),
      }),
    );
    // One line per area job: on a deadline day, what the operator reads to see whether areas keep up.
    this.logger.log(
      `round ${roundId} areas (${outcome.mode}): ${outcome.rows} rows, ${outcome.touchedInstitutions} institutions changed, ${outcome.refinalized} re-finalised, watermark ${outcome.watermark}, ${Date.now() - started} ms`,
    );
    return outcome;
  }
}
