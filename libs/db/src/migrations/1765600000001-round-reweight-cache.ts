import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 (dashboards within 800 ms): the validators' profile on the public overview recomputed its
 * re-weighted indices on every load — ≈ 140,000 cluster values read and aggregated twice at national
 * size, 0.5–0.7 s alone and over 1.5 s beside the overview's other requests.
 *
 * What they depend on: the round's stored results — metric_result, counted exactly by result_write
 * (migration 1765300000000), and the per-validator cluster values of institution_result — and the
 * validators' demographics as they are now (issue #18: a withdrawn consent or an erased account counts
 * at once). Hence:
 *
 *  - statements that change institution_result are logged in result_write too, by the same trigger
 *    function (the worker always writes both in one transaction; a script may write either);
 *  - demographics_write: one row per statement that changes validator_demographics (answers given,
 *    edited, withdrawn, or deleted with their account, by cascade or by erasure) or the deletion mark
 *    of an account, written by statement-level triggers in the statement's own transaction.
 *    Insert-only, so the number of rows a snapshot sees names one state of the demographics, as with
 *    result_write; demographic edits are rare, so the log stays small.
 *  - round_reweight_cache: a round's re-weighted indices with the two counts its snapshot saw first.
 *    A reader that counts the same uses them; any other count computes them again.
 *
 * Restoring a dump with triggers disabled bypasses both logs: empty round_reweight_cache after one.
 */
export class RoundReweightCache1765600000001 implements MigrationInterface {
  name = 'RoundReweightCache1765600000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER "trg_institution_result_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "institution_result"
      FOR EACH STATEMENT EXECUTE FUNCTION note_result_write()`);
    await q.query(`CREATE TABLE "demographics_write" (
      "id" bigserial PRIMARY KEY,
      "written_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE FUNCTION "note_demographics_write"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO demographics_write DEFAULT VALUES;
        RETURN NULL;
      END
    $$`);
    await q.query(`CREATE TRIGGER "trg_validator_demographics_write"
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "validator_demographics"
      FOR EACH STATEMENT EXECUTE FUNCTION note_demographics_write()`);
    await q.query(`CREATE TRIGGER "trg_app_user_deletion_write" AFTER UPDATE OF "deleted_at" ON "app_user"
      FOR EACH STATEMENT EXECUTE FUNCTION note_demographics_write()`);
    await q.query(`CREATE TABLE "round_reweight_cache" (
      "round_id" uuid PRIMARY KEY REFERENCES "round" ("id") ON DELETE CASCADE,
      "writes" bigint NOT NULL,
      "demographics" bigint NOT NULL,
      "value" json NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "round_reweight_cache"`);
    await q.query(`DROP TRIGGER IF EXISTS "trg_app_user_deletion_write" ON "app_user"`);
    await q.query(`DROP TRIGGER IF EXISTS "trg_validator_demographics_write" ON "validator_demographics"`);
    await q.query(`DROP FUNCTION IF EXISTS "note_demographics_write"()`);
    await q.query(`DROP TABLE IF EXISTS "demographics_write"`);
    await q.query(`DROP TRIGGER IF EXISTS "trg_institution_result_write" ON "institution_result"`);
  }
}
