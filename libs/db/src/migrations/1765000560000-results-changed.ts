import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live results pages (issue #17, item 3): one row per round saying how often its stored results
 * changed. The worker bumps `version` in the transaction of every committed result write and sends a
 * NOTIFY in that same transaction (delivered only on commit). The API streams those notifications
 * (Server-Sent Events) with `version` as the event id, so a client reconnecting with Last-Event-ID —
 * to this API process or another one, or after a restart — gets a catch-up event when the round moved
 * on meanwhile. A counter rather than the input watermark: an institution job and the area job that
 * follows it can share one watermark, and the catch-up must still tell them apart.
 */
export class ResultsChanged1765000560000 implements MigrationInterface {
  name = 'ResultsChanged1765000560000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "result_change" (
      "round_id" uuid NOT NULL PRIMARY KEY REFERENCES "round" ("id") ON DELETE CASCADE,
      "version" bigint NOT NULL,
      "watermark" bigint NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "result_change"`);
  }
}
