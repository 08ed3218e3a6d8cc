import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-report evidence and versions.
 *  - response_version.evidence: the evidence files (id, name, type, size, sha256) attached when the
 *    version was submitted, so every version keeps what it was submitted with.
 *  - evidence_file.deleted_at: a file removed by the institution after a version referenced it is
 *    hidden from the working copy but kept (content and checksum) for the versions that cite it.
 *    Files never cited by a version are deleted outright.
 */
export class ResponseEvidence1763800300000 implements MigrationInterface {
  name = 'ResponseEvidence1763800300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "response_version" ADD "evidence" jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE "evidence_file" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "ix_evidence_file_round_institution" ON "evidence_file" ("round_id", "institution_id")`,
    );
    await q.query(`ALTER TABLE "response_version" ADD CONSTRAINT "ck_response_version_positive" CHECK (version >= 1)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "response_version" DROP CONSTRAINT IF EXISTS "ck_response_version_positive"`);
    await q.query(`DROP INDEX IF EXISTS "ix_evidence_file_round_institution"`);
    await q.query(`ALTER TABLE "evidence_file" DROP COLUMN IF EXISTS "deleted_at"`);
    await q.query(`ALTER TABLE "response_version" DROP COLUMN IF EXISTS "evidence"`);
  }
}
