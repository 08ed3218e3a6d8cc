/** Bounds of the round's due-process settings (the API enforces the same ones). */
export const DUE_PROCESS_LIMITS = { replyWindowDays: [1, 90], maxConflicts: [0, 50] } as const;
export type DueProcessKey = keyof typeof DUE_PROCESS_LIMITS;

/** A typed value → the whole number it names inside the key's bounds, or null (no signs, decimals or spaces inside). */
export function parseSetting(key: DueProcessKey, value: string): number | null {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= DUE_PROCESS_LIMITS[key][0] && n <= DUE_PROCESS_LIMITS[key][1] ? n : null;
}

/** Every key whose typed value is not acceptable, in the bounds' order. */
export function invalidSettings(values: Record<DueProcessKey, string>): DueProcessKey[] {
  return (Object.keys(DUE_PROCESS_LIMITS) as DueProcessKey[]).filter((k) => parseSetting(k, values[k]) === null);
}
