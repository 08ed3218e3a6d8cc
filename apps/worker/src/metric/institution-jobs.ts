import { Injectable } from '@nestjs/common';
import { InjectQueue, QUEUES } from '@apertura/queue';
import type { Queue, RecomputeInstitutionJob } from '@apertura/queue';
import { AreaScheduler } from './area-scheduler';
import { BatchPerKey } from './batch-per-key';
import type { Settled } from './batch-per-key';
import { InstitutionRecomputeService } from './institution-recompute.service';

/**
 * recompute-institution jobs a worker holds at once (Bull `concurrency`). Jobs wait here, cheaply,
 * for the batch they join; one batch of a round runs at a time, so this is also the largest batch.
 */
export const INSTITUTION_JOBS_AT_ONCE = 64;

/** What a recompute-institution job returns (its Bull result). */
export interface InstitutionJobOutcome {
  watermark: string;
  /** The area job that will read this institution's new result. */
  areaJob: string;
  /** Institutions recomputed in the same read and write as this one (itself included). */
  batch: number;
}

/**
 * Runs recompute-institution jobs in batches per round (BatchPerKey): the jobs of a round that arrive
 * while one of its batches runs are recomputed together from one snapshot, written in one
 * transaction, and followed by one area job request. A batch that fails is tried again one
 * institution at a time, so a failure is only the job's whose institution caused it (an input the
 * method refuses, say), and Bull retries or discards each job on its own.
 */
@Injectable()
export class InstitutionJobs {
  private readonly batches = new BatchPerKey<string, InstitutionJobOutcome>(
    (roundId, ids) => this.runBatch(roundId, ids),
    INSTITUTION_JOBS_AT_ONCE,
  );

  constructor(
    private readonly institutions: InstitutionRecomputeService,
    private readonly scheduler: AreaScheduler,
    @InjectQueue(QUEUES.areas) private readonly areaQueue: Queue,
  ) {}

  run(job: RecomputeInstitutionJob): Promise<InstitutionJobOutcome> {
    return this.batches.run(job.roundId, job.institutionId);
  }

  private async runBatch(
    roundId: string,
    institutionIds: readonly string[],
  ): Promise<ReadonlyMap<string, Settled<InstitutionJobOutcome>>> {
    try {
      const outcome = await this.recompute(roundId, institutionIds);
      return new Map(institutionIds.map((id) => [id, { ok: true, value: outcome }]));
    } catch (err) {
      if (institutionIds.length === 1) return new Map([[institutionIds[0], { ok: false, error: err }]]);
    }
    const settled = new Map<string, Settled<InstitutionJobOutcome>>();
    for (const id of institutionIds) {
      try {
        settled.set(id, { ok: true, value: await this.recompute(roundId, [id]) });
      } catch (error) {
        settled.set(id, { ok: false, error });
      }
    }
    return settled;
  }

  private async recompute(roundId: string, institutionIds: readonly string[]): Promise<InstitutionJobOutcome> {
    const { watermark } = await this.institutions.recomputeMany(roundId, institutionIds);
    // After the commit, so whichever area job runs next reads these institutions' new results.
    const areaJob = await this.scheduler.schedule(this.areaQueue, roundId);
    return { watermark, areaJob, batch: institutionIds.length };
  }
}
