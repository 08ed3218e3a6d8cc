import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MAIL_OUTCOMES, MailOutcome, MailTemplateKind, MailTemplateLocale } from '@apertura/db';
import { mutateReturning } from '../common/persistence';
import type { CapturedMailDto, DeliveryCountsDto, DeliveryDto } from './dto/mail.dto';

export interface DeliveryFilter {
  guarantorId: string;
  roundId?: string;
  outcome?: MailOutcome;
  limit: number;
  offset: number;
}

interface DeliveryRow {
  event_id: string;
  kind: string;
  outcome: MailOutcome;
  recipient: string | null;
  round_id: string | null;
  institution_id: string | null;
  institution_name: string | null;
  attempts: number;
  last_error: string | null;
  delivered_at: Date;
  sent_at: Date | null;
  updated_at: Date;
  resent_as: string | null;
  resent_from: string | null;
}

interface CaptureRow {
  id: string;
  received_at: Date;
  recipients: string[];
  subject: string;
  text_body: string;
  links: string[];
  event_id: string | null;
}

/** Mail problems of the last 24 hours, for /health/ready. */
export interface MailHealth {
  failed24h: number;
  givenUp24h: number;
  queued: number;
}

const emptyCounts = (): DeliveryCountsDto => ({ queued: 0, sent: 0, skipped: 0, failed: 0, given_up: 0, resent: 0 });

function countsOf(rows: Array<{ outcome: string; n: number }>): DeliveryCountsDto {
  const c = emptyCounts();
  for (const r of rows) if ((MAIL_OUTCOMES as readonly string[]).includes(r.outcome)) c[r.outcome as MailOutcome] = r.n;
  return c;
}

/** Reads mail_delivery and mail_capture (written by the worker) for the console and the health check. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Scopes a delivery row to a guarantor and its recipient, for kinds of mail the mail_delivery trigger
   * knows nothing of (staff invitations): the console's mail pages and the catcher then show it to that
   * guarantor's staff only.
   */
  async scopeDelivery(m: EntityManager, eventId: string, guarantorId: string, recipient: string | null): Promise<void> {
    await m.query('UPDATE mail_delivery SET guarantor_id = $2, recipient = $3 WHERE event_id = $1', [
      eventId,
      guarantorId,
      recipient,
    ]);
  }

  async counts(guarantorId: string, roundId: string | undefined, since?: Date): Promise<DeliveryCountsDto> {
    const rows: Array<{ outcome: string; n: number }> = await this.ds.query(
      `SELECT outcome, count(*)::int AS n FROM mail_delivery
       WHERE guarantor_id = $1 AND ($2::uuid IS NULL OR round_id = $2) AND ($3::timestamptz IS NULL OR updated_at >= $3)
       GROUP BY outcome`,
      [guarantorId, roundId ?? null, since ?? null],
    );
    return countsOf(rows);
  }

  async deliveries(f: DeliveryFilter): Promise<{ total: number; items: DeliveryDto[] }> {
    const where = `d.guarantor_id = $1 AND ($2::uuid IS NULL OR d.round_id = $2) AND ($3::text IS NULL OR d.outcome = $3)`;
    const params = [f.guarantorId, f.roundId ?? null, f.outcome ?? null];
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM mail_delivery d WHERE ${where}`,
      params,
    );
    // Trouble first (given up, then failing), then the newest.
    const rows: DeliveryRow[] = await this.ds.query(
      `SELECT d.event_id::text AS event_id, d.kind, d.outcome, d.recipient, d.round_id, d.institution_id, i.name AS institution_name,
              d.attempts, d.last_error, d.delivered_at, d.sent_at, d.updated_at,
              d.resent_as::text AS resent_as, d.resent_from::text AS resent_from
       FROM mail_delivery d LEFT JOIN institution i ON i.id = d.institution_id
       WHERE ${where}
       ORDER BY CASE d.outcome WHEN 'given_up' THEN 0 WHEN 'failed' THEN 1 ELSE 2 END, d.updated_at DESC, d.event_id DESC
       LIMIT $4 OFFSET $5`,
      [...params, f.limit, f.offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        eventId: r.event_id,
        kind: r.kind,
        outcome: r.outcome,
        recipient: r.recipient,
        roundId: r.round_id,
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        attempts: r.attempts,
        lastError: r.last_error,
        queuedAt: r.delivered_at.toISOString(),
        sentAt: r.sent_at ? r.sent_at.toISOString() : null,
        updatedAt: r.updated_at.toISOString(),
        resentAs: r.resent_as,
        resentFrom: r.resent_from,
      })),
    };
  }

  /**
   * Caught messages a staff member may read: their guarantor's mails, and mails that belong to no
   * guarantor (validators' e-mail verification). Development only (the controller refuses production).
   */
  /**
   * Caught mail a staff member may read: their guarantor's, and mail of no guarantor (password
   * resets, validators' verification, anything caught without a delivery row) only when it was
   * addressed to the viewer's own account — such a link is a credential of whoever received it, and
   * every guarantor's staff reading every citizen's reset link would hand them those accounts.
   */
  async captures(
    guarantorId: string,
    viewerId: string,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: CapturedMailDto[] }> {
    const where = `(d.guarantor_id = $1 OR (d.guarantor_id IS NULL AND EXISTS (
        SELECT 1 FROM app_user u WHERE u.id = $2 AND u.email IS NOT NULL
           AND lower(u.email) IN (SELECT lower(r) FROM unnest(c.recipients) AS r))))`;
    const from = `FROM mail_capture c LEFT JOIN mail_delivery d ON d.event_id = c.event_id WHERE ${where}`;
    const [{ total }]: Array<{ total: number }> = await this.ds.query(`SELECT count(*)::int AS total ${from}`, [
      guarantorId,
      viewerId,
    ]);
    const rows: CaptureRow[] = await this.ds.query(
      `SELECT c.id::text AS id, c.received_at, c.recipients, c.subject, c.text_body, c.links, c.event_id::text AS event_id
       ${from} ORDER BY c.id DESC LIMIT $3 OFFSET $4`,
      [guarantorId, viewerId, limit, offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        receivedAt: r.received_at.toISOString(),
        to: r.recipients,
        subject: r.subject,
        text: r.text_body,
        links: r.links,
        eventId: r.event_id,
      })),
    };
  }

  /** The guarantor's mail row (with its outbox event), locked until the re-send commits. */
  async lockForResend(m: EntityManager, guarantorId: string, eventId: string): Promise<ResendSource | undefined> {
    const rows: Array<{ outcome: MailOutcome; recipient: string | null; kind: string; resent_as: string | null }> =
      await m.query(
        `SELECT d.outcome, d.recipient, d.kind, d.resent_as::text AS resent_as
       FROM mail_delivery d JOIN outbox_event e ON e.id = d.event_id
       WHERE d.event_id = $1 AND d.guarantor_id = $2 FOR UPDATE OF d`,
        [eventId, guarantorId],
      );
    const r = rows[0];
    return r && { outcome: r.outcome, recipient: r.recipient, kind: r.kind, resentAs: r.resent_as };
  }

  /**
   * A new outbox event identical to the old one (same type and payload): the relay and the worker treat
   * it like any other, and the trigger gives it its own 'queued' row. Returns its id.
   */
  async copyEvent(m: EntityManager, eventId: string): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      'INSERT INTO outbox_event (type, payload) SELECT type, payload FROM outbox_event WHERE id = $1 RETURNING id::text AS id',
      [eventId],
    );
    return row.id;
  }

  /** The old row ends 'resent', pointing at the new one (queued by the trigger), which points back. */
  async markResent(m: EntityManager, oldEventId: string, newEventId: string): Promise<void> {
    await m.query(
      `UPDATE mail_delivery SET outcome = 'resent', resent_as = $2, updated_at = now() WHERE event_id = $1`,
      [oldEventId, newEventId],
    );
    await m.query(`UPDATE mail_delivery SET resent_from = $1 WHERE event_id = $2`, [oldEventId, newEventId]);
  }

  async health(): Promise<MailHealth> {
    const [row]: Array<{ failed: number; given_up: number; queued: number }> = await this.ds.query(
      `SELECT count(*) FILTER (WHERE outcome = 'failed' AND updated_at >= now() - interval '24 hours')::int AS failed,
              count(*) FILTER (WHERE outcome = 'given_up' AND updated_at >= now() - interval '24 hours')::int AS given_up,
              count(*) FILTER (WHERE outcome = 'queued')::int AS queued
       FROM mail_delivery WHERE outcome IN ('failed', 'given_up', 'queued')`,
    );
    return { failed24h: row.failed, givenUp24h: row.given_up, queued: row.queued };
  }

  /** The guarantor's saved templates (the service fills in the built-in ones). */
  async templates(guarantorId: string): Promise<SavedTemplate[]> {
    const rows: Array<{
      kind: MailTemplateKind;
      locale: MailTemplateLocale;
      subject: string;
      body: string;
      updated_at: Date;
    }> = await this.ds.query(
      'SELECT kind, locale, subject, body, updated_at FROM mail_template WHERE guarantor_id = $1 ORDER BY kind, locale',
      [guarantorId],
    );
    return rows.map((r) => ({
      kind: r.kind,
      locale: r.locale,
      subject: r.subject,
      body: r.body,
      updatedAt: r.updated_at,
    }));
  }

  async saveTemplate(
    m: EntityManager,
    guarantorId: string,
    userId: string,
    t: Omit<SavedTemplate, 'updatedAt'>,
  ): Promise<Date> {
    const [row]: Array<{ updated_at: Date }> = await m.query(
      `INSERT INTO mail_template (guarantor_id, kind, locale, subject, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (guarantor_id, kind, locale) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by, updated_at = now()
       RETURNING updated_at`,
      [guarantorId, t.kind, t.locale, t.subject, t.body, userId],
    );
    return row.updated_at;
  }

  /** Back to the built-in text; true when there was a saved one. */
  async deleteTemplate(
    m: EntityManager,
    guarantorId: string,
    kind: MailTemplateKind,
    locale: MailTemplateLocale,
  ): Promise<boolean> {
    const rows = await mutateReturning<{ kind: string }>(
      m,
      'DELETE FROM mail_template WHERE guarantor_id = $1 AND kind = $2 AND locale = $3 RETURNING kind',
      [guarantorId, kind, locale],
    );
    return rows.length > 0;
  }

  async guarantorName(guarantorId: string): Promise<string> {
    const [g]: Array<{ name: string }> = await this.ds.query('SELECT name FROM guarantor WHERE id = $1', [guarantorId]);
    return g?.name ?? '';
  }
}

export interface ResendSource {
  outcome: MailOutcome;
  recipient: string | null;
  kind: string;
  resentAs: string | null;
}

export interface SavedTemplate {
  kind: MailTemplateKind;
  locale: MailTemplateLocale;
  subject: string;
  body: string;
  updatedAt: Date;
}
