import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #16 item 2: the confirmation an institution receives after submitting (folio + printable copy)
 * is a mail like the others, so its mail_delivery row gets the round, institution, guarantor and the
 * address it goes to (the invitation's, else the institution's) as soon as the event is written —
 * the guarantor's mail page shows it with the invitations of the round.
 */
export class SubmissionReceipt1765000600000 implements MigrationInterface {
  name = 'SubmissionReceipt1765000600000';

  public async up(q: QueryRunner): Promise<void> {
    // Same function as 1765000530000 (staff invitations scoped to their guarantor), plus the submission
    // receipt (addressed like the invitation it answers).
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
        ELSIF NEW.type = 'mail.submission-receipt' THEN
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
      END $$`);
  }
}
