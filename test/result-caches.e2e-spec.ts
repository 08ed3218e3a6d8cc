import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions, pruneResultWrites, resultWritesSeen } from '@apertura/db';
import { CosignRepository } from '../apps/api/src/cosign/cosign.repository';
import { ResultsRepository } from '../apps/api/src/results/results.repository';
import { RoundValuesCache } from '../apps/api/src/common/results/round-values-cache';
import { ReweightedIndicesRepository } from '../apps/api/src/demographics/reweighted-indices.repository';
import { MetricResultsRepository } from '../apps/worker/src/metric/metric-results.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture } from './support/round-fixture';

const METHOD = 'mga-2017/apertura-2';

/**
 * What the public pages reuse until a result row of the round changes (migration 1765300000000),
 * against a real PostgreSQL: the co-signature record's results hash and the overview's distribution.
 * Every answer must equal what is computed from the rows at that moment, and the full computation
 * must run again exactly when something changed.
 */
describe('result caches: co-signature fingerprint and distribution (issue #17)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: CosignRepository;
  /** `ds` as the repository sees it (its queries counted). */
  let counted: DataSource;
  let worker: MetricResultsRepository;
  let roundA: string;
  let roundB: string;
  /** Full computations of the results hash (round_cosign_parts) the repository ran. */
  let computations = 0;
  /** Full computations of the distribution values the results repository ran. */
  let distributions = 0;
  let results: ResultsRepository;

  /** `ds` with every query that computes the full fingerprint counted (the repository's own SQL, run for real). */
  function counting(source: DataSource): DataSource {
    const count = (sql: unknown): void => {
      if (typeof sql !== 'string') return;
      if (sql.includes('round_cosign_parts(')) computations += 1;
      if (sql.includes('json_agg(v)')) distributions += 1;
    };
    const manager = (m: EntityManager): EntityManager =>
      new Proxy(m, {
        get(target, key, receiver) {
          if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
          return (sql: string, params?: unknown[]) => {
            count(sql);
            return target.query(sql, params);
          };
        },
      });
    return new Proxy(source, {
      get(target, key, receiver) {
        if (key === 'query') {
          return (sql: string, params?: unknown[]) => {
            count(sql);
            return target.query(sql, params);
          };
        }
        if (key === 'transaction') {
          return (isolation: unknown, work?: (m: EntityManager) => Promise<unknown>) =>
            typeof isolation === 'function'
              ? target.transaction((m) => (isolation as (m: EntityManager) => Promise<unknown>)(manager(m)))
              : target.transaction(isolation as 'REPEATABLE READ', (m) =>
                  (work as (m: EntityManager) => Promise<unknown>)(manager(m)),
                );
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  const fresh = async (roundId: string): Promise<string> => {
    const [row]: Array<{ fingerprint: string }> = await ds.query('SELECT fingerprint FROM round_cosign_parts($1)', [
      roundId,
    ]);
    return row.fingerprint;
  };

  const insertResults = async (roundId: string, institutionIds: readonly string[]): Promise<void> => {
    for (const [k, id] of institutionIds.entries()) {
      await ds.query(
        `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, status, n, method_id, method_version, watermark, computed_at)
         VALUES ($1, 'institution', $2, 'unweighted', 'I', $3, 0.05, 'conclusive', 5, '${METHOD}', '2.0.0', 1, now())`,
        [roundId, id, 0.3 + k / 10],
      );
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'cosigncache');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    counted = counting(ds);
    repo = new CosignRepository(counted);
    results = new ResultsRepository(counted, ds, new RoundValuesCache(counted, ds));
    worker = new MetricResultsRepository(ds);
    const a = await buildRoundFixture(ds, { seed: 'cosign-cache-a', institutions: 4 });
    const b = await buildRoundFixture(ds, { seed: 'cosign-cache-b', institutions: 4 });
    roundA = a.roundId;
    roundB = b.roundId;
    await insertResults(roundA, a.institutionIds);
    await insertResults(roundB, b.institutionIds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('answers what the rows hash to, and reuses that hash while no result row changes', async () => {
    const before = computations;
    const first = await repo.parts(roundA);
    expect(first.fingerprint).toBe(await fresh(roundA));
    expect(computations).toBe(before + 1);
    const again = await repo.parts(roundA);
    expect(again).toEqual(first);
    expect(computations).toBe(before + 1);
  });

  it('recomputes after a worker write to the round, not after one to another round', async () => {
    const a0 = await repo.parts(roundA);
    await repo.parts(roundB);
    const before = computations;
    await worker.inRoundTransaction(
      roundB,
      (m) => m.query('UPDATE metric_result SET estimate = estimate + 0.01 WHERE round_id = $1', [roundB]),
      'exclusive',
    );
    expect(await repo.parts(roundA)).toEqual(a0);
    expect(computations).toBe(before);
    const b1 = await repo.parts(roundB);
    expect(b1.fingerprint).toBe(await fresh(roundB));
    expect(computations).toBe(before + 1);

    await worker.inRoundTransaction(
      roundA,
      (m) => m.query(`UPDATE metric_result SET status = 'caution' WHERE round_id = $1`, [roundA]),
      'exclusive',
    );
    const a1 = await repo.parts(roundA);
    expect(a1.fingerprint).not.toBe(a0.fingerprint);
    expect(a1.fingerprint).toBe(await fresh(roundA));
    expect(computations).toBe(before + 2);
  });

  it('recomputes every round after a write that names no round (a script, a plain UPDATE)', async () => {
    const a0 = await repo.parts(roundA);
    const b0 = await repo.parts(roundB);
    const before = computations;
    await ds.query('UPDATE metric_result SET estimate = estimate - 0.02 WHERE round_id = $1', [roundB]);
    const a1 = await repo.parts(roundA);
    const b1 = await repo.parts(roundB);
    expect(computations).toBe(before + 2);
    expect(a1).toEqual(a0); // recomputed, and A's rows did not change
    expect(b1.fingerprint).not.toBe(b0.fingerprint);
    expect(b1.fingerprint).toBe(await fresh(roundB));
  });

  it('a write that is rolled back changes nothing and is not counted', async () => {
    const a0 = await repo.parts(roundA);
    const before = computations;
    await expect(
      worker.inRoundTransaction(
        roundA,
        async (m) => {
          await m.query('DELETE FROM metric_result WHERE round_id = $1', [roundA]);
          throw new Error('abandoned');
        },
        'exclusive',
      ),
    ).rejects.toThrow('abandoned');
    expect(await repo.parts(roundA)).toEqual(a0);
    expect(computations).toBe(before);
  });

  it('lets concurrent reads share one computation', async () => {
    await ds.query('UPDATE metric_result SET n = n + 1 WHERE round_id = $1', [roundA]);
    const before = computations;
    const reads = await Promise.all([repo.parts(roundA), repo.parts(roundA), repo.parts(roundA)]);
    expect(computations).toBe(before + 1);
    for (const r of reads) expect(r.fingerprint).toBe(await fresh(roundA));
  });

  it('computes inside a decision’s transaction every time, from the rows', async () => {
    await repo.parts(roundA); // cached
    const before = computations;
    const inside = await counted.transaction((m) => repo.parts(roundA, m));
    expect(inside.fingerprint).toBe(await fresh(roundA));
    expect(computations).toBe(before + 1);
  });

  it('names the round of every worker result write in the log, and nothing for other writers', async () => {
    const count = async (roundId: string | null): Promise<number> => {
      const [{ n }]: Array<{ n: number }> = await ds.query(
        'SELECT count(*)::int AS n FROM result_write WHERE round_id IS NOT DISTINCT FROM $1::uuid',
        [roundId],
      );
      return n;
    };
    const [a, global] = [await count(roundA), await count(null)];
    await worker.inRoundTransaction(
      roundA,
      (m) => m.query('UPDATE metric_result SET se = se WHERE round_id = $1', [roundA]),
      'exclusive',
    );
    await ds.query('UPDATE metric_result SET se = se WHERE round_id = $1', [roundA]);
    expect(await count(roundA)).toBe(a + 1);
    expect(await count(null)).toBe(global + 1);
  });

  it('folds the log into its tally without changing any count, so cached answers stay and the next write is seen', async () => {
    const a0 = await repo.parts(roundA);
    await repo.parts(roundB);
    const seen = async (): Promise<string[]> => [
      await resultWritesSeen(ds.manager, roundA),
      await resultWritesSeen(ds.manager, roundB),
    ];
    const before = await seen();
    expect(await pruneResultWrites(ds.manager)).toBeGreaterThan(0);
    expect(await ds.query('SELECT count(*)::int AS n FROM result_write')).toEqual([{ n: 0 }]);
    expect(await seen()).toEqual(before);
    const computed = computations;
    expect(await repo.parts(roundA)).toEqual(a0);
    expect(computations).toBe(computed);

    await worker.inRoundTransaction(
      roundA,
      (m) => m.query('UPDATE metric_result SET estimate = estimate + 0.005 WHERE round_id = $1', [roundA]),
      'exclusive',
    );
    const a1 = await repo.parts(roundA);
    expect(a1.fingerprint).toBe(await fresh(roundA));
    expect(a1.fingerprint).not.toBe(a0.fingerprint);
    expect(computations).toBe(computed + 1);
    const afterWrite = await seen();
    expect(await pruneResultWrites(ds.manager)).toBe(1);
    expect(await seen()).toEqual(afterWrite);
    expect(await pruneResultWrites(ds.manager)).toBe(0);
  });

  it('never loses a write in flight while pruning, and an older snapshot counts as a newer one does', async () => {
    const start = await resultWritesSeen(ds.manager, roundB);
    // A worker write not yet committed when the log is pruned: its row is not the pruner's to move.
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT set_config('apertura.results_round', $1, true)`, [roundB]);
    await runner.query('UPDATE metric_result SET n = n + 1 WHERE round_id = $1', [roundB]);
    // A reader whose snapshot was taken before the pruning.
    const reader = ds.createQueryRunner();
    await reader.connect();
    await reader.startTransaction('REPEATABLE READ');
    expect(await resultWritesSeen(reader.manager, roundB)).toBe(start);
    await pruneResultWrites(ds.manager);
    expect(await resultWritesSeen(reader.manager, roundB)).toBe(start);
    await reader.commitTransaction();
    await reader.release();
    expect(await resultWritesSeen(ds.manager, roundB)).toBe(start);
    await runner.commitTransaction();
    await runner.release();
    expect(await resultWritesSeen(ds.manager, roundB)).toBe(String(Number(start) + 1));
    expect((await repo.parts(roundB)).fingerprint).toBe(await fresh(roundB));
  });

  /** The distribution computed from the rows now (the round's cached one dropped first; not counted). */
  const distributionFromRows = async (roundId: string): Promise<unknown[]> => {
    await ds.query('DELETE FROM round_distribution_cache WHERE round_id = $1', [roundId]);
    return new ResultsRepository(ds, ds, new RoundValuesCache(ds, ds)).distribution(roundId);
  };

  it('serves the distribution the rows give, computing it once per change of the round', async () => {
    // Values that need every bit of a double, and an I_G-only institution (no I row).
    await worker.inRoundTransaction(
      roundA,
      async (m) => {
        await m.query(
          `UPDATE metric_result SET estimate = 0.1::float8 + 0.2::float8 WHERE round_id = $1 AND scope_key = (
        SELECT min(scope_key) FROM metric_result WHERE round_id = $1)`,
          [roundA],
        );
        await m.query(
          `UPDATE metric_result SET indicator = 'I_G' WHERE round_id = $1 AND scope_key = (
        SELECT max(scope_key) FROM metric_result WHERE round_id = $1)`,
          [roundA],
        );
      },
      'exclusive',
    );
    const before = distributions;
    const first = await results.distribution(roundA);
    expect(first).toEqual(await distributionFromRows(roundA));
    expect(first.map((r) => r.estimate)).toContain(0.30000000000000004);
    expect(first.map((r) => r.headline)).toContain('I_G');
    expect(await results.distribution(roundA)).toEqual(first);
    expect(distributions).toBe(before + 1);

    await worker.inRoundTransaction(
      roundB,
      (m) => m.query('UPDATE metric_result SET estimate = estimate + 0.01 WHERE round_id = $1', [roundB]),
      'exclusive',
    );
    expect(await results.distribution(roundA)).toEqual(first);
    expect(distributions).toBe(before + 1);

    await ds.query(`UPDATE metric_result SET status = 'inconclusive' WHERE round_id = $1`, [roundA]);
    const changed = await results.distribution(roundA);
    expect(distributions).toBe(before + 2);
    expect(changed).toEqual(await distributionFromRows(roundA));
    expect(changed.every((r) => r.status === null || r.status === 'inconclusive')).toBe(true);
  });

  it('joins the names as they are now, without recomputing the values', async () => {
    const cached = await results.distribution(roundA);
    const before = distributions;
    const [one] = cached;
    await ds.query('UPDATE institution SET name = $2 WHERE id = $1', [one.id, 'AAA renamed institution']);
    const renamed = await results.distribution(roundA);
    expect(distributions).toBe(before);
    expect(renamed).toEqual(await distributionFromRows(roundA));
    expect(renamed.find((r) => r.id === one.id)?.name).toBe('AAA renamed institution');
  });
  it('gives the summary counts and the TG/PG census values the rows give, from the same kept values', async () => {
    // Rows the pass reads beside I: I_G with pending refutations in its details, TG and PG (one without
    // a value), and an I row without validators.
    const ids: string[] = (
      await ds.query(
        `SELECT DISTINCT scope_key FROM metric_result WHERE round_id = $1 AND scope = 'institution' ORDER BY scope_key`,
        [roundB],
      )
    ).map((r: { scope_key: string }) => r.scope_key);
    await worker.inRoundTransaction(
      roundB,
      async (m) => {
        for (const [k, id] of ids.entries()) {
          await m.query(
            `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, status, n, details, method_id, method_version, watermark, computed_at)
             VALUES ($1, 'institution', $2, 'unweighted', 'I_G', 0.5, 0, 'not_validated', 0, $3::json, '${METHOD}', '2.0.0', 1, now()),
                    ($1, 'institution', $2, 'unweighted', 'TG', $4, 0, 'not_validated', 0, '{}', '${METHOD}', '2.0.0', 1, now()),
                    ($1, 'institution', $2, 'unweighted', 'PG', $5, 0, 'not_validated', 0, '{}', '${METHOD}', '2.0.0', 1, now())`,
            [roundB, id, JSON.stringify({ pendingRefutations: k }), 0.1 + 0.2 * k, k === 0 ? null : 1 / 3 + k],
          );
        }
        await m.query(`UPDATE metric_result SET n = 0 WHERE round_id = $1 AND indicator = 'I' AND scope_key = $2`, [
          roundB,
          ids[1],
        ]);
      },
      'exclusive',
    );
    // What the rows say, read directly.
    const [direct]: Array<{ with_reports: number; pending: number }> = await ds.query(
      `SELECT count(*) FILTER (WHERE indicator = 'I' AND n > 0)::int AS with_reports,
              coalesce(sum((details->>'pendingRefutations')::int) FILTER (WHERE indicator = 'I_G'), 0)::int AS pending
       FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND aggregation = 'unweighted'`,
      [roundB],
    );
    const census: Array<{ scope_key: string; indicator: string; estimate: number }> = await ds.query(
      `SELECT scope_key, indicator, estimate FROM metric_result
       WHERE round_id = $1 AND scope = 'institution' AND indicator IN ('TG', 'PG') AND estimate IS NOT NULL`,
      [roundB],
    );
    const before = distributions;
    expect(await results.reportCounts(roundB)).toEqual({
      withAnyCitizenReport: direct.with_reports,
      pendingRefutations: direct.pending,
    });
    expect(direct).toEqual({ with_reports: ids.length - 1, pending: (ids.length * (ids.length - 1)) / 2 });
    const reweight = new ReweightedIndicesRepository(counted, ds, new RoundValuesCache(counted, ds));
    const byKey = (r: { institutionId: string; indicator: string }): string => `${r.institutionId} ${r.indicator}`;
    const cached = [...(await reweight.censusValues(roundB))].sort((a, b) => byKey(a).localeCompare(byKey(b)));
    expect(cached).toEqual(
      census
        .map((r) => ({ institutionId: r.scope_key, indicator: r.indicator, estimate: r.estimate }))
        .sort((a, b) => byKey(a).localeCompare(byKey(b))),
    );
    expect(cached).toHaveLength(2 * ids.length - 1);
    // One computation served both readers (the second cache object found the kept values).
    expect(distributions).toBe(before + 1);
  });
});
