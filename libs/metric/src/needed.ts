/**
 * Needed sample (METHOD.md §6): the smallest additional number of citizen reports (institution) or
 * responding subjects / municipalities (areas) that would make a value conclusive at the observed
 * spread. The recruitment planner lists these.
 */
import type { MethodSettings } from './settings';
import { ceilTolerant } from './order';
import { criticalValue } from './uncertainty';

/** §6: spread assumed when fewer than 2 observations exist (the largest sd of a [0,1] variable). */
export const DEFAULT_SD = 0.5;

export interface NeededSampleInput {
  /** Observations already there. */
  n: number;
  /** Observed spread; null (or n < 2) means "use 0.5". */
  sd: number | null;
  /** Finite universe size, or null for an unbounded one (citizen reports about one institution). */
  N: number | null;
  /** The scope's minimum n. */
  minimum: number;
  settings: MethodSettings;
}

/**
 * n0 = (z·sd/h*)², n = n0/(1 + (n0 − 1)/N) for finite N, needed = max(0, ⌈n⌉ − n_obs, minimum − n_obs).
 * z is the normal quantile of the configured confidence (1.959964… at 95%, which §6 rounds to 1.96).
 * With a finite universe the answer is capped at the subjects left (N − n_obs): more cannot respond.
 */
export function neededSample({ n, sd, N, minimum, settings }: NeededSampleInput): number {
  const spread = sd === null || n < 2 ? DEFAULT_SD : sd;
  const z = criticalValue(settings.confidence, null);
  const h = settings.thresholds.targetHalfWidth;
  const n0 = ((z * spread) / h) ** 2;
  const required = N !== null && n0 > 0 ? n0 / (1 + (n0 - 1) / N) : n0;
  const needed = Math.max(0, ceilTolerant(required) - n, minimum - n);
  return N !== null ? Math.min(needed, Math.max(0, N - n)) : needed;
}
