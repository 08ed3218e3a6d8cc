/**
 * Scaling: the full recompute (worker and SQL baseline) at three sizes with the same per-institution
 * proportions, and how time and the worker's peak memory grow with institutions and answers.
 */
import type { RoundSpec } from './lib/generator';
import { linearFit, median, scalingExponent } from './lib/stats';
import { recomputeBenchmark, RecomputeResult } from './recompute.bench';
import { scaled } from './sizes';

export interface ScalingPoint {
  institutions: number;
  answers: number;
  verdicts: number;
  reports: number;
  workerSeconds: number;
  baselineSeconds: number;
  workerPeakRssMiB: number;
}

export interface ScalingResult {
  points: ScalingPoint[];
  /** Seconds per 1,000 institutions (least-squares slope) and cost exponent (time ∝ size^k). */
  worker: { secondsPer1000Institutions: number; secondsPerMillionAnswers: number; exponent: number };
  baseline: { secondsPer1000Institutions: number; secondsPerMillionAnswers: number; exponent: number };
  memory: { mibPer1000Institutions: number; interceptMiB: number };
}

export function pointOf(r: RecomputeResult): ScalingPoint {
  return {
    institutions: r.counts.institutions,
    answers: r.counts.answers,
    verdicts: r.counts.verdicts,
    reports: r.counts.reports,
    workerSeconds: median(r.workerSeconds),
    baselineSeconds: median(r.baselineSeconds),
    workerPeakRssMiB: r.workerPeakRssMiB,
  };
}

export async function scalingBenchmark(opts: {
  base: RoundSpec;
  sizes: number[];
  /** Results already measured (e.g. the main recompute benchmark), reused for a size they match. */
  known: RecomputeResult[];
  log: (line: string) => void;
}): Promise<ScalingResult> {
  const points: ScalingPoint[] = [];
  for (const n of opts.sizes) {
    const reuse = opts.known.find((r) => r.counts.institutions === n && r.spec.items === opts.base.items);
    if (reuse) {
      opts.log(`  ${n} institutions: reusing the full recompute measured above`);
      points.push(pointOf(reuse));
      continue;
    }
    opts.log(`  ${n} institutions:`);
    const spec = n === opts.base.institutions ? opts.base : scaled(opts.base, n);
    points.push(pointOf(await recomputeBenchmark({ spec, repeat: 1, log: opts.log })));
  }
  const inst = points.map((p) => p.institutions);
  const answers = points.map((p) => p.answers);
  const fit = (
    ys: number[],
  ): { secondsPer1000Institutions: number; secondsPerMillionAnswers: number; exponent: number } => ({
    secondsPer1000Institutions: linearFit(inst, ys).slope * 1000,
    secondsPerMillionAnswers: linearFit(answers, ys).slope * 1e6,
    exponent: scalingExponent(inst, ys),
  });
  const mem = linearFit(
    inst,
    points.map((p) => p.workerPeakRssMiB),
  );
  return {
    points,
    worker: fit(points.map((p) => p.workerSeconds)),
    baseline: fit(points.map((p) => p.baselineSeconds)),
    memory: { mibPer1000Institutions: mem.slope * 1000, interceptMiB: mem.intercept },
  };
}
