/**
 * Reproduces the Métrica de Gobierno Abierto's published aggregation (METHOD.md §1, §3.5, §4) on
 * a fixture of our own: I = (TG + TC + PG + PC)/4 per subject, and a state's value is the plain,
 * unweighted mean of its obliged subjects (not of its municipalities, not population-weighted).
 */
import { AggregationUniverse, computeAggregates, InstitutionPlacement } from './aggregate';
import { Indicator } from './indicators';
import { computeInstitution } from './institution';
import { generateInstitutions } from './test-fixtures';

const inputs = generateInstitutions(2017, 18, {
  minValidators: 2,
  maxValidators: 6,
  skipComponent: 0,
  secondReport: 0,
  noSelfReport: 0,
});
const municipalities = ['01001', '01002', '01005', '02001', '02004'];
const placements: InstitutionPlacement[] = inputs.map((input, i) => {
  const cvegeo = municipalities[i % municipalities.length];
  return {
    result: computeInstitution(input),
    cvegeo,
    cveEnt: cvegeo.slice(0, 2),
    level: 'municipal',
    type: 'ayuntamiento',
  };
});
const tally = (key: (p: InstitutionPlacement) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of placements) out[key(p)] = (out[key(p)] ?? 0) + 1;
  return out;
};
const universe: AggregationUniverse = {
  institutionsPerMunicipality: tally((p) => p.cvegeo),
  institutionsPerState: tally((p) => p.cveEnt),
  institutionsPerLevel: { municipal: 18 },
  institutionsPerType: { ayuntamiento: 18 },
  total: 18,
  municipalitiesPerState: { '01': 3, '02': 2 },
  municipalitiesPerLevel: { municipal: 5 },
  municipalitiesPerType: { ayuntamiento: 5 },
  totalMunicipalities: 5,
  population: { '01001': 948990, '01002': 51536, '01005': 555, '02001': 100000, '02004': 2000 },
};
const rows = computeAggregates(placements, universe);
const value = (scope: string, key: string, indicator: Indicator, aggregation = 'unweighted') =>
  rows.find(
    (r) => r.scope === scope && r.scopeKey === key && r.indicator === indicator && r.aggregation === aggregation,
  )?.estimate;

describe("the Métrica's published aggregation", () => {
  it('every subject has all four sub-indices in this fixture', () => {
    expect(placements.every((p) => p.result.values.I !== null)).toBe(true);
  });

  it.each(placements.map((p) => [p.result.institutionId, p] as const))('%s: I = (TG + TC + PG + PC)/4', (_id, p) => {
    const v = p.result.values;
    const four = ((v.TG?.estimate ?? 0) + (v.TC?.estimate ?? 0) + (v.PG?.estimate ?? 0) + (v.PC?.estimate ?? 0)) / 4;
    expect(v.I?.estimate).toBeCloseTo(four, 14);
    expect(v.T?.estimate).toBeCloseTo(((v.TG?.estimate ?? 0) + (v.TC?.estimate ?? 0)) / 2, 14);
  });

  it.each(['01', '02'])('state %s = unweighted mean of its subjects, for I and each sub-index', (state) => {
    const members = placements.filter((p) => p.cveEnt === state);
    for (const indicator of ['I', 'T', 'P', 'TG', 'TC', 'PG', 'PC'] as const) {
      const xs = [...members]
        .sort((a, b) => (a.result.institutionId < b.result.institutionId ? -1 : 1))
        .map((p) => p.result.values[indicator]?.estimate ?? NaN);
      // Summed by id, divided by n: bit-identical to a reader re-adding the published values.
      expect(value('state', state, indicator)).toBe(xs.reduce((s, x) => s + x, 0) / xs.length);
    }
  });

  it('the state I equals the mean of its four averaged sub-indices (linearity of the Métrica)', () => {
    for (const state of ['01', '02']) {
      const four = ['TG', 'TC', 'PG', 'PC'].map((k) => value('state', state, k as Indicator) ?? NaN);
      expect(value('state', state, 'I')).toBeCloseTo((four[0] + four[1] + four[2] + four[3]) / 4, 14);
    }
  });

  it('the extra means differ from the Métrica value and are labelled', () => {
    const plain = value('state', '01', 'I');
    const ofMunicipalities = value('state', '01', 'I', 'mean_of_municipalities');
    const byPopulation = value('state', '01', 'I', 'population_weighted');
    expect(ofMunicipalities).not.toBeUndefined();
    expect(byPopulation).not.toBeUndefined();
    const municipal = ['01001', '01002', '01005'].map((m) => value('municipality', m, 'I') ?? NaN);
    expect(ofMunicipalities).toBeCloseTo((municipal[0] + municipal[1] + municipal[2]) / 3, 14);
    expect(byPopulation).toBeCloseTo(
      (municipal[0] * 948990 + municipal[1] * 51536 + municipal[2] * 555) / (948990 + 51536 + 555),
      14,
    );
    expect(plain).not.toBe(byPopulation);
  });
});
