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
  /**
   * Degrees of freedom of the value's variance for Welch–Satterthwaite (§5): its validators when its
   * own spread carries it; null (infinite) when the pooled or bound term does, or for a census (SE 0).
   */
  nu: number | null;
  status: Status;
  reasons: StatusReason[];
  /**
   * Additional citizen reports that would make the value conclusive (§6 needed sample): the reports of
   * the `neededSubjects` new subjects plus `neededReports`. 0 only when conclusive; null when no
   * citizen addition can make it conclusive (reason `not_reachable_by_sampling`).
   */
  needed: number | null;
  /** Areas: additional subjects with citizen data needed first; null at institution level or when unreachable. */
  neededSubjects: number | null;
  /** Additional reports beyond those the new subjects bring; null when unreachable. */
  neededReports: number | null;
  /** Refutations not yet final behind the value (§3.1). */
  pendingRefutations: number;
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
  return {
    lo: iv.lo,
    hi: iv.hi,
    halfWidth: iv.halfWidth,
    cv: coefficientOfVariation(estimate, se),
    interval: 'wilson',
  };
}
