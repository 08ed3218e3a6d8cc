/**
 * How far a municipality or state is from a conclusive result, in citizen reports (METHOD.md §6).
 * Pure. The metric results, once computed, carry the needed sample at the observed spread; before
 * that the same rule is applied with the default spread (sd 0.5), which is what the metric itself
 * does with fewer than two observations. Live counts always refresh the minimum-count part, so a
 * report received after the last recompute is already taken into account.
 */
import { DEFAULT_METHOD_SETTINGS, neededSample, resolveSettings } from '@apertura/metric';
import type { MethodSettings, MethodThresholds } from '@apertura/metric';

/** The round's method settings (stored settings were validated when saved; defaults otherwise). */
export function roundSettings(stored: unknown): MethodSettings {
  const r = resolveSettings(stored ?? undefined);
  return r.ok ? r.settings : DEFAULT_METHOD_SETTINGS;
}

export interface MunicipalityCounts {
  /** Obliged subjects of the round in the municipality (N_m). */
  subjects: number;
  /** Subjects with at least one citizen report. */
  subjectsWithData: number;
  /** Citizen reports received. */
  reports: number;
}

export interface MunicipalityNeed {
  /** More citizen reports needed (≥ the subjects still needed: each needs at least one report). */
  needed: number;
  /** More subjects with citizen data needed. */
  neededSubjects: number;
  /** No citizen addition can make it conclusive (too few self-reports: §6 `not_reachable_by_sampling`). */
  unreachable: boolean;
}

/** The municipality's stored I row (§6 needed sample), when the round has been computed. */
export interface MetricNeed {
  /** Reports in all; null when unreachable. */
  needed: number | null;
  neededSubjects: number | null;
}

export function municipalityNeed(
  c: MunicipalityCounts,
  settings: MethodSettings,
  metric: MetricNeed | null = null,
): MunicipalityNeed {
  const t = settings.thresholds;
  // Live counts refresh the minimum-count part: a report received since the last computation counts.
  const minimumShortfall = Math.max(0, t.municipalityMinReports - c.reports);
  if (metric !== null) {
    if (metric.needed === null) return { needed: 0, neededSubjects: 0, unreachable: true };
    const neededSubjects = metric.neededSubjects ?? 0;
    return { neededSubjects, needed: Math.max(metric.needed, minimumShortfall, neededSubjects), unreachable: false };
  }
  const neededSubjects =
    c.subjects > 0
      ? neededSample({ n: c.subjectsWithData, sd: null, N: c.subjects, minimum: t.municipalityMinSubjects, settings })
      : 0;
  return { neededSubjects, needed: Math.max(minimumShortfall, neededSubjects), unreachable: false };
}

/** Reports an institution still lacks for the institution minimum (5 by default). */
export const institutionShortfall = (reports: number, t: MethodThresholds): number =>
  Math.max(0, t.institutionMinReports - reports);

/** Municipalities a state still needs with citizen data: ≥ 30 of them or ≥ 50 % of its municipalities (§6). */
export function neededMunicipalities(municipalities: number, withData: number, t: MethodThresholds): number {
  const required = Math.min(t.areaMinMunicipalities, Math.ceil(t.areaMinMunicipalityShare * municipalities - 1e-9));
  return Math.max(0, required - withData);
}
