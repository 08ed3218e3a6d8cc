import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Validators' mail and history (issue #16, item 3):
 *  - validator_profile.mail_opt_out: a validator can stop the optional mails (new assignments, expiry
 *    reminders, digests); account mails (verification, password reset) are not optional.
 *  - assignment.expiry_reminder_queued_at: the expiry-reminder sweep stamps it in the transaction that
 *    writes the mail event, so a second sweep (or a second worker) finds nothing due.
 *  - validator_result_seen: per validator and institution they worked on, the institution's result as
 *    the last digest reported it (before/after for the next digest and the history page).
 *  - validator_digest: one row per digest mail, with the changes it reported (the mail job renders it;
 *    the history page lists it). Holds only the validator's own institutions, never other validators.
 */
export class ValidatorMail1765000610000 implements MigrationInterface {
  name = 'ValidatorMail1765000610000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "validator_profile" ADD COLUMN "mail_opt_out" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "assignment" ADD COLUMN "expiry_reminder_queued_at" timestamptz`);
    await q.query(
      `CREATE INDEX "assignment_expiry_reminder_due" ON "assignment" ("expires_at") WHERE status = 'active' AND expiry_reminder_queued_at IS NULL`,
    );
    await q.query(`CREATE TABLE "validator_result_seen" (
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "round_id" uuid NOT NULL REFERENCES "round" ("id") ON DELETE CASCADE,
      "institution_id" uuid NOT NULL REFERENCES "institution" ("id") ON DELETE CASCADE,
      "estimate" double precision,
      "status" varchar(16),
      "first_estimate" double precision,
      "first_status" varchar(16),
      "seen_at" timestamptz NOT NULL,
      CONSTRAINT "PK_validator_result_seen" PRIMARY KEY ("user_id", "round_id", "institution_id")
    )`);
    await q.query(`CREATE TABLE "validator_digest" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "created_at" timestamptz NOT NULL,
      "items" jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX "validator_digest_user" ON "validator_digest" ("user_id", "created_at" DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "validator_digest"`);
    await q.query(`DROP TABLE IF EXISTS "validator_result_seen"`);
    await q.query(`DROP INDEX IF EXISTS "assignment_expiry_reminder_due"`);
    await q.query(`ALTER TABLE "assignment" DROP COLUMN IF EXISTS "expiry_reminder_queued_at"`);
    await q.query(`ALTER TABLE "validator_profile" DROP COLUMN IF EXISTS "mail_opt_out"`);
  }
}
