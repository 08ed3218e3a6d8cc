/**
 * Conclusiveness status (METHOD.md §6). Worst applicable rule wins; every rule that fired is kept in
 * `reasons` so a dashboard can say *why* a value is not conclusive.
 */
import type { MethodSettings } from './settings';

export type Status = 'not_validated' | 'inconclusive' | 'caution' | 'conclusive';

export const STATUS_ORDER: readonly Status[] = ['not_validated', 'inconclusive', 'caution', 'conclusive'];

export type StatusReason =
  /** Rule 1: the value needs citizen data and has none. */
  | 'no_citizen_data'
  /** Rule 2: n below the scope's minimum. */
  | 'below_minimum'
  /** Rule 2: no interval could be computed (e.g. a single observation from a larger universe). */
  | 'not_estimable'
  | 'cv_inconclusive'
  | 'half_width_inconclusive'
  | 'cv_caution'
  | 'half_width_caution'
  /** Rule 3: fewer than half of the universe responded. */
  | 'low_response_share';

export interface StatusInput {
  /** Does this value need citizen data (citizen sub-indices, T, P, I)? */
  needsCitizenData: boolean;
  /** Is there any citizen data behind it (rule 1 fires when needed and absent)? */
  hasCitizenData: boolean;
  /** n at or above the scope's minimum (caller applies the scope's rule). */
  meetsMinimum: boolean;
  estimate: number | null;
  se: number | null;
  /** Half-width of the interval (see uncertainty.ts); null when no interval exists. */
  halfWidth: number | null;
  /** n/N when the universe is finite, otherwise null (the rule does not apply). */
  responseShare: number | null;
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
  if (!input.meetsMinimum) worsen('inconclusive', 'below_minimum');
  if (input.estimate === null || input.halfWidth === null) {
    worsen('inconclusive', 'not_estimable');
  } else {
    // §6: "n at or above its minimum and half-width ≤ 0.05 is conclusive whatever its CV" — the
    // override silences the CV rules only; the coverage rules (minimum, response share) still apply.
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
  return { status, reasons };
}

/** CV for the rules: unknown SE → no CV rule (the interval rules decide); estimate 0 with SE > 0 → ∞. */
function effectiveCv(estimate: number, se: number | null): number | null {
  if (se === null) return null;
  if (se === 0) return 0;
  return estimate > 0 ? se / estimate : Number.POSITIVE_INFINITY;
}
