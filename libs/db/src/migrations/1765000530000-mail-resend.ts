import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger function of 1765000400000, restored on the way down. */
const QUEUE_FN_BEFORE = `CREATE OR REPLACE FUNCTION "mail_delivery_queue"() RETURNS trigger LANGUAGE plpgsql AS $$
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
      END $$`;

/** The same, plus staff invitations (1765000520000), which otherwise belonged to no guarantor. */
const QUEUE_FN = `CREATE OR REPLACE FUNCTION "mail_delivery_queue"() RETURNS trigger LANGUAGE plpgsql AS $$
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
        ELSIF NEW.type = 'mail.staff-invite' THEN
          SELECT si.guarantor_id, u.email INTO g, rcpt FROM staff_invitation si JOIN app_user u ON u.id = si.user_id
            WHERE si.id = mail_uuid(NEW.payload->>'staffInvitationId');
        ELSIF NEW.type = 'mail.test' THEN
          g := mail_uuid(NEW.payload->>'guarantorId');
          rcpt := NEW.payload->>'to';
        END IF;
        INSERT INTO mail_delivery (event_id, kind, outcome, guarantor_id, round_id, institution_id, recipient)
          VALUES (NEW.id, left(k, 32), 'queued', g, r, i, left(rcpt, 254))
          ON CONFLICT (event_id) DO NOTHING;
        RETURN NULL;
      END $$`;

/**
 * Staff re-send a mail that failed or was given up (issue #15, item 1). The re-send is a new outbox
 * event (so the ledger shows a new row and attempt); the old row ends 'resent' — a final state of its
 * own, so it no longer counts as trouble and a pending Bull retry of it sends nothing — and both rows
 * point at each other.
 * Staff invitations (mail.staff-invite) get their guarantor from the trigger too. UsersService sets it on
 * the rows it creates, but a re-send is a copy of the event written here: without the trigger branch the
 * copy would belong to no guarantor — missing from the guarantor's list and, in development, its caught
 * activation link listed to every guarantor's staff.
 */
export class MailResend1765000530000 implements MigrationInterface {
  name = 'MailResend1765000530000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "ck_mail_delivery_outcome"`);
    await q.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('queued','sent','skipped','failed','given_up','resent'))`,
    );
    await q.query(`ALTER TABLE "mail_delivery" ADD COLUMN "resent_as" bigint, ADD COLUMN "resent_from" bigint`);
    await q.query(QUEUE_FN);
    await q.query(`UPDATE "mail_delivery" d SET guarantor_id = si.guarantor_id
      FROM "outbox_event" e JOIN "staff_invitation" si ON si.id = mail_uuid(e.payload->>'staffInvitationId')
      WHERE e.id = d.event_id AND e.type = 'mail.staff-invite' AND d.guarantor_id IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(QUEUE_FN_BEFORE);
    await q.query(`UPDATE "mail_delivery" SET outcome = 'given_up' WHERE outcome = 'resent'`);
    await q.query(`ALTER TABLE "mail_delivery" DROP COLUMN "resent_as", DROP COLUMN "resent_from"`);
    await q.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "ck_mail_delivery_outcome"`);
    await q.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('queued','sent','skipped','failed','given_up'))`,
    );
  }
}
