import { describe, expect, it } from '@jest/globals';
import type { ResultValue } from './api';
import { weakestFirst } from './report-card';

const v = (estimate: number | null) => ({ estimate }) as ResultValue;

describe('report card order', () => {
  it('puts the lowest validated value first and rows without a value last', () => {
    const rows = [
      { code: 'TG', validated: v(0.7), claimed: 0.8 },
      { code: 'TC', validated: v(null), claimed: null },
      { code: 'PC', validated: v(0.1), claimed: null },
      { code: 'PG', validated: null, claimed: 0.5 },
      { code: 'I_G', validated: v(0.4), claimed: 0.6 },
    ];
    expect(weakestFirst(rows).map((r) => r.code)).toEqual(['PC', 'I_G', 'TG', 'PG', 'TC']);
  });
});
