import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-round validator pseudonyms for the staff microdata (issue #15, item 3). A validator appears as
 * `V-` + the first 10 hex digits of sha256(salt ':' validator id): stable inside a round, unlinkable
 * across rounds (each round draws its own random salt), and not the public profile pseudonym, so
 * microdata of two rounds cannot be joined on the person. Existing rounds get a salt each (a volatile
 * default is evaluated per row).
 */
export class RoundPseudonymSalt1765000470000 implements MigrationInterface {
  name = 'RoundPseudonymSalt1765000470000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round" ADD COLUMN "pseudonym_salt" uuid NOT NULL DEFAULT gen_random_uuid()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round" DROP COLUMN "pseudonym_salt"`);
  }
}
