/**
 * Property tests (fast-check). Runs are kept modest: each run computes whole institutions or a
 * whole small round. Inputs come from seeds (test-fixtures.ts), so a counterexample is one integer.
 */
import fc from 'fast-check';
import {
  aggregateArea,
  AggregateRow,
  aggregateRowKey,
  AggregationUniverse,
  computeAggregates,
  computeMunicipalityAggregates,
  InstitutionPlacement,
} from './aggregate';
import { Estimate } from './estimate';
import { INDICATORS } from './indicators';
import { computeInstitution, InstitutionInput, InstitutionResult } from './institution';
import { mulberry32, randomIndex } from './rng';
import { estimateOf, generateInstitution, generateInstitutions, permuteInstitution, shuffle } from './test-fixtures';

const seed = fc.integer({ min: 0, max: 0x7fffffff });
const RUNS = { numRuns: 100 };
const ROUND_RUNS = { numRuns: 25 };

function estimatesOf(r: InstitutionResult): Estimate[] {
  const out: Estimate[] = [];
  for (const k of INDICATORS) {
    const v = r.values[k];
    if (v !== null) out.push(v);
  }
  for (const c of r.citizenComponents) out.push(c.value);
  return out;
}

type Interval = {
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  se: number | null;
  cv: number | null;
  halfWidth: number | null;
};

/** Violations of [0,1] bounds, as strings (one `expect` per run keeps the runs fast). */
function outOfBounds(e: Interval, label: string): string[] {
  const bad: string[] = [];
  if (e.estimate === null) return bad;
  if (!(e.estimate >= 0 && e.estimate <= 1)) bad.push(`${label}: estimate ${e.estimate}`);
  if (e.lo !== null && e.hi !== null && !(e.lo >= 0 && e.hi <= 1 && e.lo <= e.estimate && e.estimate <= e.hi)) {
    bad.push(`${label}: interval [${e.lo}, ${e.hi}] around ${e.estimate}`);
  }
  for (const [k, v] of [
    ['se', e.se],
    ['cv', e.cv],
    ['halfWidth', e.halfWidth],
  ] as const) {
    if (v !== null && !(v >= 0)) bad.push(`${label}: ${k} ${v}`);
  }
  return bad;
}

/** Paths holding something JSON cannot carry faithfully: NaN, ±Infinity, undefined, functions, class instances. */
function nonJson(x: unknown, path = '$'): string[] {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return [];
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${path}=${x}`];
  if (Array.isArray(x)) return x.flatMap((v, i) => nonJson(v, `${path}[${i}]`));
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.entries(x).flatMap(([k, v]) => nonJson(v, `${path}.${k}`));
  }
  return [`${path} is ${typeof x}`];
}

function generateRound(s: number): {
  placements: InstitutionPlacement[];
  universe: AggregationUniverse;
  inputs: InstitutionInput[];
} {
  const rng = mulberry32(s);
  const municipalities = ['01001', '01002', '01003', '02001', '02002'];
  const levels = ['federal', 'estatal', 'municipal'];
  const types = ['ayuntamiento', 'autónomo'];
  const n = 6 + randomIndex(rng, 15);
  const inputs = generateInstitutions(s ^ 0x5bd1e995, n);
  const placements = inputs.map((input) => {
    const cvegeo = municipalities[randomIndex(rng, municipalities.length)];
    return {
      result: computeInstitution(input),
      cvegeo,
      cveEnt: cvegeo.slice(0, 2),
      level: levels[randomIndex(rng, 3)],
      type: types[randomIndex(rng, 2)],
    };
  });
  const count = (f: (p: InstitutionPlacement) => string, keys: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = randomIndex(rng, 3) + 1;
    for (const p of placements) out[f(p)] += 1;
    return out;
  };
  const distinctMunicipalities = (f: (p: InstitutionPlacement) => string, keys: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = Math.max(1, new Set(placements.filter((p) => f(p) === k).map((p) => p.cvegeo)).size);
    return out;
  };
  const perMunicipality = count((p) => p.cvegeo, municipalities);
  const perState = {
    '01': perMunicipality['01001'] + perMunicipality['01002'] + perMunicipality['01003'],
    '02': perMunicipality['02001'] + perMunicipality['02002'],
  };
  const perLevel = count((p) => p.level, levels);
  const perType = count((p) => p.type, types);
  const universe: AggregationUniverse = {
    institutionsPerMunicipality: perMunicipality,
    institutionsPerState: perState,
    institutionsPerLevel: perLevel,
    institutionsPerType: perType,
    total: perState['01'] + perState['02'],
    municipalitiesPerState: { '01': 3, '02': 2 },
    municipalitiesPerLevel: distinctMunicipalities((p) => p.level, levels),
    municipalitiesPerType: distinctMunicipalities((p) => p.type, types),
    totalMunicipalities: 5,
    population: {
      '01001': 1000 + randomIndex(rng, 100000),
      '01002': 5000,
      '01003': 70000,
      '02001': 300,
      '02002': 12000,
    },
  };
  // Universe counts must cover the level/type groups, which count() guarantees; totals stay consistent.
  return { placements, universe, inputs };
}

function permuteRecord<V>(record: Record<string, V>, rng: () => number): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of shuffle(Object.keys(record), rng)) out[k] = record[k];
  return out;
}

describe('properties of computeInstitution', () => {
  it('every estimate and interval lies in [0,1]; results are plain JSON', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const r = computeInstitution(generateInstitution(mulberry32(s), 'x'));
        const bad = estimatesOf(r).flatMap((e, i) => outOfBounds(e, `estimate ${i}`));
        for (const i of r.items)
          if (!(i.validatedScore >= 0 && i.validatedScore <= i.score)) bad.push(`item ${i.name}`);
        if (r.values.DELTA_G !== null && !(r.values.DELTA_G.estimate >= 0)) bad.push('ΔG < 0');
        expect([...bad, ...nonJson(r)]).toEqual([]);
      }),
      RUNS,
    );
  });

  it('I is the mean of the four sub-indices', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const v = computeInstitution(generateInstitution(mulberry32(s), 'x')).values;
        if (v.I === null) return;
        const four =
          ((v.TG?.estimate ?? NaN) + (v.TC?.estimate ?? NaN) + (v.PG?.estimate ?? NaN) + (v.PC?.estimate ?? NaN)) / 4;
        expect(Math.abs(v.I.estimate - four)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });

  it('permuting the inputs changes nothing, bit for bit', () => {
    fc.assert(
      fc.property(seed, seed, (s, p) => {
        const input = generateInstitution(mulberry32(s), 'x', {
          minValidators: 0,
          maxValidators: 7,
          skipComponent: 0.2,
          secondReport: 0.3,
          noSelfReport: 0.05,
        });
        const a = computeInstitution(input);
        const b = computeInstitution(permuteInstitution(input, mulberry32(p)));
        // toEqual compares numbers with Object.is (bit-identical, even ±0); the JSON text adds key order.
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it('adding a confirmation never lowers a validated score', () => {
    fc.assert(
      fc.property(seed, fc.nat(), (s, pick) => {
        const input = generateInstitution(mulberry32(s), 'x');
        const verifiable = (input.selfReport ?? []).filter((a) => a.verifiable);
        if (verifiable.length === 0) return;
        const name = verifiable[pick % verifiable.length].name;
        const old = input.verifications[name] ?? { confirmed: 0, refuted: 0 };
        const more = {
          ...input,
          verifications: { ...input.verifications, [name]: { confirmed: old.confirmed + 1, refuted: old.refuted } },
        };
        const a = computeInstitution(input);
        const b = computeInstitution(more);
        a.items.forEach((item, i) => expect(b.items[i].validatedScore).toBeGreaterThanOrEqual(item.validatedScore));
        a.governmentComponents.forEach((c, i) =>
          expect(b.governmentComponents[i].validated).toBeGreaterThanOrEqual(c.validated),
        );
        for (const k of ['TG', 'PG', 'I_G', 'T', 'P', 'I'] as const) {
          const before = a.values[k];
          const after = b.values[k];
          if (before !== null && after !== null) expect(after.estimate).toBeGreaterThanOrEqual(before.estimate);
        }
        if (a.values.DELTA_G !== null && b.values.DELTA_G !== null) {
          expect(b.values.DELTA_G.estimate).toBeLessThanOrEqual(a.values.DELTA_G.estimate);
        }
      }),
      RUNS,
    );
  });
});

describe('properties of the aggregates', () => {
  it('every row lies in [0,1], is plain JSON, and does not depend on input order', () => {
    fc.assert(
      fc.property(seed, seed, (s, p) => {
        const { placements, universe } = generateRound(s);
        const rows = computeAggregates(placements, universe);
        const bad = rows.flatMap((r) => outOfBounds(r, `${r.scope} ${r.scopeKey} ${r.aggregation} ${r.indicator}`));
        expect([...bad, ...nonJson(rows)]).toEqual([]);
        const rng = mulberry32(p);
        const permutedUniverse: AggregationUniverse = {
          ...universe,
          institutionsPerMunicipality: permuteRecord(universe.institutionsPerMunicipality, rng),
          institutionsPerLevel: permuteRecord(universe.institutionsPerLevel, rng),
          population: permuteRecord(universe.population, rng),
        };
        const again = computeAggregates(shuffle(placements, rng), permutedUniverse);
        // Same JSON text = same keys in the same order and the same numbers to the last bit.
        expect(JSON.stringify(again)).toBe(JSON.stringify(rows));
      }),
      ROUND_RUNS,
    );
  });

  it('reusing the rows of untouched areas gives what computing every area gives, bit for bit', () => {
    fc.assert(
      fc.property(seed, seed, fc.integer({ min: 0, max: 6 }), (s, p, changes) => {
        const { placements, universe } = generateRound(s);
        const before = computeAggregates(placements, universe);
        // Some institutions' results change (a write each); the areas they belong to are the touched ones.
        const rng = mulberry32(p);
        const after = [...placements];
        const touched = {
          municipality: new Set<string>(),
          state: new Set<string>(),
          level: new Set<string>(),
          type: new Set<string>(),
        };
        for (let k = 0; k < changes; k++) {
          const i = randomIndex(rng, after.length);
          const pl = after[i];
          after[i] = { ...pl, result: computeInstitution(generateInstitution(rng, pl.result.institutionId)) };
          touched.municipality.add(pl.cvegeo);
          touched.state.add(pl.cveEnt);
          touched.level.add(pl.level);
          touched.type.add(pl.type);
        }
        const previous = new Map(before.map((r) => [aggregateRowKey(r), r]));
        const reused = computeAggregates(after, universe, undefined, undefined, null, { touched, previous });
        expect(JSON.stringify(reused)).toBe(JSON.stringify(computeAggregates(after, universe)));
        // And untouched areas really are taken over, not computed again.
        const kept = reused.filter((r) => previous.get(aggregateRowKey(r)) === r);
        const untouched = reused.filter((r) => r.scope !== 'national' && !touched[r.scope].has(r.scopeKey));
        expect(kept.length).toBe(untouched.length);
      }),
      ROUND_RUNS,
    );
  });

  it('the rows of chosen municipalities, from their members alone, are those computeAggregates gives', () => {
    fc.assert(
      fc.property(seed, seed, fc.boolean(), (s, p, withPool) => {
        const { placements, universe } = generateRound(s);
        const rng = mulberry32(p);
        const pooled = withPool ? { I: 0.04, T: 0.03, P: 0.05, TC: 0.06, PC: 0.07 } : null;
        const all = computeAggregates(placements, universe, undefined, undefined, pooled);
        const keys = Object.keys(universe.institutionsPerMunicipality);
        const chosen = new Set(keys.filter(() => rng() < 0.4));
        const members = shuffle(
          placements.filter((pl) => chosen.has(pl.cvegeo)),
          rng,
        );
        // A key outside the universe has no rows.
        const rows = computeMunicipalityAggregates(
          members,
          universe,
          [...chosen, 'not-a-municipality'],
          undefined,
          undefined,
          pooled,
        );
        const expected = all.filter((r) => r.scope === 'municipality' && chosen.has(r.scopeKey));
        expect(JSON.stringify(rows)).toBe(JSON.stringify(expected));
      }),
      ROUND_RUNS,
    );
  });

  it('institution results feed the aggregates identically whatever the order of their own inputs', () => {
    fc.assert(
      fc.property(seed, seed, (s, p) => {
        const { placements, universe, inputs } = generateRound(s);
        const rng = mulberry32(p);
        const permuted = placements.map((pl, i) => ({
          ...pl,
          result: computeInstitution(permuteInstitution(inputs[i], rng)),
        }));
        expect(JSON.stringify(computeAggregates(permuted, universe))).toBe(
          JSON.stringify(computeAggregates(placements, universe)),
        );
      }),
      { numRuns: 8 },
    );
  });

  const memberArb = fc.record({
    x: fc.double({ min: 0, max: 1, noNaN: true }),
    se: fc.double({ min: 0, max: 0.3, noNaN: true }),
    validators: fc.integer({ min: 2, max: 12 }),
  });

  it('n = N gives a zero between-institution term', () => {
    fc.assert(
      fc.property(
        fc.array(memberArb, { minLength: 2, maxLength: 25 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (ms, shift) => {
          const build = (xs: number[]) =>
            aggregateArea(
              ms.map((m, i) => ({
                institutionId: `i${String(i).padStart(2, '0')}`,
                municipality: 'm',
                value: estimateOf(xs[i], m.se, m.validators),
                validators: m.validators,
                hasCitizenData: true,
              })),
              {
                scope: 'municipality',
                scopeKey: 'm',
                indicator: 'I',
                universe: ms.length,
                municipalitiesInUniverse: null,
              },
            );
          const row = build(ms.map((m) => m.x));
          // Moving the values apart or together leaves the SE untouched: only the within term remains.
          const moved = build(ms.map((m, i) => Math.min(1, Math.max(0, m.x + (i % 2 === 0 ? shift : -shift) / 3))));
          expect(moved.se).toBe(row.se);
          const within = Math.sqrt(ms.reduce((acc, m) => acc + m.se * m.se, 0)) / ms.length;
          expect(Math.abs((row.se as number) - within)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a state with citizen data in 18 of its 125 municipalities is inconclusive whatever its interval', () => {
    fc.assert(
      fc.property(
        fc.array(memberArb, { minLength: 18, maxLength: 80 }),
        fc.integer({ min: 0, max: 200 }),
        (ms, extra) => {
          const members = ms.map((m, i) => ({
            institutionId: `i${String(i).padStart(3, '0')}`,
            municipality: `15${String(i % 18).padStart(3, '0')}`,
            value: estimateOf(m.x, m.se / 100, m.validators),
            validators: m.validators,
            hasCitizenData: true,
          }));
          const row: AggregateRow = aggregateArea(members, {
            scope: 'state',
            scopeKey: '15',
            indicator: 'I',
            universe: ms.length + extra,
            municipalitiesInUniverse: 125,
          });
          expect(row.coverage.municipalitiesWithData).toBe(18);
          expect(row.status).toBe('inconclusive');
          expect(row.reasons).toContain('below_minimum');
        },
      ),
      { numRuns: 100 },
    );
  });
});
