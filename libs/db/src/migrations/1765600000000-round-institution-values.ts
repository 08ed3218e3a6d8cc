import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 (dashboards within 800 ms): the per-institution values that whole-round pages read on
 * every load, kept per round as rows instead of one JSON document (apps/api RoundValuesCache).
 *
 * The results summary, on every results page, counted the institutions with citizen reports and the
 * pending refutations from 24,000 rows of metric_result on each request, and the validators' profile
 * read the 24,000 TG and PG rows (each 0.15–1.5 s at national size). As one JSON document the kept
 * values had to travel from PostgreSQL to the API and back for every reading (≈ 4 MB at national
 * size, 0.2–0.35 s); as rows, a count or a join reads only what it needs.
 *
 * round_distribution_cache keeps only the count of result writes the round's rows were computed at.
 */
export class RoundInstitutionValues1765600000000 implements MigrationInterface {
  name = 'RoundInstitutionValues1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "round_distribution_cache"`);
    await q.query(`ALTER TABLE "round_distribution_cache" DROP COLUMN "values"`);
    await q.query(`CREATE TABLE "round_institution_values" (
      "round_id" uuid NOT NULL REFERENCES "round_distribution_cache" ("round_id") ON DELETE CASCADE,
      "institution_id" text NOT NULL,
      "has_i" boolean NOT NULL,
      "i" float8,
      "i_status" text,
      "has_ig" boolean NOT NULL,
      "ig" float8,
      "ig_status" text,
      "t" float8,
      "t_status" text,
      "p" float8,
      "p_status" text,
      "tg" float8,
      "pg" float8,
      "reported" boolean NOT NULL,
      "pending" int NOT NULL,
      PRIMARY KEY ("round_id", "institution_id")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "round_institution_values"`);
    await q.query(`DELETE FROM "round_distribution_cache"`);
    await q.query(`ALTER TABLE "round_distribution_cache" ADD COLUMN "values" json NOT NULL`);
  }
}
