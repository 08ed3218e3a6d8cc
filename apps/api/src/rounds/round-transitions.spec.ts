import { ROUND_STATUSES } from '@apertura/db';
import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../common/domain-error';
import { assertCanTransition, canTransition } from './round-transitions';

const ALLOWED: Array<[RoundStatus, RoundStatus]> = [
  ['draft', 'open'],
  ['open', 'closed'],
  ['closed', 'published'],
];

const ALL_PAIRS = ROUND_STATUSES.flatMap((from) =>
  ROUND_STATUSES.map((to) => [from, to] as [RoundStatus, RoundStatus]),
);
const isAllowed = (from: RoundStatus, to: RoundStatus): boolean => ALLOWED.some(([f, t]) => f === from && t === to);

describe('round transitions', () => {
  it.each(ALL_PAIRS)('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(isAllowed(from, to));
    if (isAllowed(from, to)) {
      expect(() => assertCanTransition(from, to)).not.toThrow();
      return;
    }
    let err: unknown;
    try {
      assertCanTransition(from, to);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    const d = err as DomainError;
    expect(d.code).toBe('INVALID_TRANSITION');
    expect(d.messages.en).toContain(`'${from}' to '${to}'`);
    expect(d.messages.es).toMatch(/no puede pasar de «.+» a «.+»/);
    expect(d.details).toEqual({ from, to, allowed: ALLOWED.filter(([f]) => f === from).map(([, t]) => t) });
  });

  it('names the final state as final', () => {
    expect(() => assertCanTransition('published', 'draft')).toThrow(/none \(final state\)/);
  });
});
