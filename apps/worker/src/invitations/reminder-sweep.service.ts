import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../periodic-task';

/** How often the sweep runs; a reminder leaves at most this late after it became due. */
export const REMINDER_SWEEP_MS = 5 * 60_000;

/**
 * Scheduled reminders (issue #15, item 2), LimeSurvey-style: per round, at least `reminder_min_days`
 * between the invitation (or the last reminder) and the next one, at most `reminder_max_count`
 * reminders per institution, only while the round is open and only to institutions that have not
 * submitted.
 *
 * One statement per sweep counts each due reminder on its invitation (reminders_queued,
 * last_reminder_queued_at) and writes its outbox event (mail.invitation, reminder) in the same
 * transaction; the outbox trigger gives it its mail_delivery row and the mail worker sends it like a
 * manual reminder. Because the count is written with the event, a sweep that runs again — after a
 * crash, or on a second worker — finds nothing due; the advisory lock only spares the duplicate work.
 * The clock is a parameter so tests move time instead of waiting for it.
 */
@Injectable()
export class ReminderSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  private readonly periodic: PeriodicTask;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.periodic = new PeriodicTask('sweep', REMINDER_SWEEP_MS, () => this.sweep(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  /** Queues every reminder due at `now`; returns how many. */
  async sweep(now: Date = new Date()): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [{ locked }]: Array<{ locked: boolean }> = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('invitation-reminder-sweep', 0)) AS locked`,
      );
      if (!locked) return 0;
      // An invitation is due when its first mail has left (sent_at), the last reminder (or the
      // invitation) is min_days old, fewer than max_count reminders were queued, the round is open
      // and its window not over, and the institution has not submitted.
      const queued: Array<{ id: string }> = await m.query(
        `WITH due AS (
           UPDATE invitation v
              SET reminders_queued = v.reminders_queued + 1, last_reminder_queued_at = $1
             FROM round ro
            WHERE ro.id = v.round_id AND ro.status = 'open' AND ro.reminders_enabled AND ro.closes_at > $1
              AND v.revoked_at IS NULL AND v.sent_at IS NOT NULL
              AND v.reminders_queued < ro.reminder_max_count
              AND greatest(v.sent_at, v.last_reminder_queued_at, v.last_reminded_at) + make_interval(days => ro.reminder_min_days) <= $1
              AND NOT EXISTS (SELECT 1 FROM response r WHERE r.round_id = v.round_id AND r.institution_id = v.institution_id AND r.status = 'submitted')
           RETURNING v.id),
         events AS (
           INSERT INTO outbox_event (type, payload)
           SELECT 'mail.invitation', jsonb_build_object('invitationId', due.id, 'reminder', true, 'scheduled', true) FROM due
           RETURNING 1)
         SELECT id FROM due`,
        [now],
      );
      if (queued.length > 0) this.logger.log(`queued ${queued.length} scheduled reminder(s)`);
      return queued.length;
    });
  }
}
