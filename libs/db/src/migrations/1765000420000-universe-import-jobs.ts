import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Universe imports as background jobs (issue #13, item 5): a large CSV is streamed by the API into
 * universe_import_chunk (never held whole in the request handler) and imported by the worker.
 *  - universe_import: one row per job, with its state and progress. 'receiving' while the API is
 *    still storing the upload (nothing is queued yet); queued → parsing → validating → importing →
 *    done | failed. `result` is the synchronous route's report (when done), `error` its 422 body
 *    (when failed). The worker marks 'done' in the transaction of the upsert, so a crash leaves either
 *    nothing or everything, and a retried job that finds 'done' does nothing.
 *  - universe_import_chunk: the upload's bytes in order, deleted when the job ends.
 */
export class UniverseImportJobs1765000420000 implements MigrationInterface {
  name = 'UniverseImportJobs1765000420000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "universe_import" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "guarantor_id" uuid NOT NULL REFERENCES "guarantor"("id"),
      "requested_by" uuid REFERENCES "app_user"("id"),
      "requested_role" varchar(32) NOT NULL,
      "dry_run" boolean NOT NULL,
      "state" varchar(16) NOT NULL DEFAULT 'receiving'
        CONSTRAINT "ck_universe_import_state" CHECK (state IN ('receiving','queued','parsing','validating','importing','done','failed')),
      "total_bytes" bigint NOT NULL DEFAULT 0,
      "bytes_processed" bigint NOT NULL DEFAULT 0,
      "rows_processed" integer NOT NULL DEFAULT 0,
      "error_count" integer NOT NULL DEFAULT 0,
      "attempts" integer NOT NULL DEFAULT 0,
      "result" jsonb,
      "error" jsonb,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "finished_at" timestamptz
    )`);
    await q.query(
      `CREATE INDEX "universe_import_guarantor_created" ON "universe_import" ("guarantor_id", "created_at" DESC, "id")`,
    );
    await q.query(`CREATE TABLE "universe_import_chunk" (
      "import_id" uuid NOT NULL REFERENCES "universe_import"("id") ON DELETE CASCADE,
      "seq" integer NOT NULL,
      "data" bytea NOT NULL,
      PRIMARY KEY ("import_id", "seq")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "universe_import_chunk"`);
    await q.query(`DROP TABLE "universe_import"`);
  }
}
