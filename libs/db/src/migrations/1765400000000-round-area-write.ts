import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 (incremental results): an area job re-aggregates only the areas its changes touch and
 * keeps the other rows as the same worker last wrote them. That is exact only while nobody else wrote
 * the round's area rows in between (another worker's area job, a rebuild). Every transaction that
 * writes area rows sets `token` to a value of its own, under the round's lock; a worker that finds
 * its own token still there knows the stored area rows are the ones it remembers, and otherwise
 * writes every area row again. A token rather than a counter: a restored backup cannot bring back a
 * value that matches a worker's memory unless the rows it restores are the ones that worker wrote.
 * `newest_watermark` is the newest input snapshot any area write has had: a writer with an older
 * snapshot knows that some of its rows lose to newer ones (the upserts keep the newer row), so what
 * is stored is not what it computed.
 */
export class RoundAreaWrite1765400000000 implements MigrationInterface {
  name = 'RoundAreaWrite1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "round_area_write" (
      "round_id" uuid PRIMARY KEY REFERENCES "round" ("id") ON DELETE CASCADE,
      "token" uuid NOT NULL,
      "newest_watermark" bigint NOT NULL,
      "written_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "round_area_write"`);
  }
}
