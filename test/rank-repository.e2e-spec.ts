import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { rankRows, RankRow } from '../apps/worker/src/metric/rank-rows';
import { RankRepository } from '../apps/worker/src/metric/rank.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

const METHOD = 'mga-2017/apertura-2';

/** metric_rank against a real PostgreSQL: what the worker reads for the rankings and how it stores them. */
describe('RankRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: RankRepository;
  let fx: RoundFixture;

  const stored = async (): Promise<Array<Record<string, unknown>>> =>
    ds.query(
      `SELECT ranking, group_key, indicator, scope_key, "position", lo, hi, "of", seed, method_id, watermark::text AS watermark
         FROM metric_rank WHERE round_id = $1 ORDER BY ranking, group_key, indicator, "position", scope_key`,
      [fx.roundId],
    );

  const result = (
    scope: string,
    key: string,
    aggregation: string,
    indicator: string,
    estimate: number | null,
    se: number | null,
    status: string,
  ): unknown[] => [fx.roundId, scope, key, aggregation, indicator, estimate, se, status];

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'rank');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    repo = new RankRepository(ds);
    fx = await buildRoundFixture(ds, { seed: 'rank-repository', institutions: 6, municipalities: 3 });
    const [i0, i1, i2, i3, i4] = fx.institutionIds;
    const [m0, m1] = fx.municipalities;
    const rows = [
      result('institution', i0, 'unweighted', 'I', 0.8, 0.02, 'conclusive'),
      result('institution', i1, 'unweighted', 'I', 0.6, 0.05, 'caution'),
      result('institution', i2, 'unweighted', 'I', 0.7, 0.2, 'inconclusive'), // not rankable
      result('institution', i3, 'unweighted', 'I', 0.9, null, 'conclusive'), // no SE
      result('institution', i4, 'unweighted', 'I_G', 0.9, 0.01, 'not_validated'), // not a ranked indicator
      result('institution', i0, 'unweighted', 'TC', 0.5, 0.1, 'conclusive'),
      result('municipality', m0, 'unweighted', 'I', 0.5, 0.03, 'conclusive'),
      result('municipality', m1, 'unweighted', 'I', 0.4, 0.03, 'caution'),
      result('state', m0.slice(0, 2), 'unweighted', 'P', 0.3, 0.01, 'conclusive'),
      result('state', m0.slice(0, 2), 'mean_of_municipalities', 'P', 0.31, 0.01, 'conclusive'), // other aggregation
    ];
    for (const r of rows) {
      await ds.query(
        `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, status, n, method_id, method_version, watermark, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, '${METHOD}', '2.0.0', 1, now())`,
        r,
      );
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads the rankable values of the ranked indicators, with the state of each institution and municipality', async () => {
    const inputs = await repo.loadRankInputs(fx.roundId);
    const states: Array<{ id: string; cve_ent: string }> = await ds.query(
      'SELECT id::text, cve_ent FROM institution WHERE id = ANY($1::uuid[])',
      [fx.institutionIds.slice(0, 2)],
    );
    const stateOf = new Map(states.map((s) => [s.id, s.cve_ent]));
    expect(inputs.institutions).toEqual(
      expect.arrayContaining([
        {
          institutionId: fx.institutionIds[0],
          cveEnt: stateOf.get(fx.institutionIds[0]),
          indicator: 'I',
          estimate: 0.8,
          se: 0.02,
          status: 'conclusive',
        },
        {
          institutionId: fx.institutionIds[1],
          cveEnt: stateOf.get(fx.institutionIds[1]),
          indicator: 'I',
          estimate: 0.6,
          se: 0.05,
          status: 'caution',
        },
        {
          institutionId: fx.institutionIds[0],
          cveEnt: stateOf.get(fx.institutionIds[0]),
          indicator: 'TC',
          estimate: 0.5,
          se: 0.1,
          status: 'conclusive',
        },
      ]),
    );
    expect(inputs.institutions).toHaveLength(3);
    expect(inputs.municipalities.map((m) => [m.cvegeo, m.cveEnt]).sort()).toEqual(
      fx.municipalities
        .slice(0, 2)
        .map((c) => [c, c.slice(0, 2)])
        .sort(),
    );
    expect(inputs.states).toEqual([
      { cveEnt: fx.municipalities[0].slice(0, 2), indicator: 'P', estimate: 0.3, se: 0.01, status: 'conclusive' },
    ]);
  });

  it('replaces the rankings of the round, stamped with method, watermark and time', async () => {
    const rows = rankRows(fx.roundId, await repo.loadRankInputs(fx.roundId));
    expect(await repo.replaceRanks(fx.roundId, rows, METHOD, '10', new Date('2026-01-01T00:00:00Z'))).toBe(true);
    const first = await stored();
    expect(first).toHaveLength(rows.length);
    expect(first).toContainEqual({
      ranking: 'institution',
      group_key: 'MX',
      indicator: 'I',
      scope_key: fx.institutionIds[0],
      position: 1,
      lo: 1,
      hi: expect.any(Number),
      of: 2,
      seed: `${fx.roundId}:institution:MX:I`,
      method_id: METHOD,
      watermark: '10',
    });

    // A later computation with fewer ranked values leaves no stale row behind.
    const fewer = rows.filter((r) => r.ranking === 'state');
    expect(await repo.replaceRanks(fx.roundId, fewer, METHOD, '11', new Date())).toBe(true);
    expect(await stored()).toHaveLength(fewer.length);
  });

  it('never lets an older snapshot overwrite newer rankings', async () => {
    const before = await stored();
    expect(await repo.replaceRanks(fx.roundId, [], METHOD, '5', new Date())).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it("writes inside the caller's transaction when given one (rolled back with it)", async () => {
    const before = await stored();
    await expect(
      ds.transaction(async (m) => {
        await repo.replaceRanks(fx.roundId, [], METHOD, '20', new Date(), m);
        expect(await m.query('SELECT count(*)::int AS n FROM metric_rank WHERE round_id = $1', [fx.roundId])).toEqual([
          { n: 0 },
        ]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await stored()).toEqual(before);
  });

  it('inserts a national-size ranking in batches', async () => {
    const many: RankRow[] = Array.from({ length: 12_001 }, (_, k) => ({
      ranking: 'institution',
      groupKey: 'MX',
      indicator: 'I',
      scopeKey: `inst-${k}`,
      position: k + 1,
      lo: Math.max(1, k - 5),
      hi: Math.min(12_001, k + 7),
      of: 12_001,
      seed: `${fx.roundId}:institution:MX:I`,
    }));
    expect(await repo.replaceRanks(fx.roundId, many, METHOD, '30', new Date())).toBe(true);
    expect(
      await ds.query('SELECT count(*)::int AS n, max("position") AS top FROM metric_rank WHERE round_id = $1', [
        fx.roundId,
      ]),
    ).toEqual([{ n: 12_001, top: 12_001 }]);
  });
});
