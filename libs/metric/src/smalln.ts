/**
 * The one small-n variance rule of METHOD.md §5 and the round's pooled per-validator variances.
 *
 * A citizen value of one institution is a mean over n validators. Its per-validator variance is
 *   s̃² = max(s², ((n − 1)·s² + s_p²)/n)
 * with s² the observed spread (taken as 0 below two validators) and s_p² the round's pooled
 * variance of that indicator (institutions with ≥ 2 validators), or the bound (c·0.5)² when none
 * exists, c being the indicator's citizen share. It is continuous in the data, never below the
 * observed spread, and needs no special case for one validator or zero spread.
 */
import { compareStrings } from './order';

/** Pre-finalisation statistics of one citizen value: what the pooled variance and the small-n rule need. */
export interface CitizenRaw {
  estimate: number;
  /** Validators (clusters) behind the value. */
  n: number;
  /** Observed per-validator variance (n − 1 denominator); null below two validators. */
  s2: number | null;
  /** Citizen share c of the value: 1 for TC, PC and citizen components; 0.5 for T, P and I. */
  share: number;
}

/** Pooled per-validator variance by indicator or citizen component code; a code absent uses the bound. */
export type PooledVariances = Readonly<Record<string, number>>;

export interface AssignedVariance {
  /** s̃², the per-validator variance assigned to the value. */
  variance: number;
  /**
   * Degrees of freedom of the variance for Welch–Satterthwaite (§5): the validators when the value's
   * own spread carries it, null (infinite) when the pooled or bound term raised it.
   */
  nu: number | null;
}

export function boundVariance(share: number): number {
  return (share * 0.5) ** 2;
}

export function pooledOrBound(pooled: PooledVariances | null, code: string, share: number): number {
  if (pooled !== null && Object.prototype.hasOwnProperty.call(pooled, code)) return pooled[code];
  return boundVariance(share);
}

/** §5's small-n rule for n ≥ 1 validators. */
export function assignedVariance(n: number, s2: number | null, pooledVariance: number): AssignedVariance {
  const s = n >= 2 && s2 !== null ? s2 : 0;
  const blended = ((n - 1) * s + pooledVariance) / n;
  if (n >= 2 && s2 !== null && s >= blended) return { variance: s, nu: n };
  return { variance: Math.max(s, blended), nu: null };
}

/**
 * Pooled variance of every code over the institutions with ≥ 2 validators: Σ(n − 1)·s² / Σ(n − 1),
 * summed in institution-id order (callers pass ids) so that it is bit-for-bit reproducible. Each
 * code's sums depend only on the order of institutions, not on the order of codes within one, so an
 * institution's codes are taken as they come (an area job forms the pool of a national round on every
 * run: sorting every institution's codes was most of its cost).
 */
export function pooledVariances(
  institutions: ReadonlyArray<{ institutionId: string; raw: Readonly<Record<string, CitizenRaw>> }>,
): Record<string, number> {
  const sums = new Map<string, { num: number; den: number }>();
  const ordered = [...institutions].sort((a, b) => compareStrings(a.institutionId, b.institutionId));
  for (const inst of ordered) {
    const raw = inst.raw;
    for (const code of Object.keys(raw)) {
      const r = raw[code];
      if (r.n < 2 || r.s2 === null) continue;
      let sum = sums.get(code);
      if (sum === undefined) sums.set(code, (sum = { num: 0, den: 0 }));
      sum.num += (r.n - 1) * r.s2;
      sum.den += r.n - 1;
    }
  }
  const out: Record<string, number> = {};
  for (const code of [...sums.keys()].sort(compareStrings)) {
    const { num, den } = sums.get(code) as { num: number; den: number };
    out[code] = num / den;
  }
  return out;
}
