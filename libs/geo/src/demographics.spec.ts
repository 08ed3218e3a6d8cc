import fc from 'fast-check';
import {
  loadMunicipalities,
  municipalityType,
  MUNICIPALITY_TYPE_BOUNDS,
  populationByMunicipalityType,
  suppressSmallCells,
} from './index';

const cells = (...counts: number[]) => counts.map((count, i) => ({ category: `c${i}`, count }));

describe('small-cell suppression', () => {
  it('publishes large cells with shares, and zeros', () => {
    expect(suppressSmallCells(cells(10, 5, 0), 5)).toEqual([
      { category: 'c0', count: 10, share: 10 / 15, suppressed: false },
      { category: 'c1', count: 5, share: 5 / 15, suppressed: false },
      { category: 'c2', count: 0, share: 0, suppressed: false },
    ]);
  });

  it('hides a lone small cell together with the smallest other non-zero cell (so total − others cannot recover it)', () => {
    const out = suppressSmallCells(cells(20, 2, 7, 0), 5);
    expect(out.map((c) => c.count)).toEqual([20, null, null, 0]);
    expect(out.map((c) => c.share)).toEqual([20 / 29, null, null, 0]);
  });

  it('hides every non-zero cell when the total is under k', () => {
    expect(suppressSmallCells(cells(3, 1, 0), 5).map((c) => c.suppressed)).toEqual([true, true, false]);
  });

  it('refuses a meaningless threshold', () => {
    expect(() => suppressSmallCells(cells(1), 0)).toThrow(RangeError);
  });

  it('property: with total ≥ k, no published non-zero cell is under k, and a suppressed cell is never alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 10 }),
        (counts, k) => {
          const total = counts.reduce((a, b) => a + b, 0);
          fc.pre(total >= k);
          const out = suppressSmallCells(cells(...counts), k);
          for (const [i, c] of out.entries()) {
            if (c.suppressed) expect(c.count).toBeNull();
            else expect(c.count).toBe(counts[i]);
            if (!c.suppressed && counts[i] > 0) expect(counts[i]).toBeGreaterThanOrEqual(k);
          }
          const hidden = out.filter((c) => c.suppressed).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
          // What a reader can derive: the hidden cells' sum; with two or more it does not pin any one of them.
          const published = out.reduce((s, c) => s + (c.count ?? 0), 0);
          expect(total - published).toBe(counts.filter((_, i) => out[i].suppressed).reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe('municipality type (population-size band of the catalogue)', () => {
  it('bands at 15 000, 100 000 and 500 000 inhabitants', () => {
    expect([0, 14_999, 15_000, 99_999, 100_000, 499_999, 500_000].map(municipalityType)).toEqual([
      'rural',
      'rural',
      'small_city',
      'small_city',
      'city',
      'city',
      'metropolis',
    ]);
  });

  it('population shares of the shipped catalogue add up to the whole population', () => {
    const all = loadMunicipalities();
    const shares = populationByMunicipalityType(all);
    expect(shares.map((s) => s.type)).toEqual(MUNICIPALITY_TYPE_BOUNDS.map((b) => b.type));
    expect(shares.reduce((s, x) => s + x.population, 0)).toBe(all.reduce((s, m) => s + m.population, 0));
    expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 10);
    for (const s of shares) expect(s.share).toBeGreaterThan(0);
  });
});
