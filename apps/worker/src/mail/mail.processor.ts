import { Logger } from '@nestjs/common';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JOBS, QUEUES, SendAccountNoticeJob, SendInvitationJob, SendPasswordResetJob, SendVerificationJob } from '@apertura/queue';
import { DeliveryOutcome, MailDeliveryService, PermanentMailError } from './mail-delivery.service';

/** Mail jobs (ids only in the payload; the service loads the data and derives the link). */
@Processor(QUEUES.mail)
export class MailProcessor {
  private readonly logger = new Logger('Mail');

  constructor(private readonly deliveries: MailDeliveryService) {}

  @Process({ name: JOBS.sendInvitation, concurrency: 3 })
  sendInvitation(job: Job<SendInvitationJob>): Promise<DeliveryOutcome> {
    return this.run(job, () => this.deliveries.invitation(job.data));
  }

  @Process({ name: JOBS.sendVerification, concurrency: 1 })
  sendVerification(job: Job<SendVerificationJob>): Promise<DeliveryOutcome> {
    return this.run(job, () => this.deliveries.verification(job.data));
  }

  @Process({ name: JOBS.sendPasswordReset, concurrency: 1 })
  sendPasswordReset(job: Job<SendPasswordResetJob>): Promise<DeliveryOutcome> {
    return this.run(job, () => this.deliveries.passwordReset(job.data));
  }

  @Process({ name: JOBS.sendAccountNotice, concurrency: 1 })
  sendAccountNotice(job: Job<SendAccountNoticeJob>): Promise<DeliveryOutcome> {
    return this.run(job, () => this.deliveries.accountNotice(job.data));
  }

  private async run(job: Job, deliver: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    try {
      return await deliver();
    } catch (err) {
      if (err instanceof PermanentMailError) {
        // No retry can fix a revoked or deleted subject; keep the failed job for inspection.
        job.discard();
        this.logger.warn(`${job.name} ${job.id} discarded: ${err.message}`);
      }
      throw err;
    }
  }
}
