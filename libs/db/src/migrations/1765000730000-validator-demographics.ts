import { MigrationInterface, QueryRunner } from 'typeorm';

const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
// Copied, not imported: a migration must keep meaning what it meant when it ran (libs/geo/src/demographics.ts may grow).
const AGE = inList(['18_29', '30_44', '45_59', '60_plus', 'prefer_not_to_say']);
const GENDER = inList(['woman', 'man', 'non_binary', 'other', 'prefer_not_to_say']);
const MUN = inList(['rural', 'small_city', 'city', 'metropolis', 'prefer_not_to_say']);
const YES_NO = inList(['yes', 'no', 'prefer_not_to_say']);

/**
 * Issue #18 item 3: optional, consented demographics of citizen validators, kept apart from identity
 * (no e-mail, name or municipality here; one row per consenting validator). Withdrawing consent or
 * erasing the account deletes the row; the account's hard deletion cascades.
 */
export class ValidatorDemographics1765000730000 implements MigrationInterface {
  name = 'ValidatorDemographics1765000730000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "validator_demographics" (
      "user_id" uuid NOT NULL,
      "age_band" character varying(24) NOT NULL,
      "gender" character varying(24) NOT NULL,
      "municipality_type" character varying(24) NOT NULL,
      "indigenous_language" character varying(24) NOT NULL,
      "disability" character varying(24) NOT NULL,
      "purpose_version" character varying(32) NOT NULL,
      "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_validator_demographics" PRIMARY KEY ("user_id"),
      CONSTRAINT "fk_validator_demographics_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE,
      CONSTRAINT "ck_validator_demographics_age_band" CHECK ("age_band" IN (${AGE})),
      CONSTRAINT "ck_validator_demographics_gender" CHECK ("gender" IN (${GENDER})),
      CONSTRAINT "ck_validator_demographics_municipality_type" CHECK ("municipality_type" IN (${MUN})),
      CONSTRAINT "ck_validator_demographics_indigenous_language" CHECK ("indigenous_language" IN (${YES_NO})),
      CONSTRAINT "ck_validator_demographics_disability" CHECK ("disability" IN (${YES_NO}))
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "validator_demographics"');
  }
}
