import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17 (dashboards within 800 ms): the results summary, on every results page, counted the
 * institutions with citizen reports and the pending refutations from 24,000 rows of metric_result on
 * each request, and the validators' profile read the 24,000 TG and PG rows (each 0.15–1.5 s at
 * national size). Both now come from the per-institution values kept in round_distribution_cache
 * (apps/api RoundValuesCache), which gain four fields. Kept values computed before this change lack
 * them: they are dropped here, and the next read computes them again.
 */
export class DistributionCacheCounts1765600000000 implements MigrationInterface {
  name = 'DistributionCacheCounts1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "round_distribution_cache"`);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the values with the four extra fields are still valid distributions for the older code.
  }
}
