import { describe, expect, it } from '@jest/globals';
import type { ResultValue } from './api';
import { claimVsValidated, weakestFirst } from './report-card';
import { specValue } from './spec-values';

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

describe('claimed against validated', () => {
  const validated = (over: Parameters<typeof specValue>[0]) => specValue(over) as ResultValue;

  it('is the claim minus the validated estimate', () => {
    const c = claimVsValidated({ code: 'TG', validated: validated({ indicator: 'TG', estimate: 0.5 }), claimed: 0.75 });
    expect(c).toEqual({ selfReportOnly: false, difference: 0.25 });
  });

  it('has no difference without a claim or a validated estimate', () => {
    expect(claimVsValidated({ code: 'TC', validated: validated({ indicator: 'TC' }), claimed: null }).difference).toBe(
      null,
    );
    expect(claimVsValidated({ code: 'PG', validated: null, claimed: 0.5 })).toEqual({
      selfReportOnly: false,
      difference: null,
    });
    expect(
      claimVsValidated({ code: 'TG', validated: validated({ indicator: 'TG', estimate: null }), claimed: 0.5 })
        .difference,
    ).toBe(null);
  });

  it('never compares an unverified self-report with itself', () => {
    const raw = validated({ indicator: 'TG_raw', estimate: 0.9, status: 'not_validated' });
    expect(claimVsValidated({ code: 'TG', validated: raw, claimed: 0.9 })).toEqual({
      selfReportOnly: true,
      difference: null,
    });
  });
});
