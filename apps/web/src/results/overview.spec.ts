import { describe, expect, it } from '@jest/globals';
import type { AreaValue } from './api';
import { nationalHeadline, nationalValue, statusCounts, subIndexRows } from './overview';
import { specValue } from './spec-values';

const national = (over: Partial<AreaValue>) => ({ ...specValue(), aggregation: 'unweighted', ...over }) as AreaValue;

describe('the national headline', () => {
  it('is the unweighted value of the indicator', () => {
    const weighted = national({ indicator: 'I', aggregation: 'population_weighted', estimate: 0.9 });
    const unweighted = national({ indicator: 'I', estimate: 0.4 });
    expect(nationalValue([weighted, unweighted], 'I')).toBe(unweighted);
    expect(nationalValue([weighted], 'I')).toBeUndefined();
  });

  it('is I when it has a value, else the self-reported I_G', () => {
    const i = national({ indicator: 'I', estimate: 0.4 });
    const iNull = national({ indicator: 'I', estimate: null });
    const ig = national({ indicator: 'I_G', estimate: 0.8, status: 'not_validated' });
    expect(nationalHeadline([ig, i])).toBe(i);
    expect(nationalHeadline([iNull, ig])).toBe(ig);
    expect(nationalHeadline([ig])).toBe(ig);
    expect(nationalHeadline([])).toBeUndefined();
  });
});

describe('subIndexRows', () => {
  it('has the four sub-indices in order, a missing one empty and not validated', () => {
    const rows = subIndexRows([national({ indicator: 'TC', estimate: 0.3, lo: 0.2, hi: 0.4, status: 'caution' })]);
    expect(rows.map((r) => r.key)).toEqual(['TG', 'TC', 'PG', 'PC']);
    expect(rows[1]).toEqual({
      key: 'TC',
      label: 'TC',
      mark: 'solid',
      estimate: 0.3,
      lo: 0.2,
      hi: 0.4,
      status: 'caution',
    });
    expect(rows[0]).toEqual({
      key: 'TG',
      label: 'TG',
      mark: 'none',
      estimate: null,
      lo: null,
      hi: null,
      status: 'not_validated',
    });
  });
});

describe('statusCounts', () => {
  it('counts each status in the fixed order, zero without data', () => {
    expect(statusCounts(['caution', 'conclusive', null, 'caution'])).toEqual([
      ['conclusive', 1],
      ['caution', 2],
      ['inconclusive', 0],
      ['not_validated', 0],
    ]);
    expect(statusCounts(undefined).map(([, n]) => n)).toEqual([0, 0, 0, 0]);
  });
});
