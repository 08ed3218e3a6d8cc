import { Logger } from '@nestjs/common';
import {
  JOBS,
  OnQueueFailed,
  Process,
  Processor,
  QUEUES,
  SendAccountNoticeJob,
  SendInvitationJob,
  SendPasswordResetJob,
  SendStaffInviteJob,
  SendCosignInviteJob,
  SendSubmissionReceiptJob,
  SendTestMailJob,
  SendVerificationJob,
  type Job,
} from '@apertura/queue';
import { DeliveryOutcome, MailDeliveryService } from './mail-delivery.service';
import { runMailJob } from './mail-job';
import { MailLedger } from './mail-ledger';

/** Mail jobs (ids only in the payload; the service loads the data and derives the link). */
@Processor(QUEUES.mail)
export class MailProcessor {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly deliveries: MailDeliveryService,
    private readonly ledger: MailLedger,
  ) {}

  @Process({ name: JOBS.sendInvitation, concurrency: 3 })
  sendInvitation(job: Job<SendInvitationJob>): Promise<DeliveryOutcome> {
    const kind = job.data.reminder ? 'invitation-reminder' : 'invitation';
    return runMailJob(job, kind, this.ledger, this.logger, () => this.deliveries.invitation(job.data));
  }

  @Process({ name: JOBS.sendVerification, concurrency: 1 })
  sendVerification(job: Job<SendVerificationJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'verify-email', this.ledger, this.logger, () => this.deliveries.verification(job.data));
  }

  @Process({ name: JOBS.sendPasswordReset, concurrency: 1 })
  sendPasswordReset(job: Job<SendPasswordResetJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'password-reset', this.ledger, this.logger, () => this.deliveries.passwordReset(job.data));
  }

  @Process({ name: JOBS.sendStaffInvite, concurrency: 1 })
  sendStaffInvite(job: Job<SendStaffInviteJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'staff-invite', this.ledger, this.logger, () => this.deliveries.staffInvite(job.data));
  }

  @Process({ name: JOBS.sendCosignInvite, concurrency: 1 })
  sendCosignInvite(job: Job<SendCosignInviteJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'cosign-invite', this.ledger, this.logger, () => this.deliveries.cosignInvite(job.data));
  }

  @Process({ name: JOBS.sendAccountNotice, concurrency: 1 })
  sendAccountNotice(job: Job<SendAccountNoticeJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'account-exists', this.ledger, this.logger, () => this.deliveries.accountNotice(job.data));
  }

  @Process({ name: JOBS.sendSubmissionReceipt, concurrency: 2 })
  sendSubmissionReceipt(job: Job<SendSubmissionReceiptJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'submission-receipt', this.ledger, this.logger, () =>
      this.deliveries.submissionReceipt(job.data),
    );
  }

  @Process({ name: JOBS.sendTestMail, concurrency: 1 })
  sendTestMail(job: Job<SendTestMailJob>): Promise<DeliveryOutcome> {
    return runMailJob(job, 'test', this.ledger, this.logger, () => this.deliveries.test(job.data));
  }

  /**
   * Every mail job of this queue (refutation notices too) that Bull will not run again — last attempt,
   * discarded, or stalled too often with a dead worker — ends given_up with Bull's reason, even when
   * the job never reached runMailJob's own bookkeeping.
   */
  @OnQueueFailed()
  async onFailed(job: Job<{ eventId?: unknown }>, err: Error): Promise<void> {
    const eventId = job.data?.eventId;
    if (typeof eventId !== 'string') return;
    try {
      if ((await job.getState()) !== 'failed') return;
      await this.ledger.givenUp(eventId, job.failedReason ?? err.message);
    } catch (recordErr) {
      this.logger.error(
        `could not mark ${job.name} ${job.id} given up: ${recordErr instanceof Error ? recordErr.message : String(recordErr)}`,
      );
    }
  }
}
