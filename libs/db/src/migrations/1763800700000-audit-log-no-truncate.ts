import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's row trigger (initial migration) refuses UPDATE and DELETE, but TRUNCATE fires no
 * row triggers: a statement trigger closes that gap, so the log can only be appended to.
 */
export class AuditLogNoTruncate1763800700000 implements MigrationInterface {
  name = 'AuditLogNoTruncate1763800700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log"`);
  }
}
