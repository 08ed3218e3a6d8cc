import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Padrón retirement (issue #15, item 8): an institution that stopped being an obliged subject is
 * retired, not deleted — its past rounds (round_institution, responses, results) keep pointing at it,
 * while new rounds and the default lists leave it out. Reactivating clears the mark.
 */
export class UniverseRetire1765000500000 implements MigrationInterface {
  name = 'UniverseRetire1765000500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "institution" ADD COLUMN "retired_at" timestamptz`);
    // The active universe is what openings and lists read: a partial index keeps that scan small.
    await q.query(`CREATE INDEX "IDX_institution_active" ON "institution" ("guarantor_id") WHERE "retired_at" IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_institution_active"`);
    await q.query(`ALTER TABLE "institution" DROP COLUMN "retired_at"`);
  }
}
