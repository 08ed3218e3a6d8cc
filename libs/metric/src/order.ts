/**
 * Canonical ordering helpers. Every sum in libs/metric runs over inputs sorted with these, so that
 * permuting the inputs gives bit-identical results (METHOD.md §7). Code-unit comparison is used
 * on purpose instead of localeCompare: it does not depend on the ICU data or locale of the machine.
 */

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `xs` sorted by a string key (stable for equal keys, but callers use unique keys or full tuples). */
export function sortedBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  return [...xs].sort((a, b) => compareStrings(key(a), key(b)));
}

/** Own keys of a record in canonical order. */
export function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort(compareStrings);
}

/** Sum in the order given (callers pass canonically sorted arrays). */
export function sumInOrder(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export const clip01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Rounds away floating dust before ceil, so 16.000000000000004 needs 16, not 17. */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9);
}

/** A prototype-less record, so that an id such as `__proto__` or `constructor` is just a key. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Groups preserving the input order inside each group (callers pass canonically sorted inputs). */
export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Record<string, T[]> {
  const out = emptyRecord<T[]>();
  for (const x of xs) (out[key(x)] ??= []).push(x);
  return out;
}

/** Smallest k in [1, cap] with `ok(k)` for a monotone predicate; null when even `cap` fails. */
export function smallestTrue(ok: (k: number) => boolean, cap: number): number | null {
  let failed = 0;
  let hi = 1;
  while (!ok(hi)) {
    if (hi >= cap) return null;
    failed = hi;
    hi = Math.min(cap, hi * 2);
  }
  let lo = failed + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}
