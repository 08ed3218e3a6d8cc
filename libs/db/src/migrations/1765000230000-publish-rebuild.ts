import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing rebuilds the round first (issue #13 item 7). `POST /api/rounds/:id/publish` on a closed
 * round records the full-rebuild run it requested in `publish_run_id` and leaves the round closed; the
 * worker flips it to `published` in the same transaction that marks that run done, so the public's
 * first read of the round already sees the rebuilt numbers (never the incremental ones before it).
 * A failed run leaves the round closed (publish again to retry).
 */
export class PublishRebuild1765000230000 implements MigrationInterface {
  name = 'PublishRebuild1765000230000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "round" ADD COLUMN "publish_run_id" uuid REFERENCES "recompute_run" ("id") ON DELETE SET NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round" DROP COLUMN "publish_run_id"`);
  }
}
