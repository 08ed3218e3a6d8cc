import type { DecisionRow } from './cosign.repository';
import { changedSince, stateOf } from './cosign.service';
import { canTriage } from '../feedback/feedback.service';

const parts = { settingsHash: 's1', instrumentHash: 'i1', resultsHash: 'r1', fingerprint: 'f1' };
const decision = (over: Partial<DecisionRow>): DecisionRow => ({
  id: 'd',
  cosigner_id: 'c',
  organisation_name: 'Org',
  organisation_kind: 'academia',
  decision: 'approve',
  reason: '',
  settings_hash: 's1',
  instrument_hash: 'i1',
  results_hash: 'r1',
  fingerprint: 'f1',
  decided_at: new Date(0),
  ...over,
});

describe('co-signing rules (issue #18)', () => {
  it('only an approval of the current fingerprint counts', () => {
    expect(stateOf(undefined, 'f1')).toBe('pending');
    expect(stateOf(decision({}), 'f1')).toBe('approved');
    expect(stateOf(decision({}), 'f2')).toBe('approved_stale');
    expect(stateOf(decision({ decision: 'object' }), 'f1')).toBe('objected');
    expect(stateOf(decision({ decision: 'object' }), 'f2')).toBe('objected');
  });

  it('names every part that changed since a decision', () => {
    expect(changedSince(decision({}), parts)).toEqual([]);
    expect(changedSince(decision({ results_hash: 'r0' }), parts)).toEqual(['results']);
    expect(changedSince(decision({ settings_hash: 's0', instrument_hash: 'i0', results_hash: 'r0' }), parts)).toEqual([
      'settings',
      'instrument',
      'results',
    ]);
  });
});

describe('report triage (issue #18 item 4)', () => {
  it.each([
    ['open', 'acknowledged', true],
    ['open', 'fixed', true],
    ['open', 'rejected', true],
    ['acknowledged', 'fixed', true],
    ['acknowledged', 'rejected', true],
    ['acknowledged', 'open', false],
    ['fixed', 'acknowledged', false],
    ['rejected', 'fixed', false],
    ['fixed', 'fixed', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canTriage(from, to)).toBe(ok);
  });
});
