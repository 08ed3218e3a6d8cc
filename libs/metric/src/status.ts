/**
 * Conclusiveness status (METHOD.md §6). Worst applicable rule wins; every rule that fired is kept in
 * `reasons` so a page can say *why* a value is not conclusive, in words (reasons-text).
 */
import type { MethodSettings } from './settings';

export type Status = 'not_validated' | 'inconclusive' | 'caution' | 'conclusive';

export const STATUS_ORDER: readonly Status[] = ['not_validated', 'inconclusive', 'caution', 'conclusive'];

export type StatusReason =
  /** Rule 1: the value needs citizen data and has none. */
  | 'no_citizen_data'
  /** Rule 1: an aggregate of a government-perspective indicator whose members' citizen validation is below the rule-2 minimums. */
  | 'insufficient_validation'
  /** Rule 2: n below the scope's minimum (reports, subjects or municipalities). */
  | 'below_minimum'
  /** Rule 2: no interval could be computed (e.g. a single subject from a larger universe; ΔG of an unverified institution). */
  | 'not_estimable'
  | 'cv_inconclusive'
  | 'half_width_inconclusive'
  | 'cv_caution'
  | 'half_width_caution'
  /** Rule 3: fewer than half of N are members of the value. */
  | 'low_response_share'
  /** Rule 3: government-perspective aggregate whose validated share is below 50 %. */
  | 'low_validated_share'
  /** §3.1: refutations not yet final affect the value (provisional). */
  | 'pending_refutations'
  /** §6 needed sample: no citizen addition can make it conclusive (only more self-reports can). */
  | 'not_reachable_by_sampling';

export interface StatusInput {
  /** Does this value need citizen data (citizen sub-indices, T, P, I)? */
  needsCitizenData: boolean;
  /** Is there any citizen data behind it (rule 1 fires when needed and absent)? */
  hasCitizenData: boolean;
  /** Government-perspective aggregate: do its members meet the validation minimums (rule 1)? Null: rule not applicable. */
  validationCovered?: boolean | null;
  /** Government-perspective aggregate: validated members / members (rule 3). Null: not applicable. */
  validatedShare?: number | null;
  /** n at or above the scope's minimum (caller applies the scope's rule). */
  meetsMinimum: boolean;
  estimate: number | null;
  se: number | null;
  /** Half-width of the interval (see uncertainty.ts); null when no interval exists. */
  halfWidth: number | null;
  /** Members / N when the universe is finite and known, otherwise null (the rule does not apply). */
  responseShare: number | null;
  /** Refutations still pending behind the value (reason only: the value is provisional). */
  pendingRefutations?: number;
}

export interface StatusResult {
  status: Status;
  reasons: StatusReason[];
}

export function classifyStatus(input: StatusInput, settings: MethodSettings): StatusResult {
  const t = settings.thresholds;
  const reasons: StatusReason[] = [];
  let status: Status = 'conclusive';
  const worsen = (s: Status, reason: StatusReason): void => {
    reasons.push(reason);
    if (STATUS_ORDER.indexOf(s) < STATUS_ORDER.indexOf(status)) status = s;
  };

  if (input.needsCitizenData && !input.hasCitizenData) worsen('not_validated', 'no_citizen_data');
  if (input.validationCovered === false) worsen('not_validated', 'insufficient_validation');
  if (!input.meetsMinimum) worsen('inconclusive', 'below_minimum');
  if (input.estimate === null || input.halfWidth === null) {
    worsen('inconclusive', 'not_estimable');
  } else {
    // §6: "at or above the minimums, half-width ≤ 0.05 overrides the CV rules only" — the coverage
    // rules (minimum, response share, validated share) still apply.
    const cvOverridden = input.meetsMinimum && input.halfWidth <= t.halfWidthConclusive;
    const cv = effectiveCv(input.estimate, input.se);
    if (!cvOverridden && cv !== null) {
      if (cv >= t.cvInconclusive) worsen('inconclusive', 'cv_inconclusive');
      else if (cv >= t.cvCaution) worsen('caution', 'cv_caution');
    }
    if (input.halfWidth >= t.halfWidthInconclusive) worsen('inconclusive', 'half_width_inconclusive');
    else if (input.halfWidth > t.halfWidthCaution) worsen('caution', 'half_width_caution');
  }
  if (input.responseShare !== null && input.responseShare < t.responseShareCaution) {
    worsen('caution', 'low_response_share');
  }
  if (
    input.validatedShare !== undefined &&
    input.validatedShare !== null &&
    input.validatedShare < t.validatedShareCaution
  ) {
    worsen('caution', 'low_validated_share');
  }
  if ((input.pendingRefutations ?? 0) > 0) reasons.push('pending_refutations');
  return { status, reasons };
}

/**
 * classifyStatus(input, settings).status without the reasons: the same rules, allocating nothing.
 * The needed-sample searches (§6) ask it of every projected sample size — about 1.7 million times
 * in a national rebuild — and need only the verdict. status.spec.ts checks it against
 * classifyStatus on arbitrary inputs.
 */
export function statusOf(input: StatusInput, settings: MethodSettings): Status {
  const t = settings.thresholds;
  if (input.needsCitizenData && !input.hasCitizenData) return 'not_validated';
  if (input.validationCovered === false) return 'not_validated';
  // Index into STATUS_ORDER: 3 conclusive, 2 caution, 1 inconclusive.
  let worst = 3;
  if (!input.meetsMinimum) worst = 1;
  if (input.estimate === null || input.halfWidth === null) {
    worst = 1;
  } else {
    const cvOverridden = input.meetsMinimum && input.halfWidth <= t.halfWidthConclusive;
    const cv = effectiveCv(input.estimate, input.se);
    if (!cvOverridden && cv !== null) {
      if (cv >= t.cvInconclusive) worst = 1;
      else if (cv >= t.cvCaution) worst = Math.min(worst, 2);
    }
    if (input.halfWidth >= t.halfWidthInconclusive) worst = 1;
    else if (input.halfWidth > t.halfWidthCaution) worst = Math.min(worst, 2);
  }
  if (input.responseShare !== null && input.responseShare < t.responseShareCaution) worst = Math.min(worst, 2);
  if (
    input.validatedShare !== undefined &&
    input.validatedShare !== null &&
    input.validatedShare < t.validatedShareCaution
  ) {
    worst = Math.min(worst, 2);
  }
  return STATUS_ORDER[worst];
}

/** CV for the rules: unknown SE → no CV rule (the interval rules decide); estimate 0 with SE > 0 → ∞. */
function effectiveCv(estimate: number, se: number | null): number | null {
  if (se === null) return null;
  if (se === 0) return 0;
  return estimate > 0 ? se / estimate : Number.POSITIVE_INFINITY;
}
