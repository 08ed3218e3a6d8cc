import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Method apertura-2 (METHOD.md, changes listed at its top):
 *  - metric_result.needed becomes nullable (§6: null with reason `not_reachable_by_sampling` when no
 *    citizen addition can make a value conclusive) and is split into needed_subjects (first, new
 *    subjects with citizen data) and needed_reports (then, reports); validated_share carries the
 *    validation coverage of government-perspective aggregates (§6 rule 1 and 3).
 *  - round.design declares whether the universe is a census or a sample, with the population counts
 *    of its strata (§4). Existing rounds are censuses, as apertura-1 assumed.
 *  - metric_pool keeps each round's pooled per-validator variances (§5 small-n rule) as of its last
 *    area aggregation, so an institution job finalises with the round's current pool.
 *  - metric_rank stores the 95 % rank intervals of every ranking (§9), computed by the worker with the
 *    results and never on request.
 * Rows computed under apertura-1 keep their method id and stay readable; a rebuild replaces them.
 */
export class Apertura21765000000000 implements MigrationInterface {
  name = 'Apertura21765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "needed" DROP DEFAULT`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "needed" DROP NOT NULL`);
    await q.query(`ALTER TABLE "metric_result" ADD COLUMN "needed_subjects" integer`);
    await q.query(`ALTER TABLE "metric_result" ADD COLUMN "needed_reports" integer`);
    await q.query(`ALTER TABLE "metric_result" ADD COLUMN "validated_share" double precision`);
    await q.query(`ALTER TABLE "round" ADD COLUMN "design" jsonb NOT NULL DEFAULT '{"kind":"census"}'::jsonb`);
    await q.query(`CREATE TABLE "metric_pool" (
      "round_id" uuid PRIMARY KEY REFERENCES "round"("id") ON DELETE CASCADE,
      "pooled" json NOT NULL,
      "watermark" bigint NOT NULL,
      "computed_at" timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "metric_rank" (
      "round_id" uuid NOT NULL,
      "ranking" varchar(16) NOT NULL,
      "group_key" varchar(16) NOT NULL,
      "indicator" varchar(32) NOT NULL,
      "scope_key" varchar(100) NOT NULL,
      "position" integer NOT NULL,
      "lo" integer NOT NULL,
      "hi" integer NOT NULL,
      "of" integer NOT NULL,
      "seed" varchar(200) NOT NULL,
      "method_id" varchar(64) NOT NULL,
      "watermark" bigint NOT NULL,
      "computed_at" timestamptz NOT NULL,
      CONSTRAINT "metric_rank_key" PRIMARY KEY ("round_id", "ranking", "group_key", "indicator", "scope_key"),
      CONSTRAINT "metric_rank_round" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "metric_rank"`);
    await q.query(`DROP TABLE "metric_pool"`);
    await q.query(`ALTER TABLE "round" DROP COLUMN "design"`);
    await q.query(`ALTER TABLE "metric_result" DROP COLUMN "validated_share"`);
    await q.query(`ALTER TABLE "metric_result" DROP COLUMN "needed_reports"`);
    await q.query(`ALTER TABLE "metric_result" DROP COLUMN "needed_subjects"`);
    await q.query(`UPDATE "metric_result" SET "needed" = 0 WHERE "needed" IS NULL`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "needed" SET NOT NULL`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "needed" SET DEFAULT 0`);
  }
}
