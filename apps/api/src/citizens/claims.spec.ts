import { INSTITUTION_V1, verifiableItems } from '@apertura/questionnaire';
import { claimsToCheck, evidenceUrls, isAnswered } from './claims';

describe('claims helpers', () => {
  const claims = verifiableItems(INSTITUTION_V1);

  it('the default institution instrument has verifiable claims', () => {
    expect(claims.length).toBeGreaterThan(0);
  });

  it('only answered claims must be checked', () => {
    const first = claims[0].name;
    expect(claimsToCheck(claims, null)).toEqual([]);
    expect(claimsToCheck(claims, { [first]: true })).toEqual([first]);
    expect(claimsToCheck(claims, { [first]: [] })).toEqual([]);
  });

  it('reads http(s) evidence URLs only', () => {
    const withEvidence = claims.find((c) => c.evidenceQuestion);
    if (!withEvidence?.evidenceQuestion) return;
    expect(evidenceUrls(withEvidence, { [withEvidence.evidenceQuestion]: ' https://x.example/a ' })).toEqual([
      'https://x.example/a',
    ]);
    expect(evidenceUrls(withEvidence, { [withEvidence.evidenceQuestion]: 'javascript:alert(1)' })).toEqual([]);
  });

  it.each([
    [null, false],
    ['', false],
    [[], false],
    [0, true],
    [false, true],
    ['x', true],
  ])('isAnswered(%p) = %p', (v, expected) => {
    expect(isAnswered(v)).toBe(expected);
  });
});
