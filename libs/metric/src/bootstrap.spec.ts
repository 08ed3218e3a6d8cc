import { aggregateArea } from './aggregate';
import { bootstrapAreaSE } from './bootstrap';
import { Indicator } from './indicators';
import { computeInstitution, InstitutionInput } from './institution';
import { pooledVariances, PooledVariances } from './smalln';
import { GenOptions, generateInstitutions } from './test-fixtures';

/**
 * §5: the analytic SE must agree with the seeded reference bootstrap within 10% — on data with the
 * default instrument's skip structure, gated failures, "not yet" reports, one-validator and zero-spread
 * institutions; and, without the small-n rule's assigned variance, with the purely nonparametric
 * bootstrap. Sizes: 45–60 institutions (s² well estimated), 2,000 replicates (Monte-Carlo error of a
 * bootstrap SE ≈ 1/√(2B) ≈ 1.6%).
 */
const plain: GenOptions = { minValidators: 3, maxValidators: 8, skipComponent: 0, secondReport: 0, noSelfReport: 0 };
const instrument: GenOptions = {
  minValidators: 2,
  maxValidators: 8,
  skipComponent: 0,
  secondReport: 0.2,
  noSelfReport: 0,
  instrument: true,
  oneValidator: 0.15,
  zeroSpread: 0.1,
};

function pooledOf(inputs: readonly InstitutionInput[]): PooledVariances {
  return pooledVariances(
    inputs.map((i) => ({ institutionId: i.institutionId, raw: computeInstitution(i).core.citizen })),
  );
}

function analytic(inputs: InstitutionInput[], indicator: Indicator, N: number, pooled: PooledVariances) {
  const members = inputs.map((i) => {
    const r = computeInstitution(i, undefined, pooled);
    return {
      institutionId: r.institutionId,
      municipality: 'm',
      value: r.values[indicator],
      validators: r.validators,
      hasCitizenData: r.values.I !== null,
    };
  });
  return aggregateArea(members, {
    scope: 'municipality',
    scopeKey: 'm',
    indicator,
    universe: N,
    municipalitiesInUniverse: null,
    pooled,
  });
}

/** The analytic SE without the small-n rule: observed spreads only (one validator: no within variance). */
function nonparametricAnalytic(inputs: InstitutionInput[], indicator: Indicator, N: number): number {
  const xs: number[] = [];
  let within = 0;
  for (const i of inputs) {
    const r = computeInstitution(i);
    const v = r.values[indicator];
    if (v === null) continue;
    xs.push(v.estimate);
    const raw = r.core.citizen[indicator];
    if (raw !== undefined && raw.n >= 2 && raw.s2 !== null) within += raw.s2 / raw.n;
  }
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const s2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return Math.sqrt((1 - n / N) * (s2 / n) + within / (n * n));
}

const expectWithin10 = (reference: number | null, value: number | null): void => {
  expect(reference).not.toBeNull();
  expect(value).not.toBeNull();
  const ratio = (reference as number) / (value as number);
  expect(ratio).toBeGreaterThan(0.9);
  expect(ratio).toBeLessThan(1.1);
};

describe('bootstrapAreaSE — the §5 reference', () => {
  it.each<[Indicator, number, number, number]>([
    ['I', 101, 50, 120],
    ['I', 202, 45, 45],
    ['TC', 303, 60, 200],
    ['PC', 404, 48, 70],
    ['T', 505, 50, 90],
    ['P', 606, 55, 80],
  ])(
    'agrees with the analytic SE of %s within 10%% on instrument-shaped data (seed %i, n=%i, N=%i)',
    (indicator, seed, n, N) => {
      const inputs = generateInstitutions(seed, n, instrument);
      const pooled = pooledOf(inputs);
      const row = analytic(inputs, indicator, N, pooled);
      const boot = bootstrapAreaSE(inputs, { indicator, universe: N, seed, pooled });
      expect(boot.estimate).toBe(row.estimate);
      expect(boot.replicates).toBe(2000);
      expectWithin10(boot.se, row.se);
    },
  );

  it('the generated data really has the skip structure, one-validator and zero-spread institutions', () => {
    const inputs = generateInstitutions(101, 50, instrument);
    const results = inputs.map((i) => computeInstitution(i));
    expect(results.some((r) => r.validators === 1)).toBe(true);
    expect(
      results.some((r) => r.core.citizen.TC !== undefined && r.core.citizen.TC.n >= 2 && r.core.citizen.TC.s2 === 0),
    ).toBe(true);
    const gatedFailure = inputs.some((i) =>
      i.citizenReports.some((rep) => rep.answers.some((a) => a.component === 'TC.Clar' && a.score === 0)),
    );
    const notYet = inputs.some((i) =>
      i.citizenReports.some((rep) => !rep.answers.some((a) => a.component.startsWith('TC.'))),
    );
    expect(gatedFailure && notYet).toBe(true);
  });

  it.each<[Indicator, number]>([
    ['I', 707],
    ['TC', 808],
    ['PC', 909],
  ])(
    'without the assigned variance, the observed-spread SE of %s agrees with the nonparametric bootstrap (seed %i)',
    (indicator, seed) => {
      const inputs = generateInstitutions(seed, 50, instrument);
      const boot = bootstrapAreaSE(inputs, { indicator, universe: 110, seed, assignedVariance: false });
      expectWithin10(boot.se, nonparametricAnalytic(inputs, indicator, 110));
    },
  );

  it('agrees with plain generated data and partially answered, clustered reports too', () => {
    for (const [seed, gen] of [
      [11, plain],
      [12, { ...plain, skipComponent: 0.15, secondReport: 0.3 }],
    ] as const) {
      const inputs = generateInstitutions(seed, 50, gen);
      const pooled = pooledOf(inputs);
      const row = analytic(inputs, 'I', 100, pooled);
      expectWithin10(bootstrapAreaSE(inputs, { indicator: 'I', universe: 100, seed: 9, pooled }).se, row.se);
    }
  });

  it('is reproducible from its seed', () => {
    const inputs = generateInstitutions(7, 12, instrument);
    const a = bootstrapAreaSE(inputs, { indicator: 'I', universe: 30, seed: 1, replicates: 200 });
    const b = bootstrapAreaSE([...inputs].reverse(), { indicator: 'I', universe: 30, seed: 1, replicates: 200 });
    expect(b).toEqual(a);
    expect(bootstrapAreaSE(inputs, { indicator: 'I', universe: 30, seed: 2, replicates: 200 }).se).not.toBe(a.se);
  });

  it('n = N removes the between-institution variation; a government census has none at all', () => {
    const inputs = generateInstitutions(8, 40, instrument);
    expect(bootstrapAreaSE(inputs, { indicator: 'TG', universe: 40, seed: 3, replicates: 200 }).se).toBe(0);
    const pooled = pooledOf(inputs);
    const boot = bootstrapAreaSE(inputs, { indicator: 'I', universe: 40, seed: 3, replicates: 2000, pooled });
    expectWithin10(boot.se, analytic(inputs, 'I', 40, pooled).se);
  });

  it('reports nothing to resample when there is nothing', () => {
    expect(bootstrapAreaSE([], { indicator: 'I', universe: 5, seed: 1 })).toMatchObject({
      estimate: null,
      se: null,
      n: 0,
    });
    const one = generateInstitutions(9, 1, plain);
    expect(bootstrapAreaSE(one, { indicator: 'I', universe: 5, seed: 1 }).se).toBeNull();
  });
});
