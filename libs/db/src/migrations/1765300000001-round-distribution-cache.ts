import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 (dashboards within 800 ms): the overview's distribution — I or I_G, T and P of every
 * institution of the round — read its 48,000 rows from ≈ 26,000 heap pages of metric_result on every
 * load (≈ 1.5–3 s at national size). It is kept here per round with the count of result writes it was
 * computed at (result_write, migration 1765300000000, says why that count is exact), and computed
 * again only when the count moved. Names and the universe are joined when it is read, so a renamed
 * institution shows its new name at once.
 */
export class RoundDistributionCache1765300000001 implements MigrationInterface {
  name = 'RoundDistributionCache1765300000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "round_distribution_cache" (
      "round_id" uuid PRIMARY KEY REFERENCES "round" ("id") ON DELETE CASCADE,
      "writes" bigint NOT NULL,
      "values" json NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "round_distribution_cache"`);
  }
}
