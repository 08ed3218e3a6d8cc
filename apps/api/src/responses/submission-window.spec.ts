import { RoundWindow, submissionWindow } from './submission-window';

const opensAt = new Date('2025-03-01T00:00:00Z');
const closesAt = new Date('2025-04-01T00:00:00Z');
const round = (status: RoundWindow['status']): RoundWindow => ({ status, opensAt, closesAt });
const inside = new Date('2025-03-15T00:00:00Z');

describe('submissionWindow (alias of common/rounds/round-window submissionState)', () => {
  it.each([
    ['open', inside, 'open'],
    ['open', opensAt, 'open'],
    ['open', closesAt, 'closed'],
    ['open', new Date(opensAt.getTime() - 1), 'not_open'],
    ['draft', inside, 'not_open'],
    ['closed', inside, 'closed'],
    ['published', inside, 'closed'],
  ] as const)('%s round at %s is %s', (status, now, state) => {
    expect(submissionWindow(round(status), now)).toBe(state);
  });
});
