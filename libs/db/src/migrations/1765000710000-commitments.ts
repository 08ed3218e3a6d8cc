import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commitments after a diagnosis (issue #18, item 1).
 *  - commitment: what an institution (or the round's operator) promises after a published round, tied
 *    to the instrument's components it addresses, with an owner and an outcome indicator. `key` is
 *    the row's stable identifier for CSV update (unique per round and institution).
 *  - commitment_milestone: dated steps; `declared_done` is the owner's word, never the public figure.
 *  - verdict.milestone_id: a milestone is a new *claim kind* of the verdict engine. Its verdict is an
 *    ordinary verdict row whose question_name is `milestone:<id>` — so assignment, evidence, the
 *    refutation notice, the reply window, disputes and the standing rules (verdict-standing.ts) all
 *    apply unchanged. The column is generated from the name (no writer can get it wrong) and keeps
 *    the reference honest: a milestone with verdicts cannot be deleted (NO ACTION).
 */
export class Commitments1765000710000 implements MigrationInterface {
  name = 'Commitments1765000710000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "commitment" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "round_id" uuid NOT NULL REFERENCES "round" ("id") ON DELETE CASCADE,
      "institution_id" uuid NOT NULL REFERENCES "institution" ("id") ON DELETE CASCADE,
      "key" varchar(100) NOT NULL,
      "title" varchar(300) NOT NULL,
      "owner" varchar(200) NOT NULL,
      "outcome_indicator" varchar(1000) NOT NULL,
      "components" text[] NOT NULL CHECK (cardinality("components") BETWEEN 1 AND 20),
      "created_by" varchar(16) NOT NULL CHECK ("created_by" IN ('institution', 'operator')),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "commitment_key" UNIQUE ("round_id", "institution_id", "key")
    )`);
    await q.query(`CREATE INDEX "commitment_institution" ON "commitment" ("institution_id", "round_id")`);
    await q.query(`CREATE TABLE "commitment_milestone" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "commitment_id" uuid NOT NULL REFERENCES "commitment" ("id") ON DELETE CASCADE,
      "position" integer NOT NULL CHECK ("position" >= 0),
      "title" varchar(300) NOT NULL,
      "due_date" date NOT NULL,
      "declared_done" boolean NOT NULL DEFAULT false,
      "declared_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "commitment_milestone_position" UNIQUE ("commitment_id", "position")
    )`);
    await q.query(`ALTER TABLE "verdict" ADD COLUMN "milestone_id" uuid
      GENERATED ALWAYS AS (CASE WHEN "question_name" LIKE 'milestone:%' THEN substr("question_name", 11)::uuid END) STORED
      REFERENCES "commitment_milestone" ("id")`);
    await q.query(`CREATE INDEX "verdict_milestone" ON "verdict" ("milestone_id") WHERE "milestone_id" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "verdict_milestone"`);
    await q.query(`ALTER TABLE "verdict" DROP COLUMN "milestone_id"`);
    await q.query(`DROP TABLE "commitment_milestone"`);
    await q.query(`DROP TABLE "commitment"`);
  }
}
