import { citizenWorkProblem, RoundWindow } from './round-access';

const base: RoundWindow = {
  status: 'open',
  opensAt: new Date('2025-01-01T00:00:00Z'),
  closesAt: new Date('2025-03-01T00:00:00Z'),
  validationOpen: true,
};
const during = new Date('2025-02-01T00:00:00Z');

describe('citizenWorkProblem', () => {
  it.each<[string, Partial<RoundWindow>, Date, string | null]>([
    ['open round inside its window', {}, during, null],
    ['draft round', { status: 'draft' }, during, 'ROUND_NOT_OPEN'],
    ['before the window', {}, new Date('2024-12-31T23:59:59Z'), 'ROUND_NOT_OPEN'],
    ['at the closing instant', {}, new Date('2025-03-01T00:00:00Z'), 'ROUND_CLOSED'],
    ['closed round', { status: 'closed' }, during, 'ROUND_CLOSED'],
    ['published round', { status: 'published' }, during, 'ROUND_CLOSED'],
    ['validation not opened by the guarantor', { validationOpen: false }, during, 'VALIDATION_CLOSED'],
  ])('%s', (_label, patch, now, code) => {
    expect(citizenWorkProblem({ ...base, ...patch }, now)?.code ?? null).toBe(code);
  });
});
