import type { Logger } from '@nestjs/common';
import type { Job } from '@apertura/queue';
import { MailLedger } from './mail-ledger';
import { describeSmtpFailure } from './smtp-failure';

/** The job can never succeed (its invitation or verification is gone): retrying would not help. */
export class PermanentMailError extends Error {}

/**
 * Runs one mail job and leaves a visible trace of every failure: the attempt and its reason go to
 * mail_delivery ('failed', or 'given_up' when the error is permanent or this was the last attempt) and
 * to the log. A permanent failure is discarded so Bull does not retry it.
 */
export async function runMailJob<T>(
  job: Job<{ eventId: string }>,
  kind: string,
  ledger: MailLedger,
  logger: Logger,
  deliver: () => Promise<T>,
): Promise<T> {
  try {
    return await deliver();
  } catch (err) {
    const smtp = describeSmtpFailure(err);
    const permanent = err instanceof PermanentMailError || smtp.permanent;
    // Bull's discard() only sets a flag today, but it is typed as a promise: awaited, so a future
    // asynchronous version cannot fail unnoticed or land after the rethrow below.
    if (permanent) await job.discard();
    const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      await ledger.failed(job.data.eventId, kind, smtp.reason, final);
    } catch (recordErr) {
      // The failed-job listener marks the final state again; the job's own error still wins.
      logger.error(`could not record the failure of ${job.name} ${job.id}: ${describeSmtpFailure(recordErr).reason}`);
    }
    const attempt = `attempt ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1}`;
    logger.warn(
      `${job.name} ${job.id} (${kind}) failed, ${attempt}, ${final ? 'given up' : 'will retry'}: ${smtp.reason}`,
    );
    throw err;
  }
}
