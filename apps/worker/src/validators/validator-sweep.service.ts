import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** How often the sweep runs. */
export const VALIDATOR_SWEEP_MS = 10 * 60_000;
/** An active assignment gets its reminder when it expires within this window (once). */
export const EXPIRY_REMINDER_BEFORE_MS = 48 * 3600_000;
/** At most one digest per validator in this interval (weekly). */
export const DIGEST_MIN_INTERVAL_MS = 7 * 24 * 3600_000;

export interface ValidatorSweepResult {
  remindersQueued: number;
  digestsQueued: number;
}

/**
 * Issue #16, the validators' side over time. In one transaction under an advisory lock:
 *  1. expiry reminders: active assignments of open rounds expiring within 48 h get one reminder; the
 *     stamp (expiry_reminder_queued_at) is written with the outbox event, so a rerun finds nothing due;
 *  2. digests: for each validator (not opted out, no digest in the last 7 days), the institutions they
 *     worked on in published rounds whose public result (index I, its status) differs from what the
 *     last digest — or, before any, the moment of their work — recorded. One validator_digest row and
 *     one mail event per validator; the "seen" values move in the same transaction.
 * Opted-out validators, demo (synthetic) accounts and erased ones are left out of both. The clock is a parameter
 * so tests move time instead of waiting for it.
 */
@Injectable()
export class ValidatorSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ValidatorSweep');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((err: unknown) =>
          this.logger.warn(`sweep failed, retried next time: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => (this.running = undefined));
    }, VALIDATOR_SWEEP_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(now: Date = new Date()): Promise<ValidatorSweepResult> {
    return this.ds.transaction(async (m) => {
      const [{ locked }]: Array<{ locked: boolean }> = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('validator-sweep', 0)) AS locked`,
      );
      if (!locked) return { remindersQueued: 0, digestsQueued: 0 };
      const result = { remindersQueued: await this.reminders(m, now), digestsQueued: await this.digests(m, now) };
      if (result.remindersQueued + result.digestsQueued > 0)
        this.logger.log(`queued ${result.remindersQueued} reminder(s), ${result.digestsQueued} digest(s)`);
      return result;
    });
  }

  private async reminders(m: EntityManager, now: Date): Promise<number> {
    const rows: Array<{ id: string }> = await m.query(
      `WITH due AS (
         UPDATE assignment a SET expiry_reminder_queued_at = $1
           FROM round ro, validator_profile p, app_user u
          WHERE ro.id = a.round_id AND p.user_id = a.validator_id AND u.id = a.validator_id AND NOT u.synthetic AND u.deleted_at IS NULL
            AND a.status = 'active' AND a.expiry_reminder_queued_at IS NULL
            AND a.expires_at > $1 AND a.expires_at <= $1::timestamptz + make_interval(secs => $2)
            AND ro.status = 'open' AND ro.validation_open AND NOT p.mail_opt_out
         RETURNING a.id),
       events AS (
         INSERT INTO outbox_event (type, payload)
         SELECT 'mail.assignment-expiry', jsonb_build_object('assignmentId', due.id) FROM due RETURNING 1)
       SELECT id FROM due`,
      [now, EXPIRY_REMINDER_BEFORE_MS / 1000],
    );
    return rows.length;
  }

  private async digests(m: EntityManager, now: Date): Promise<number> {
    const changes: Array<{
      user_id: string;
      round_id: string;
      institution_id: string;
      round_name: string;
      institution_name: string;
      before_estimate: number | null;
      before_status: string | null;
      after_estimate: number | null;
      after_status: string;
    }> = await m.query(
      `SELECT s.user_id, s.round_id, s.institution_id, ro.name AS round_name, i.name AS institution_name,
              s.estimate AS before_estimate, s.status AS before_status, mr.estimate AS after_estimate, mr.status AS after_status
       FROM validator_result_seen s
       JOIN validator_profile p ON p.user_id = s.user_id AND NOT p.mail_opt_out
       JOIN app_user u ON u.id = s.user_id AND NOT u.synthetic AND u.deleted_at IS NULL
       JOIN round ro ON ro.id = s.round_id AND ro.status = 'published'
       JOIN institution i ON i.id = s.institution_id
       JOIN metric_result mr ON mr.round_id = s.round_id AND mr.scope = 'institution' AND mr.scope_key = s.institution_id::text
                            AND mr.aggregation = 'unweighted' AND mr.indicator = 'I'
       WHERE (round(mr.estimate::numeric, 3) IS DISTINCT FROM round(s.estimate::numeric, 3) OR mr.status IS DISTINCT FROM s.status)
         AND NOT EXISTS (SELECT 1 FROM validator_digest d WHERE d.user_id = s.user_id AND d.created_at > $1::timestamptz - make_interval(secs => $2))
       ORDER BY s.user_id, ro.name, i.name, s.institution_id`,
      [now, DIGEST_MIN_INTERVAL_MS / 1000],
    );
    if (changes.length === 0) return 0;
    const byUser = new Map<string, typeof changes>();
    for (const c of changes) byUser.set(c.user_id, [...(byUser.get(c.user_id) ?? []), c]);
    for (const [userId, list] of byUser) {
      const items = list.map((c) => ({
        roundId: c.round_id,
        institutionId: c.institution_id,
        roundName: c.round_name,
        institutionName: c.institution_name,
        beforeEstimate: c.before_estimate,
        afterEstimate: c.after_estimate,
        beforeStatus: c.before_status,
        afterStatus: c.after_status,
      }));
      const [d]: Array<{ id: string }> = await m.query(
        'INSERT INTO validator_digest (user_id, created_at, items) VALUES ($1, $2, $3::jsonb) RETURNING id',
        [userId, now, JSON.stringify(items)],
      );
      await m.query(
        `INSERT INTO outbox_event (type, payload) VALUES ('mail.validator-digest', jsonb_build_object('digestId', $1::text))`,
        [d.id],
      );
      await m.query(
        `UPDATE validator_result_seen s SET estimate = u.e, status = u.st, seen_at = $2
         FROM unnest($3::uuid[], $4::uuid[], $5::float8[], $6::text[]) AS u(r, i, e, st)
         WHERE s.user_id = $1 AND s.round_id = u.r AND s.institution_id = u.i`,
        [
          userId,
          now,
          list.map((c) => c.round_id),
          list.map((c) => c.institution_id),
          list.map((c) => c.after_estimate),
          list.map((c) => c.after_status),
        ],
      );
    }
    return byUser.size;
  }
}
