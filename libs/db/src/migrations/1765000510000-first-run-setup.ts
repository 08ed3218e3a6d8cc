import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First run in the browser (issue #15, item 6) and demo isolation.
 *  - setup_code: one-time codes the API prints at start while no real guarantor exists; only a
 *    SHA-256 of the code is kept (the code is 100+ random bits, so a fast hash is enough), with an expiry
 *    and the moment it was used. Each API process that starts on an unconfigured installation adds one.
 *  - guarantor.synthetic / app_user.synthetic: the demo's guarantor and its generated accounts, so
 *    another guarantor's planner, assignments and lists can leave them out by a flag rather than by
 *    guessing from names. Existing demo rows are marked by the slug and addresses the seeder uses.
 */
export class FirstRunSetup1765000510000 implements MigrationInterface {
  name = 'FirstRunSetup1765000510000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "setup_code" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "code_hash" char(64) NOT NULL UNIQUE,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz
    )`);
    await q.query(`ALTER TABLE "guarantor" ADD COLUMN "synthetic" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "synthetic" boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE "guarantor" SET "synthetic" = true WHERE "slug" = 'infoem-demo'`);
    await q.query(
      `UPDATE "app_user" SET "synthetic" = true
       WHERE "guarantor_id" IN (SELECT "id" FROM "guarantor" WHERE "synthetic")
          OR ("role" = 'citizen_validator' AND "email" LIKE 'validador-%@demo.invalid')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "synthetic"`);
    await q.query(`ALTER TABLE "guarantor" DROP COLUMN "synthetic"`);
    await q.query(`DROP TABLE "setup_code"`);
  }
}
