import { isRankable, rankRows, RankInputs, RankRow } from './rank-rows';

const ROUND = '6f1c2c1e-0000-4000-8000-000000000001';

const inst = (
  institutionId: string,
  cveEnt: string,
  indicator: string,
  estimate: number | null,
  se: number | null,
  status = 'conclusive',
) => ({
  institutionId,
  cveEnt,
  indicator,
  estimate,
  se,
  status,
});

const INPUTS: RankInputs = {
  institutions: [
    inst('a', '15', 'I', 0.8, 0),
    inst('b', '15', 'I', 0.6, 0),
    inst('c', '09', 'I', 0.7, 0, 'caution'),
    inst('d', '09', 'I', 0.9, 0.01, 'inconclusive'), // not ranked: inconclusive
    inst('e', '09', 'I', 0.95, null), // not ranked: no SE
    inst('f', '09', 'I', null, 0.1), // not ranked: no value
    inst('g', '15', 'I_G', 0.99, 0, 'not_validated'), // never ranked: not a ranked indicator
    inst('a', '15', 'TC', 0.5, 0),
  ],
  municipalities: [
    { cvegeo: '15106', cveEnt: '15', indicator: 'I', estimate: 0.4, se: 0, status: 'conclusive' },
    { cvegeo: '15054', cveEnt: '15', indicator: 'I', estimate: 0.5, se: 0, status: 'caution' },
    { cvegeo: '09015', cveEnt: '09', indicator: 'I', estimate: 0.45, se: 0, status: 'conclusive' },
  ],
  states: [
    { cveEnt: '15', indicator: 'P', estimate: 0.3, se: 0, status: 'conclusive' },
    { cveEnt: '09', indicator: 'P', estimate: 0.35, se: 0, status: 'conclusive' },
    { cveEnt: '01', indicator: 'P', estimate: 0.35, se: 0, status: 'not_validated' },
  ],
};

const pick = (
  rows: RankRow[],
  ranking: string,
  groupKey: string,
  indicator: string,
): Array<[string, number, number, number, number]> =>
  rows
    .filter((r) => r.ranking === ranking && r.groupKey === groupKey && r.indicator === indicator)
    .map((r) => [r.scopeKey, r.position, r.lo, r.hi, r.of]);

describe('rankRows', () => {
  const rows = rankRows(ROUND, INPUTS);

  it('ranks only conclusive or caution values with an estimate and a SE', () => {
    expect(isRankable({ indicator: 'I', estimate: 0.5, se: 0, status: 'caution' })).toBe(true);
    expect(isRankable({ indicator: 'I', estimate: 0.5, se: 0.1, status: 'inconclusive' })).toBe(false);
    expect(isRankable({ indicator: 'I', estimate: 0.5, se: null, status: 'conclusive' })).toBe(false);
    expect(isRankable({ indicator: 'I', estimate: null, se: 0.1, status: 'conclusive' })).toBe(false);
    expect(rows.some((r) => ['d', 'e', 'f', 'g', '01'].includes(r.scopeKey))).toBe(false);
  });

  it('ranks institutions nationally and per state, by indicator', () => {
    expect(pick(rows, 'institution', 'MX', 'I')).toEqual([
      ['a', 1, 1, 1, 3],
      ['c', 2, 2, 2, 3],
      ['b', 3, 3, 3, 3],
    ]);
    expect(pick(rows, 'institution', '15', 'I')).toEqual([
      ['a', 1, 1, 1, 2],
      ['b', 2, 2, 2, 2],
    ]);
    expect(pick(rows, 'institution', '09', 'I')).toEqual([['c', 1, 1, 1, 1]]);
    expect(pick(rows, 'institution', 'MX', 'TC')).toEqual([['a', 1, 1, 1, 1]]);
  });

  it('ranks municipalities nationally and per state, states nationally only', () => {
    expect(pick(rows, 'municipality', 'MX', 'I')).toEqual([
      ['15054', 1, 1, 1, 3],
      ['09015', 2, 2, 2, 3],
      ['15106', 3, 3, 3, 3],
    ]);
    expect(pick(rows, 'municipality', '15', 'I').map((r) => r[0])).toEqual(['15054', '15106']);
    expect(pick(rows, 'state', 'MX', 'P')).toEqual([
      ['09', 1, 1, 1, 2],
      ['15', 2, 2, 2, 2],
    ]);
    expect(rows.filter((r) => r.ranking === 'state' && r.groupKey !== 'MX')).toEqual([]);
  });

  it('seeds each group from the round, the ranking, the group and the indicator', () => {
    for (const r of rows) expect(r.seed).toBe(`${ROUND}:${r.ranking}:${r.groupKey}:${r.indicator}`);
  });

  it('is deterministic and does not depend on the order of the stored rows', () => {
    const shuffled: RankInputs = {
      institutions: [...INPUTS.institutions].reverse(),
      municipalities: [...INPUTS.municipalities].reverse(),
      states: [...INPUTS.states].reverse(),
    };
    expect(rankRows(ROUND, shuffled)).toEqual(rows);
  });

  it('gives uncertain values an interval wider than their position', () => {
    const uncertain = rankRows(ROUND, {
      institutions: Array.from({ length: 8 }, (_, k) => inst(`i${k}`, '15', 'I', 0.5 + k * 0.01, 0.05)),
      municipalities: [],
      states: [],
    });
    const national = uncertain.filter((r) => r.groupKey === 'MX');
    expect(national).toHaveLength(8);
    expect(national.some((r) => r.hi - r.lo >= 3)).toBe(true);
    for (const r of national) expect(r.lo).toBeLessThanOrEqual(r.hi);
  });

  it('refuses the same key twice in a group (rows of two aggregations mixed up)', () => {
    expect(() =>
      rankRows(ROUND, {
        institutions: [inst('a', '15', 'I', 0.5, 0), inst('a', '15', 'I', 0.6, 0)],
        municipalities: [],
        states: [],
      }),
    ).toThrow(RangeError);
  });
});
