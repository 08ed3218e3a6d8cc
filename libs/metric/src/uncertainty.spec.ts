import {
  clusteredLinearVariance,
  coefficientOfVariation,
  criticalValue,
  tInterval,
  wilsonInterval,
} from './uncertainty';

describe('uncertainty primitives', () => {
  it('quantiles come from jStat', () => {
    expect(criticalValue(0.95, null)).toBeCloseTo(1.959964, 6);
    expect(criticalValue(0.95, 2)).toBeCloseTo(4.302653, 6);
    expect(criticalValue(0.95, 9)).toBeCloseTo(2.262157, 6);
  });

  it.each<[number, number, number, number]>([
    // Reference values (Wilson 1927; e.g. Newcombe 1998, table I): 0/10, 1/10, 8/10.
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [8, 10, 0.4902, 0.9433],
    [5, 5, 0.5655, 1],
  ])('Wilson interval of %i/%i', (x, n, lo, hi) => {
    const iv = wilsonInterval(x, n, 0.95);
    expect(iv?.lo).toBeCloseTo(lo, 4);
    expect(iv?.hi).toBeCloseTo(hi, 4);
  });

  it('Wilson is undefined without observations', () => {
    expect(wilsonInterval(0, 0, 0.95)).toBeNull();
  });

  it('t interval clips to [0,1] but keeps the unclipped half-width', () => {
    const iv = tInterval(0.05, 0.1, 4, 0.95);
    expect(iv.lo).toBe(0);
    expect(iv.halfWidth).toBeCloseTo(0.1 * 2.776445, 6);
  });

  it.each<[number, number | null, number | null]>([
    [0.5, 0.05, 0.1],
    [0, 0, 0],
    [0, 0.1, null],
    [0.4, null, null],
  ])('CV of %p with SE %p', (est, se, cv) => {
    const got = coefficientOfVariation(est, se);
    if (cv === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(cv, 12);
  });

  it('reduces to s²/n of the per-validator combination when every validator answered everything', () => {
    const a = [0.2, 0.5, 0.9, 0.4];
    const b = [1, 0, 1, 1];
    const comps = [
      { code: 'TC.A', mean: mean(a), clusters: a.map((value, i) => ({ clusterId: `v${i}`, value })) },
      { code: 'TC.B', mean: mean(b), clusters: b.map((value, i) => ({ clusterId: `v${i}`, value })) },
    ];
    const combo = a.map((x, i) => 0.3 * x + 0.7 * b[i]);
    const { n, variance } = clusteredLinearVariance(comps, { 'TC.A': 0.3, 'TC.B': 0.7 });
    expect(n).toBe(4);
    expect(variance).toBeCloseTo(sampleVar(combo) / 4, 14);
  });

  it('keeps the covariance between components answered by the same validators', () => {
    const x = [0.1, 0.4, 0.8];
    const comps = [
      { code: 'PC.X', mean: mean(x), clusters: x.map((value, i) => ({ clusterId: `v${i}`, value })) },
      { code: 'TC.X', mean: mean(x), clusters: x.map((value, i) => ({ clusterId: `v${i}`, value })) },
    ];
    // Perfectly correlated: Var(0.5·X + 0.5·X) = Var(X̄), not half of it.
    expect(clusteredLinearVariance(comps, { 'PC.X': 0.5, 'TC.X': 0.5 }).variance).toBeCloseTo(sampleVar(x) / 3, 14);
  });

  it('is not estimable with one validator', () => {
    expect(
      clusteredLinearVariance([{ code: 'TC.A', mean: 1, clusters: [{ clusterId: 'v', value: 1 }] }], { 'TC.A': 1 }),
    ).toEqual({
      n: 1,
      variance: null,
    });
  });
});

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
function sampleVar(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

describe('criticalValue at huge degrees of freedom', () => {
  it('is the normal quantile, never NaN (Welch–Satterthwaite can give df ≈ 10^16)', () => {
    const z = criticalValue(0.95, null);
    for (const df of [1e8, 1.4e16, Number.POSITIVE_INFINITY]) expect(criticalValue(0.95, df)).toBe(z);
    expect(criticalValue(0.95, 1e6)).toBeCloseTo(z, 5);
  });
});
