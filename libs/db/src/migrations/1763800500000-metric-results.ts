import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metric results (worker) and their API.
 *  - institution_result: what area aggregation needs from each institution's computation (its
 *    values and validator count), so a change in one institution re-aggregates the round from one
 *    bulk read instead of recomputing every institution from its answers. Guarded by the same input
 *    watermark as metric_result.
 *  - metric_result.formula becomes text: a partial sub-index formula names its renormalising
 *    denominator and missing components and does not fit in 64 characters.
 *  - metric_result_listing: result lists filter by (round, scope, aggregation, indicator) and sort by
 *    estimate.
 */
export class MetricResults1763800500000 implements MigrationInterface {
  name = 'MetricResults1763800500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "institution_result" ("round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "result" jsonb NOT NULL, "watermark" bigint NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_institution_result" PRIMARY KEY ("round_id", "institution_id"))`,
    );
    await q.query(
      `ALTER TABLE "institution_result" ADD CONSTRAINT "fk_institution_result_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "institution_result" ADD CONSTRAINT "fk_institution_result_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "formula" TYPE text`);
    await q.query(
      `CREATE INDEX "metric_result_listing" ON "metric_result" ("round_id", "scope", "aggregation", "indicator", "estimate")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "metric_result_listing"`);
    await q.query(
      `ALTER TABLE "metric_result" ALTER COLUMN "formula" TYPE character varying(64) USING left("formula", 64)`,
    );
    await q.query(`DROP TABLE IF EXISTS "institution_result"`);
  }
}
