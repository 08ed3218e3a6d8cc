import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper result writes (bench/RESULTS.md, "Lean result storage"): a full rebuild of a national round
 * rewrites ≈ 370,000 metric_result rows and 12,000 institution_result documents.
 *  - Result documents become `json` instead of `jsonb`. They are only ever stored and read back whole
 *    (no SQL looks inside them, nothing indexes them), so jsonb's binary form bought nothing and cost
 *    the most: converting every number to `numeric` on write and back to text on read. On the
 *    national round's documents: parsing 3.5 s → 1.0 s, reading 1.2 s → 0.2 s.
 *  - Two of metric_result's four B-trees served no query and cost one insertion each per row written:
 *    the one on computed_at (results are read by round and key; exports order by key) and the
 *    surrogate `id` primary key (nothing refers to a result by id). The natural key — round, scope,
 *    key, aggregation, indicator, already unique — becomes the primary key.
 *  - metric_result pages are filled to 70 % (fillfactor): a rebuild rewrites every row of the round,
 *    mostly with the same estimate, and the free space lets PostgreSQL update such rows in place on
 *    their page (HOT: no new index entries). National rebuilds after the first: 20.8–26.9 s → 18.4–
 *    19.5 s; the table takes ≈ 40 % more disk.
 *  - The documents are TOAST-compressed with lz4 instead of pglz: several times faster to compress
 *    for about the same size. Only where the server was built with lz4 (PostgreSQL ≥ 14 from the
 *    Debian/PGDG packages and the official images are); elsewhere the columns keep pglz and the
 *    migration says so. Existing values keep their compression until rewritten.
 */
export class LeanResultStorage1764600000000 implements MigrationInterface {
  name = 'LeanResultStorage1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_a4b45e4e7145f67c0809d35018"`);
    await q.query(`ALTER TABLE "metric_result" DROP CONSTRAINT "PK_148e88b2a4aa939e0ecebb2ef0c"`);
    await q.query(`ALTER TABLE "metric_result" DROP COLUMN "id"`);
    await q.query(
      `ALTER TABLE "metric_result" ADD CONSTRAINT "metric_result_key" PRIMARY KEY USING INDEX "metric_result_key"`,
    );
    await q.query(`ALTER TABLE "metric_result" SET (fillfactor = 70)`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" DROP DEFAULT`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" TYPE json USING "details"::json`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" SET DEFAULT '{}'::json`);
    await q.query(`ALTER TABLE "institution_result" ALTER COLUMN "result" TYPE json USING "result"::json`);
    await q.query(`DO $$
      BEGIN
        ALTER TABLE "metric_result" ALTER COLUMN "details" SET COMPRESSION lz4;
        ALTER TABLE "institution_result" ALTER COLUMN "result" SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
        RAISE NOTICE 'lz4 is not available on this server: result documents stay pglz-compressed (%)', SQLERRM;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "metric_result" RESET (fillfactor)`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" SET COMPRESSION default`);
    await q.query(`ALTER TABLE "institution_result" ALTER COLUMN "result" SET COMPRESSION default`);
    await q.query(`ALTER TABLE "institution_result" ALTER COLUMN "result" TYPE jsonb USING "result"::jsonb`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" DROP DEFAULT`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" TYPE jsonb USING "details"::jsonb`);
    await q.query(`ALTER TABLE "metric_result" ALTER COLUMN "details" SET DEFAULT '{}'::jsonb`);
    await q.query(`CREATE INDEX IF NOT EXISTS "IDX_a4b45e4e7145f67c0809d35018" ON "metric_result" ("computed_at")`);
    await q.query(`ALTER TABLE "metric_result" DROP CONSTRAINT "metric_result_key"`);
    await q.query(
      `CREATE UNIQUE INDEX "metric_result_key" ON "metric_result" ("round_id", "scope", "scope_key", "aggregation", "indicator")`,
    );
    await q.query(`ALTER TABLE "metric_result" ADD COLUMN "id" BIGSERIAL NOT NULL`);
    await q.query(`ALTER TABLE "metric_result" ADD CONSTRAINT "PK_148e88b2a4aa939e0ecebb2ef0c" PRIMARY KEY ("id")`);
  }
}
