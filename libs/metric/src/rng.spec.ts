import { mulberry32, randomIndex, seedFromString } from './rng';

describe('rng', () => {
  it('is reproducible from its seed and stays in [0,1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('draws indices roughly uniformly', () => {
    const rng = mulberry32(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[randomIndex(rng, 4)] += 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('derives stable seeds from strings', () => {
    expect(seedFromString('round-1/state/15')).toBe(seedFromString('round-1/state/15'));
    expect(seedFromString('a')).not.toBe(seedFromString('b'));
    expect(Number.isInteger(seedFromString(''))).toBe(true);
  });
});
