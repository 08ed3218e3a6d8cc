import { neededSample } from './needed';
import { DEFAULT_METHOD_SETTINGS as settings } from './settings';

describe('neededSample (METHOD.md §6)', () => {
  it.each<[string, { n: number; sd: number | null; N: number | null; minimum: number }, number]>([
    // n0 = (1.96·0.5/0.1)² = 96.04 → 97.
    ['no data: sd 0.5, unbounded', { n: 0, sd: null, N: null, minimum: 5 }, 97],
    ['one report: sd forced to 0.5', { n: 1, sd: 0.01, N: null, minimum: 5 }, 96],
    // n0 = (1.96·0.2/0.1)² = 15.37 → 16 − 6 = 10.
    ['observed spread', { n: 6, sd: 0.2, N: null, minimum: 5 }, 10],
    ['the minimum dominates', { n: 2, sd: 0.05, N: null, minimum: 5 }, 3],
    ['already enough', { n: 20, sd: 0.2, N: null, minimum: 5 }, 0],
    // Finite universe: n = 15.37/(1 + 14.37/20) = 8.94 → 9 − 3 = 6.
    ['finite population correction', { n: 3, sd: 0.2, N: 20, minimum: 2 }, 6],
    ['capped by the subjects left', { n: 4, sd: 0.5, N: 5, minimum: 2 }, 1],
    ['a universe of 1 cannot reach a minimum of 2', { n: 1, sd: null, N: 1, minimum: 2 }, 0],
    ['zero spread', { n: 5, sd: 0, N: 10, minimum: 2 }, 0],
  ])('%s', (_label, input, expected) => {
    expect(neededSample({ ...input, settings })).toBe(expected);
  });
});
