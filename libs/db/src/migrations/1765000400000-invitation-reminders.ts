import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations managed per institution (issue #15, item 2).
 *  - round: scheduled reminders, a setting per round (off by default: a guarantor opts in).
 *  - invitation.email: the address used for this round when staff corrected it; the institution's own
 *    address (shared by every round of the universe) is left alone. The outbox trigger and the worker
 *    read coalesce(invitation.email, institution.email).
 *  - invitation.reminders_queued / last_reminder_queued_at: every reminder counted when it is queued
 *    (manual or scheduled), in the transaction that writes its outbox event, so a sweep that runs
 *    again — after a restart, or on a second worker — finds the reminder already counted.
 *  - mail_template: a guarantor's own invitation/reminder texts, per language.
 */
export class InvitationReminders1765000400000 implements MigrationInterface {
  name = 'InvitationReminders1765000400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round"
      ADD COLUMN "reminders_enabled" boolean NOT NULL DEFAULT false,
      ADD COLUMN "reminder_min_days" integer NOT NULL DEFAULT 7,
      ADD COLUMN "reminder_max_count" integer NOT NULL DEFAULT 3,
      ADD CONSTRAINT "ck_round_reminder_min_days" CHECK ("reminder_min_days" BETWEEN 1 AND 90),
      ADD CONSTRAINT "ck_round_reminder_max_count" CHECK ("reminder_max_count" BETWEEN 0 AND 20)`);
    await q.query(`ALTER TABLE "invitation"
      ADD COLUMN "email" varchar(254),
      ADD COLUMN "reminders_queued" integer NOT NULL DEFAULT 0,
      ADD COLUMN "last_reminder_queued_at" timestamptz`);
    // Reminders already sent count as queued.
    await q.query(
      `UPDATE "invitation" SET "reminders_queued" = "reminder_count", "last_reminder_queued_at" = "last_reminded_at" WHERE "reminder_count" > 0`,
    );
    // The invitations list shows the last mail of each institution of a round.
    await q.query(
      `CREATE INDEX "mail_delivery_round_institution" ON "mail_delivery" ("round_id", "institution_id", "event_id" DESC) WHERE "institution_id" IS NOT NULL`,
    );

    await q.query(`CREATE TABLE "mail_template" (
      "guarantor_id" uuid NOT NULL REFERENCES "guarantor" ("id") ON DELETE CASCADE,
      "kind" varchar(16) NOT NULL,
      "locale" varchar(2) NOT NULL,
      "subject" varchar(200) NOT NULL,
      "body" text NOT NULL,
      "updated_by" uuid,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "mail_template_pkey" PRIMARY KEY ("guarantor_id", "kind", "locale"),
      CONSTRAINT "ck_mail_template_kind" CHECK ("kind" IN ('invitation', 'reminder')),
      CONSTRAINT "ck_mail_template_locale" CHECK ("locale" IN ('es', 'en')),
      CONSTRAINT "ck_mail_template_body" CHECK (length("body") <= 5000))`);

    // Same function as 1765000300000, with the round's corrected address of an invitation.
    await q.query(`CREATE OR REPLACE FUNCTION "mail_delivery_queue"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        k text := substring(NEW.type from 6);
        g uuid; r uuid; i uuid; rcpt text;
      BEGIN
        IF NEW.type = 'mail.invitation' THEN
          IF NEW.payload->>'reminder' = 'true' THEN k := 'invitation-reminder'; END IF;
          SELECT ro.guarantor_id, v.round_id, v.institution_id, coalesce(v.email, inst.email) INTO g, r, i, rcpt
            FROM invitation v JOIN round ro ON ro.id = v.round_id JOIN institution inst ON inst.id = v.institution_id
            WHERE v.id = mail_uuid(NEW.payload->>'invitationId');
        ELSIF NEW.type = 'mail.refutation-notice' THEN
          SELECT ro.guarantor_id, ro.id, inst.id,
                 coalesce((SELECT v.email FROM invitation v WHERE v.round_id = ro.id AND v.institution_id = inst.id AND v.revoked_at IS NULL), inst.email)
            INTO g, r, i, rcpt
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
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION "mail_delivery_queue"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`DROP TABLE IF EXISTS "mail_template"`);
    await q.query(`DROP INDEX IF EXISTS "mail_delivery_round_institution"`);
    await q.query(
      `ALTER TABLE "invitation" DROP COLUMN "email", DROP COLUMN "reminders_queued", DROP COLUMN "last_reminder_queued_at"`,
    );
    await q.query(`ALTER TABLE "round" DROP CONSTRAINT "ck_round_reminder_min_days", DROP CONSTRAINT "ck_round_reminder_max_count",
      DROP COLUMN "reminders_enabled", DROP COLUMN "reminder_min_days", DROP COLUMN "reminder_max_count"`);
  }
}
