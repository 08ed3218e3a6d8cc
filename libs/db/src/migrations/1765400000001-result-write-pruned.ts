import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The result_write log of migration 1765300000000 grows by a row per statement that writes results:
 * ≈ 250 per national rebuild, and one or two per institution or area job — at 50 writes a second of
 * live collection, several hundred thousand rows an hour, which every cached public read counts.
 * Its rows can go if their count stays: the worker moves them into this tally (per round; the row
 * with a null round counts writes that concern every round) in one statement, so every snapshot sees
 * either the rows or the tally, never both and never neither, and the count a cache was keyed on
 * cannot come back after a change (libs/db pruneResultWrites, resultWritesSeen).
 */
export class ResultWritePruned1765400000001 implements MigrationInterface {
  name = 'ResultWritePruned1765400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "result_write_pruned" (
      "round_id" uuid REFERENCES "round" ("id") ON DELETE CASCADE,
      "rows" bigint NOT NULL,
      CONSTRAINT "UQ_result_write_pruned_round" UNIQUE NULLS NOT DISTINCT ("round_id")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "result_write_pruned"`);
  }
}
