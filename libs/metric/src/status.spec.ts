import { DEFAULT_METHOD_SETTINGS } from './settings';
import fc from 'fast-check';
import { classifyStatus, StatusInput, statusOf } from './status';

const base: StatusInput = {
  needsCitizenData: true,
  hasCitizenData: true,
  meetsMinimum: true,
  estimate: 0.5,
  se: 0.02,
  halfWidth: 0.04,
  responseShare: null,
};

describe('classifyStatus (METHOD.md §6)', () => {
  it.each<[string, Partial<StatusInput>, string, string[]]>([
    ['precise value', {}, 'conclusive', []],
    [
      'no citizen data',
      { hasCitizenData: false, meetsMinimum: false, se: null, halfWidth: null },
      'not_validated',
      ['no_citizen_data', 'below_minimum', 'not_estimable'],
    ],
    [
      'government value without citizen data needs none',
      { needsCitizenData: false, hasCitizenData: false },
      'conclusive',
      [],
    ],
    ['below minimum, however precise', { meetsMinimum: false }, 'inconclusive', ['below_minimum']],
    ['no interval', { se: null, halfWidth: null }, 'inconclusive', ['not_estimable']],
    ['CV 30% exactly', { estimate: 0.5, se: 0.15, halfWidth: 0.09 }, 'inconclusive', ['cv_inconclusive']],
    ['CV 15% exactly', { estimate: 0.5, se: 0.075, halfWidth: 0.09 }, 'caution', ['cv_caution']],
    ['CV just under 15%', { estimate: 0.5, se: 0.0749, halfWidth: 0.09 }, 'conclusive', []],
    ['half-width 0.10 is not > 0.10', { se: 0.04, halfWidth: 0.1 }, 'conclusive', []],
    ['half-width above 0.10', { se: 0.04, halfWidth: 0.11 }, 'caution', ['half_width_caution']],
    ['half-width 0.15', { se: 0.04, halfWidth: 0.15 }, 'inconclusive', ['half_width_inconclusive']],
    ['fewer than half responded', { responseShare: 0.4 }, 'caution', ['low_response_share']],
    ['exactly half responded', { responseShare: 0.5 }, 'conclusive', []],
    // The CV is unstable near 0: a tight interval overrides it.
    ['CV 100% but half-width 0.05', { estimate: 0.02, se: 0.02, halfWidth: 0.05 }, 'conclusive', []],
    ['CV 100% and half-width 0.06', { estimate: 0.02, se: 0.02, halfWidth: 0.06 }, 'inconclusive', ['cv_inconclusive']],
    ['estimate 0 with SE > 0', { estimate: 0, se: 0.03, halfWidth: 0.07 }, 'inconclusive', ['cv_inconclusive']],
    ['estimate 0 with SE > 0, tight', { estimate: 0, se: 0.01, halfWidth: 0.03 }, 'conclusive', []],
    [
      'override needs the minimum',
      { estimate: 0.02, se: 0.02, halfWidth: 0.05, meetsMinimum: false },
      'inconclusive',
      ['below_minimum', 'cv_inconclusive'],
    ],
    [
      'override does not lift the response-share caution',
      { estimate: 0.02, se: 0.02, halfWidth: 0.05, responseShare: 0.2 },
      'caution',
      ['low_response_share'],
    ],
    [
      'worst rule wins',
      { se: 0.1, halfWidth: 0.2, responseShare: 0.1 },
      'inconclusive',
      ['cv_caution', 'half_width_inconclusive', 'low_response_share'],
    ],
  ])('%s → %s', (_label, patch, status, reasons) => {
    const r = classifyStatus({ ...base, ...patch }, DEFAULT_METHOD_SETTINGS);
    expect(r.status).toBe(status);
    expect(r.reasons).toEqual(reasons);
  });
});

describe('statusOf (the status alone, for the needed-sample searches)', () => {
  // Values around every threshold, and the extremes, so each rule is hit on both sides of its line.
  const level = fc.oneof(
    fc.constantFrom(0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1, Number.POSITIVE_INFINITY),
    fc.double({ min: 0, max: 2, noNaN: true }),
  );
  const input: fc.Arbitrary<StatusInput> = fc.record({
    needsCitizenData: fc.boolean(),
    hasCitizenData: fc.boolean(),
    validationCovered: fc.constantFrom(true, false, null, undefined),
    validatedShare: fc.oneof(fc.constantFrom(null, undefined), fc.double({ min: 0, max: 1, noNaN: true })),
    meetsMinimum: fc.boolean(),
    estimate: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: -0.1, max: 1, noNaN: true })),
    se: fc.oneof(fc.constant(null), level),
    halfWidth: fc.oneof(fc.constant(null), level),
    responseShare: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
    pendingRefutations: fc.nat(3),
  });

  it('is always classifyStatus(...).status', () => {
    fc.assert(
      fc.property(
        input,
        (i) => statusOf(i, DEFAULT_METHOD_SETTINGS) === classifyStatus(i, DEFAULT_METHOD_SETTINGS).status,
      ),
      { numRuns: 5000 },
    );
  });
});
