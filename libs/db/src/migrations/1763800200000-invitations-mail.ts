import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and mail delivery.
 *  - Revoking an invitation keeps the old row (audit, late mail jobs find it revoked) and adds a new
 *    one, so (round, institution) is unique among ACTIVE invitations only.
 *  - mail_delivery records each outbox mail event once it was handled, in the same transaction as the
 *    invitation's sent_at/last_reminded_at: a redelivered job finds it and sends nothing twice.
 */
export class InvitationsMail1763800200000 implements MigrationInterface {
  name = 'InvitationsMail1763800200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_903ab3cea59c0b5fa171d653c0"`);
    await q.query(
      `CREATE UNIQUE INDEX "invitation_active_round_institution" ON "invitation" ("round_id", "institution_id") WHERE revoked_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "mail_delivery" ("event_id" bigint NOT NULL, "kind" character varying(32) NOT NULL, "outcome" character varying(16) NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mail_delivery" PRIMARY KEY ("event_id"), CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('sent','skipped')))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "mail_delivery"`);
    await q.query(`DROP INDEX IF EXISTS "invitation_active_round_institution"`);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_903ab3cea59c0b5fa171d653c0" ON "invitation" ("round_id", "institution_id") `,
    );
  }
}
