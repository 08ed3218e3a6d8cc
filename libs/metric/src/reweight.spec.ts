import fc from 'fast-check';
import { aggregateArea } from './aggregate';
import { MetricInputError } from './errors';
import { computeInstitution } from './institution';
import { postStratify, ReweightInstitution, roundCitizenValues } from './reweight';
import { generateInstitutions } from './test-fixtures';

const CELLS = ['rural', 'small_city', 'city', 'metropolis'] as const;
const COLLAPSE = [
  ['rural', 'small_city'],
  ['city', 'metropolis'],
];
const POP = (r: number, s: number, c: number, m: number) =>
  [r, s, c, m].map((population, i) => ({ cell: CELLS[i], population }));

/** `counts[i]` validators declaring CELLS[i], then `undeclared` with null; ids v000, v001, … */
function validators(counts: number[], undeclared = 0): Array<{ validatorId: string; cell: string | null }> {
  const out: Array<{ validatorId: string; cell: string | null }> = [];
  counts.forEach((n, i) => {
    for (let j = 0; j < n; j++) out.push({ validatorId: `v${String(out.length).padStart(3, '0')}`, cell: CELLS[i] });
  });
  for (let j = 0; j < undeclared; j++) out.push({ validatorId: `v${String(out.length).padStart(3, '0')}`, cell: null });
  return out;
}

describe('postStratify', () => {
  it('weighs each declared cell by population share over respondent share; the undeclared keep 1', () => {
    // 10 rural, 10 small city, 20 city, 10 metropolis (D = 50); population 10/20/30/40 %.
    const ps = postStratify({
      population: POP(10, 20, 30, 40),
      collapse: COLLAPSE,
      validators: [...validators([10, 10, 20, 10], 3), { validatorId: 'x', cell: 'prefer_not_to_say' }],
    });
    expect(ps.withheld).toBeNull();
    expect(ps.declared).toBe(50);
    expect(ps.strata.map((s) => [s.cells, s.weight])).toEqual([
      [['rural'], 0.1 / (10 / 50)],
      [['small_city'], 0.2 / (10 / 50)],
      [['city'], 0.3 / (20 / 50)],
      [['metropolis'], 0.4 / (10 / 50)],
    ]);
    expect(ps.weightOf('v000')).toBeCloseTo(0.5, 15);
    expect(ps.weightOf('v045')).toBeCloseTo(2, 15);
    expect(ps.weightOf('v050')).toBe(1); // undeclared
    expect(ps.weightOf('x')).toBe(1); // "prefer not to say" is not a cell of the reference
    expect(ps.weightOf('nobody')).toBe(1);
  });

  it('merges a small cell with its neighbour, and withholds when a populated stratum is still small', () => {
    const merged = postStratify({
      population: POP(1, 1, 1, 1),
      collapse: COLLAPSE,
      validators: validators([2, 6, 5, 5]),
    });
    expect(merged.withheld).toBeNull();
    expect(merged.strata.map((s) => s.cells)).toEqual([['rural', 'small_city'], ['city'], ['metropolis']]);
    // Both cells of the merged stratum get its weight: P = 1/2 over R = 8/18.
    expect(merged.weightOf('v000')).toBe(0.5 / (8 / 18));
    expect(merged.weightOf('v002')).toBe(0.5 / (8 / 18));

    const stillSmall = postStratify({
      population: POP(1, 1, 1, 1),
      collapse: COLLAPSE,
      validators: validators([1, 2, 5, 5]),
    });
    expect(stillSmall.withheld).toBe('cell_too_small');
    const empty = postStratify({
      population: POP(1, 1, 1, 1),
      collapse: COLLAPSE,
      validators: validators([0, 0, 9, 9]),
    });
    expect(empty.withheld).toBe('cell_too_small');
    const few = postStratify({
      population: POP(1, 1, 1, 1),
      collapse: COLLAPSE,
      validators: validators([1, 1, 1, 1], 20),
    });
    expect(few.withheld).toBe('too_few_declared');
    // A cell nobody lives in needs no respondents.
    const unpopulated = postStratify({
      population: POP(0, 1, 1, 1),
      collapse: [],
      validators: validators([0, 5, 5, 5]),
    });
    expect(unpopulated.withheld).toBeNull();
    const respondentsWithoutPopulation = postStratify({
      population: POP(0, 1, 1, 1),
      collapse: [],
      validators: validators([5, 5, 5, 5]),
    });
    expect(respondentsWithoutPopulation.withheld).toBe('cell_without_population');
  });

  it('rejects inputs that cannot be right', () => {
    expect(() =>
      postStratify({
        population: POP(1, 1, 1, 1),
        collapse: COLLAPSE,
        validators: [
          { validatorId: 'a', cell: 'city' },
          { validatorId: 'a', cell: 'rural' },
        ],
      }),
    ).toThrow(MetricInputError);
    expect(() => postStratify({ population: POP(0, 0, 0, 0), collapse: [], validators: [] })).toThrow(RangeError);
    expect(() => postStratify({ population: POP(1, 1, 1, 1), collapse: [['rural', 'x']], validators: [] })).toThrow(
      RangeError,
    );
  });
});

describe('roundCitizenValues', () => {
  // Hand-worked: two institutions. A: TG 0.6, PG 0.4; validators a (TC 1, PC 0.5) and b (TC 0, PC null).
  // B: no self-report; validator a (TC 0.5, PC 1).
  const institutions: ReweightInstitution[] = [
    {
      institutionId: 'A',
      tg: 0.6,
      pg: 0.4,
      clusters: [
        { validatorId: 'a', tc: 1, pc: 0.5 },
        { validatorId: 'b', tc: 0, pc: null },
      ],
    },
    { institutionId: 'B', tg: null, pg: null, clusters: [{ validatorId: 'a', tc: 0.5, pc: 1 }] },
  ];

  it('is the published aggregation with weights 1', () => {
    const v = roundCitizenValues(institutions, () => 1);
    // TC_A = 0.5, TC_B = 0.5; PC_A = 0.5, PC_B = 1; I_A = ((0.6 + 0.5)/2 + (0.4 + 0.5)/2)/2 = 0.5.
    expect(v).toEqual({ TC: { estimate: 0.5, n: 2 }, PC: { estimate: 0.75, n: 2 }, I: { estimate: 0.5, n: 1 } });
  });

  it('uses weighted means inside institutions, then the plain mean over institutions', () => {
    const v = roundCitizenValues(institutions, (id) => (id === 'a' ? 3 : 1));
    // TC_A = (3·1 + 1·0)/4 = 0.75; TC_B = 0.5 → 0.625. PC unchanged (one cluster each). I_A = ((0.6+0.75)/2 + 0.45)/2.
    expect(v.TC).toEqual({ estimate: 0.625, n: 2 });
    expect(v.PC).toEqual({ estimate: 0.75, n: 2 });
    expect(v.I.estimate).toBe(((0.6 + 0.75) / 2 + (0.4 + 0.5) / 2) / 2);
  });

  it('has no value without institutions, and rejects duplicates', () => {
    expect(roundCitizenValues([], () => 1).I).toEqual({ estimate: null, n: 0 });
    expect(() => roundCitizenValues([institutions[0], institutions[0]], () => 1)).toThrow(MetricInputError);
  });
});

describe('re-weighting properties', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  /** A round: validators with cells (some undeclared), institutions with clusters drawn from them. */
  const round = fc
    .record({
      validators: fc.array(fc.constantFrom<string | null>(...CELLS, null, 'prefer_not_to_say'), {
        minLength: 1,
        maxLength: 60,
      }),
      institutions: fc.array(
        fc.record({
          tg: fc.option(unit, { nil: null }),
          pg: fc.option(unit, { nil: null }),
          members: fc.array(
            fc.record({ pick: fc.nat(), tc: fc.option(unit, { nil: null }), pc: fc.option(unit, { nil: null }) }),
            {
              maxLength: 8,
            },
          ),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      population: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ validators: cells, institutions: insts, population }) => {
      const vs = cells.map((cell, i) => ({ validatorId: `v${String(i).padStart(3, '0')}`, cell }));
      const institutions: ReweightInstitution[] = insts.map((inst, i) => {
        const seen = new Set<string>();
        const clusters = inst.members.flatMap((m) => {
          const id = vs[m.pick % vs.length].validatorId;
          if (seen.has(id)) return [];
          seen.add(id);
          return [{ validatorId: id, tc: m.tc, pc: m.pc }];
        });
        return { institutionId: `i${i}`, tg: inst.tg, pg: inst.pg, clusters };
      });
      return {
        validators: vs,
        institutions,
        population: POP(population[0], population[1], population[2], population[3]),
      };
    });

  it('equals the published value bit for bit when respondent shares equal population shares', () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 1, max: 1000 }), ({ validators: vs, institutions }, scale) => {
        // The population proportional to the declared counts: P_c and R_c are the same rational, the same double.
        const counts = CELLS.map((c) => vs.filter((v) => v.cell === c).length);
        const ps = postStratify({
          population: POP(
            counts[0] * scale,
            counts[1] * scale,
            counts[2] * scale,
            counts[3] * scale + (counts.every((n) => n === 0) ? 1 : 0),
          ),
          collapse: COLLAPSE,
          validators: vs,
          k: 1,
        });
        for (const v of vs) expect(ps.weightOf(v.validatorId)).toBe(1);
        expect(roundCitizenValues(institutions, ps.weightOf)).toEqual(roundCitizenValues(institutions, () => 1));
      }),
      { numRuns: 200 },
    );
  });

  it('gives positive weights, keeps the declared total, and stays in [0, 1]', () => {
    fc.assert(
      fc.property(round, ({ validators: vs, institutions, population }) => {
        const ps = postStratify({ population, collapse: COLLAPSE, validators: vs, k: 1 });
        let declaredWeight = 0;
        for (const v of vs) {
          const w = ps.weightOf(v.validatorId);
          expect(w > 0 && Number.isFinite(w)).toBe(true);
          if (v.cell !== null && v.cell !== 'prefer_not_to_say') declaredWeight += w;
        }
        if (ps.withheld === null) expect(Math.abs(declaredWeight - ps.declared)).toBeLessThan(1e-9 * (1 + ps.declared));
        const r = roundCitizenValues(institutions, ps.weightOf);
        for (const code of ['TC', 'PC', 'I'] as const) {
          const e = r[code].estimate;
          if (e !== null) expect(e >= 0 && e <= 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of validators, institutions or clusters', () => {
    fc.assert(
      fc.property(round, fc.integer(), ({ validators: vs, institutions, population }, salt) => {
        const shuffle = <T>(xs: readonly T[]): T[] =>
          xs
            .map((x, i) => ({ x, key: Math.sin(i * 12.9898 + salt) }))
            .sort((a, b) => a.key - b.key)
            .map((p) => p.x);
        const a = postStratify({ population, collapse: COLLAPSE, validators: vs });
        const b = postStratify({ population, collapse: [...COLLAPSE].reverse(), validators: shuffle(vs) });
        expect(b.withheld).toBe(a.withheld);
        expect(b.strata).toEqual(a.strata);
        const permuted = shuffle(institutions).map((i) => ({ ...i, clusters: shuffle(i.clusters) }));
        expect(roundCitizenValues(permuted, b.weightOf)).toEqual(roundCitizenValues(institutions, a.weightOf));
      }),
      { numRuns: 200 },
    );
  });
});

describe('re-weighting against the engine', () => {
  it('with weights 1, reproduces the national unweighted TC, PC and I of computeInstitution + aggregateArea bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (s) => {
        const results = generateInstitutions(s, 12).map((input) => computeInstitution(input));
        const inputs: ReweightInstitution[] = results.map((r) => {
          const tc = new Map(r.clusters.TC.map((c) => [c.clusterId, c.value]));
          const pc = new Map(r.clusters.PC.map((c) => [c.clusterId, c.value]));
          const ids = [...new Set([...tc.keys(), ...pc.keys()])];
          return {
            institutionId: r.institutionId,
            tg: r.core.census.TG?.estimate ?? null,
            pg: r.core.census.PG?.estimate ?? null,
            clusters: ids.map((validatorId) => ({
              validatorId,
              tc: tc.get(validatorId) ?? null,
              pc: pc.get(validatorId) ?? null,
            })),
          };
        });
        const mine = roundCitizenValues(inputs, () => 1);
        for (const code of ['TC', 'PC', 'I'] as const) {
          const row = aggregateArea(
            results.map((r) => ({
              institutionId: r.institutionId,
              municipality: 'm',
              value: r.values[code],
              validators: r.validators,
              hasCitizenData: r.values.I !== null,
            })),
            {
              scope: 'national',
              scopeKey: 'national',
              indicator: code,
              universe: 40,
              municipalitiesInUniverse: 10,
            },
          );
          expect(mine[code].estimate).toBe(row.estimate);
        }
      }),
      { numRuns: 25 },
    );
  });
});
