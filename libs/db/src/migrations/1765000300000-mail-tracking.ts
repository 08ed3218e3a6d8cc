import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail that never vanishes (issue #15, item 1).
 *  - mail_delivery becomes the visible state of every mail: a trigger on outbox_event gives each
 *    mail.* event a 'queued' row in the transaction that creates it (whoever writes the event), with
 *    the guarantor, round, institution and recipient it concerns, so the console can scope and show it.
 *    The worker moves it to 'sent' or 'skipped', records every failed attempt with the server's reason
 *    ('failed', retried) and marks 'given_up' when no retry is left. delivered_at stays the row's
 *    creation time (when the mail was queued); updated_at is the last change.
 *    A mail event the relay rejects (malformed payload) ends 'given_up' with the relay's reason.
 *  - mail_capture: messages caught by the development mail catcher (worker), read by the API.
 */
export class MailTracking1765000300000 implements MigrationInterface {
  name = 'MailTracking1765000300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "ck_mail_delivery_outcome"`);
    await q.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('queued','sent','skipped','failed','given_up'))`,
    );
    await q.query(`ALTER TABLE "mail_delivery"
      ADD COLUMN "guarantor_id" uuid,
      ADD COLUMN "round_id" uuid,
      ADD COLUMN "institution_id" uuid,
      ADD COLUMN "recipient" varchar(254),
      ADD COLUMN "attempts" integer NOT NULL DEFAULT 0,
      ADD COLUMN "last_error" varchar(1000),
      ADD COLUMN "sent_at" timestamptz,
      ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT now()`);
    await q.query(
      `UPDATE "mail_delivery" SET "updated_at" = "delivered_at", "sent_at" = CASE WHEN outcome = 'sent' THEN "delivered_at" END`,
    );
    await q.query(
      `CREATE INDEX "mail_delivery_guarantor_updated" ON "mail_delivery" ("guarantor_id", "updated_at" DESC)`,
    );
    await q.query(`CREATE INDEX "mail_delivery_round" ON "mail_delivery" ("round_id") WHERE "round_id" IS NOT NULL`);
    // Small: mails not yet sent, or in trouble (the readiness probe counts them).
    await q.query(
      `CREATE INDEX "mail_delivery_open" ON "mail_delivery" ("outcome", "updated_at") WHERE outcome IN ('queued','failed','given_up')`,
    );

    // One queued row per mail event, in the event's own transaction. The subject of each kind of event
    // is looked up once here; the worker overwrites the recipient with the address it really used.
    // A malformed id yields NULL instead of an error: the relay rejects such an event with its reason.
    await q.query(`CREATE FUNCTION "mail_uuid"(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN t ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN t::uuid END $$`);
    await q.query(`CREATE FUNCTION "mail_delivery_queue"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        k text := substring(NEW.type from 6);
        g uuid; r uuid; i uuid; rcpt text;
      BEGIN
        IF NEW.type = 'mail.invitation' THEN
          IF NEW.payload->>'reminder' = 'true' THEN k := 'invitation-reminder'; END IF;
          SELECT ro.guarantor_id, v.round_id, v.institution_id, inst.email INTO g, r, i, rcpt
            FROM invitation v JOIN round ro ON ro.id = v.round_id JOIN institution inst ON inst.id = v.institution_id
            WHERE v.id = mail_uuid(NEW.payload->>'invitationId');
        ELSIF NEW.type = 'mail.refutation-notice' THEN
          SELECT ro.guarantor_id, ro.id, inst.id, inst.email INTO g, r, i, rcpt
            FROM round ro JOIN institution inst ON inst.id = mail_uuid(NEW.payload->>'institutionId')
            WHERE ro.id = mail_uuid(NEW.payload->>'roundId');
        ELSIF NEW.type = 'mail.verify-email' THEN
          SELECT u.email INTO rcpt FROM email_verification ev JOIN app_user u ON u.id = ev.user_id
            WHERE ev.id = mail_uuid(NEW.payload->>'verificationId');
        ELSIF NEW.type = 'mail.test' THEN
          g := mail_uuid(NEW.payload->>'guarantorId');
          rcpt := NEW.payload->>'to';
        END IF;
        INSERT INTO mail_delivery (event_id, kind, outcome, guarantor_id, round_id, institution_id, recipient)
          VALUES (NEW.id, left(k, 32), 'queued', g, r, i, left(rcpt, 254))
          ON CONFLICT (event_id) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "outbox_event_mail_delivery" AFTER INSERT ON "outbox_event"
      FOR EACH ROW WHEN (NEW.type LIKE 'mail.%') EXECUTE FUNCTION "mail_delivery_queue"()`);

    // A mail event the relay can never turn into a job (malformed payload) is marked dispatched with its
    // reason in the same statement that counts the attempt; a successful dispatch never counts one.
    await q.query(`CREATE FUNCTION "mail_delivery_rejected"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE mail_delivery SET outcome = 'given_up', last_error = left('not sent: ' || coalesce(NEW.last_error, 'rejected by the relay'), 1000), updated_at = now()
          WHERE event_id = NEW.id AND outcome IN ('queued', 'failed');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "outbox_event_mail_rejected" AFTER UPDATE ON "outbox_event"
      FOR EACH ROW WHEN (NEW.type LIKE 'mail.%' AND OLD.dispatched_at IS NULL AND NEW.dispatched_at IS NOT NULL AND NEW.attempts > OLD.attempts)
      EXECUTE FUNCTION "mail_delivery_rejected"()`);

    await q.query(`CREATE TABLE "mail_capture" (
      "id" bigserial NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      "event_id" bigint,
      "mail_from" varchar(320),
      "recipients" text[] NOT NULL DEFAULT '{}',
      "subject" varchar(1000) NOT NULL DEFAULT '',
      "text_body" text NOT NULL DEFAULT '',
      "html_body" text NOT NULL DEFAULT '',
      "links" text[] NOT NULL DEFAULT '{}',
      CONSTRAINT "mail_capture_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "mail_capture_received" ON "mail_capture" ("received_at" DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "mail_capture"`);
    await q.query(`DROP TRIGGER IF EXISTS "outbox_event_mail_rejected" ON "outbox_event"`);
    await q.query(`DROP FUNCTION IF EXISTS "mail_delivery_rejected"()`);
    await q.query(`DROP TRIGGER IF EXISTS "outbox_event_mail_delivery" ON "outbox_event"`);
    await q.query(`DROP FUNCTION IF EXISTS "mail_delivery_queue"()`);
    await q.query(`DROP FUNCTION IF EXISTS "mail_uuid"(text)`);
    await q.query(`DELETE FROM "mail_delivery" WHERE outcome NOT IN ('sent','skipped')`);
    await q.query(`ALTER TABLE "mail_delivery" DROP COLUMN "guarantor_id", DROP COLUMN "round_id", DROP COLUMN "institution_id", DROP COLUMN "recipient",
      DROP COLUMN "attempts", DROP COLUMN "last_error", DROP COLUMN "sent_at", DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "ck_mail_delivery_outcome"`);
    await q.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('sent','skipped'))`,
    );
  }
}
