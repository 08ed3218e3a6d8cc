import type { Logger } from '@nestjs/common';
import { MetricInputError } from '@apertura/metric';
import type { Job } from '@apertura/queue';
import { PermanentMetricError } from './metric-errors';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs one metric job and decides retry vs discard. Transient failures throw and Bull retries with
 * backoff (DEFAULT_JOB_OPTIONS); permanent ones (round gone, unscorable questionnaire, invalid
 * settings, inputs libs/metric refuses) are discarded and kept as failed for inspection.
 * `onFinalFailure` records a failure no retry will follow.
 */
export async function runMetricJob<T>(
  job: Job,
  logger: Pick<Logger, 'warn' | 'error'>,
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
      logger.warn(`${job.name} ${String(job.id)} discarded: ${messageOf(err)}`);
    }
    const lastAttempt = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt && onFinalFailure) {
      await onFinalFailure(messageOf(err)).catch((e: unknown) =>
        logger.error(`could not record the failure of ${job.name} ${String(job.id)}: ${messageOf(e)}`),
      );
    }
    throw err;
  }
}
