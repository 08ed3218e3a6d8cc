import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { DEFAULT_JOB_OPTIONS, JOBS, jobIds } from '@apertura/queue';
import type { Job, JobOptions, RecomputeAreaJob } from '@apertura/queue';

/** A burst of institution recomputes within this window becomes one area job. */
export const AREA_DEBOUNCE_MS = 200;

/** What the scheduler needs from a Bull queue. */
export interface AreaQueue {
  getJob(jobId: string): Promise<Job | null>;
  add(name: string, data: RecomputeAreaJob, opts: JobOptions): Promise<Job>;
}

/** States in which a not-yet-started job will read data committed before now. */
const ABSORBING_STATES = new Set(['waiting', 'delayed', 'paused']);

/**
 * What to do with a candidate area job id given its current state: add it (free), rely on it (it has
 * not started, so it will see our committed write), or try the next id (it is running or kept after
 * failing, and may have read before our write).
 */
export function areaDecision(state: string | null): 'add' | 'absorbed' | 'next' {
  if (state === null) return 'add';
  return ABSORBING_STATES.has(state) ? 'absorbed' : 'next';
}

/** Deterministic ids tried in order; a unique id only when both are running or stuck. */
export const areaJobIds = (roundId: string): string[] => [jobIds.area(roundId), `${jobIds.area(roundId)}:next`];

/**
 * Whether an area job of the round other than `currentJobId` waits to start (delayed by the debounce,
 * waiting or paused): it will read everything committed after the current job read.
 */
export async function newerAreaJobWaiting(
  queue: Pick<AreaQueue, 'getJob'>,
  roundId: string,
  currentJobId: string,
): Promise<boolean> {
  for (const jobId of areaJobIds(roundId)) {
    if (jobId === currentJobId) continue;
    const job = await queue.getJob(jobId);
    if (job !== null && areaDecision(await job.getState()) === 'absorbed') return true;
  }
  return false;
}

/**
 * Enqueues recompute-area for a round after an institution's results were committed. Like the
 * outbox relay's debounce: the deterministic id collapses a burst into the waiting job; when that job
 * is already running it may have read before this change, so a follow-up job is added instead.
 */
@Injectable()
export class AreaScheduler {
  async schedule(queue: AreaQueue, roundId: string): Promise<string> {
    const opts = (jobId: string): JobOptions => ({ ...DEFAULT_JOB_OPTIONS, jobId, delay: AREA_DEBOUNCE_MS });
    for (const jobId of areaJobIds(roundId)) {
      const job = await queue.getJob(jobId);
      const decision = areaDecision(job === null ? null : await job.getState());
      if (decision === 'absorbed') return jobId;
      if (decision === 'add') {
        // If another worker adds the same id first, Bull keeps that one: it was created after our commit too.
        await queue.add(JOBS.recomputeArea, { roundId }, opts(jobId));
        return jobId;
      }
    }
    const jobId = `${jobIds.area(roundId)}:${randomUUID()}`;
    await queue.add(JOBS.recomputeArea, { roundId }, opts(jobId));
    return jobId;
  }
}
