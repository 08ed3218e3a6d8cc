import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { deriveToken, ENV, Env } from '@apertura/config';
import { JOBS, Process, Processor, QUEUES, SendRefutationNoticeJob, type Job } from '@apertura/queue';
import { PermanentMailError, runMailJob } from '../mail/mail-job';
import { MailLedger } from '../mail/mail-ledger';
import { MailTransport } from '../mail/mail.transport';
import { refutationNoticeMail } from './refutation-notice.template';

export type NoticeOutcome = 'sent' | 'skipped' | 'duplicate';

interface NoticeContext {
  email: string;
  institution_name: string;
  round_name: string;
  guarantor_name: string;
  reply_window_days: number;
  invitation_id: string | null;
}

/**
 * Sends the refutation notice of one (round, institution) and stamps notified_at on the refutations
 * it announced, in the transaction that claims the outbox event (mail_delivery), so a redelivered
 * job sends nothing twice and the reply window starts when the mail has left, never before.
 * Without an active invitation there is no page to reply on: the job fails permanently and the
 * refutations stay pending (not counted) until the guarantor issues one — the institution never
 * loses its window by our failure.
 */
@Injectable()
export class RefutationNoticeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transport: MailTransport,
    private readonly ledger: MailLedger,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async send(job: SendRefutationNoticeJob): Promise<NoticeOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'refutation-notice'))) return 'duplicate';
      const verdicts: Array<{ id: string; question_name: string }> = await m.query(
        // A commitment milestone (issue #18) is named by its title in the mail, not by its claim id.
        `SELECT v.id, coalesce('Hito: ' || ms.title, v.question_name) AS question_name FROM verdict v
         LEFT JOIN commitment_milestone ms ON ms.id = v.milestone_id
         WHERE v.round_id = $1 AND v.institution_id = $2 AND v.verdict = 'refuted' AND v.notice_queued_at IS NOT NULL AND v.notified_at IS NULL
         ORDER BY question_name, v.id FOR UPDATE OF v`,
        [job.roundId, job.institutionId],
      );
      if (verdicts.length === 0) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const [ctx]: NoticeContext[] = await m.query(
        `SELECT coalesce((SELECT v.email FROM invitation v WHERE v.round_id = ro.id AND v.institution_id = i.id AND v.revoked_at IS NULL LIMIT 1), i.email) AS email,
                i.name AS institution_name, ro.name AS round_name, g.name AS guarantor_name, ro.reply_window_days,
                (SELECT v.id FROM invitation v WHERE v.round_id = ro.id AND v.institution_id = i.id AND v.revoked_at IS NULL LIMIT 1) AS invitation_id
         FROM round ro JOIN institution i ON i.id = $2 JOIN guarantor g ON g.id = ro.guarantor_id WHERE ro.id = $1`,
        [job.roundId, job.institutionId],
      );
      if (!ctx) throw new PermanentMailError(`round ${job.roundId} or institution ${job.institutionId} does not exist`);
      if (!ctx.invitation_id)
        throw new PermanentMailError(
          `institution ${job.institutionId} has no active invitation in round ${job.roundId}`,
        );
      const token = deriveToken(this.env.TOKEN_SECRET, 'invitation', ctx.invitation_id);
      const sentAt = new Date();
      const deadline = new Date(sentAt.getTime() + ctx.reply_window_days * 86_400_000);
      await this.transport.send(
        ctx.email,
        refutationNoticeMail({
          institutionName: ctx.institution_name,
          roundName: ctx.round_name,
          guarantorName: ctx.guarantor_name,
          claims: [...new Set(verdicts.map((v) => v.question_name))],
          replyWindowDays: ctx.reply_window_days,
          deadline,
          link: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/responder/${token}`,
        }),
        job.eventId,
      );
      await this.ledger.sent(m, job.eventId, ctx.email);
      // The window runs from the moment the message was accepted (the deadline in the mail is a lower bound).
      await m.query(
        `UPDATE verdict SET notified_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = ANY($1::uuid[])`,
        [verdicts.map((v) => v.id)],
      );
      return 'sent';
    });
  }
}

@Processor(QUEUES.mail)
export class RefutationNoticeProcessor {
  private readonly logger = new Logger('RefutationNotice');

  constructor(
    private readonly notices: RefutationNoticeService,
    private readonly ledger: MailLedger,
  ) {}

  @Process({ name: JOBS.sendRefutationNotice, concurrency: 2 })
  send(job: Job<SendRefutationNoticeJob>): Promise<NoticeOutcome> {
    return runMailJob(job, 'refutation-notice', this.ledger, this.logger, () => this.notices.send(job.data));
  }
}
