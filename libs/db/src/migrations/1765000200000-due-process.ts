import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Due process and no steering (issue #13, METHOD.md §3.1):
 *  - verdict.notice_queued_at / notified_at: a refutation is announced to the institution by mail;
 *    notified_at is when the mail left, and the reply window runs from it.
 *    reply_window_closed_at marks that the sweep already announced the end of the window (the
 *    refutation became counted), so each expiry triggers one recompute.
 *  - verdict_dispute: the institution's reply to one notification of one refutation, and the
 *    guarantor's decision (uphold / overturn, with a reason).
 *  - round.reply_window_days (default 10) and round.max_conflicts (default 5): per-round settings
 *    kept apart from the method settings (libs/metric refuses keys it does not know).
 *  - validator_conflict.reason: a conflict of interest must say why (rows declared before stay).
 */
export class DueProcess1765000200000 implements MigrationInterface {
  name = 'DueProcess1765000200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "verdict" ADD COLUMN "notice_queued_at" timestamptz`);
    await q.query(`ALTER TABLE "verdict" ADD COLUMN "notified_at" timestamptz`);
    await q.query(`ALTER TABLE "verdict" ADD COLUMN "reply_window_closed_at" timestamptz`);
    await q.query(
      `CREATE INDEX "verdict_refutation_notice" ON "verdict" ("round_id", "institution_id") WHERE "verdict" = 'refuted'`,
    );
    await q.query(`ALTER TABLE "round" ADD COLUMN "reply_window_days" integer NOT NULL DEFAULT 10`);
    await q.query(`ALTER TABLE "round" ADD COLUMN "max_conflicts" integer NOT NULL DEFAULT 5`);
    await q.query(`ALTER TABLE "validator_conflict" ADD COLUMN "reason" varchar(500)`);
    await q.query(`CREATE TABLE "verdict_dispute" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "verdict_id" uuid NOT NULL REFERENCES "verdict" ("id") ON DELETE CASCADE,
      "round_id" uuid NOT NULL,
      "institution_id" uuid NOT NULL,
      "notified_at" timestamptz NOT NULL,
      "text" varchar(4000) NOT NULL,
      "evidence_url" varchar(2048),
      "evidence_file_id" uuid,
      "status" varchar(16) NOT NULL DEFAULT 'open',
      "decision_reason" varchar(4000),
      "decided_by" uuid,
      "decided_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "verdict_dispute_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "verdict_dispute_status" CHECK ("status" IN ('open', 'upheld', 'overturned')),
      CONSTRAINT "verdict_dispute_once" UNIQUE ("verdict_id", "notified_at")
    )`);
    await q.query(`CREATE INDEX "verdict_dispute_round_status" ON "verdict_dispute" ("round_id", "status")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "verdict_dispute"`);
    await q.query(`ALTER TABLE "validator_conflict" DROP COLUMN "reason"`);
    await q.query(`ALTER TABLE "round" DROP COLUMN "max_conflicts"`);
    await q.query(`ALTER TABLE "round" DROP COLUMN "reply_window_days"`);
    await q.query(`DROP INDEX "verdict_refutation_notice"`);
    await q.query(`ALTER TABLE "verdict" DROP COLUMN "reply_window_closed_at"`);
    await q.query(`ALTER TABLE "verdict" DROP COLUMN "notified_at"`);
    await q.query(`ALTER TABLE "verdict" DROP COLUMN "notice_queued_at"`);
  }
}
