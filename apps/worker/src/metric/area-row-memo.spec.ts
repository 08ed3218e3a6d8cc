import { DEFAULT_METHOD_SETTINGS } from '@apertura/metric';
import type { AggregateRow } from '@apertura/metric';
import { AreaRowMemo, areaBasis, touchedAreas } from './area-row-memo';
import type { StoredInstitutionResult } from './aggregation-input';
import type { PlacementRecord } from './metric-inputs';

const placements: PlacementRecord[] = [
  { institutionId: 'a', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'ayuntamiento' },
  { institutionId: 'b', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'dif municipal' },
  { institutionId: 'c', cvegeo: '09002', cveEnt: '09', level: 'estatal', type: 'secretaría' },
];
const result = (id: string): StoredInstitutionResult => ({ institutionId: id }) as StoredInstitutionResult;
const basisOf = (over: Partial<Parameters<typeof areaBasis>[0]> = {}): string =>
  areaBasis({
    settings: DEFAULT_METHOD_SETTINGS,
    design: null,
    population: { '15106': 900_000, '09002': 400_000 },
    placements,
    pooled: { TC: 0.04 },
    ...over,
  });

describe('touchedAreas', () => {
  it('names the areas of every institution whose result is another object, and no other', () => {
    const a = result('a');
    const b = result('b');
    const before = new Map([
      ['a', a],
      ['b', b],
    ]);
    const after = new Map([
      ['a', a],
      ['b', { ...b }], // equal content, new object: counted as changed (it only costs recomputing)
      ['c', result('c')], // first result of c
    ]);
    const t = touchedAreas(placements, before, after);
    expect(t.institutions).toBe(2);
    expect([...t.municipality].sort()).toEqual(['09002', '15106']);
    expect([...t.type].sort()).toEqual(['dif municipal', 'secretaría']);
    expect([...t.level].sort()).toEqual(['estatal', 'municipal']);
    expect(touchedAreas(placements, after, after).institutions).toBe(0);
  });
});

describe('areaBasis', () => {
  it('changes with the pool, the settings, the design, the population and the universe, not with key order', () => {
    const base = basisOf();
    expect(basisOf({ population: { '09002': 400_000, '15106': 900_000 } })).toBe(base);
    expect(basisOf({ pooled: { TC: 0.041 } })).not.toBe(base);
    expect(basisOf({ pooled: null })).not.toBe(base);
    expect(basisOf({ settings: { ...DEFAULT_METHOD_SETTINGS, confidence: 0.9 } })).not.toBe(base);
    expect(basisOf({ population: { '15106': 900_001, '09002': 400_000 } })).not.toBe(base);
    expect(basisOf({ placements: [{ ...placements[0], type: 'secretaría' }, ...placements.slice(1)] })).not.toBe(base);
    expect(basisOf({ placements: placements.slice(1) })).not.toBe(base);
  });
});

describe('AreaRowMemo', () => {
  const row = { scope: 'municipality', scopeKey: '15106', aggregation: 'unweighted', indicator: 'I' } as AggregateRow;
  const results = new Map([['a', result('a')]]);

  it('plans reuse only under the same basis, with the token of the write it remembers', () => {
    const memo = new AreaRowMemo();
    expect(memo.planFor('r1', basisOf(), placements, results)).toBeNull();
    memo.remember('r1', { basis: basisOf(), results, rows: [row], ranks: new Map() }, 'token-1');
    const plan = memo.planFor('r1', basisOf(), placements, results);
    expect(plan).toMatchObject({ token: 'token-1', touchedInstitutions: 0 });
    expect(plan?.reuse.previous.size).toBe(1);
    expect(memo.planFor('r1', basisOf({ pooled: null }), placements, results)).toBeNull();
    memo.forget('r1');
    expect(memo.planFor('r1', basisOf(), placements, results)).toBeNull();
    expect(memo.ranksOf('r1')).toBeNull();
  });

  it('keeps a few rounds, the least recently written out first', () => {
    const memo = new AreaRowMemo(2);
    for (const r of ['r1', 'r2', 'r3'])
      memo.remember(r, { basis: basisOf(), results, rows: [row], ranks: new Map() }, `t-${r}`);
    expect(memo.planFor('r1', basisOf(), placements, results)).toBeNull();
    expect(memo.planFor('r3', basisOf(), placements, results)?.token).toBe('t-r3');
  });
});
