import { DomainError } from '../common/domain-error';
import { assertAcceptsSubmissions, RoundWindow, submissionWindow } from './submission-window';

const opensAt = new Date('2025-03-01T00:00:00Z');
const closesAt = new Date('2025-04-01T00:00:00Z');
const round = (status: RoundWindow['status']): RoundWindow => ({ status, opensAt, closesAt });
const inside = new Date('2025-03-15T00:00:00Z');

describe('submissionWindow', () => {
  it.each([
    ['open', inside, 'open'],
    ['open', opensAt, 'open'],
    ['open', new Date(closesAt.getTime() - 1), 'open'],
    ['open', closesAt, 'closed'],
    ['open', new Date(opensAt.getTime() - 1), 'not_open'],
    ['draft', inside, 'not_open'],
    ['closed', inside, 'closed'],
    ['published', inside, 'closed'],
  ] as const)('%s round at %s is %s', (status, now, state) => {
    expect(submissionWindow(round(status), now)).toBe(state);
  });

  it('maps the states onto ROUND_NOT_OPEN and ROUND_CLOSED', () => {
    expect(() => assertAcceptsSubmissions(round('open'), inside)).not.toThrow();
    const code = (r: RoundWindow, now: Date): string | undefined => {
      try {
        assertAcceptsSubmissions(r, now);
        return undefined;
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other';
      }
    };
    expect(code(round('draft'), inside)).toBe('ROUND_NOT_OPEN');
    expect(code(round('closed'), inside)).toBe('ROUND_CLOSED');
    expect(code(round('open'), closesAt)).toBe('ROUND_CLOSED');
  });
});
