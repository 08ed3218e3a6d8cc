import fc from 'fast-check';
import { checkDesign, normaliseDesign, universeCounts, type DesignCatalogue } from './round-design';

const catalogue: DesignCatalogue = {
  states: new Set(['09', '14', '15', '19']),
  municipalities: new Map([
    ['15106', '15'],
    ['15057', '15'],
    ['15001', '15'],
    ['14039', '14'],
    ['14120', '14'],
    ['09002', '09'],
  ]),
};
// Edomex: 3 in Toluca, 1 in Naucalpan; Jalisco: 2 in Guadalajara.
const universe = universeCounts([
  { cveEnt: '15', cvegeo: '15106', n: 3 },
  { cveEnt: '15', cvegeo: '15057', n: 1 },
  { cveEnt: '14', cvegeo: '14039', n: 2 },
]);
const st = (...pairs: Array<[string, number]>) => pairs.map(([cveEnt, population]) => ({ cveEnt, population }));
const paths = (d: Parameters<typeof checkDesign>[0]) => checkDesign(d, universe, catalogue).map((p) => p.path);

describe('checkDesign', () => {
  it('accepts a census and a complete sample', () => {
    expect(checkDesign({ kind: 'census' }, universe, catalogue)).toEqual([]);
    const sample = {
      kind: 'sample' as const,
      states: st(['15', 300], ['14', 2]),
      municipalities: [{ cvegeo: '15106', population: 12 }],
    };
    expect(checkDesign(sample, universe, catalogue)).toEqual([]);
  });

  it('refuses populations on a census and an empty sample', () => {
    expect(paths({ kind: 'census', states: [{ cveEnt: '15', population: 4 }] })).toEqual(['design.states']);
    expect(paths({ kind: 'sample' })).toEqual(['design.states']);
    expect(paths({ kind: 'sample', states: [] })).toEqual(['design.states']);
  });

  it('names the offending row: below the universe count, duplicate, unknown, missing', () => {
    expect(
      paths({
        kind: 'sample',
        states: st(['15', 3], ['15', 400]),
      }),
    ).toEqual(['design.states[0].population', 'design.states[1].cveEnt', 'design.states']);
    expect(
      paths({
        kind: 'sample',
        states: st(['15', 4], ['14', 2], ['19', 9], ['99', 9]),
      }),
    ).toEqual(['design.states[2].cveEnt', 'design.states[3].cveEnt']);
    const missing = checkDesign({ kind: 'sample', states: [{ cveEnt: '15', population: 4 }] }, universe, catalogue);
    expect(missing).toEqual([
      expect.objectContaining({
        path: 'design.states',
        es: expect.stringContaining('14'),
        en: expect.stringContaining('state 14'),
      }),
    ]);
  });

  it('checks municipalities: in the universe, at least its count, not above their state together', () => {
    const states = st(['15', 10], ['14', 2]);
    expect(paths({ kind: 'sample', states, municipalities: [{ cvegeo: '15106', population: 2 }] })).toEqual([
      'design.municipalities[0].population',
    ]);
    expect(paths({ kind: 'sample', states, municipalities: [{ cvegeo: '15001', population: 5 }] })).toEqual([
      'design.municipalities[0].cvegeo',
    ]);
    expect(paths({ kind: 'sample', states, municipalities: [{ cvegeo: '15999', population: 5 }] })).toEqual([
      'design.municipalities[0].cvegeo',
    ]);
    expect(
      paths({
        kind: 'sample',
        states,
        municipalities: [
          { cvegeo: '15106', population: 6 },
          { cvegeo: '15057', population: 5 },
          { cvegeo: '15106', population: 6 },
        ],
      }),
    ).toEqual(['design.municipalities[1].population', 'design.municipalities[2].cvegeo']);
  });

  it('refuses non-integer and non-positive populations even on stored documents', () => {
    for (const population of [0, -3, 2.5, Number.NaN]) {
      expect(
        paths({
          kind: 'sample',
          states: [
            { cveEnt: '15', population },
            { cveEnt: '14', population: 2 },
          ],
        }),
      ).toEqual(['design.states[0].population']);
    }
  });

  it('property: a sample with every universe state at or above its count is valid; lowering one below is not', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('09', '14', '15', '19'), fc.integer({ min: 1, max: 50 }), { minKeys: 1 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(),
        (counts, extra, pick) => {
          const u = universeCounts(
            Object.entries(counts).map(([cveEnt, n]) => ({ cveEnt, cvegeo: `${cveEnt}000`, n })),
          );
          const states = Object.entries(counts).map(([cveEnt, n]) => ({ cveEnt, population: n + extra }));
          expect(checkDesign({ kind: 'sample', states }, u, catalogue)).toEqual([]);
          const i = pick % states.length;
          const lowered = states.map((s, j) => (j === i ? { ...s, population: counts[s.cveEnt] - 1 } : s));
          expect(checkDesign({ kind: 'sample', states: lowered }, u, catalogue).map((p) => p.path)).toEqual([
            `design.states[${i}].population`,
          ]);
        },
      ),
    );
  });
});

describe('normaliseDesign', () => {
  it('sorts strata, drops empty municipality lists and anything a census does not hold', () => {
    expect(normaliseDesign({ kind: 'census' })).toEqual({ kind: 'census' });
    expect(
      normaliseDesign({
        kind: 'sample',
        states: st(['15', 4], ['14', 2]),
        municipalities: [],
      }),
    ).toEqual({
      kind: 'sample',
      states: st(['14', 2], ['15', 4]),
    });
  });
});
