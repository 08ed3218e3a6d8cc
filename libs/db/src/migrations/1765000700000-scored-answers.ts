import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillScoredAnswers } from '../scored-answers';

/**
 * Issue #17 item 4: scored answers in columns (libs/db/src/scored-answers.ts). One `scored_source` row
 * per scored document (a submitted self-report or a citizen report) with the digest, questionnaire
 * checksum and scorer version it was scored under, and one `scored_answer` row per scored item. The
 * existing documents are scored here, so the first rebuild after the upgrade already reads columns.
 */
export class ScoredAnswers1765000700000 implements MigrationInterface {
  name = 'ScoredAnswers1765000700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "scored_source" (
      "source_id" uuid NOT NULL,
      "kind" character varying(16) NOT NULL,
      "version" integer NOT NULL,
      "digest" character(32) NOT NULL,
      "questionnaire_id" uuid NOT NULL,
      "questionnaire_checksum" character(64) NOT NULL,
      "scorer" integer NOT NULL,
      "evidence_urls" jsonb NOT NULL DEFAULT '[]'::jsonb,
      "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_scored_source" PRIMARY KEY ("source_id"),
      CONSTRAINT "ck_scored_source_kind" CHECK ("kind" IN ('response', 'citizen_report'))
    )`);
    await q.query(`CREATE TABLE "scored_answer" (
      "source_id" uuid NOT NULL,
      "ordinal" smallint NOT NULL,
      "item" character varying(200) NOT NULL,
      "component" character varying(16) NOT NULL,
      "weight" double precision NOT NULL,
      "verifiable" boolean NOT NULL,
      "score" double precision NOT NULL,
      CONSTRAINT "PK_scored_answer" PRIMARY KEY ("source_id", "ordinal"),
      CONSTRAINT "fk_scored_answer_source_id" FOREIGN KEY ("source_id") REFERENCES "scored_source"("source_id") ON DELETE CASCADE
    )`);
    // A deleted document takes its scores with it (ids of both kinds are uuids from one generator).
    await q.query(`CREATE FUNCTION "scored_source_forget"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM scored_source WHERE source_id = OLD.id;
        RETURN OLD;
      END $$`);
    await q.query(
      `CREATE TRIGGER "response_scored_forget" AFTER DELETE ON "response" FOR EACH ROW EXECUTE FUNCTION scored_source_forget()`,
    );
    await q.query(
      `CREATE TRIGGER "citizen_report_scored_forget" AFTER DELETE ON "citizen_report" FOR EACH ROW EXECUTE FUNCTION scored_source_forget()`,
    );
    await backfillScoredAnswers(<T>(sql: string, params: unknown[]) => q.query(sql, params) as Promise<T[]>);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS "citizen_report_scored_forget" ON "citizen_report"`);
    await q.query(`DROP TRIGGER IF EXISTS "response_scored_forget" ON "response"`);
    await q.query(`DROP FUNCTION IF EXISTS "scored_source_forget"()`);
    await q.query(`DROP TABLE IF EXISTS "scored_answer"`);
    await q.query(`DROP TABLE IF EXISTS "scored_source"`);
  }
}
