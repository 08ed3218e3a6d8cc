import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The mail_delivery rows as the worker moves them (queued → sent | skipped | failed → given_up).
 * claim/sent/skipped run inside the sending transaction; failures are recorded after it rolled back,
 * so they survive it.
 */
@Injectable()
export class MailLedger {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Locks the event's row (creating it if the trigger did not, e.g. for events older than it); false
   * when the event was already handled. A duplicate job running at the same time waits on the lock
   * until the first commits and then reads 'sent': it sends nothing. Likewise a retry of a re-sent row.
   */
  async claim(m: EntityManager, eventId: string, kind: string): Promise<boolean> {
    const rows: Array<{ outcome: string }> = await m.query(
      `INSERT INTO mail_delivery (event_id, kind, outcome) VALUES ($1, $2, 'queued')
       ON CONFLICT (event_id) DO UPDATE SET kind = mail_delivery.kind RETURNING outcome`,
      [eventId, kind],
    );
    // 'resent': staff re-sent it as a new event, so a retry of this one must not send a second copy.
    return rows[0].outcome !== 'sent' && rows[0].outcome !== 'skipped' && rows[0].outcome !== 'resent';
  }

  async sent(m: EntityManager, eventId: string, recipient: string): Promise<void> {
    await m.query(
      `UPDATE mail_delivery SET outcome = 'sent', recipient = left($2, 254), attempts = attempts + 1, sent_at = now(), updated_at = now() WHERE event_id = $1`,
      [eventId, recipient],
    );
  }

  async skipped(m: EntityManager, eventId: string): Promise<void> {
    await m.query(`UPDATE mail_delivery SET outcome = 'skipped', updated_at = now() WHERE event_id = $1`, [eventId]);
  }

  /** One failed attempt and why; `final` when no retry will follow (the row then ends given_up). */
  async failed(eventId: string, kind: string, reason: string, final: boolean): Promise<void> {
    await this.ds.query(
      `INSERT INTO mail_delivery (event_id, kind, outcome, attempts, last_error) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (event_id) DO UPDATE SET outcome = excluded.outcome, attempts = mail_delivery.attempts + 1,
         last_error = excluded.last_error, updated_at = now()
       WHERE mail_delivery.outcome IN ('queued', 'failed')`,
      [eventId, kind, final ? 'given_up' : 'failed', reason],
    );
  }

  /** Bull gave up on the job (last attempt, discarded, or stalled too often): its final state. */
  async givenUp(eventId: string, reason: string): Promise<void> {
    await this.ds.query(
      `UPDATE mail_delivery SET outcome = 'given_up', last_error = coalesce(last_error, left($2, 1000)), updated_at = now()
       WHERE event_id = $1 AND outcome IN ('queued', 'failed')`,
      [eventId, reason],
    );
  }
}
