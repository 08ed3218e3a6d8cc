import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People (issue #15, item 5):
 *  - app_user.deactivated_at: a guarantor admin can switch a staff account off without erasing it (its
 *    audit trail keeps pointing at it); the access guard re-reads the account on every request, so the
 *    account's open sessions stop at once. Reactivation clears it.
 *  - staff_invitation: an admin invites an analyst or admin by e-mail. The account exists from the
 *    invitation on (role, guarantor, no password); the single-use, expiring link lets the invitee choose
 *    the password. Only the token's sha256 is stored; the mail job derives the link from the row id.
 *  - audit_log round index: the audit page filters by round, which records carry either as their entity
 *    (entity_type = 'round') or in details.roundId (invitations, disputes).
 */
export class StaffPeople1765000520000 implements MigrationInterface {
  name = 'StaffPeople1765000520000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "deactivated_at" timestamptz`);
    await q.query(`CREATE TABLE "staff_invitation" (
      "id" uuid NOT NULL PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "guarantor_id" uuid NOT NULL REFERENCES "guarantor" ("id") ON DELETE CASCADE,
      "invited_by" uuid REFERENCES "app_user" ("id") ON DELETE SET NULL,
      "token_hash" varchar(64) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX "IDX_staff_invitation_token_hash" ON "staff_invitation" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_staff_invitation_user" ON "staff_invitation" ("user_id", "created_at")`);
    await q.query(
      `CREATE INDEX "IDX_audit_log_round" ON "audit_log" ("guarantor_id", (details->>'roundId')) WHERE details ? 'roundId'`,
    );
    await q.query(`CREATE INDEX "IDX_audit_log_actor" ON "audit_log" ("guarantor_id", "actor_user_id", "id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_audit_log_actor"`);
    await q.query(`DROP INDEX "IDX_audit_log_round"`);
    await q.query(`DROP TABLE "staff_invitation"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "deactivated_at"`);
  }
}
