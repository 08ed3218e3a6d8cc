import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18 item 3: each validator's cluster values (mean of its per-report TC_j and PC_j, METHOD.md
 * §3.3) per institution, as the metric worker computed them, with the method version and the input
 * watermark of the computation. They are what the published TC, PC and I average, so the API can
 * re-weight them to the population on read (the sensitivity check beside the published value) while
 * joining the demographics as they are at that moment: a withdrawn consent counts at once, and no
 * demographic answer is copied into derived tables. Never published per row.
 *
 * Rows follow their institution's stored result (cascade): when the rebuild drops an institution that
 * left the universe, or the round is deleted, its rows go with it; an erased account's rows go with
 * the account.
 */
export class ValidatorClusterValues1765000740000 implements MigrationInterface {
  name = 'ValidatorClusterValues1765000740000';

  public async up(q: QueryRunner): Promise<void> {
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
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "validator_cluster_value"');
  }
}
