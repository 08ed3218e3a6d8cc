import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodicTask } from '../periodic-task';

/** How often the sweep runs. A window ends at most this late after its deadline. */
export const DUE_PROCESS_SWEEP_MS = 60_000;

export interface SweepResult {
  /** (round, institution) pairs whose new refutations were queued for a notice mail. */
  noticesQueued: number;
  /** Refutations whose reply window ended undisputed (they now count) and were announced. */
  windowsClosed: number;
}

/**
 * METHOD.md §3.1 over time. Every minute, in one transaction guarded by an advisory lock (several
 * workers may run it):
 *  1. refutations not yet announced are queued, one notice mail per institution and round
 *     (`mail.refutation-notice`); the mail job stamps notified_at when the message has left;
 *  2. refutations whose reply window passed without a dispute are announced with the same outbox
 *     event a verdict change emits (`verdict.saved`), so the worker recomputes the institution and
 *     the refutation enters the published value exactly when it became final.
 */
@Injectable()
export class DueProcessSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicTask;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.periodic = new PeriodicTask('sweep', DUE_PROCESS_SWEEP_MS, () => this.sweep(), new Logger('DueProcess'));
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  async sweep(): Promise<SweepResult> {
    return this.ds.transaction(async (m) => {
      const [{ locked }]: Array<{ locked: boolean }> = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('due-process-sweep', 0)) AS locked`,
      );
      if (!locked) return { noticesQueued: 0, windowsClosed: 0 };
      return { noticesQueued: await this.queueNotices(m), windowsClosed: await this.closeWindows(m) };
    });
  }

  private async queueNotices(m: EntityManager): Promise<number> {
    // Draft rounds take no verdicts; a refutation of any other round is announced.
    const pairs: Array<{ round_id: string; institution_id: string }> = await m.query(
      `WITH q AS (
         UPDATE verdict v SET notice_queued_at = now()
         FROM round r
         WHERE r.id = v.round_id AND r.status <> 'draft' AND v.verdict = 'refuted' AND v.notice_queued_at IS NULL
         RETURNING v.round_id, v.institution_id)
       SELECT DISTINCT round_id, institution_id FROM q ORDER BY round_id, institution_id`,
    );
    if (pairs.length > 0) {
      await m.query(
        `INSERT INTO outbox_event (type, payload)
         SELECT 'mail.refutation-notice', jsonb_build_object('roundId', r, 'institutionId', i) FROM unnest($1::uuid[], $2::uuid[]) AS u(r, i)`,
        [pairs.map((p) => p.round_id), pairs.map((p) => p.institution_id)],
      );
    }
    return pairs.length;
  }

  private async closeWindows(m: EntityManager): Promise<number> {
    // Wrapped in a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with rows.
    const closed: Array<{ id: string; round_id: string; institution_id: string }> = await m.query(
      `WITH x AS (
         UPDATE verdict v SET reply_window_closed_at = now()
         FROM round r
         WHERE r.id = v.round_id AND v.verdict = 'refuted' AND v.notified_at IS NOT NULL AND v.reply_window_closed_at IS NULL
           AND v.notified_at + make_interval(days => r.reply_window_days) <= now()
           AND NOT EXISTS (SELECT 1 FROM verdict_dispute d WHERE d.verdict_id = v.id AND d.notified_at = v.notified_at)
         RETURNING v.id, v.round_id, v.institution_id)
       SELECT id, round_id, institution_id FROM x ORDER BY id`,
    );
    if (closed.length > 0) {
      await m.query(
        `INSERT INTO outbox_event (type, payload)
         SELECT 'verdict.saved', jsonb_build_object('roundId', r, 'institutionId', i, 'verdictId', v)
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS u(r, i, v)`,
        [closed.map((c) => c.round_id), closed.map((c) => c.institution_id), closed.map((c) => c.id)],
      );
    }
    return closed.length;
  }
}
