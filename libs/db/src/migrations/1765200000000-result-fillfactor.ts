import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #12 / #17 (rebuild cost): result pages keep half their space free (metric_result had 30 %
 * since migration 1764600000000; institution_result none). A rebuild rewrites every row of the round,
 * and most rows' indexed columns do not change, so each rewrite can be a heap-only update — the new
 * version on the same page, no index entry written — but only while the page has room for a new
 * version of every row on it: with 30 % free, about half of a national rebuild's updates found none.
 * Old versions are pruned from the page the next time it fills, so a table rewritten again and again
 * stays about the size each rewrite makes it anyway (every update leaves one dead version until vacuum).
 * Measured on the upsert of a national round's 341,524 institution rows: at fill factor 70, 47 % of
 * the updates heap-only and 7.7 s; at 50, all of them and 4.7–4.8 s.
 *
 * Pages written from now on follow the setting; existing ones as they are rewritten.
 */
export class ResultFillfactor1765200000000 implements MigrationInterface {
  name = 'ResultFillfactor1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "metric_result" SET (fillfactor = 50)`);
    await q.query(`ALTER TABLE "institution_result" SET (fillfactor = 50)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "institution_result" RESET (fillfactor)`);
    await q.query(`ALTER TABLE "metric_result" SET (fillfactor = 70)`);
  }
}
