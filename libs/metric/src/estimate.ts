/**
 * The shape every published number takes (METHOD.md §5): estimate, spread, interval, CV, status,
 * needed sample and the formula that produced it. Plain data only (JSON-serialisable, no NaN or
 * Infinity: anything undefined is `null`).
 */
import type { Status, StatusReason } from './status';
import { coefficientOfVariation, Interval, tInterval } from './uncertainty';

/** How the interval was obtained. `exact`: a census with no sampling error (SE 0). `none`: not estimable. */
export type IntervalMethod = 't' | 'wilson' | 'exact' | 'none';

export interface Estimate {
  estimate: number;
  /** Standard error; null when it cannot be estimated (e.g. one validator). */
  se: number | null;
  /** 95% (settings.confidence) interval clipped to [0,1]. */
  lo: number | null;
  hi: number | null;
  /** SE/estimate; null when SE is unknown or the estimate is 0 with SE > 0. */
  cv: number | null;
  halfWidth: number | null;
  /** Observations behind the value: validators (institution, citizen values) or responding subjects / municipalities (areas). Null for census values. */
  n: number | null;
  /** Finite universe size; null at institution level (the possible citizen reports are unbounded). */
  N: number | null;
  /** Degrees of freedom of the t interval; null for Wilson, exact or normal intervals. */
  df: number | null;
  /** Spread used by the needed-sample rule (per-observation sd); null when unknown. */
  sd: number | null;
  interval: IntervalMethod;
  status: Status;
  reasons: StatusReason[];
  /** Additional citizen reports (institution) or responding subjects (areas) needed; 0 when conclusive. */
  needed: number;
  formula: string;
}

export interface Precision {
  lo: number | null;
  hi: number | null;
  halfWidth: number | null;
  cv: number | null;
  interval: IntervalMethod;
}

/**
 * Interval and CV of a sample estimate with a given SE (t with `df`, normal when df is null).
 * SE 0 (all observations equal) gives a zero-width t interval, still labelled `t`: it is a sample.
 */
export function precisionOf(estimate: number, se: number | null, df: number | null, confidence: number): Precision {
  if (se === null) return { lo: null, hi: null, halfWidth: null, cv: null, interval: 'none' };
  const iv = tInterval(estimate, se, df, confidence);
  return { lo: iv.lo, hi: iv.hi, halfWidth: iv.halfWidth, cv: coefficientOfVariation(estimate, se), interval: 't' };
}

/** A census value (the institution's own answers, §5): no sampling error. */
export function exactPrecision(estimate: number): Precision {
  return { lo: estimate, hi: estimate, halfWidth: 0, cv: 0, interval: 'exact' };
}

/** Same, for a proportion with a Wilson interval (SE, when known, still gives the CV). */
export function wilsonPrecision(estimate: number, se: number | null, iv: Interval): Precision {
  return { lo: iv.lo, hi: iv.hi, halfWidth: iv.halfWidth, cv: coefficientOfVariation(estimate, se), interval: 'wilson' };
}
