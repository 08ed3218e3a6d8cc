import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import type { JsonObject } from '@apertura/db';
import { verifiableItems } from '@apertura/questionnaire';
import { JOBS, Process, Processor, QUEUES, SendValidatorMailJob, type Job } from '@apertura/queue';
import { PermanentMailError, runMailJob } from '../mail/mail-job';
import { MailLedger } from '../mail/mail-ledger';
import { MailTransport } from '../mail/mail.transport';
import type { MailContent } from '../mail/templates';
import { assignmentsMail, DigestItem, digestMail, expiryMail } from './validator-mail.template';

/** Same rule as the API's claimsToCheck: an answer that is neither empty nor absent needs a verdict. */
const answered = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

const hasClaims = (definition: JsonObject, submitted: JsonObject | null): boolean =>
  submitted !== null && verifiableItems(definition).some((c) => answered(submitted[c.name]));

export type ValidatorMailOutcome = 'sent' | 'skipped' | 'duplicate';

interface Recipient {
  email: string | null;
  deleted_at: Date | null;
  mail_opt_out: boolean;
  synthetic: boolean;
}

/**
 * Sends one optional mail to a validator, once per outbox event (mail_delivery claims it). A validator
 * who opted out, or whose account is gone, gets nothing: the row ends 'skipped'. So does a reminder
 * whose assignment is no longer active (completed or expired meanwhile).
 */
/** A validator mail, built, and whom it goes to. */
type BuiltMail = { userId: string; mail: MailContent };

@Injectable()
export class ValidatorMailService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transport: MailTransport,
    private readonly ledger: MailLedger,
    @Inject(ENV) private readonly env: Env,
  ) {}

  private get base(): string {
    return this.env.PUBLIC_URL.replace(/\/+$/, '');
  }

  async send(job: SendValidatorMailJob): Promise<ValidatorMailOutcome> {
    return this.ds.transaction(async (m) => {
      if (!(await this.ledger.claim(m, job.eventId, job.kind))) return 'duplicate';
      const built = await this.build(m, job);
      if (!built) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      const [u]: Recipient[] = await m.query(
        'SELECT u.email, u.deleted_at, u.synthetic, p.mail_opt_out FROM app_user u JOIN validator_profile p ON p.user_id = u.id WHERE u.id = $1',
        [built.userId],
      );
      // Demo (synthetic) accounts have made-up addresses: they never get mail.
      if (!u || !u.email || u.deleted_at || u.mail_opt_out || u.synthetic) {
        await this.ledger.skipped(m, job.eventId);
        return 'skipped';
      }
      await this.transport.send(u.email, built.mail, job.eventId);
      await this.ledger.sent(m, job.eventId, u.email);
      return 'sent';
    });
  }

  /** The mail and its recipient, or null when there is nothing (left) to say. */
  private async build(m: EntityManager, job: SendValidatorMailJob): Promise<BuiltMail | null> {
    switch (job.kind) {
      case 'validator-assignments':
        return this.assignmentsMail(m, job);
      case 'assignment-expiry':
        return this.expiryMail(m, job);
      case 'validator-digest':
        return this.digestMail(m, job);
      default:
        throw new PermanentMailError(`unknown validator mail kind ${String(job.kind)}`);
    }
  }

  /** New assignments of one request, each labelled: claims to verify or a citizen report only. */
  private async assignmentsMail(m: EntityManager, job: SendValidatorMailJob): Promise<BuiltMail | null> {
    if (!job.roundId || !job.assignmentIds)
      throw new PermanentMailError('validator-assignments mail without its round and assignments');
    // The assignments this request made that are still active (an expired or finished one needs no mail).
    const rows: Array<{
      round_name: string;
      name: string;
      nom_mun: string | null;
      expires_at: Date;
      submitted: JsonObject | null;
      definition: JsonObject;
    }> = await m.query(
      `SELECT ro.name AS round_name, i.name, mu.nom_mun, a.expires_at, q.definition,
              (SELECT r.submitted FROM response r WHERE r.round_id = a.round_id AND r.institution_id = a.institution_id) AS submitted
       FROM assignment a JOIN round ro ON ro.id = a.round_id JOIN institution i ON i.id = a.institution_id
       JOIN questionnaire q ON q.id = ro.institution_questionnaire_id
       LEFT JOIN municipality mu ON mu.cvegeo = i.cvegeo
       WHERE a.validator_id = $1 AND a.round_id = $2 AND a.status = 'active' AND a.id = ANY($3::uuid[])
       ORDER BY i.name, a.id`,
      [job.ref, job.roundId, job.assignmentIds],
    );
    if (rows.length === 0) return null;
    return {
      userId: job.ref,
      mail: assignmentsMail({
        roundName: rows[0].round_name,
        institutions: rows.map((r) => ({
          name: r.name,
          place: r.nom_mun ?? '',
          kind: hasClaims(r.definition, r.submitted) ? 'claims' : 'citizen_report_only',
        })),
        expiresAt: rows[0].expires_at,
        link: `${this.base}/validador`,
      }),
    };
  }

  /** A reminder before an active assignment expires: what is still missing from it. */
  private async expiryMail(m: EntityManager, job: SendValidatorMailJob): Promise<BuiltMail | null> {
    const [a]: Array<{
      validator_id: string;
      status: string;
      expires_at: Date;
      institution_name: string;
      round_name: string;
      submitted: JsonObject | null;
      definition: JsonObject;
      verdicts: string[];
      report: boolean;
    }> = await m.query(
      `SELECT a.validator_id, a.status, a.expires_at, i.name AS institution_name, ro.name AS round_name, q.definition,
              (SELECT r.submitted FROM response r WHERE r.round_id = a.round_id AND r.institution_id = a.institution_id) AS submitted,
              ARRAY(SELECT question_name FROM verdict v WHERE v.round_id = a.round_id AND v.institution_id = a.institution_id AND v.validator_id = a.validator_id) AS verdicts,
              EXISTS (SELECT 1 FROM citizen_report c WHERE c.round_id = a.round_id AND c.institution_id = a.institution_id AND c.validator_id = a.validator_id) AS report
       FROM assignment a JOIN institution i ON i.id = a.institution_id JOIN round ro ON ro.id = a.round_id
       JOIN questionnaire q ON q.id = ro.institution_questionnaire_id WHERE a.id = $1`,
      [job.ref],
    );
    // Nothing to remind of once the assignment completed or expired after the sweep queued this.
    if (!a || a.status !== 'active') return null;
    const given = new Set(a.verdicts);
    const submitted = a.submitted;
    const missing = submitted
      ? verifiableItems(a.definition).filter((c) => answered(submitted[c.name]) && !given.has(c.name)).length
      : 0;
    return {
      userId: a.validator_id,
      mail: expiryMail({
        institutionName: a.institution_name,
        roundName: a.round_name,
        expiresAt: a.expires_at,
        missingVerdicts: missing,
        reportSubmitted: a.report,
        link: `${this.base}/validador/asignaciones/${job.ref}`,
      }),
    };
  }

  /** How the validator's reports changed results since the last digest. */
  private async digestMail(m: EntityManager, job: SendValidatorMailJob): Promise<BuiltMail | null> {
    const [d]: Array<{ user_id: string; items: DigestItem[] }> = await m.query(
      'SELECT user_id, items FROM validator_digest WHERE id = $1',
      [job.ref],
    );
    if (!d) throw new PermanentMailError(`digest ${job.ref} does not exist`);
    if (!Array.isArray(d.items) || d.items.length === 0) return null;
    return {
      userId: d.user_id,
      mail: digestMail({ items: d.items, historyLink: `${this.base}/validador/historial` }),
    };
  }
}

@Processor(QUEUES.mail)
export class ValidatorMailProcessor {
  private readonly logger = new Logger('ValidatorMail');

  constructor(
    private readonly mails: ValidatorMailService,
    private readonly ledger: MailLedger,
  ) {}

  @Process({ name: JOBS.sendValidatorMail, concurrency: 2 })
  send(job: Job<SendValidatorMailJob>): Promise<ValidatorMailOutcome> {
    return runMailJob(job, job.data.kind, this.ledger, this.logger, () => this.mails.send(job.data));
  }
}
