/**
 * Commitments after a diagnosis (issue #18): how much of a commitment citizens have verified, beside
 * what its owner declares, and whether the components it addresses moved in the next round beyond
 * their uncertainty. Pure; the same estimate shape, interval and status rules as every other value
 * (METHOD.md §3.1, §5, §6, §9), so a page shows them the same way.
 */
import type { MethodSettings } from './settings';
import { assignedVariance, boundVariance } from './smalln';
import { classifyStatus } from './status';
import type { Status, StatusReason } from './status';
import { precisionOf } from './estimate';
import type { IntervalMethod } from './estimate';
import { criticalValue } from './uncertainty';

/** Verdicts on one milestone, counted as §3.1 counts them (refutations only once final). */
export interface MilestoneVerdicts {
  /** The owner says the milestone is met. */
  declaredDone: boolean;
  confirmed: number;
  /** Counted refutations (reply window passed, or upheld after a dispute). */
  refuted: number;
  /** Refutations not yet final (pending or disputed): shown, not counted. */
  pending: number;
}

export type MilestoneState = 'unverified' | 'confirmed' | 'refuted' | 'mixed';

/** §3.1 for one milestone: the share of counted verdicts that confirm it, null without any. */
export function milestoneState(m: Pick<MilestoneVerdicts, 'confirmed' | 'refuted'>): {
  state: MilestoneState;
  share: number | null;
  n: number;
} {
  const n = m.confirmed + m.refuted;
  if (n === 0) return { state: 'unverified', share: null, n };
  const share = m.confirmed / n;
  return { state: share === 1 ? 'confirmed' : share === 0 ? 'refuted' : 'mixed', share, n };
}

export interface CommitmentProgress {
  milestones: number;
  /** Share of milestones the owner declares met (their own word: exact, no sampling error). */
  declared: number | null;
  /** Milestones with at least one counted verdict. */
  verifiedMilestones: number;
  /** Counted verdicts behind the verified value (the "n" of the status rules). */
  verdicts: number;
  /**
   * Verified progress: Σ over milestones of the confirmed share of its counted verdicts, divided by
   * every milestone — an unverified milestone adds nothing until citizens check it, so this is the
   * progress the public can rely on, never more. Null when no milestone has a counted verdict.
   */
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  halfWidth: number | null;
  cv: number | null;
  df: number | null;
  interval: IntervalMethod;
  status: Status;
  reasons: StatusReason[];
  pendingRefutations: number;
}

/**
 * Verified progress of one commitment. Each verified milestone is a mean of n Bernoulli verdicts
 * (validators are its clusters): its variance follows §5's small-n rule with the bound (0.5)² — a
 * single confirmation is not certainty. The commitment's SE² = Σ (s̃²_m / n_m) / M²; the t interval
 * takes Welch–Satterthwaite degrees of freedom over the milestones whose own spread carries them
 * (normal when none does). Status: §6 with the institution minimum of reports applied to verdicts,
 * and the response-share rule applied to verified milestones / milestones.
 */
export function commitmentProgress(
  milestones: readonly MilestoneVerdicts[],
  settings: MethodSettings,
): CommitmentProgress {
  const M = milestones.length;
  const declared = M === 0 ? null : milestones.filter((m) => m.declaredDone).length / M;
  let sum = 0;
  let verified = 0;
  let verdicts = 0;
  let pending = 0;
  let varSum = 0;
  let wsDen = 0;
  let anyFinite = false;
  for (const m of milestones) {
    pending += m.pending;
    const st = milestoneState(m);
    if (st.share === null) continue;
    verified++;
    verdicts += st.n;
    sum += st.share;
    const s2 = st.n >= 2 ? (st.n / (st.n - 1)) * st.share * (1 - st.share) : null;
    const a = assignedVariance(st.n, s2, boundVariance(1));
    const v = a.variance / st.n / (M * M);
    varSum += v;
    if (a.nu !== null) {
      anyFinite = true;
      wsDen += (v * v) / a.nu;
    }
  }
  const estimate = verified === 0 ? null : sum / M;
  const se = estimate === null ? null : Math.sqrt(varSum);
  // ν = ∞ for bound-carried terms (§5): they add nothing to the denominator; all infinite → normal.
  const df = se !== null && anyFinite && wsDen > 0 ? (varSum * varSum) / wsDen : null;
  const p =
    estimate === null
      ? { lo: null, hi: null, halfWidth: null, cv: null, interval: 'none' as IntervalMethod }
      : precisionOf(estimate, se, df, settings.confidence);
  const { status, reasons } = classifyStatus(
    {
      needsCitizenData: true,
      hasCitizenData: verified > 0,
      meetsMinimum: verdicts >= settings.thresholds.institutionMinReports,
      estimate,
      se,
      halfWidth: p.halfWidth,
      responseShare: M === 0 ? null : verified / M,
      pendingRefutations: pending,
    },
    settings,
  );
  return {
    milestones: M,
    declared,
    verifiedMilestones: verified,
    verdicts,
    estimate,
    se,
    lo: p.lo,
    hi: p.hi,
    halfWidth: p.halfWidth,
    cv: p.cv,
    df,
    interval: p.interval,
    status,
    reasons,
    pendingRefutations: pending,
  };
}

/** A component's value in one round, as stored (institution scope). */
export interface RoundComponentValue {
  estimate: number | null;
  se: number | null;
  status: string;
  /** `methodId@methodVersion`: values of different method versions are never compared. */
  method: string;
}

export type MovementVerdict = 'improved' | 'worsened' | 'within_uncertainty' | 'not_comparable';
export type MovementReason = 'missing_value' | 'different_method' | 'status' | 'missing_se';

export interface ComponentMovement {
  verdict: MovementVerdict;
  /** after − before; null when either value is missing. */
  delta: number | null;
  /** z·√(SE₁² + SE₂²); null when not comparable. */
  threshold: number | null;
  reasons: MovementReason[];
}

const COMPARABLE: ReadonlySet<string> = new Set(['conclusive', 'caution']);

/**
 * Did a component move between the round of the commitment and the next one beyond its
 * uncertainty? §9's change rule: only when both values are at least `caution`, both SEs are known
 * and both use the same method version; then moved when |Δ| > z·√(SE₁² + SE₂²) (z of `confidence`,
 * normal). Every reason that blocks the comparison is listed.
 */
export function componentMovement(
  before: RoundComponentValue | null,
  after: RoundComponentValue | null,
  confidence: number,
): ComponentMovement {
  const reasons: MovementReason[] = [];
  const delta =
    before && after && before.estimate !== null && after.estimate !== null ? after.estimate - before.estimate : null;
  if (delta === null) reasons.push('missing_value');
  if (before && after && before.method !== after.method) reasons.push('different_method');
  if (before && after && (!COMPARABLE.has(before.status) || !COMPARABLE.has(after.status))) reasons.push('status');
  if (before && after && (before.se === null || after.se === null)) reasons.push('missing_se');
  if (reasons.length > 0 || !before || !after || delta === null) {
    return { verdict: 'not_comparable', delta, threshold: null, reasons };
  }
  const threshold = criticalValue(confidence, null) * Math.sqrt((before.se as number) ** 2 + (after.se as number) ** 2);
  if (Math.abs(delta) <= threshold) return { verdict: 'within_uncertainty', delta, threshold, reasons };
  return { verdict: delta > 0 ? 'improved' : 'worsened', delta, threshold, reasons };
}

/** Per institution: every addressed component's movement (components in the order given). */
export function addressedMovements(
  components: readonly string[],
  before: Readonly<Record<string, RoundComponentValue>>,
  after: Readonly<Record<string, RoundComponentValue>> | null,
  confidence: number,
): Array<{ component: string } & ComponentMovement> {
  return components.map((component) => ({
    component,
    ...componentMovement(before[component] ?? null, after ? (after[component] ?? null) : null, confidence),
  }));
}
