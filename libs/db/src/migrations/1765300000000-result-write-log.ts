import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 (dashboards within 800 ms): the co-signature record of a round can reuse its results
 * fingerprint for as long as no result row of the round changed, and know exactly when one did.
 *
 * round_cosign_parts hashes every metric_result row of a round (≈ 2–5 s at national size), and the
 * public overview asks for it on every load. An approval is checked against that fingerprint, so a
 * cached one must never outlive a change — including changes by writers that know nothing of the
 * cache (a repair script, a test's plain UPDATE). Hence:
 *
 *  - result_write: one row per statement that modifies metric_result, written by a statement-level
 *    trigger in the statement's own transaction (so it is visible exactly when the change is). The
 *    worker names the round it writes (the transaction-local setting apertura.results_round, set
 *    where it takes the round's lock); any other writer leaves it unset and its row (round_id NULL)
 *    concerns every round. Insert-only: the rows a transaction can see only grow, so the same count
 *    means the same set, and the same set means no result row changed in between. A statement-level
 *    trigger without transition tables costs one small insert per statement — about 250 in a
 *    national rebuild of 372,000 rows — and nothing per row.
 *  - round_cosign_cache: a round's results hash with the count of result_write rows (its own and
 *    the global ones) seen by the snapshot that computed it. A reader whose snapshot counts the same
 *    uses the hash; any other count recomputes it.
 *
 * Rows of result_write are never deleted by the application: deleting them could make an old count
 * come back. A round's rows go with the round. Restoring a dump with triggers disabled
 * (session_replication_role = replica) bypasses the log: empty the caches keyed on it after one
 * (round_cosign_cache, and round_distribution_cache of migration 1765300000001).
 */
export class ResultWriteLog1765300000000 implements MigrationInterface {
  name = 'ResultWriteLog1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "result_write" (
      "id" bigserial PRIMARY KEY,
      "round_id" uuid REFERENCES "round" ("id") ON DELETE CASCADE,
      "written_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_result_write_round" ON "result_write" ("round_id")`);
    await q.query(`CREATE FUNCTION "note_result_write"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO result_write (round_id) VALUES (nullif(current_setting('apertura.results_round', true), '')::uuid);
        RETURN NULL;
      END
    $$`);
    await q.query(`CREATE TRIGGER "trg_metric_result_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "metric_result"
      FOR EACH STATEMENT EXECUTE FUNCTION note_result_write()`);
    await q.query(`CREATE TABLE "round_cosign_cache" (
      "round_id" uuid PRIMARY KEY REFERENCES "round" ("id") ON DELETE CASCADE,
      "writes" bigint NOT NULL,
      "results_hash" text NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now()
    )`);
    // The three parts from a results hash already known (the cached path); round_cosign_parts keeps
    // computing its own and is unchanged, so decisions and the quorum check never read the cache.
    await q.query(`CREATE FUNCTION "round_cosign_parts_given"(rid uuid, known_results_hash text)
      RETURNS TABLE (settings_hash text, instrument_hash text, results_hash text, fingerprint text)
      LANGUAGE sql STABLE AS $$
        WITH p AS (
          SELECT
            encode(sha256(convert_to(r.settings::text || '|' || r.design::text, 'UTF8')), 'hex') AS s,
            encode(sha256(convert_to(
              coalesce((SELECT qi.checksum FROM questionnaire qi WHERE qi.id = r.institution_questionnaire_id), '') || '|' ||
              coalesce((SELECT qc.checksum FROM questionnaire qc WHERE qc.id = r.citizen_questionnaire_id), ''), 'UTF8')), 'hex') AS i,
            $2 AS res
          FROM round r WHERE r.id = rid
        )
        SELECT s, i, res, encode(sha256(convert_to(s || i || res, 'UTF8')), 'hex') FROM p
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS "round_cosign_parts_given"(uuid, text)`);
    await q.query(`DROP TABLE IF EXISTS "round_cosign_cache"`);
    await q.query(`DROP TRIGGER IF EXISTS "trg_metric_result_write" ON "metric_result"`);
    await q.query(`DROP FUNCTION IF EXISTS "note_result_write"()`);
    await q.query(`DROP TABLE IF EXISTS "result_write"`);
  }
}
