import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadMunicipalities } from '@apertura/geo';

/**
 * Initial schema. Generated from the entities (SnakeNamingStrategy), then completed by hand with
 * foreign keys, CHECK constraints and the append-only trigger of the audit log, and seeded with the
 * CONAPO 2020 municipal catalogue (libs/geo). Foreign keys live only here: review any generated
 * migration so it does not drop them.
 */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_role" character varying(32) NOT NULL, "guarantor_id" uuid, "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(100), "details" jsonb NOT NULL DEFAULT '{}'::jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_09dc0b4a4ceac5e4d78899cd96" ON "audit_log" ("guarantor_id") `);
    await q.query(`CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log" ("entity_type", "entity_id") `);
    await q.query(
      `CREATE TABLE "guarantor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(64) NOT NULL, "name" text NOT NULL, "cve_ent" character(2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8c3460d09bccaa356c04a12d38c" UNIQUE ("slug"), CONSTRAINT "PK_8c2d5d0676fbd7c6c381426125f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "institution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "guarantor_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "name" character varying(300) NOT NULL, "type" character varying(100) NOT NULL, "level" character varying(32) NOT NULL, "cve_ent" character(2) NOT NULL, "cvegeo" character(5) NOT NULL, "email" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f60ee4ff0719b7df54830b39087" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_829e3ef7ee5db8aed1a64a2545" ON "institution" ("type") `);
    await q.query(`CREATE INDEX "IDX_b52fa23432bf363c5976491822" ON "institution" ("cve_ent") `);
    await q.query(`CREATE INDEX "IDX_95f9f4cf3405282c2ab515f5f9" ON "institution" ("cvegeo") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_c8e57393f7829277b5a16dd4c4" ON "institution" ("guarantor_id", "key") `);
    await q.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "last_reminded_at" TIMESTAMP WITH TIME ZONE, "reminder_count" integer NOT NULL DEFAULT '0', "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_b827d3749ffbb3b5ab5099afd6" ON "invitation" ("token_hash") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_903ab3cea59c0b5fa171d653c0" ON "invitation" ("round_id", "institution_id") `,
    );
    await q.query(
      `CREATE TABLE "metric_result" ("id" BIGSERIAL NOT NULL, "round_id" uuid NOT NULL, "scope" character varying(16) NOT NULL, "scope_key" character varying(100) NOT NULL, "aggregation" character varying(32) NOT NULL, "indicator" character varying(32) NOT NULL, "estimate" double precision, "se" double precision, "lo" double precision, "hi" double precision, "cv" double precision, "n" integer NOT NULL, "population_size" integer, "status" character varying(16) NOT NULL, "needed" integer NOT NULL DEFAULT '0', "formula" character varying(64), "details" jsonb NOT NULL DEFAULT '{}'::jsonb, "method_id" character varying(64) NOT NULL, "method_version" character varying(16) NOT NULL, "watermark" bigint NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_148e88b2a4aa939e0ecebb2ef0c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_a4b45e4e7145f67c0809d35018" ON "metric_result" ("computed_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "metric_result_key" ON "metric_result" ("round_id", "scope", "scope_key", "aggregation", "indicator") `,
    );
    await q.query(
      `CREATE TABLE "recompute_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "progress" integer NOT NULL DEFAULT '0', "watermark" bigint, "error" text, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_da465961fec86e2d19c8c3f5d6d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ef3cdb8ed8f9536cb7f90179b6" ON "recompute_run" ("round_id") `);
    await q.query(
      `CREATE TABLE "municipality" ("cvegeo" character(5) NOT NULL, "cve_ent" character(2) NOT NULL, "nom_ent" text NOT NULL, "nom_mun" text NOT NULL, "population" integer NOT NULL, "marginalisation" text NOT NULL, CONSTRAINT "PK_d77694b6f7a42376978790386a1" PRIMARY KEY ("cvegeo"))`,
    );
    await q.query(`CREATE INDEX "IDX_4fd7d17308d00fd84b5bc90674" ON "municipality" ("cve_ent") `);
    await q.query(
      `CREATE TABLE "outbox_event" ("id" BIGSERIAL NOT NULL, "type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "dispatched_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "outbox_undispatched" ON "outbox_event" ("id") WHERE dispatched_at IS NULL`);
    await q.query(
      `CREATE TABLE "questionnaire" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "guarantor_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "slug" character varying(100) NOT NULL, "version" integer NOT NULL, "title" character varying(300) NOT NULL, "definition" jsonb NOT NULL, "checksum" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8232a11eaabac903636eb7e71e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_c0aeef96540e111995e53a042b" ON "questionnaire" ("guarantor_id", "slug", "version") `,
    );
    await q.query(
      `CREATE TABLE "response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "questionnaire_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "draft" jsonb NOT NULL DEFAULT '{}'::jsonb, "current_page" integer NOT NULL DEFAULT '0', "submitted" jsonb, "version" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f64544baf2b4dc48ba623ce768f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_762f996ce87c745fa9375dce48" ON "response" ("institution_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_7032f55f542b0e94e781f009af" ON "response" ("round_id", "institution_id") `);
    await q.query(
      `CREATE TABLE "response_version" ("id" BIGSERIAL NOT NULL, "response_id" uuid NOT NULL, "version" integer NOT NULL, "idempotency_key" character varying(128) NOT NULL, "data" jsonb NOT NULL, "cleared" text array NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d416755bd1fbea5aa752a7922f7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_70ae7852a70188bfbfed5b7da7" ON "response_version" ("idempotency_key") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_56f317859e30f82bb5c4d58331" ON "response_version" ("response_id", "version") `,
    );
    await q.query(
      `CREATE TABLE "evidence_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "institution_id" uuid, "uploader_user_id" uuid, "question_name" character varying(200), "filename" character varying(255) NOT NULL, "mime_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f54e0261bc7f0350c7eae30736a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_94bd14db2228c311c53c9f42ea" ON "evidence_file" ("round_id") `);
    await q.query(
      `CREATE TABLE "round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "guarantor_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "institution_questionnaire_id" uuid NOT NULL, "citizen_questionnaire_id" uuid NOT NULL, "universe_selection" jsonb NOT NULL DEFAULT '{}'::jsonb, "settings" jsonb NOT NULL DEFAULT '{}'::jsonb, "validation_open" boolean NOT NULL DEFAULT false, "synthetic" boolean NOT NULL DEFAULT false, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34bd959f3f4a90eb86e4ae24d2d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_7e90a554e0431c6d1f1b76cc0d" ON "round" ("guarantor_id") `);
    await q.query(
      `CREATE TABLE "round_institution" ("round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, CONSTRAINT "PK_38fd82cd198cb3534dfca9e1c57" PRIMARY KEY ("round_id", "institution_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_b808e9b78c018b63c580bac76e" ON "round_institution" ("institution_id") `);
    await q.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254), "password_hash" text, "display_name" character varying(200), "role" character varying(32) NOT NULL, "guarantor_id" uuid, "email_verified_at" TIMESTAMP WITH TIME ZONE, "failed_logins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_3214d44c74c3ec31c79eff8fcb" ON "app_user" ("email") WHERE email IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_cf8ceebcb24d1a2a2f81e707d7" ON "app_user" ("guarantor_id") `);
    await q.query(
      `CREATE TABLE "assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "validator_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'active', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_f333b31d175b979c8d6b12fc4a" ON "assignment" ("validator_id") `);
    await q.query(`CREATE INDEX "IDX_04d07d8820edecddf52aa2e3fb" ON "assignment" ("institution_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_f857561fc6399b36b19ee54760" ON "assignment" ("round_id", "validator_id", "institution_id") `,
    );
    await q.query(
      `CREATE TABLE "verdict" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "validator_id" uuid NOT NULL, "question_name" character varying(200) NOT NULL, "verdict" character varying(16) NOT NULL, "evidence_url" character varying(2048), "evidence_file_id" uuid, "comment" character varying(4000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7fa52c24e787eb4e6d94b5c73f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_2f8c64765164a22915c15e22e9" ON "verdict" ("round_id", "institution_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_3c5280d0a8843b4675018637c6" ON "verdict" ("round_id", "validator_id", "institution_id", "question_name") `,
    );
    await q.query(
      `CREATE TABLE "citizen_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "validator_id" uuid NOT NULL, "questionnaire_id" uuid NOT NULL, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9124ebc0d8997de01c41c45e8ef" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_cbd2c839266821b93691b6c930" ON "citizen_report" ("round_id", "institution_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_033dc6f6173ae5b6b8d78b25b8" ON "citizen_report" ("round_id", "validator_id", "institution_id") `,
    );
    await q.query(
      `CREATE TABLE "validator_profile" ("user_id" uuid NOT NULL, "pseudonym" character varying(32) NOT NULL, "cvegeo" character(5), "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "privacy_notice_version" character varying(32) NOT NULL, CONSTRAINT "PK_27cad66e4a4597c678de655e90a" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_83d8997378ebf8790a41bac15f" ON "validator_profile" ("pseudonym") `);
    await q.query(
      `CREATE TABLE "validator_conflict" ("user_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a3418c988f9bcceab1bdb9b88e" PRIMARY KEY ("user_id", "institution_id"))`,
    );
    await q.query(
      `CREATE TABLE "email_verification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b985a8362d9dac51e3d6120d40e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_e7eb5e3c3dd984d69f6eb1cdf1" ON "email_verification" ("user_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_68109a550e9e7020f4f8d924d9" ON "email_verification" ("token_hash") `);
    await q.query(
      `ALTER TABLE "institution" ADD CONSTRAINT "fk_institution_guarantor_id" FOREIGN KEY ("guarantor_id") REFERENCES "guarantor"("id")`,
    );
    await q.query(
      `ALTER TABLE "institution" ADD CONSTRAINT "fk_institution_cvegeo" FOREIGN KEY ("cvegeo") REFERENCES "municipality"("cvegeo")`,
    );
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_guarantor_id" FOREIGN KEY ("guarantor_id") REFERENCES "guarantor"("id")`,
    );
    await q.query(
      `ALTER TABLE "questionnaire" ADD CONSTRAINT "fk_questionnaire_guarantor_id" FOREIGN KEY ("guarantor_id") REFERENCES "guarantor"("id")`,
    );
    await q.query(
      `ALTER TABLE "round" ADD CONSTRAINT "fk_round_guarantor_id" FOREIGN KEY ("guarantor_id") REFERENCES "guarantor"("id")`,
    );
    await q.query(
      `ALTER TABLE "round" ADD CONSTRAINT "fk_round_institution_questionnaire_id" FOREIGN KEY ("institution_questionnaire_id") REFERENCES "questionnaire"("id")`,
    );
    await q.query(
      `ALTER TABLE "round" ADD CONSTRAINT "fk_round_citizen_questionnaire_id" FOREIGN KEY ("citizen_questionnaire_id") REFERENCES "questionnaire"("id")`,
    );
    await q.query(
      `ALTER TABLE "round_institution" ADD CONSTRAINT "fk_round_institution_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "round_institution" ADD CONSTRAINT "fk_round_institution_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "fk_invitation_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "fk_invitation_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "response" ADD CONSTRAINT "fk_response_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id")`,
    );
    await q.query(
      `ALTER TABLE "response" ADD CONSTRAINT "fk_response_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "response" ADD CONSTRAINT "fk_response_questionnaire_id" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id")`,
    );
    await q.query(
      `ALTER TABLE "response_version" ADD CONSTRAINT "fk_response_version_response_id" FOREIGN KEY ("response_id") REFERENCES "response"("id")`,
    );
    await q.query(
      `ALTER TABLE "evidence_file" ADD CONSTRAINT "fk_evidence_file_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id")`,
    );
    await q.query(
      `ALTER TABLE "validator_profile" ADD CONSTRAINT "fk_validator_profile_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id")`,
    );
    await q.query(
      `ALTER TABLE "validator_profile" ADD CONSTRAINT "fk_validator_profile_cvegeo" FOREIGN KEY ("cvegeo") REFERENCES "municipality"("cvegeo")`,
    );
    await q.query(
      `ALTER TABLE "validator_conflict" ADD CONSTRAINT "fk_validator_conflict_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id")`,
    );
    await q.query(
      `ALTER TABLE "validator_conflict" ADD CONSTRAINT "fk_validator_conflict_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "email_verification" ADD CONSTRAINT "fk_email_verification_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id")`,
    );
    await q.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "fk_assignment_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id")`,
    );
    await q.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "fk_assignment_validator_id" FOREIGN KEY ("validator_id") REFERENCES "app_user"("id")`,
    );
    await q.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "fk_assignment_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "verdict" ADD CONSTRAINT "fk_verdict_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id")`,
    );
    await q.query(
      `ALTER TABLE "verdict" ADD CONSTRAINT "fk_verdict_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "verdict" ADD CONSTRAINT "fk_verdict_validator_id" FOREIGN KEY ("validator_id") REFERENCES "app_user"("id")`,
    );
    await q.query(
      `ALTER TABLE "citizen_report" ADD CONSTRAINT "fk_citizen_report_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id")`,
    );
    await q.query(
      `ALTER TABLE "citizen_report" ADD CONSTRAINT "fk_citizen_report_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institution"("id")`,
    );
    await q.query(
      `ALTER TABLE "citizen_report" ADD CONSTRAINT "fk_citizen_report_validator_id" FOREIGN KEY ("validator_id") REFERENCES "app_user"("id")`,
    );
    await q.query(
      `ALTER TABLE "metric_result" ADD CONSTRAINT "fk_metric_result_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "recompute_run" ADD CONSTRAINT "fk_recompute_run_round_id" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "round" ADD CONSTRAINT "ck_round_status" CHECK (status IN ('draft','open','closed','published'))`,
    );
    await q.query(`ALTER TABLE "round" ADD CONSTRAINT "ck_round_window" CHECK (closes_at > opens_at)`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_user_role" CHECK (role IN ('guarantor_admin','analyst','institution_respondent','citizen_validator'))`,
    );
    await q.query(
      `ALTER TABLE "institution" ADD CONSTRAINT "ck_institution_level" CHECK (level IN ('federal','estatal','municipal','autonomo'))`,
    );
    await q.query(
      `ALTER TABLE "verdict" ADD CONSTRAINT "ck_verdict_value" CHECK (verdict IN ('confirmed','refuted','unverifiable'))`,
    );
    await q.query(`ALTER TABLE "response" ADD CONSTRAINT "ck_response_status" CHECK (status IN ('draft','submitted'))`);
    await q.query(
      `ALTER TABLE "metric_result" ADD CONSTRAINT "ck_metric_status" CHECK (status IN ('conclusive','caution','inconclusive','not_validated'))`,
    );
    await q.query(`CREATE INDEX "ix_institution_guarantor" ON "institution" ("guarantor_id")`);
    await q.query(`CREATE INDEX "ix_round_institution_round" ON "round_institution" ("round_id")`);
    await q.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await seedMunicipalities(q);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "email_verification" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "validator_conflict" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "validator_profile" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "citizen_report" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "verdict" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "assignment" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "app_user" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "round_institution" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "round" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "evidence_file" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "response_version" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "response" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "questionnaire" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "outbox_event" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "municipality" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "recompute_run" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "metric_result" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "invitation" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "institution" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "guarantor" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "audit_log" CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
  }
}

async function seedMunicipalities(q: QueryRunner): Promise<void> {
  const rows = loadMunicipalities();
  const batch = 500;
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    const params: unknown[] = [];
    const values = part.map((m, j) => {
      params.push(m.cvegeo, m.cveEnt, m.nomEnt, m.nomMun, m.population, m.marginalisation);
      const b = j * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
    });
    await q.query(
      `INSERT INTO municipality (cvegeo, cve_ent, nom_ent, nom_mun, population, marginalisation) VALUES ${values.join(', ')}`,
      params,
    );
  }
}
