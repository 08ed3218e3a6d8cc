import { reweightedIndices, ReweightInput } from './reweighted-indices';
import type { ClusterValueRecord, MainValueRecord } from './reweighted-indices.repository';

const POPULATION = [
  { category: 'rural', population: 25 },
  { category: 'small_city', population: 25 },
  { category: 'city', population: 25 },
  { category: 'metropolis', population: 25 },
];
const CELLS = ['rural', 'small_city', 'city', 'metropolis'];

/** One institution, 20 validators: 5 per type; rural people score TC 1, everyone else 0 (PC 0.5 for all). */
function input(overrides: Partial<ReweightInput> = {}, counts = [5, 5, 5, 5]): ReweightInput {
  const clusters: ClusterValueRecord[] = [];
  counts.forEach((n, c) => {
    for (let j = 0; j < n; j++)
      clusters.push({
        institutionId: 'i1',
        validatorId: `v${c}${j}`,
        tc: c === 0 ? 1 : 0,
        pc: 0.5,
        methodVersion: '2.0.0',
        municipalityType: CELLS[c],
      });
  });
  const total = counts.reduce((s, n) => s + n, 0);
  const tc = counts[0] / total;
  const main = (indicator: string, estimate: number): MainValueRecord => ({
    indicator,
    estimate,
    lo: estimate - 0.1,
    hi: estimate + 0.1,
    halfWidth: 0.1,
    status: 'caution',
    n: 1,
    methodVersion: '2.0.0',
    watermark: '42',
  });
  return {
    roundStatus: 'closed',
    clusters,
    census: [
      { institutionId: 'i1', indicator: 'TG', estimate: 0.5 },
      { institutionId: 'i1', indicator: 'PG', estimate: 0.5 },
    ],
    main: [main('I', ((0.5 + tc) / 2 + (0.5 + 0.5) / 2) / 2), main('TC', tc), main('PC', 0.5)],
    population: POPULATION,
    ...overrides,
  };
}

describe('reweightedIndices', () => {
  it('keeps the published value, shows the re-weighted one, the difference and whether it is within the uncertainty', () => {
    // 10 rural of 25 (40 %) against a quarter of the population: re-weighted TC = 0.25.
    const r = reweightedIndices(input({}, [10, 5, 5, 5]));
    expect(r.withheld).toBeNull();
    const tc = r.values.find((v) => v.indicator === 'TC');
    expect(tc).toMatchObject({ main: 0.4, halfWidth: 0.1, status: 'caution', withinUncertainty: false });
    expect(tc?.reweighted).toBeCloseTo(0.25, 12);
    expect(tc?.difference).toBeCloseTo(-0.15, 12);
    expect(r.values.find((v) => v.indicator === 'PC')).toMatchObject({
      reweighted: 0.5,
      difference: 0,
      withinUncertainty: true,
    });
    expect(r).toMatchObject({ methodVersion: '2.0.0', watermark: '42', variable: 'municipalityType', k: 5 });
    expect(JSON.stringify(r)).not.toMatch(/v\d\d/); // no validator id
  });

  it('equals the published value exactly when the respondents mirror the population', () => {
    for (const v of reweightedIndices(input()).values) expect(v.difference).toBe(0);
  });

  it('is withheld while the round is open, without results, when stale, or when strata are small', () => {
    expect(reweightedIndices(input({ roundStatus: 'open' }))).toMatchObject({ withheld: 'round_open', values: [] });
    expect(reweightedIndices(input({ clusters: [] }))).toMatchObject({ withheld: 'no_results' });
    const stale = input();
    stale.main = stale.main.map((m) => (m.indicator === 'TC' ? { ...m, estimate: 0.3 } : m));
    expect(reweightedIndices(stale)).toMatchObject({ withheld: 'results_updating', values: [] });
    const otherMethod = input();
    otherMethod.main = otherMethod.main.map((m) => ({ ...m, methodVersion: '1.0.0' }));
    expect(reweightedIndices(otherMethod)).toMatchObject({ withheld: 'results_updating' });
    const small = reweightedIndices(input({}, [1, 2, 5, 5]));
    expect(small).toMatchObject({ withheld: 'cell_too_small', values: [] });
    expect(small.strata.map((s) => s.cells)).toEqual([['rural', 'small_city'], ['city'], ['metropolis']]);
  });
});
