import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../domain-error';
import { assertAcceptsSubmissions, submissionState, SubmissionState } from './round-window';

const opensAt = new Date('2025-03-01T00:00:00Z');
const closesAt = new Date('2025-04-01T00:00:00Z');
const before = new Date('2025-02-28T23:59:59Z');
const during = new Date('2025-03-15T12:00:00Z');
const atClose = closesAt;
const after = new Date('2025-04-02T00:00:00Z');

const cases: Array<[RoundStatus, Date, SubmissionState, string | null]> = [
  ['draft', during, 'not_open', 'ROUND_NOT_OPEN'],
  ['open', before, 'not_open', 'ROUND_NOT_OPEN'],
  ['open', opensAt, 'accepting', null],
  ['open', during, 'accepting', null],
  ['open', atClose, 'closed', 'ROUND_CLOSED'],
  ['open', after, 'closed', 'ROUND_CLOSED'],
  ['closed', during, 'closed', 'ROUND_CLOSED'],
  ['published', during, 'closed', 'ROUND_CLOSED'],
];

describe('assertAcceptsSubmissions', () => {
  it.each(cases)('%s at %s → %s', (status, now, state, code) => {
    const round = { status, opensAt, closesAt };
    expect(submissionState(round, now)).toBe(state);
    if (code === null) {
      expect(() => assertAcceptsSubmissions(round, now)).not.toThrow();
    } else {
      let err: unknown;
      try {
        assertAcceptsSubmissions(round, now);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(code);
      expect((err as DomainError).messages.es).toBeTruthy();
    }
  });
});
