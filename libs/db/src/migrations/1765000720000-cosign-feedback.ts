import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-signed rounds and public feedback (issue #18, items 2 and 4).
 *
 *  - guarantor.kind: what kind of body operates the rounds (the national guarantor no longer exists;
 *    operators are transparency authorities, comptrollers, civil-society or academic teams). Public
 *    pages name the operator by its configured kind, never assume an autonomous guarantor.
 *  - app_user.role gains 'cosigner': an account of a co-signing organisation. It is scoped to the
 *    operator that invited it (guarantor_id) and sees only the rounds it is a co-signer of.
 *  - round.cosign_quorum: co-signers whose current approval is needed to publish (0 = no co-signing).
 *  - round_cosigner: who co-signs a round (organisation name and kind, the account that speaks for it).
 *  - round_cosign_decision: append-only approvals and objections with their reasons and the fingerprint
 *    of what was approved. Public with the results.
 *  - round_cosign_parts(round): the three hashes an approval covers — method settings (settings and
 *    design), instrument (questionnaire checksums) and results (every computed value, rounded so a
 *    rebuild of the same inputs gives the same hash). One SQL function so the API (which refuses to
 *    request a publication without quorum) and the worker (which publishes when the rebuild is done,
 *    and must not publish numbers nobody approved) compute the same thing.
 *  - round_cosign_quorum_met(round): the rule itself.
 *  - public_report: anyone's report of an error in a published value or evidence link, with the
 *    operator's triage and public reply. The contact address is private; no IP address is stored
 *    (rate limits live in Redis).
 */
export class CosignFeedback1765000720000 implements MigrationInterface {
  name = 'CosignFeedback1765000720000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "guarantor" ADD COLUMN "kind" varchar(32) NOT NULL DEFAULT 'guarantor_body'`);
    await q.query(
      `ALTER TABLE "guarantor" ADD CONSTRAINT "ck_guarantor_kind" CHECK (kind IN ('guarantor_body','transparency_authority','comptroller','civil_society','academia'))`,
    );
    // Additive on the role list: whatever roles the constraint allows now (another migration may have
    // added some), plus 'cosigner'.
    await q.query(`DO $$
      DECLARE def text;
      BEGIN
        SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'ck_user_role';
        IF def IS NULL THEN
          ALTER TABLE app_user ADD CONSTRAINT ck_user_role CHECK (role IN ('guarantor_admin','analyst','institution_respondent','citizen_validator','cosigner'));
        ELSIF position('''cosigner''' in def) = 0 THEN
          ALTER TABLE app_user DROP CONSTRAINT ck_user_role;
          EXECUTE 'ALTER TABLE app_user ADD CONSTRAINT ck_user_role CHECK (role = ''cosigner'' OR ' || substring(def from 7) || ')';
        END IF;
      END $$`);
    await q.query(
      `ALTER TABLE "round" ADD COLUMN "cosign_quorum" integer NOT NULL DEFAULT 0 CONSTRAINT "ck_round_cosign_quorum" CHECK (cosign_quorum BETWEEN 0 AND 20)`,
    );
    await q.query(`CREATE TABLE "round_cosigner" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "round_id" uuid NOT NULL REFERENCES "round" ("id") ON DELETE CASCADE,
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE RESTRICT,
      "organisation_name" varchar(200) NOT NULL,
      "organisation_kind" varchar(32) NOT NULL CONSTRAINT "ck_round_cosigner_kind" CHECK (organisation_kind IN ('civil_society','academia','other')),
      "invited_by" uuid REFERENCES "app_user" ("id") ON DELETE SET NULL,
      "invited_at" timestamptz NOT NULL DEFAULT now(),
      "removed_at" timestamptz
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_round_cosigner_active" ON "round_cosigner" ("round_id", "user_id") WHERE removed_at IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_round_cosigner_user" ON "round_cosigner" ("user_id")`);
    await q.query(`CREATE TABLE "round_cosign_decision" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "round_id" uuid NOT NULL REFERENCES "round" ("id") ON DELETE CASCADE,
      "cosigner_id" uuid NOT NULL REFERENCES "round_cosigner" ("id") ON DELETE CASCADE,
      "decision" varchar(8) NOT NULL CONSTRAINT "ck_cosign_decision" CHECK (decision IN ('approve','object')),
      "reason" text NOT NULL DEFAULT '',
      "settings_hash" char(64) NOT NULL,
      "instrument_hash" char(64) NOT NULL,
      "results_hash" char(64) NOT NULL,
      "fingerprint" char(64) NOT NULL,
      "decided_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_cosign_decision_round" ON "round_cosign_decision" ("round_id", "decided_at")`);
    await q.query(`CREATE OR REPLACE FUNCTION "round_cosign_parts"(rid uuid)
      RETURNS TABLE (settings_hash text, instrument_hash text, results_hash text, fingerprint text)
      LANGUAGE sql STABLE AS $$
        WITH p AS (
          SELECT
            encode(sha256(convert_to(r.settings::text || '|' || r.design::text, 'UTF8')), 'hex') AS s,
            encode(sha256(convert_to(
              coalesce((SELECT qi.checksum FROM questionnaire qi WHERE qi.id = r.institution_questionnaire_id), '') || '|' ||
              coalesce((SELECT qc.checksum FROM questionnaire qc WHERE qc.id = r.citizen_questionnaire_id), ''), 'UTF8')), 'hex') AS i,
            encode(sha256(convert_to(coalesce((
              SELECT string_agg(concat_ws(';', mr.scope, mr.scope_key, mr.aggregation, mr.indicator,
                       round(mr.estimate::numeric, 6), round(mr.lo::numeric, 6), round(mr.hi::numeric, 6), mr.status),
                     E'\\n' ORDER BY mr.scope, mr.scope_key, mr.aggregation, mr.indicator)
              FROM metric_result mr WHERE mr.round_id = r.id), ''), 'UTF8')), 'hex') AS res
          FROM round r WHERE r.id = rid
        )
        SELECT s, i, res, encode(sha256(convert_to(s || i || res, 'UTF8')), 'hex') FROM p
      $$`);
    // A co-signer's current decision is its latest; it counts only if it approves what the round is now.
    await q.query(`CREATE OR REPLACE FUNCTION "round_cosign_quorum_met"(rid uuid) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT r.cosign_quorum = 0 OR (
          SELECT count(*) FROM round_cosigner c
          JOIN LATERAL (
            SELECT d.decision, d.fingerprint FROM round_cosign_decision d WHERE d.cosigner_id = c.id
            ORDER BY d.decided_at DESC, d.id DESC LIMIT 1
          ) last ON true
          WHERE c.round_id = r.id AND c.removed_at IS NULL AND last.decision = 'approve'
            AND last.fingerprint = (SELECT fingerprint FROM round_cosign_parts(r.id))
        ) >= r.cosign_quorum
        FROM round r WHERE r.id = rid
      $$`);
    await q.query(`CREATE TABLE "public_report" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "round_id" uuid NOT NULL REFERENCES "round" ("id") ON DELETE CASCADE,
      "guarantor_id" uuid NOT NULL REFERENCES "guarantor" ("id") ON DELETE CASCADE,
      "institution_id" uuid REFERENCES "institution" ("id") ON DELETE SET NULL,
      "target_kind" varchar(16) NOT NULL CONSTRAINT "ck_public_report_target" CHECK (target_kind IN ('value','evidence','other')),
      "target_ref" varchar(500) NOT NULL DEFAULT '',
      "description" text NOT NULL,
      "contact_email" varchar(254),
      "status" varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT "ck_public_report_status" CHECK (status IN ('open','acknowledged','fixed','rejected')),
      "public_reply" text NOT NULL DEFAULT '',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_public_report_queue" ON "public_report" ("guarantor_id", "status", "created_at")`);
    await q.query(`CREATE INDEX "IDX_public_report_round" ON "public_report" ("round_id", "created_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "public_report"`);
    await q.query(`DROP FUNCTION IF EXISTS "round_cosign_quorum_met"(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS "round_cosign_parts"(uuid)`);
    await q.query(`DROP TABLE IF EXISTS "round_cosign_decision"`);
    await q.query(`DROP TABLE IF EXISTS "round_cosigner"`);
    await q.query(`ALTER TABLE "round" DROP COLUMN IF EXISTS "cosign_quorum"`);
    await q.query(`DELETE FROM app_user WHERE role = 'cosigner'`);
    await q.query(`DO $$
      DECLARE def text;
      BEGIN
        SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'ck_user_role';
        -- 'cosigner' OR (the roles before): naming an older role instead gives back the same rule.
        IF position('''cosigner''' in def) > 0 THEN
          ALTER TABLE app_user DROP CONSTRAINT ck_user_role;
          EXECUTE 'ALTER TABLE app_user ADD CONSTRAINT ck_user_role ' || replace(def, '''cosigner''', '''guarantor_admin''');
        END IF;
      END $$`);
    await q.query(`ALTER TABLE "guarantor" DROP CONSTRAINT IF EXISTS "ck_guarantor_kind"`);
    await q.query(`ALTER TABLE "guarantor" DROP COLUMN IF EXISTS "kind"`);
  }
}
