import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { ResultsRepository } from '../apps/api/src/results/results.repository';
import { RoundValuesCache } from '../apps/api/src/common/results/round-values-cache';
import { TrendsRepository } from '../apps/api/src/results/trends.repository';
import { createTestDatabase, TestDatabase } from './support/db';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

const METHOD = 'mga-2017/apertura-2';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const NO_RANK = { position: null, lo: null, hi: null, of: null };

/**
 * The stored results as the API reads them, against a real PostgreSQL: camelCase records out, the
 * reader's access to the round, the headline pick of the institution listing (I, else I_G), ranks,
 * paging, and the change counter of the results stream.
 */
describe('ResultsRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: ResultsRepository;
  let trends: TrendsRepository;
  let fx: RoundFixture;
  let state: string;
  let slug: string;

  const insertResult = (
    scope: string,
    key: string,
    indicator: string,
    estimate: number | null,
    details: Record<string, unknown> = {},
  ): Promise<unknown> =>
    ds.query(
      `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, status, n,
                                  population_size, needed_subjects, details, method_id, method_version, watermark, computed_at)
       VALUES ($1, $2, $3, 'unweighted', $4, $5::float8, 0.05, $5::float8 - 0.1, $5::float8 + 0.1, 'caution', 7, 12, 3, $6::jsonb, '${METHOD}', '2.0.0', 41,
               '2026-01-02T03:04:05Z')`,
      [fx.roundId, scope, key, indicator, estimate, JSON.stringify(details)],
    );

  beforeAll(async () => {
    db = await createTestDatabase(undefined, 'resultsrepo');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    // One database stands for both the read connection and the primary.
    repo = new ResultsRepository(ds, ds, new RoundValuesCache(ds, ds));
    trends = new TrendsRepository(ds);
    fx = await buildRoundFixture(ds, {
      seed: 'results-repository',
      institutions: 6,
      municipalities: 2,
      status: 'published',
    });
    [{ slug }] = await ds.query('SELECT slug FROM guarantor WHERE id = $1', [fx.guarantorId]);
    const [i0, i1, i2] = fx.institutionIds;
    state = fx.municipalities[0].slice(0, 2);
    await insertResult('national', 'national', 'I', 0.5, { coverage: { responding: 3 } });
    await insertResult('institution', i0, 'I', 0.8, { inputs: { big: true }, institution: { headline: 'I' }, n: 7 });
    await insertResult('institution', i0, 'I_G', 0.9, { pendingRefutations: 2 });
    await insertResult('institution', i0, 'T', 0.6);
    // i1: no validated value yet, only its self-report.
    await insertResult('institution', i1, 'I', null);
    await insertResult('institution', i1, 'I_G', 0.7, { pendingRefutations: 1 });
    await insertResult('municipality', fx.municipalities[0], 'I', 0.55);
    await insertResult('state', state, 'I', 0.65);
    await ds.query(
      `INSERT INTO metric_rank (round_id, ranking, group_key, indicator, scope_key, "position", lo, hi, "of", seed, method_id, watermark, computed_at)
       VALUES ($1, 'institution', 'MX', 'I', $2, 1, 1, 2, 2, 's', '${METHOD}', 41, now())`,
      [fx.roundId, i0],
    );
    await ds.query(
      `INSERT INTO recompute_run (id, round_id, status, progress, watermark) VALUES ($1, $2, 'done', 100, 41)`,
      [NOBODY.replace(/0$/, '1'), fx.roundId],
    );
    await ds.query('INSERT INTO result_change (round_id, version, watermark) VALUES ($1, 7, 41)', [fx.roundId]);
    expect(i2).toBeDefined();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it("finds a round the reader may see, with its results' method and states; nothing for anyone else", async () => {
    const round = await repo.findRound(fx.roundId, { guarantorId: fx.guarantorId, publishedOnly: false });
    expect(round).toMatchObject({
      id: fx.roundId,
      status: 'published',
      synthetic: true,
      methodId: METHOD,
      methodVersion: '2.0.0',
    });
    expect(round?.publishedAt).toBeInstanceOf(Date);
    expect(round?.states?.map((s) => s.cveEnt)).toContain(state);
    expect(await repo.findRound(fx.roundId, { guarantorId: null, publishedOnly: true })).toBeDefined();
    expect(await repo.findRound(fx.roundId, { guarantorId: NOBODY, publishedOnly: false })).toBeUndefined();
    expect(await repo.findRound(NOBODY, { guarantorId: null, publishedOnly: false })).toBeUndefined();
  });

  it('reads national values and counts as camelCase records', async () => {
    const [national] = await repo.nationalResults(fx.roundId);
    expect(national).toEqual({
      indicator: 'I',
      aggregation: 'unweighted',
      estimate: 0.5,
      se: 0.05,
      lo: 0.4,
      hi: 0.6,
      cv: null,
      n: 7,
      populationSize: 12,
      status: 'caution',
      needed: null,
      neededSubjects: 3,
      neededReports: null,
      validatedShare: null,
      formula: null,
      details: { coverage: { responding: 3 } },
      methodId: METHOD,
      methodVersion: '2.0.0',
      watermark: '41',
      computedAt: new Date('2026-01-02T03:04:05Z'),
    });
    expect(await repo.universeSize(fx.roundId)).toBe(6);
    expect(await repo.reportCounts(fx.roundId)).toEqual({ withAnyCitizenReport: 2, pendingRefutations: 3 });
    expect(await repo.reportCounts(NOBODY)).toEqual({ withAnyCitizenReport: 0, pendingRefutations: 0 });
  });

  it('lists institutions with the headline (I, else I_G), ranks and paging; details without inputs', async () => {
    const [i0, i1] = fx.institutionIds;
    const base = { indicators: ['I', 'I_G'], rankGroup: 'MX', rankIndicator: 'I', page: 1, pageSize: 50 };
    const all = await repo.institutionPage(fx.roundId, base);
    expect(all.total).toBe(6);
    expect(all.items).toHaveLength(6);
    const byId = new Map(all.items.map((x) => [x.institution.id, x]));
    expect(byId.get(i0)?.metric).toMatchObject({ indicator: 'I', estimate: 0.8, details: { n: 7 } });
    expect(byId.get(i0)?.metric?.details).not.toHaveProperty('inputs');
    expect(byId.get(i0)?.rank).toEqual({ position: 1, lo: 1, hi: 2, of: 2 });
    expect(byId.get(i1)?.metric).toMatchObject({ indicator: 'I_G', estimate: 0.7 });
    expect(byId.get(i1)?.rank).toEqual(NO_RANK);
    const bare = all.items.find((x) => x.institution.id !== i0 && x.institution.id !== i1);
    expect(bare?.metric).toBeNull();
    expect(Object.keys(bare?.institution ?? {}).sort()).toEqual(
      ['cveEnt', 'cvegeo', 'id', 'level', 'municipalityName', 'name', 'stateName', 'type'].sort(),
    );

    const ranked = await repo.institutionPage(fx.roundId, { ...base, indicators: ['I'], ranking: 'ranked' });
    expect(ranked.total).toBe(1);
    expect(ranked.items.map((x) => x.institution.id)).toEqual([i0]);

    const sorted = await repo.institutionPage(fx.roundId, { ...base, sort: '-estimate', page: 2, pageSize: 1 });
    expect(sorted.total).toBe(6);
    expect(sorted.items.map((x) => x.institution.id)).toEqual([i1]);
  });

  it("reads one institution's values, and the distribution's columns", async () => {
    const [i0, i1] = fx.institutionIds;
    expect(await repo.findInstitution(fx.roundId, i0)).toMatchObject({ id: i0, cveEnt: expect.any(String) });
    expect(await repo.findInstitution(fx.roundId, NOBODY)).toBeUndefined();
    const values = await repo.institutionResults(fx.roundId, i0);
    expect(values.map((v) => v.indicator).sort()).toEqual(['I', 'I_G', 'T']);
    expect(values.find((v) => v.indicator === 'I')?.details).toHaveProperty('inputs');

    const distribution = await repo.distribution(fx.roundId);
    expect(distribution).toHaveLength(6);
    expect(distribution.find((d) => d.id === i0)).toMatchObject({
      headline: 'I',
      estimate: 0.8,
      status: 'caution',
      t: 0.6,
      tStatus: 'caution',
      p: null,
      pStatus: null,
    });
    expect(distribution.find((d) => d.id === i1)).toMatchObject({ headline: 'I_G', estimate: 0.7 });
  });

  it('lists areas by scope with their names', async () => {
    const muns = await repo.areaPage(fx.roundId, {
      scope: 'municipality',
      aggregation: 'unweighted',
      indicator: 'I',
      rankGroup: 'MX',
      page: 1,
      pageSize: 50,
    });
    expect(muns.total).toBe(1);
    expect(muns.items[0]).toMatchObject({
      scopeKey: fx.municipalities[0],
      cveEnt: state,
      name: expect.any(String),
      metric: { estimate: 0.55 },
      rank: NO_RANK,
    });
    const states = await repo.areaPage(fx.roundId, {
      scope: 'state',
      aggregation: 'unweighted',
      indicator: 'I',
      rankGroup: 'MX',
      cveEnt: state,
      page: 1,
      pageSize: 50,
    });
    expect(states.items.map((s) => [s.scopeKey, s.cveEnt])).toEqual([[state, state]]);
  });

  it('reads runs, published rounds and the change counter', async () => {
    const run = await repo.findRun(fx.roundId, NOBODY.replace(/0$/, '1'));
    expect(run).toMatchObject({ roundId: fx.roundId, status: 'done', progress: 100, watermark: '41', error: null });
    expect(run?.requestedAt).toBeInstanceOf(Date);
    expect(await repo.findRun(fx.roundId, NOBODY)).toBeUndefined();

    const published = await repo.publishedRounds(slug, 1, 10);
    expect(published.total).toBe(1);
    expect(published.items[0]).toMatchObject({ id: fx.roundId, guarantorSlug: slug, synthetic: true });
    expect((await repo.publishedRounds('nobody', 1, 10)).total).toBe(0);

    expect(await repo.changeVersion(fx.roundId)).toEqual({ version: '7', watermark: '41' });
    expect(await repo.changeVersion(NOBODY)).toBeUndefined();
  });

  it("TrendsRepository: a unit's values across rounds, tagged by round, and the states of each round", async () => {
    const [i0] = fx.institutionIds;
    const g = await trends.guarantorOfPublishedRound(fx.roundId);
    expect(g).toEqual({ id: fx.guarantorId, slug: slug, name: expect.any(String), synthetic: true });
    expect(await trends.guarantorBySlug(slug)).toEqual(g);
    expect((await trends.publishedRounds(fx.guarantorId, true)).map((r) => r.id)).toEqual([fx.roundId]);
    expect(await trends.otherKindRounds(fx.guarantorId, true)).toBe(0);
    const [value] = await trends.values([fx.roundId], 'institution', i0, 'unweighted', 'I');
    expect(value).toMatchObject({ roundId: fx.roundId, indicator: 'I', estimate: 0.8, methodId: METHOD });
    expect(value.details).not.toHaveProperty('inputs');
    const [area] = await trends.roundAreas([fx.roundId]);
    expect(area).toMatchObject({ roundId: fx.roundId, stateName: expect.any(String) });
    expect(g && (await trends.institutionUnit(i0, g))).toMatchObject({ cveEnt: expect.any(String) });
    expect(await trends.stateUnit(state)).toMatchObject({ cveEnt: state });
    expect(await trends.municipalityUnit('99999')).toBeUndefined();
  });
  it('pages a ranking from its own rows as the general listing orders it, with its filters and ties', async () => {
    const [i0, , i2, i3, i4, i5] = fx.institutionIds;
    // Four more ranked institutions, two tied at position 2 (the name, then the id, breaks the tie); i1
    // stays unranked, and one ranked row has no result row of the indicator (its metric is null).
    for (const [k, id] of [i2, i3, i4].entries()) await insertResult('institution', id, 'I', 0.6 - k / 10);
    const ranks: Array<[string, number]> = [
      [i2, 2],
      [i3, 2],
      [i4, 4],
      [i5, 5],
    ];
    for (const [id, position] of ranks) {
      await ds.query(
        `INSERT INTO metric_rank (round_id, ranking, group_key, indicator, scope_key, "position", lo, hi, "of", seed, method_id, watermark, computed_at)
         VALUES ($1, 'institution', 'MX', 'I', $2, $3, $3, 5, 5, 's', '${METHOD}', 41, now())`,
        [fx.roundId, id, position],
      );
    }
    const base = { indicators: ['I'], rankGroup: 'MX', rankIndicator: 'I', page: 1, pageSize: 50 };
    // The reference: the general listing (every institution, by name then id), its ranked ones in the
    // ranking's order (a stable sort keeps name and id order within a tie).
    const reference = async (filter: { cveEnt?: string } = {}) =>
      (await repo.institutionPage(fx.roundId, { ...base, ...filter })).items
        .filter((x) => x.rank.position !== null)
        .sort((a, b) => (a.rank.position ?? 0) - (b.rank.position ?? 0));
    const all = await reference();
    expect(all.map((x) => x.institution.id).sort()).toEqual([i0, i2, i3, i4, i5].sort());
    expect(all.find((x) => x.institution.id === i5)?.metric).toBeNull();
    for (const pageSize of [1, 2, 50]) {
      for (let page = 1; page <= Math.ceil(all.length / pageSize); page++) {
        const got = await repo.institutionPage(fx.roundId, { ...base, ranking: 'ranked', page, pageSize });
        expect(got.total).toBe(all.length);
        expect(got.items).toEqual(all.slice((page - 1) * pageSize, page * pageSize));
      }
    }
    const inState = await repo.institutionPage(fx.roundId, { ...base, ranking: 'ranked', cveEnt: state });
    const expected = await reference({ cveEnt: state });
    expect(expected.length).toBeGreaterThan(0);
    expect(inState).toEqual({ total: expected.length, items: expected });
  });
  it('pages the unranked institutions from the kept values as the general listing picks, filters and sorts them', async () => {
    const [, i1] = fx.institutionIds;
    // A self-report value of another status, and an institution whose I row has no value and no I_G.
    await ds.query(
      `UPDATE metric_result SET status = 'not_validated' WHERE round_id = $1 AND scope_key = $2 AND indicator = 'I_G'`,
      [fx.roundId, i1],
    );
    const base = { indicators: ['I', 'I_G'], rankIndicator: 'I', page: 1, pageSize: 50 };
    const reference = async (q: { rankGroup: string; sort?: string; status?: string; cveEnt?: string }) =>
      (await repo.institutionPage(fx.roundId, { ...base, ...q })).items.filter((x) => x.rank.position === null);
    // 'MX' has ranked institutions (the test above); a state group has none, so every institution is unranked there.
    for (const rankGroup of ['MX', state]) {
      for (const sort of [undefined, 'estimate', '-estimate']) {
        for (const status of [undefined, 'caution', 'not_validated']) {
          for (const cveEnt of [undefined, state]) {
            const q = { rankGroup, sort, status, cveEnt };
            const expected = await reference(q);
            const got = await repo.institutionPage(fx.roundId, { ...base, ...q, ranking: 'unranked' });
            expect({ q, got }).toEqual({ q, got: { total: expected.length, items: expected } });
            for (const pageSize of [1, 2]) {
              for (let page = 1; page <= Math.ceil(expected.length / pageSize); page++) {
                const one = await repo.institutionPage(fx.roundId, {
                  ...base,
                  ...q,
                  ranking: 'unranked',
                  page,
                  pageSize,
                });
                expect(one.items).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
              }
            }
          }
        }
      }
    }
    const everyone = await reference({ rankGroup: state });
    expect(everyone).toHaveLength(6);
    expect(everyone.find((x) => x.institution.id === i1)?.metric).toMatchObject({
      indicator: 'I_G',
      status: 'not_validated',
    });
    expect(everyone.filter((x) => x.metric === null).length).toBeGreaterThan(0);
  });
});
