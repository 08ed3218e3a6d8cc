/**
 * Sampling uncertainty primitives (METHOD.md §5): quantiles, t and Wilson intervals, CV, and the
 * variance of a linear combination of citizen component means with validators as clusters.
 */
import { jStat } from 'jstat';
import { clip01, compareStrings } from './order';

// jStat's t quantile is iterative; the same (confidence, df) pairs recur thousands of times in a
// round, so memoise. The cache is a pure function of its key: determinism is unaffected. Keyed by
// the numbers themselves (one map per confidence), not by a string built from them: printing a
// fractional df to build the key cost more than the lookup saved (≈ 0.8 s of a national rebuild).
const quantileCache = new Map<number, Map<number | null, number>>();
const QUANTILE_CACHE_LIMIT = 200_000;

/** Two-sided critical value for `confidence`: Student t with `df` degrees of freedom, normal when df is null. */
export function criticalValue(confidence: number, df: number | null): number {
  let byDf = quantileCache.get(confidence);
  if (byDf === undefined) {
    byDf = new Map();
    quantileCache.set(confidence, byDf);
  }
  const cached = byDf.get(df);
  if (cached !== undefined) return cached;
  const p = 1 - (1 - confidence) / 2;
  // Beyond 10^7 degrees of freedom t equals the normal to many digits, and jStat's t inverse loses precision (NaN).
  const q = df === null || !Number.isFinite(df) || df > 1e7 ? jStat.normal.inv(p, 0, 1) : jStat.studentt.inv(p, df);
  // Welch–Satterthwaite df are fractional and many: a long-running worker must not grow without bound.
  if (byDf.size >= QUANTILE_CACHE_LIMIT) byDf.clear();
  byDf.set(df, q);
  return q;
}

export interface Interval {
  lo: number;
  hi: number;
  /** Half of the precision interval before clipping (t·SE), or half the Wilson width. */
  halfWidth: number;
}

/**
 * t interval clipped to [0,1]. The half-width reported (and used by the status rules) is t·SE
 * *before* clipping: clipping at 0 or 1 narrows the interval without adding information, and a
 * value of 0.02 ± 0.20 must not look precise because it sits near a bound.
 */
export function tInterval(estimate: number, se: number, df: number | null, confidence: number): Interval {
  const halfWidth = criticalValue(confidence, df) * se;
  return { lo: clip01(estimate - halfWidth), hi: clip01(estimate + halfWidth), halfWidth };
}

/**
 * Wilson score interval for a proportion `successes / n` (METHOD.md §5: binary items summarised as a
 * proportion). Unlike the Wald/t interval it stays inside [0,1] and is not degenerate at p = 0 or 1,
 * which is exactly where small citizen samples of yes/no answers tend to sit.
 */
export function wilsonInterval(successes: number, n: number, confidence: number): Interval | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const z = criticalValue(confidence, null);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  const lo = clip01(centre - half);
  const hi = clip01(centre + half);
  return { lo, hi, halfWidth: (hi - lo) / 2 };
}

/**
 * CV = SE / estimate. `null` when it cannot be computed: SE unknown, or estimate 0 with SE > 0
 * (the CV is unbounded there; the status rules treat that as "CV too large" unless the half-width
 * override applies). SE = 0 gives CV 0 even at estimate 0 (an exact zero is perfectly precise).
 */
export function coefficientOfVariation(estimate: number, se: number | null): number | null {
  if (se === null) return null;
  if (se === 0) return 0;
  return estimate > 0 ? se / estimate : null;
}

/** Values of one citizen component: one value per validator (cluster), sorted by validator id. */
export interface ClusteredComponent {
  code: string;
  mean: number;
  clusters: ReadonlyArray<{ clusterId: string; value: number }>;
}

/**
 * Variance of Σ_k a_k·C_k where C_k is the mean of component k over the validators that answered it.
 *
 * Linearisation with validators as clusters: each validator v gets the influence
 *   z_v = Σ_k a_k (y_kv − C_k) / n_k   (over the components v answered),
 * and Var = n/(n−1) · Σ_v z_v², n = validators involved. When every validator answered every
 * component this is exactly s²/n of the per-validator combination (the textbook SE = sd/√n);
 * otherwise it still accounts for the covariance between components answered in the same report,
 * which a naive Σ a_k² SE_k² would drop (TC and PC come from the same people).
 *
 * Returns the number of clusters involved and the variance (null when fewer than 2 clusters).
 */
export function clusteredLinearVariance(
  components: readonly ClusteredComponent[],
  coefficients: Readonly<Record<string, number>>,
): { n: number; variance: number | null } {
  const influence = new Map<string, number>();
  const ordered = [...components].sort((a, b) => compareStrings(a.code, b.code));
  for (const comp of ordered) {
    const a = coefficients[comp.code] ?? 0;
    if (a === 0 || comp.clusters.length === 0) continue;
    const nk = comp.clusters.length;
    for (const { clusterId, value } of comp.clusters) {
      influence.set(clusterId, (influence.get(clusterId) ?? 0) + (a * (value - comp.mean)) / nk);
    }
  }
  const n = influence.size;
  if (n < 2) return { n, variance: null };
  let ss = 0;
  for (const id of [...influence.keys()].sort(compareStrings)) {
    const z = influence.get(id) ?? 0;
    ss += z * z;
  }
  return { n, variance: (n / (n - 1)) * ss };
}
