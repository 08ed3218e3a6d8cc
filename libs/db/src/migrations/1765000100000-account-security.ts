import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13 §4–5 (accounts, cheap denial of service):
 *  - login_failure: failed sign-ins per (account, client). A lock applies only to the client that
 *    failed, so nobody can lock someone else out; the client is an HMAC of its address (no raw IPs).
 *  - password_reset: single-use, expiring reset links for every role (only the token's sha256 is
 *    stored; the mail job derives the link from the row id, as for invitations). A completed reset
 *    also clears the account's login failures (self-service unlock).
 *  - app_user.password_changed_at: sessions issued before a password change stop working.
 *  - app_user.account_notice_at: when the owner was last told that someone tried to register their
 *    address (registration answers the same either way; at most one such mail per 15 minutes).
 *  - round.max_versions_per_response: a cap on the versions one institution can submit in a round
 *    (every version is kept and audited forever).
 * The old per-account counters (app_user.failed_logins, locked_until) are no longer read.
 */
export class AccountSecurity1765000100000 implements MigrationInterface {
  name = 'AccountSecurity1765000100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "login_failure" (
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "client_key" varchar(64) NOT NULL,
      "failures" integer NOT NULL,
      "locked_until" timestamptz,
      "last_failed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_login_failure" PRIMARY KEY ("user_id", "client_key")
    )`);
    await q.query(`CREATE INDEX "IDX_login_failure_last_failed_at" ON "login_failure" ("last_failed_at")`);
    await q.query(`CREATE TABLE "password_reset" (
      "id" uuid NOT NULL PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "token_hash" varchar(64) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX "IDX_password_reset_token_hash" ON "password_reset" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_password_reset_user" ON "password_reset" ("user_id", "created_at")`);
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "password_changed_at" timestamptz`);
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "account_notice_at" timestamptz`);
    await q.query(
      `ALTER TABLE "round" ADD COLUMN "max_versions_per_response" integer NOT NULL DEFAULT 50 CHECK ("max_versions_per_response" BETWEEN 1 AND 1000)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round" DROP COLUMN "max_versions_per_response"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "account_notice_at"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "password_changed_at"`);
    await q.query(`DROP TABLE "password_reset"`);
    await q.query(`DROP TABLE "login_failure"`);
  }
}
