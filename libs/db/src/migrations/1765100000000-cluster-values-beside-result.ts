import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 item 4 (rebuild cost): the per-validator cluster values of issue #18 item 3 move from one
 * row per (institution, validator) in validator_cluster_value into three parallel arrays of the
 * institution's own institution_result row (validator order; null where a validator's reports gave
 * no value for that sub-index), with the method version of the computation. A national rebuild wrote
 * ≈ 150,000 extra rows for them, each with two foreign-key checks and the previous rebuild's row
 * deleted; now they ride in the upsert of the document they belong to, so they can never disagree
 * with it. The API unnests them and joins the demographics as they are at read time, as before.
 *
 * Nothing is lost: the arrays are filled from the existing rows. A document written before either
 * migration has null arrays and reads as "being updated" until its round is recomputed, as before.
 */
export class ClusterValuesBesideResult1765100000000 implements MigrationInterface {
  name = 'ClusterValuesBesideResult1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "institution_result"
      ADD COLUMN "validator_ids" uuid[],
      ADD COLUMN "validator_tc" double precision[],
      ADD COLUMN "validator_pc" double precision[],
      ADD COLUMN "method_version" character varying(16)`);
    await q.query(`UPDATE "institution_result" r SET
        validator_ids = c.ids, validator_tc = c.tc, validator_pc = c.pc, method_version = c.method_version
      FROM (SELECT round_id, institution_id, array_agg(validator_id ORDER BY validator_id) AS ids,
                   array_agg(tc ORDER BY validator_id) AS tc, array_agg(pc ORDER BY validator_id) AS pc,
                   min(method_version) AS method_version
            FROM "validator_cluster_value" GROUP BY round_id, institution_id) c
      WHERE c.round_id = r.round_id AND c.institution_id = r.institution_id`);
    await q.query(`ALTER TABLE "institution_result" ADD CONSTRAINT "ck_institution_result_cluster_arrays" CHECK (
      cardinality(validator_ids) = cardinality(validator_tc) AND cardinality(validator_ids) = cardinality(validator_pc))`);
    await q.query('DROP TABLE "validator_cluster_value"');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "validator_cluster_value" (
      "round_id" uuid NOT NULL,
      "institution_id" uuid NOT NULL,
      "validator_id" uuid NOT NULL,
      "tc" double precision,
      "pc" double precision,
      "method_version" character varying(16) NOT NULL,
      "watermark" bigint NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_validator_cluster_value" PRIMARY KEY ("round_id", "institution_id", "validator_id"),
      CONSTRAINT "fk_validator_cluster_value_result" FOREIGN KEY ("round_id", "institution_id")
        REFERENCES "institution_result"("round_id", "institution_id") ON DELETE CASCADE,
      CONSTRAINT "fk_validator_cluster_value_validator_id" FOREIGN KEY ("validator_id") REFERENCES "app_user"("id") ON DELETE CASCADE,
      CONSTRAINT "ck_validator_cluster_value_some" CHECK ("tc" IS NOT NULL OR "pc" IS NOT NULL)
    )`);
    await q.query(
      `CREATE INDEX "idx_validator_cluster_value_validator_id" ON "validator_cluster_value" ("validator_id")`,
    );
    await q.query(`INSERT INTO "validator_cluster_value"
      SELECT r.round_id, r.institution_id, c.validator_id, c.tc, c.pc, r.method_version, r.watermark, r.computed_at
      FROM "institution_result" r
      CROSS JOIN LATERAL unnest(r.validator_ids, r.validator_tc, r.validator_pc) AS c(validator_id, tc, pc)
      JOIN "app_user" u ON u.id = c.validator_id
      WHERE r.method_version IS NOT NULL`);
    await q.query(`ALTER TABLE "institution_result" DROP CONSTRAINT "ck_institution_result_cluster_arrays",
      DROP COLUMN "validator_ids", DROP COLUMN "validator_tc", DROP COLUMN "validator_pc", DROP COLUMN "method_version"`);
  }
}
