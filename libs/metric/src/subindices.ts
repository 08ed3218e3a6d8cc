/**
 * Sub-index weights with renormalisation over present components (METHOD.md §3.4).
 */
import { compareStrings } from './order';
import type { MethodSettings, SubIndexCode } from './settings';

export interface SubIndexInfo {
  code: SubIndexCode;
  /** Some weighted components are missing; the present ones were renormalised. */
  partial: boolean;
  /** Full codes of the missing components (e.g. `TG.DA`), sorted. */
  missing: string[];
  /** Renormalised weights by full component code (sum 1), sorted by code. */
  weights: Record<string, number>;
  formula: string;
}

/**
 * Which components of `code` enter and with what weight, given the components present.
 * Components with weight 0 are ignored (neither used nor "missing"). Null when none is present:
 * the sub-index is then missing, never 0 (§3.2).
 */
export function resolveSubIndex(
  code: SubIndexCode,
  present: ReadonlySet<string>,
  settings: MethodSettings,
): SubIndexInfo | null {
  const declared = settings.weights[code];
  const suffixes = Object.keys(declared)
    .filter((k) => declared[k] > 0)
    .sort(compareStrings);
  const used = suffixes.filter((k) => present.has(`${code}.${k}`));
  if (used.length === 0) return null;
  const missing = suffixes.filter((k) => !present.has(`${code}.${k}`)).map((k) => `${code}.${k}`);
  let total = 0;
  for (const k of used) total += declared[k];
  const weights: Record<string, number> = {};
  for (const k of used) weights[`${code}.${k}`] = declared[k] / total;
  // The formula text keeps the settings' order (the Métrica's reading order); sums use code order.
  const terms = Object.keys(declared)
    .filter((k) => declared[k] > 0 && present.has(`${code}.${k}`))
    .map((k) => `${declared[k]}·${k}`)
    .join(' + ');
  const formula =
    missing.length === 0
      ? `${code} = ${terms}`
      : `${code} = (${terms}) / ${Number(total.toPrecision(12))} [partial: missing ${missing.join(', ')}]`;
  return { code, partial: missing.length > 0, missing, weights, formula };
}

/** Σ_k w_k·C_k over the resolved weights, in code order. */
export function weightedValue(info: SubIndexInfo, valueOf: (componentCode: string) => number): number {
  let s = 0;
  for (const k of Object.keys(info.weights).sort(compareStrings)) s += info.weights[k] * valueOf(k);
  return s;
}
