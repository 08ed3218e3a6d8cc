import { aggregateArea } from './aggregate';
import { bootstrapAreaSE } from './bootstrap';
import { Indicator } from './indicators';
import { computeInstitution, InstitutionInput } from './institution';
import { generateInstitutions } from './test-fixtures';

/**
 * §5: the analytic SE must agree with the seeded bootstrap within 10%. Sizes are chosen where both
 * are sound: 45–60 institutions (so s² is well estimated), 3–8 validators each (every institution
 * resampleable), 2,000 replicates (Monte-Carlo error of a bootstrap SE ≈ 1/√(2B) ≈ 1.6%).
 */
const gen = { minValidators: 3, maxValidators: 8, skipComponent: 0, secondReport: 0, noSelfReport: 0 };

function analytic(inputs: InstitutionInput[], indicator: Indicator, N: number) {
  const members = inputs.map((i) => {
    const r = computeInstitution(i);
    return { institutionId: r.institutionId, municipality: 'm', value: r.values[indicator], validators: r.validators, hasCitizenData: r.values.I !== null };
  });
  return aggregateArea(members, { scope: 'municipality', scopeKey: 'm', indicator, universe: N, municipalitiesInUniverse: null });
}

describe('bootstrapAreaSE', () => {
  it.each<[Indicator, number, number, number]>([
    ['I', 101, 50, 120],
    ['I', 202, 45, 45],
    ['TC', 303, 60, 200],
    ['PC', 404, 48, 70],
    ['TG', 505, 50, 90],
  ])('agrees with the analytic SE of %s within 10%% (seed %i, n=%i, N=%i)', (indicator, seed, n, N) => {
    const inputs = generateInstitutions(seed, n, gen);
    const row = analytic(inputs, indicator, N);
    const boot = bootstrapAreaSE(inputs, { indicator, universe: N, seed });
    expect(boot.estimate).toBe(row.estimate);
    expect(boot.replicates).toBe(2000);
    expect(row.se).not.toBeNull();
    const ratio = (boot.se as number) / (row.se as number);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });

  it('agrees with partially answered reports too (renormalised sub-indices, clustered reports)', () => {
    const inputs = generateInstitutions(606, 50, { ...gen, skipComponent: 0.15, secondReport: 0.3 });
    const row = analytic(inputs, 'I', 100);
    const boot = bootstrapAreaSE(inputs, { indicator: 'I', universe: 100, seed: 9 });
    const ratio = (boot.se as number) / (row.se as number);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });

  it('is reproducible from its seed', () => {
    const inputs = generateInstitutions(7, 12, gen);
    const a = bootstrapAreaSE(inputs, { indicator: 'I', universe: 30, seed: 1, replicates: 200 });
    const b = bootstrapAreaSE([...inputs].reverse(), { indicator: 'I', universe: 30, seed: 1, replicates: 200 });
    expect(b).toEqual(a);
    expect(bootstrapAreaSE(inputs, { indicator: 'I', universe: 30, seed: 2, replicates: 200 }).se).not.toBe(a.se);
  });

  it('n = N removes the between-institution variation; a government census has none at all', () => {
    const inputs = generateInstitutions(8, 10, gen);
    expect(bootstrapAreaSE(inputs, { indicator: 'TG', universe: 10, seed: 3, replicates: 200 }).se).toBe(0);
    const boot = bootstrapAreaSE(inputs, { indicator: 'I', universe: 10, seed: 3, replicates: 2000 });
    const row = analytic(inputs, 'I', 10);
    expect((boot.se as number) / (row.se as number)).toBeGreaterThan(0.9);
    expect((boot.se as number) / (row.se as number)).toBeLessThan(1.1);
  });

  it('reports nothing to resample when there is nothing', () => {
    expect(bootstrapAreaSE([], { indicator: 'I', universe: 5, seed: 1 })).toMatchObject({ estimate: null, se: null, n: 0 });
    const one = generateInstitutions(9, 1, gen);
    expect(bootstrapAreaSE(one, { indicator: 'I', universe: 5, seed: 1 }).se).toBeNull();
  });
});
