/**
 * Canonical JSON: object keys sorted at every level. PostgreSQL's jsonb reorders keys, so a stored
 * submission is compared with a replayed one through this form (idempotency check).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k): [string, unknown] => [k, sortKeys((value as Record<string, unknown>)[k])]);
    return Object.fromEntries(entries);
  }
  return value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
