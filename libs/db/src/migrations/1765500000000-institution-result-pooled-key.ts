import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17: a write that moves a round's pooled variances (§5) re-finalises most of its
 * institutions, and the area job recorded that by rewriting each one's whole stored document only to
 * change the pool key inside it — ≈ 39 MB of JSON sent, parsed and stored again at national size,
 * while institution jobs waited on those rows. The document stays what its computation wrote; this
 * column says which pool its values are now finalised under when an area job re-finalised it later
 * (null: the pool the document names). Institution jobs and rebuilds write a new document and reset it.
 */
export class InstitutionResultPooledKey1765500000000 implements MigrationInterface {
  name = 'InstitutionResultPooledKey1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "institution_result" ADD COLUMN "pooled_key" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "institution_result" DROP COLUMN IF EXISTS "pooled_key"`);
  }
}
