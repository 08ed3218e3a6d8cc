/**
 * The seeded reference bootstrap of an area's SE (METHOD.md §5) — what the analytic formula is tested
 * against. It recomputes institution values from resampled validators instead of propagating SEs, so
 * it checks the whole analytic chain (per-report sub-indices, TC/PC covariance, the two-term formula).
 *
 * Replicate b (a two-stage rescaling bootstrap, Rao & Wu 1988):
 *   stage 1 — institutions within the area: n − 1 draws with replacement among the n institutions
 *     with a value; the mean's deviation from ȳ is rescaled by λ = √(1 − n/N), which reproduces the
 *     finite-population correction (n = N: no between-institution variance).
 *   stage 2 — validators within institutions: n_j − 1 draws among the institution's n_j validators,
 *     the institution recomputed from the resampled per-validator TC and PC. A resample that loses one
 *     of the institution's citizen sub-indices keeps that sub-index's full-sample value (not the whole
 *     value). Where §5's small-n rule assigns more within variance than resampling can show (one
 *     validator, zero spread, a pooled spread above the observed one), a normal deviation with the
 *     difference is added: the reference then carries the variance the analytic side claims.
 *   θ_b = ȳ + λ(ȳ*₁ − ȳ) + (1/n)Σ_j (x*_j − x_j).
 * SE = sd of θ_b over the replicates. With `assignedVariance: false` stage 2 adds nothing beyond
 * resampling: the purely nonparametric bootstrap.
 */
import { Indicator } from './indicators';
import { ClusterValue, computeInstitution, InstitutionInput } from './institution';
import { compareNumbers, compareStrings } from './order';
import { mulberry32, randomIndex } from './rng';
import { DEFAULT_METHOD_SETTINGS, MethodSettings } from './settings';
import type { PooledVariances } from './smalln';

export interface BootstrapOptions {
  indicator: Indicator;
  /** N: obliged subjects in the area's universe. */
  universe: number;
  seed: number;
  /** Defaults to settings.bootstrapReplicates (2,000). */
  replicates?: number;
  settings?: MethodSettings;
  /** The round's pooled variances the institutions are finalised with (null: the bound). */
  pooled?: PooledVariances | null;
  /** Add the small-n rule's extra within variance as a normal deviation (default true). */
  assignedVariance?: boolean;
}

export interface BootstrapResult {
  indicator: Indicator;
  /** ȳ: the same unweighted mean as aggregateArea. */
  estimate: number | null;
  se: number | null;
  /** Percentile interval of the replicates (clipped to [0,1]). */
  lo: number | null;
  hi: number | null;
  n: number;
  N: number;
  replicates: number;
  seed: number;
  /** Institution replicates where a resample lost a sub-index (its full-sample value kept). */
  degenerateDraws: number;
}

interface Prepared {
  x: number;
  /** Validators (union of the TC and PC clusters), sorted; their TC and PC (NaN: none). */
  tc: Float64Array;
  pc: Float64Array;
  fullTc: number | null;
  fullPc: number | null;
  tg: number | null;
  pg: number | null;
  /** SD of the normal deviation stage 2 adds (0: none). */
  topUp: number;
}

const CITIZEN: ReadonlySet<Indicator> = new Set<Indicator>(['I', 'T', 'P', 'TC', 'PC']);

function seriesOf(clusters: readonly ClusterValue[], index: ReadonlyMap<string, number>, size: number): Float64Array {
  const out = new Float64Array(size).fill(Number.NaN);
  for (const c of clusters) out[index.get(c.clusterId) as number] = c.value;
  return out;
}

function meanOf(values: readonly ClusterValue[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v.value;
  return s / values.length;
}

export function bootstrapAreaSE(institutions: readonly InstitutionInput[], opts: BootstrapOptions): BootstrapResult {
  const settings = opts.settings ?? DEFAULT_METHOD_SETTINGS;
  const B = opts.replicates ?? settings.bootstrapReplicates;
  const N = opts.universe;
  const citizen = CITIZEN.has(opts.indicator);
  const withAssigned = opts.assignedVariance ?? true;

  const prepared: Prepared[] = [];
  for (const input of [...institutions].sort((a, b) => compareStrings(a.institutionId, b.institutionId))) {
    const r = computeInstitution(input, settings, opts.pooled ?? null);
    const v = r.values[opts.indicator];
    if (v === null) continue;
    const ids = [...new Set([...r.clusters.TC, ...r.clusters.PC].map((c) => c.clusterId))].sort(compareStrings);
    const index = new Map(ids.map((id, i) => [id, i]));
    let topUp = 0;
    if (citizen && withAssigned && v.se !== null) {
      const raw = r.core.citizen[opts.indicator];
      const resampled = raw.n >= 2 && raw.s2 !== null ? raw.s2 / raw.n : 0;
      topUp = Math.sqrt(Math.max(0, v.se * v.se - resampled));
    }
    prepared.push({
      x: v.estimate,
      tc: seriesOf(r.clusters.TC, index, ids.length),
      pc: seriesOf(r.clusters.PC, index, ids.length),
      fullTc: meanOf(r.clusters.TC),
      fullPc: meanOf(r.clusters.PC),
      tg: r.values.TG?.estimate ?? null,
      pg: r.values.PG?.estimate ?? null,
      topUp,
    });
  }
  const n = prepared.length;
  const base = { indicator: opts.indicator, n, N, replicates: B, seed: opts.seed };
  if (n === 0) return { ...base, estimate: null, se: null, lo: null, hi: null, degenerateDraws: 0 };
  let total = 0;
  for (const p of prepared) total += p.x;
  const mean = total / n;
  if (n < 2 && n < N) return { ...base, estimate: mean, se: null, lo: null, hi: null, degenerateDraws: 0 };

  const rng = mulberry32(opts.seed);
  const normal = normalDeviates(rng);
  const lambda = Math.sqrt(Math.max(0, 1 - n / N));
  // Replicate deviations θ_b − ȳ (kept as deviations so that a census gives exactly 0, not rounding dust).
  const deviations = new Float64Array(B);
  let degenerateDraws = 0;
  const maxValidators = Math.max(1, ...prepared.map((p) => p.tc.length));
  const counts = new Int32Array(maxValidators);
  for (let b = 0; b < B; b++) {
    // Stage 1 (always consumes n − 1 draws, so the stream stays aligned whatever λ is).
    let s1 = 0;
    for (let k = 0; k < n - 1; k++) s1 += prepared[randomIndex(rng, n)].x;
    const between = lambda === 0 ? 0 : lambda * (s1 / (n - 1) - mean);
    // Stage 2.
    let dev = 0;
    if (citizen) {
      for (const p of prepared) {
        const nj = p.tc.length;
        if (nj >= 2) {
          counts.fill(0, 0, nj);
          for (let k = 0; k < nj - 1; k++) counts[randomIndex(rng, nj)] += 1;
          const replicate = replicateValue(p, counts, opts.indicator);
          if (replicate.degenerate) degenerateDraws += 1;
          dev += replicate.value - p.x;
        }
        if (p.topUp > 0) dev += p.topUp * normal();
      }
    }
    deviations[b] = between + dev / n;
  }
  let s = 0;
  for (let b = 0; b < B; b++) s += deviations[b];
  const m = s / B;
  let ss = 0;
  for (let b = 0; b < B; b++) ss += (deviations[b] - m) ** 2;
  const sortedDev = Array.from(deviations).sort(compareNumbers);
  const alpha = (1 - settings.confidence) / 2;
  const q = (p: number): number => {
    const v = mean + sortedDev[Math.min(B - 1, Math.max(0, Math.floor(p * (B - 1))))];
    return v < 0 ? 0 : v > 1 ? 1 : v;
  };
  return { ...base, estimate: mean, se: Math.sqrt(ss / (B - 1)), lo: q(alpha), hi: q(1 - alpha), degenerateDraws };
}

/** Standard normal deviates from a uniform stream (Box–Muller, both values used). */
function normalDeviates(rng: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = 1 - rng();
    const w = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * w);
    return r * Math.cos(2 * Math.PI * w);
  };
}

/** The institution's value from validators weighted by their draw counts (§3.3–3.5). */
function replicateValue(p: Prepared, counts: Int32Array, indicator: Indicator): { value: number; degenerate: boolean } {
  const weighted = (series: Float64Array, full: number | null): { v: number | null; lost: boolean } => {
    if (full === null) return { v: null, lost: false };
    let num = 0;
    let den = 0;
    for (let i = 0; i < series.length; i++) {
      const k = counts[i];
      if (k === 0 || Number.isNaN(series[i])) continue;
      num += k * series[i];
      den += k;
    }
    return den === 0 ? { v: full, lost: true } : { v: num / den, lost: false };
  };
  const tc = weighted(p.tc, p.fullTc);
  const pc = weighted(p.pc, p.fullPc);
  const tcv = tc.v as number;
  const pcv = pc.v as number;
  switch (indicator) {
    case 'TC':
      return { value: tcv, degenerate: tc.lost };
    case 'PC':
      return { value: pcv, degenerate: pc.lost };
    case 'T':
      return { value: ((p.tg as number) + tcv) / 2, degenerate: tc.lost };
    case 'P':
      return { value: ((p.pg as number) + pcv) / 2, degenerate: pc.lost };
    default:
      return { value: ((p.tg as number) + tcv + (p.pg as number) + pcv) / 4, degenerate: tc.lost || pc.lost };
  }
}
