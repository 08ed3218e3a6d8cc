/** The report card's rows, pure (unit-tested): validated vs claimed, weakest first. */
import type { InstitutionDetail, ResultValue } from './api';
import { markOf } from './present';

/** One line of the card: a validated value beside what the institution claimed (its self-report). */
export interface CardRow {
  code: string;
  validated: ResultValue | null;
  claimed: number | null;
}

/** Sub-indices and the government index against their raw self-reported counterparts (§3.6). */
const PAIRS: ReadonlyArray<[string, string | null]> = [
  ['I_G', 'I_G_raw'],
  ['TG', 'TG_raw'],
  ['PG', 'PG_raw'],
  ['TC', null],
  ['PC', null],
];

/**
 * Weakest first: the lowest validated value leads (that is where the institution should look);
 * rows without a value go last, so a missing number is never read as the weakest measured one.
 */
export function weakestFirst(rows: readonly CardRow[]): CardRow[] {
  const key = (r: CardRow) => r.validated?.estimate ?? null;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? a.code.localeCompare(b.code) : ka === null ? 1 : -1;
    return ka - kb || a.code.localeCompare(b.code);
  });
}

export function cardRows(d: InstitutionDetail): { subIndices: CardRow[]; components: CardRow[] } {
  const value = (code: string) => d.values.find((v) => v.indicator === code) ?? null;
  const subIndices = PAIRS.map(([code, raw]) => ({
    code,
    validated: value(code),
    claimed: raw === null ? null : (value(raw)?.estimate ?? null),
  }));
  const components = d.components.map((c) => ({
    code: c.code,
    validated: c.value,
    claimed: c.kind === 'government' ? c.raw : null,
  }));
  return { subIndices: weakestFirst(subIndices), components: weakestFirst(components) };
}

/**
 * Whether the row's "validated" value is only the unverified self-report, and the claimed minus
 * validated difference (null when either is missing). An unverified self-report is the claim itself:
 * showing it under "Validated" (or a difference of +0.00 against itself) would make the claim look checked.
 */
export function claimVsValidated(r: CardRow): { selfReportOnly: boolean; difference: number | null } {
  const v = r.validated;
  const selfReportOnly = v != null && markOf(v) === 'self_report';
  const difference = v?.estimate != null && !selfReportOnly && r.claimed !== null ? r.claimed - v.estimate : null;
  return { selfReportOnly, difference };
}
