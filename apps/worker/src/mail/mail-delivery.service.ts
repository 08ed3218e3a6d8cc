import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_MAIL_TEMPLATES, MailTemplateKind, MailTemplateLocale, MailTemplatePair } from '@apertura/db';
import { ENV, Env } from '@apertura/config';
import type {
  SendAccountNoticeJob,
  SendInvitationJob,
  SendSubmissionReceiptJob,
  SendPasswordResetJob,
  SendStaffInviteJob,
  SendCosignInviteJob,
  SendTestMailJob,
  SendVerificationJob,
} from '@apertura/queue';
import { deriveToken } from '@apertura/config';
import { MailLedger } from './mail-ledger';
import { PermanentMailError } from './mail-job';
import { MailTransport } from './mail.transport';
import {
  accountExistsMail,
  cosignInviteMail,
  invitationMail,
  passwordResetMail,
  staffInviteMail,
  submissionReceiptMail,
  testMail,
  verificationMail,
} from './templates';

export { PermanentMailError } from './mail-job';

export type DeliveryOutcome = 'sent' | 'skipped' | 'duplicate';

interface InvitationRow {
  revoked_at: Date | null;
  email: string;
  institution_name: string;
  round_name: string;
  round_status: string;
  opens_at: Date;
  closes_at: Date;
  guarantor_id: string;
  guarantor_name: string;
  response_status: string | null;
}

interface VerificationRow {
  used_at: Date | null;
  expires_at: Date;
  email: string | null;
  email_verified_at: Date | null;
  deleted_at: Date | null;
}

/** The guarantor's saved texts of a kind, each language falling back to the built-in one; undefined when none is saved. */
async function guarantorTemplates(
  m: EntityManager,
  guarantorId: string,
  kind: MailTemplateKind,
): Promise<MailTemplatePair | undefined> {
  const rows: Array<{ locale: MailTemplateLocale; subject: string; body: string }> = await m.query(
    'SELECT locale, subject, body FROM mail_template WHERE guarantor_id = $1 AND kind = $2',
    [guarantorId, kind],
  );
  if (rows.length === 0) return undefined;
  const pair: MailTemplatePair = { ...DEFAULT_MAIL_TEMPLATES[kind] };
  for (const r of rows) pair[r.locale] = { subject: r.subject, body: r.body };
  return pair;
}

const publicUrl = (env: Env): string => env.PUBLIC_URL.replace(/\/+$/, '');

/**
 * Sends the mail of one outbox event exactly once per event, as far as our side can tell.
 *
 * The transaction first claims the event's mail_delivery row (primary key = outbox event id). A duplicate
 * delivery of the same job, running at the same time, blocks on that row until the first commits and
 * then finds it sent: it sends nothing. If sending fails, the transaction rolls back, the processor
 * records the failure (MailLedger.failed) and Bull retries.
 * The only window for a second mail is a crash between the SMTP server accepting the message and the
 * commit — unavoidable without SMTP-side deduplication.
 */
@Injectable()
export class MailDeliveryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transport: MailTransport,
    private readonly ledger: MailLedger,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async invitation(job: SendInvitationJob): Promise<DeliveryOutcome> {
    const kind = job.reminder ? 'invitation-reminder' : 'invitation';
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, kind))) return 'duplicate';
      const rows: InvitationRow[] = await m.query(
        `SELECT v.revoked_at, coalesce(v.email, i.email) AS email, i.name AS institution_name, ro.name AS round_name, ro.status AS round_status,
                ro.opens_at, ro.closes_at, ro.guarantor_id, g.name AS guarantor_name, r.status AS response_status
         FROM invitation v
         JOIN institution i ON i.id = v.institution_id
         JOIN round ro ON ro.id = v.round_id
         JOIN guarantor g ON g.id = ro.guarantor_id
         LEFT JOIN response r ON r.round_id = v.round_id AND r.institution_id = v.institution_id
         WHERE v.id = $1`,
        [job.invitationId],
      );
      const inv = rows[0];
      if (!inv) throw new PermanentMailError(`invitation ${job.invitationId} does not exist`);
      if (inv.revoked_at) throw new PermanentMailError(`invitation ${job.invitationId} was revoked`);
      // The round closed, or the institution submitted after the reminder was requested: nothing to say.
      if (inv.round_status !== 'open' || (job.reminder && inv.response_status === 'submitted')) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const token = deriveToken(this.env.TOKEN_SECRET, 'invitation', job.invitationId);
      const content = invitationMail({
        institutionName: inv.institution_name,
        roundName: inv.round_name,
        guarantorName: inv.guarantor_name,
        opensAt: inv.opens_at,
        closesAt: inv.closes_at,
        link: `${publicUrl(this.env)}/responder/${token}`,
        reminder: job.reminder,
        templates: await guarantorTemplates(m, inv.guarantor_id, job.reminder ? 'reminder' : 'invitation'),
      });
      await this.transport.send(inv.email, content, job.eventId);
      await this.ledger.sent(m, job.eventId, inv.email);
      await m.query(
        job.reminder
          ? `UPDATE invitation SET sent_at = coalesce(sent_at, now()), last_reminded_at = now(), reminder_count = reminder_count + 1 WHERE id = $1`
          : `UPDATE invitation SET sent_at = coalesce(sent_at, now()) WHERE id = $1`,
        [job.invitationId],
      );
      return 'sent';
    });
  }

  /** Confirmation of a submitted version to the invitation's address (sent even after the round closed: it records what was received). */
  async submissionReceipt(job: SendSubmissionReceiptJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'submission-receipt'))) return 'duplicate';
      const rows: Array<{
        email: string;
        institution_name: string;
        round_name: string;
        guarantor_name: string;
        submitted_at: Date;
        response_id: string;
      }> = await m.query(
        `SELECT coalesce(v.email, i.email) AS email, i.name AS institution_name, ro.name AS round_name, g.name AS guarantor_name,
                rv.submitted_at, r.id AS response_id
         FROM invitation v
         JOIN institution i ON i.id = v.institution_id
         JOIN round ro ON ro.id = v.round_id
         JOIN guarantor g ON g.id = ro.guarantor_id
         JOIN response r ON r.id = $2 AND r.round_id = v.round_id AND r.institution_id = v.institution_id
         JOIN response_version rv ON rv.response_id = r.id AND rv.version = $3
         WHERE v.id = $1`,
        [job.invitationId, job.responseId, job.version],
      );
      const row = rows[0];
      if (!row)
        throw new PermanentMailError(
          `submission ${job.responseId} v${job.version} of invitation ${job.invitationId} does not exist`,
        );
      if (!row.email) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const token = deriveToken(this.env.TOKEN_SECRET, 'invitation', job.invitationId);
      const content = submissionReceiptMail({
        institutionName: row.institution_name,
        roundName: row.round_name,
        guarantorName: row.guarantor_name,
        folio: `${row.response_id.replace(/-/g, '').slice(0, 8).toUpperCase()}-v${job.version}`,
        version: job.version,
        submittedAt: row.submitted_at,
        link: `${publicUrl(this.env)}/responder/${token}/copia?version=${job.version}`,
      });
      await this.transport.send(row.email, content, job.eventId);
      await this.ledger.sent(m, job.eventId, row.email);
      return 'sent';
    });
  }

  async verification(job: SendVerificationJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'verify-email'))) return 'duplicate';
      const rows: VerificationRow[] = await m.query(
        `SELECT ev.used_at, ev.expires_at, u.email, u.email_verified_at, u.deleted_at
         FROM email_verification ev JOIN app_user u ON u.id = ev.user_id WHERE ev.id = $1`,
        [job.verificationId],
      );
      const v = rows[0];
      if (!v || !v.email || v.deleted_at)
        throw new PermanentMailError(`verification ${job.verificationId} has no recipient`);
      if (v.used_at || v.email_verified_at || v.expires_at.getTime() <= Date.now()) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const token = deriveToken(this.env.TOKEN_SECRET, 'verify', job.verificationId);
      await this.transport.send(
        v.email,
        verificationMail({ link: `${publicUrl(this.env)}/verificar/${token}`, expiresAt: v.expires_at }),
        job.eventId,
      );
      await this.ledger.sent(m, job.eventId, v.email);
      return 'sent';
    });
  }

  async passwordReset(job: SendPasswordResetJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'password-reset'))) return 'duplicate';
      const rows: Array<{ used_at: Date | null; expires_at: Date; email: string | null; deleted_at: Date | null }> =
        await m.query(
          `SELECT pr.used_at, pr.expires_at, u.email, u.deleted_at FROM password_reset pr JOIN app_user u ON u.id = pr.user_id WHERE pr.id = $1`,
          [job.resetId],
        );
      const r = rows[0];
      if (!r || !r.email || r.deleted_at)
        throw new PermanentMailError(`password reset ${job.resetId} has no recipient`);
      if (r.used_at || r.expires_at.getTime() <= Date.now()) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const token = deriveToken(this.env.TOKEN_SECRET, 'reset', job.resetId);
      await this.transport.send(
        r.email,
        passwordResetMail({ link: `${publicUrl(this.env)}/restablecer/${token}`, expiresAt: r.expires_at }),
        job.eventId,
      );
      await this.ledger.sent(m, job.eventId, r.email);
      return 'sent';
    });
  }

  async staffInvite(job: SendStaffInviteJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'staff-invite'))) return 'duplicate';
      const rows: Array<{
        used_at: Date | null;
        expires_at: Date;
        email: string | null;
        role: string;
        deleted_at: Date | null;
        deactivated_at: Date | null;
        guarantor_name: string;
      }> = await m.query(
        `SELECT si.used_at, si.expires_at, u.email, u.role, u.deleted_at, u.deactivated_at, g.name AS guarantor_name
           FROM staff_invitation si JOIN app_user u ON u.id = si.user_id JOIN guarantor g ON g.id = si.guarantor_id WHERE si.id = $1`,
        [job.staffInvitationId],
      );
      const r = rows[0];
      if (!r || !r.email || r.deleted_at)
        throw new PermanentMailError(`staff invitation ${job.staffInvitationId} has no recipient`);
      // Accepted, expired, or the account was switched off meanwhile: the link would not work.
      if (r.used_at || r.deactivated_at || r.expires_at.getTime() <= Date.now()) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const token = deriveToken(this.env.TOKEN_SECRET, 'staff-invite', job.staffInvitationId);
      const role = r.role === 'guarantor_admin' ? 'guarantor_admin' : 'analyst';
      const content = staffInviteMail({
        guarantorName: r.guarantor_name,
        role,
        link: `${publicUrl(this.env)}/activar/${token}`,
        expiresAt: r.expires_at,
      });
      await this.transport.send(r.email, content, job.eventId);
      await this.ledger.sent(m, job.eventId, r.email);
      return 'sent';
    });
  }

  /** Issue #18: a co-signer's invitation to a round; for a new account, with its activation link. */
  async cosignInvite(job: SendCosignInviteJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'cosign-invite'))) return 'duplicate';
      const rows: Array<{
        email: string | null;
        deleted_at: Date | null;
        deactivated_at: Date | null;
        removed_at: Date | null;
        organisation_name: string;
        round_name: string;
        operator_name: string;
        operator_kind: string;
      }> = await m.query(
        `SELECT u.email, u.deleted_at, u.deactivated_at, c.removed_at, c.organisation_name, r.name AS round_name,
                g.name AS operator_name, g.kind AS operator_kind
           FROM round_cosigner c JOIN app_user u ON u.id = c.user_id JOIN round r ON r.id = c.round_id
           JOIN guarantor g ON g.id = r.guarantor_id WHERE c.id = $1`,
        [job.cosignerId],
      );
      const r = rows[0];
      if (!r || !r.email || r.deleted_at) throw new PermanentMailError(`co-signer ${job.cosignerId} has no recipient`);
      if (r.removed_at || r.deactivated_at) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      let link = `${publicUrl(this.env)}/ingresar`;
      let expiresAt: Date | null = null;
      if (job.staffInvitationId) {
        const [si]: Array<{ used_at: Date | null; expires_at: Date }> = await m.query(
          'SELECT used_at, expires_at FROM staff_invitation WHERE id = $1',
          [job.staffInvitationId],
        );
        // A spent or expired activation link would not work: the account exists by now, or a newer mail went out.
        if (!si || si.used_at || si.expires_at.getTime() <= Date.now()) {
          await this.ledger.skipped(m, job.eventId);
          return 'skipped';
        }
        link = `${publicUrl(this.env)}/activar/${deriveToken(this.env.TOKEN_SECRET, 'staff-invite', job.staffInvitationId)}`;
        expiresAt = si.expires_at;
      }
      const content = cosignInviteMail({
        operatorName: r.operator_name,
        operatorKind: r.operator_kind,
        roundName: r.round_name,
        organisationName: r.organisation_name,
        link,
        expiresAt,
      });
      await this.transport.send(r.email, content, job.eventId);
      await this.ledger.sent(m, job.eventId, r.email);
      return 'sent';
    });
  }

  async accountNotice(job: SendAccountNoticeJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'account-exists'))) return 'duplicate';
      const rows: Array<{ email: string | null; deleted_at: Date | null }> = await m.query(
        'SELECT email, deleted_at FROM app_user WHERE id = $1',
        [job.userId],
      );
      const u = rows[0];
      if (!u || !u.email || u.deleted_at) throw new PermanentMailError(`account ${job.userId} has no recipient`);
      const base = publicUrl(this.env);
      await this.transport.send(
        u.email,
        accountExistsMail({ signInLink: `${base}/ingresar`, resetLink: `${base}/restablecer` }),
        job.eventId,
      );
      await this.ledger.sent(m, job.eventId, u.email);
      return 'sent';
    });
  }

  async test(job: SendTestMailJob): Promise<DeliveryOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, 'test'))) return 'duplicate';
      const [g]: Array<{ name: string }> = await m.query('SELECT name FROM guarantor WHERE id = $1', [job.guarantorId]);
      if (!g) throw new PermanentMailError(`guarantor ${job.guarantorId} does not exist`);
      await this.transport.send(job.to, testMail({ guarantorName: g.name, sentAt: new Date() }), job.eventId);
      await this.ledger.sent(m, job.eventId, job.to);
      return 'sent';
    });
  }
}
