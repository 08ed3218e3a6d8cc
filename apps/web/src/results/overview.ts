/**
 * The round overview's numbers, pure (unit-tested): which national value is the headline, the four
 * sub-indices as chart rows, and how many institutions have each status.
 */
import { STATUS_ORDER, type AreaValue, type ResultStatus } from './api';
import type { IntervalRow } from './charts';
import { markOf } from './present';

export const SUB_INDICES = ['TG', 'TC', 'PG', 'PC'] as const;

type NationalValue = Pick<AreaValue, 'indicator' | 'aggregation' | 'estimate' | 'lo' | 'hi' | 'status'>;

/** The round's unweighted national value of an indicator. */
export function nationalValue<V extends NationalValue>(national: readonly V[], indicator: string): V | undefined {
  return national.find((v) => v.indicator === indicator && v.aggregation === 'unweighted');
}

/** The headline: the validated index I when it has a value, else the unverified self-reported I_G. */
export function nationalHeadline<V extends NationalValue>(national: readonly V[]): V | undefined {
  const i = nationalValue(national, 'I');
  return i?.estimate !== null && i ? i : nationalValue(national, 'I_G');
}

/** The four national sub-indices as bars; a missing one is an empty, not-validated bar. */
export function subIndexRows(national: readonly NationalValue[]): IntervalRow[] {
  return SUB_INDICES.map((k) => {
    const v = nationalValue(national, k);
    return {
      key: k,
      label: k,
      mark: v ? markOf(v) : 'none',
      estimate: v?.estimate ?? null,
      lo: v?.lo ?? null,
      hi: v?.hi ?? null,
      status: v?.status ?? 'not_validated',
    };
  });
}

/** How many institutions have each status, in the order statuses are always listed. */
export function statusCounts(
  statuses: readonly (ResultStatus | null)[] | undefined,
): Array<readonly [ResultStatus, number]> {
  return STATUS_ORDER.map((st) => [st, statuses ? statuses.filter((x) => x === st).length : 0] as const);
}
