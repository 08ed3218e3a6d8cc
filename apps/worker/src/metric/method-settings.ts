import { resolveSettings } from '@apertura/metric';
import type { MethodSettings } from '@apertura/metric';
import { PermanentMetricError } from './metric-errors';

/**
 * The round's method settings merged over the defaults. The API validated them when they were
 * stored; if they no longer resolve (e.g. a newer method version refuses a key), retrying is useless.
 */
export function methodSettingsOf(roundId: string, stored: unknown): MethodSettings {
  const r = resolveSettings(stored ?? {});
  if (!r.ok) {
    const problems = r.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new PermanentMetricError(`round ${roundId} has invalid method settings (${problems})`);
  }
  return r.settings;
}
