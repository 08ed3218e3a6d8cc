import { DEFAULT_METHOD_SETTINGS } from '@apertura/metric';
import type { AggregateRow } from '@apertura/metric';
import { AreaRowMemo, areaBasis, areaFrame, touchedAreas } from './area-row-memo';
import type { StoredInstitutionResult } from './aggregation-input';
import type { PlacementRecord } from './metric-inputs';

const placements: PlacementRecord[] = [
  { institutionId: 'a', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'ayuntamiento' },
  { institutionId: 'b', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'dif municipal' },
  { institutionId: 'c', cvegeo: '09002', cveEnt: '09', level: 'estatal', type: 'secretaría' },
];
const result = (id: string): StoredInstitutionResult => ({ institutionId: id }) as StoredInstitutionResult;
const inputOf = (over: Partial<Parameters<typeof areaBasis>[0]> = {}): Parameters<typeof areaBasis>[0] => ({
  settings: DEFAULT_METHOD_SETTINGS,
  design: null,
  population: { '15106': 900_000, '09002': 400_000 },
  placements,
  pooled: { TC: 0.04 },
  ...over,
});
const basisOf = (over: Partial<Parameters<typeof areaBasis>[0]> = {}): string => areaBasis(inputOf(over));
const frameOf = (over: Partial<Parameters<typeof areaBasis>[0]> = {}): string => areaFrame(inputOf(over));

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

  it('is the frame and the pool: the frame does not change with the pool, and changes with everything else', () => {
    expect(frameOf({ pooled: null })).toBe(frameOf());
    expect(basisOf()).toBe(areaBasis(inputOf(), frameOf()));
    expect(frameOf({ population: { '15106': 900_001, '09002': 400_000 } })).not.toBe(frameOf());
    expect(frameOf({ placements: placements.slice(1) })).not.toBe(frameOf());
    expect(frameOf({ settings: { ...DEFAULT_METHOD_SETTINGS, confidence: 0.9 } })).not.toBe(frameOf());
  });
});

describe('AreaRowMemo', () => {
  const row = { scope: 'municipality', scopeKey: '15106', aggregation: 'unweighted', indicator: 'I' } as AggregateRow;
  const results = new Map([['a', result('a')]]);

  it('plans reuse only under the same basis, with the token of the write it remembers', () => {
    const memo = new AreaRowMemo();
    expect(memo.planFor('r1', basisOf(), placements, results)).toBeNull();
    memo.remember('r1', { basis: basisOf(), frame: frameOf(), results, rows: [row], ranks: new Map() }, 'token-1');
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
      memo.remember(r, { basis: basisOf(), frame: frameOf(), results, rows: [row], ranks: new Map() }, `t-${r}`);
    expect(memo.planFor('r1', basisOf(), placements, results)).toBeNull();
    expect(memo.planFor('r3', basisOf(), placements, results)?.token).toBe('t-r3');
  });

  it('after a write of some municipalities, knows the stored rows and what changed since', () => {
    const memo = new AreaRowMemo();
    const other = { ...row, scopeKey: '09002' } as AggregateRow;
    // Nothing written by this process yet: it cannot tell which municipalities changed.
    expect(memo.municipalitiesTouchedSince('r1', frameOf(), placements, results)).toBeNull();
    memo.remember('r1', { basis: basisOf(), frame: frameOf(), results, rows: [row, other], ranks: new Map() }, 't1');
    const later = new Map([...results, ['c', result('c')]]);
    expect(memo.municipalitiesTouchedSince('r1', frameOf(), placements, later)).toEqual({
      municipalities: new Set(['09002']),
      institutions: 1,
    });
    // Another universe: unknown.
    expect(
      memo.municipalitiesTouchedSince('r1', frameOf({ placements: placements.slice(1) }), placements, later),
    ).toBeNull();
    const rewritten = { ...other, estimate: 0.5 } as AggregateRow;
    memo.rememberMunicipalities('r1', { basis: basisOf(), frame: frameOf(), results: later, rows: [rewritten] }, 't2');
    expect(memo.municipalitiesTouchedSince('r1', frameOf(), placements, later)?.municipalities.size).toBe(0);
    const written = memo.writtenOf('r1');
    expect(written?.token).toBe('t2');
    expect([...(written?.rows.values() ?? [])]).toEqual([row, rewritten]);
    // Under the same pool, the next pass over every area reuses what is untouched since the last such
    // pass: c's municipality, state, level and type are aggregated again, a's and b's are not.
    const plan = memo.planFor('r1', basisOf(), placements, later);
    expect(plan?.token).toBe('t2');
    expect([...(plan?.reuse.touched.municipality ?? [])]).toEqual(['09002']);
    expect([...(plan?.reuse.touched.state ?? [])]).toEqual(['09']);
  });

  it('after a write of some municipalities under another pool, plans no reuse until every area is written', () => {
    const memo = new AreaRowMemo();
    memo.remember('r1', { basis: basisOf(), frame: frameOf(), results, rows: [row], ranks: new Map() }, 't1');
    const moved = basisOf({ pooled: { TC: 0.05 } });
    memo.rememberMunicipalities('r1', { basis: moved, frame: frameOf(), results, rows: [row] }, 't2');
    expect(memo.planFor('r1', basisOf(), placements, results)).toBeNull();
    expect(memo.planFor('r1', moved, placements, results)).toBeNull();
    expect(memo.writtenOf('r1')?.token).toBe('t2');
  });

  it('remembers a write of some municipalities only over a write of every area it remembers', () => {
    const memo = new AreaRowMemo();
    memo.rememberMunicipalities('r1', { basis: basisOf(), frame: frameOf(), results, rows: [row] }, 't1');
    expect(memo.writtenOf('r1')).toBeNull();
  });
});
