/**
 * Benchmark sizes. `national` is the target: 12,000 obliged subjects over all 2,469
 * municipalities, a 150-item questionnaire (≈1.6 M answers), ≈400 k verdicts and ≈150 k citizen
 * reports. `small` keeps the same proportions per institution on the default questionnaire and fits
 * `npm run bench` in a few minutes.
 */
import type { RoundSpec } from './lib/generator';

export interface SizePlan {
  name: string;
  recompute: RoundSpec;
  repeat: number;
  /** Institutions of the three scaling points (the largest usually equals the recompute size). */
  scaling: number[];
  ingest: { spec: RoundSpec; invitations: number; durationSeconds: number; connections: number };
  incremental: {
    spec: RoundSpec;
    invitations: number;
    validators: number;
    durationSeconds: number;
    ratePerSecond: number;
  };
}

/** A round of `institutions` with the per-institution proportions of `base`. */
export function scaled(base: RoundSpec, institutions: number): RoundSpec {
  const f = institutions / base.institutions;
  return {
    ...base,
    seed: `${base.seed}-${institutions}`,
    institutions,
    municipalities:
      base.municipalities === undefined
        ? undefined
        : Math.max(1, Math.min(base.municipalities, Math.round(base.municipalities * f))),
    verdicts: Math.round(base.verdicts * f),
    reports: Math.round(base.reports * f),
    validators: Math.max(50, Math.round(base.validators * Math.min(1, f))),
  };
}

const NATIONAL: RoundSpec = {
  seed: 'apertura-bench-national',
  institutions: 12_000,
  municipalities: 2_469,
  items: 150,
  selfReportShare: 0.95,
  answeredShare: 0.93,
  verdicts: 400_000,
  reports: 150_000,
  validators: 6_000,
  skew: 0.6,
};

const SMALL: RoundSpec = {
  seed: 'apertura-bench-small',
  institutions: 2_000,
  items: 'default',
  selfReportShare: 0.95,
  answeredShare: 0.93,
  verdicts: 40_000,
  reports: 20_000,
  validators: 800,
  skew: 0.6,
};

export const SIZES: Record<string, SizePlan> = {
  small: {
    name: 'small',
    recompute: SMALL,
    repeat: 3,
    scaling: [1_000, 2_000, 4_000],
    ingest: { spec: SMALL, invitations: 500, durationSeconds: 10, connections: 10 },
    incremental: { spec: SMALL, invitations: 200, validators: 20, durationSeconds: 10, ratePerSecond: 15 },
  },
  national: {
    name: 'national',
    recompute: NATIONAL,
    repeat: 2,
    scaling: [3_000, 6_000, 12_000],
    ingest: { spec: NATIONAL, invitations: 2_000, durationSeconds: 30, connections: 10 },
    // 5 writes/s is ~25× a national round's average; at 15/s two cores saturate (see RESULTS.md).
    incremental: { spec: NATIONAL, invitations: 1_000, validators: 40, durationSeconds: 30, ratePerSecond: 5 },
  },
};
