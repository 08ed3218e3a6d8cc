import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff re-send a mail that failed or was given up (issue #15, item 1). The re-send is a new outbox
 * event (so the ledger shows a new row and attempt); the old row ends 'resent' — a final state of its
 * own, so it no longer counts as trouble and a pending Bull retry of it sends nothing — and both rows
 * point at each other.
 */
export class MailResend1765000530000 implements MigrationInterface {
  name = 'MailResend1765000530000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "ck_mail_delivery_outcome"`);
    await q.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('queued','sent','skipped','failed','given_up','resent'))`,
    );
    await q.query(`ALTER TABLE "mail_delivery" ADD COLUMN "resent_as" bigint, ADD COLUMN "resent_from" bigint`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "mail_delivery" SET outcome = 'given_up' WHERE outcome = 'resent'`);
    await q.query(`ALTER TABLE "mail_delivery" DROP COLUMN "resent_as", DROP COLUMN "resent_from"`);
    await q.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "ck_mail_delivery_outcome"`);
    await q.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "ck_mail_delivery_outcome" CHECK (outcome IN ('queued','sent','skipped','failed','given_up'))`,
    );
  }
}
