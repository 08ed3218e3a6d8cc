/**
 * Seeded bootstrap of an area's SE (METHOD.md §5) — the reference the analytic formula is tested
 * against. It recomputes institution values from resampled validators instead of propagating SEs,
 * so it checks the whole analytic chain (cluster means, partial sub-indices, TC/PC covariance,
 * the two-term area formula).
 *
 * Replicate b (a two-stage rescaling bootstrap, Rao & Wu 1988):
 *   stage 1 — institutions within the area: draw n − 1 of the n institutions with a value, with
 *     replacement; their mean deviation from ȳ is rescaled by λ = √(1 − n/N). With n − 1 draws and
 *     this λ the expected variance is exactly (1 − n/N)·s²/n: the finite-population correction is
 *     reproduced, and n = N gives no between-institution variance.
 *   stage 2 — validators within institutions: in every institution of the area, draw n_j − 1 of its
 *     n_j validators with replacement and recompute the institution's value from scratch; the mean
 *     of the deviations x*_j − x_j is added. (n_j − 1 draws make the variance of a mean s_j²/n_j,
 *     not (n_j − 1)/n_j of it, matching §5's sd/√n.)
 *   θ_b = ȳ + λ(ȳ*₁ − ȳ) + (1/n)Σ_j (x*_j − x_j).
 * SE = sd of θ_b over the replicates. An institution with a single validator cannot be resampled
 * and contributes no within-institution variance here (the analytic side imputes one).
 */
import { Indicator } from './indicators';
import { computeInstitution, InstitutionInput } from './institution';
import { compareNumbers, compareStrings } from './order';
import { mulberry32, randomIndex } from './rng';
import { DEFAULT_METHOD_SETTINGS, MethodSettings } from './settings';

export interface BootstrapOptions {
  indicator: Indicator;
  /** N: obliged subjects in the area's universe. */
  universe: number;
  seed: number;
  /** Defaults to settings.bootstrapReplicates (2,000). */
  replicates?: number;
  settings?: MethodSettings;
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
  /** Institution replicates where a resample lost a whole sub-index (full-sample value kept). */
  degenerateDraws: number;
}

interface PreparedComponent {
  code: string;
  sub: 'TC' | 'PC';
  /** Declared (not renormalised) weight: renormalisation depends on which components a resample keeps. */
  weight: number;
  /** Indices into Prepared.validators, and the validator values. */
  validator: Int32Array;
  value: Float64Array;
}

interface Prepared {
  id: string;
  x: number;
  /** Validators that feed the indicator, sorted; empty for government-only indicators. */
  validators: string[];
  /** Components of the indicator, sorted by code (the order of every sum). */
  components: PreparedComponent[];
  tg: number | null;
  pg: number | null;
}

const CITIZEN_SUBS: Partial<Record<Indicator, ReadonlyArray<'TC' | 'PC'>>> = {
  TC: ['TC'],
  PC: ['PC'],
  T: ['TC'],
  P: ['PC'],
  I: ['TC', 'PC'],
};

export function bootstrapAreaSE(institutions: readonly InstitutionInput[], opts: BootstrapOptions): BootstrapResult {
  const settings = opts.settings ?? DEFAULT_METHOD_SETTINGS;
  const B = opts.replicates ?? settings.bootstrapReplicates;
  const N = opts.universe;
  const subs = CITIZEN_SUBS[opts.indicator] ?? [];

  const prepared: Prepared[] = [];
  for (const input of [...institutions].sort((a, b) => compareStrings(a.institutionId, b.institutionId))) {
    const r = computeInstitution(input, settings);
    const v = r.values[opts.indicator];
    if (v === null) continue;
    const comps = r.citizenComponents.filter((c) => subs.some((sub) => c.code.startsWith(`${sub}.`)) && weightOf(c.code, settings) > 0);
    const validators = [...new Set(comps.flatMap((c) => c.validators.map((x) => x.validatorId)))].sort(compareStrings);
    const index = new Map(validators.map((id, i) => [id, i]));
    prepared.push({
      id: r.institutionId,
      x: v.estimate,
      validators,
      components: comps.map((c) => ({
        code: c.code,
        sub: c.code.startsWith('TC.') ? 'TC' : 'PC',
        weight: weightOf(c.code, settings),
        validator: Int32Array.from(c.validators.map((x) => index.get(x.validatorId) ?? 0)),
        value: Float64Array.from(c.validators.map((x) => x.value)),
      })),
      tg: r.values.TG?.estimate ?? null,
      pg: r.values.PG?.estimate ?? null,
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
  const lambda = Math.sqrt(Math.max(0, 1 - n / N));
  // Replicate deviations θ_b − ȳ (kept as deviations so that a census gives exactly 0, not rounding dust).
  const deviations = new Float64Array(B);
  let degenerateDraws = 0;
  const maxValidators = Math.max(1, ...prepared.map((p) => p.validators.length));
  const counts = new Int32Array(maxValidators);
  for (let b = 0; b < B; b++) {
    // Stage 1 (always consumes n − 1 draws, so the stream stays aligned whatever λ is).
    let s1 = 0;
    for (let k = 0; k < n - 1; k++) s1 += prepared[randomIndex(rng, n)].x;
    const between = lambda === 0 ? 0 : lambda * (s1 / (n - 1) - mean);
    // Stage 2.
    let dev = 0;
    for (const p of prepared) {
      const nj = p.validators.length;
      if (nj < 2) continue;
      counts.fill(0, 0, nj);
      for (let k = 0; k < nj - 1; k++) counts[randomIndex(rng, nj)] += 1;
      const xStar = replicateValue(p, counts, opts.indicator);
      if (xStar === null) degenerateDraws += 1;
      else dev += xStar - p.x;
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

function weightOf(code: string, settings: MethodSettings): number {
  const dot = code.indexOf('.');
  const sub = code.slice(0, dot);
  if (sub !== 'TG' && sub !== 'TC' && sub !== 'PG' && sub !== 'PC') return 0;
  return settings.weights[sub][code.slice(dot + 1)] ?? 0;
}

/**
 * The institution's indicator recomputed with validators weighted by their draw counts, following
 * §3.4 exactly as computeInstitution does: renormalise over the components the resample kept.
 */
function replicateValue(p: Prepared, counts: Int32Array, indicator: Indicator): number | null {
  let tcW = 0;
  let pcW = 0;
  const means = new Float64Array(p.components.length);
  const present = new Uint8Array(p.components.length);
  for (let c = 0; c < p.components.length; c++) {
    const comp = p.components[c];
    let num = 0;
    let den = 0;
    for (let i = 0; i < comp.validator.length; i++) {
      const k = counts[comp.validator[i]];
      if (k === 0) continue;
      num += k * comp.value[i];
      den += k;
    }
    if (den === 0) continue;
    means[c] = num / den;
    present[c] = 1;
    if (comp.sub === 'TC') tcW += comp.weight;
    else pcW += comp.weight;
  }
  const sub = (which: 'TC' | 'PC', totalWeight: number): number | null => {
    if (totalWeight === 0) return null;
    let v = 0;
    for (let c = 0; c < p.components.length; c++) {
      const comp = p.components[c];
      if (present[c] === 1 && comp.sub === which) v += (comp.weight / totalWeight) * means[c];
    }
    return v;
  };
  switch (indicator) {
    case 'TC':
      return sub('TC', tcW);
    case 'PC':
      return sub('PC', pcW);
    case 'T': {
      const tc = sub('TC', tcW);
      return tc === null || p.tg === null ? null : (p.tg + tc) / 2;
    }
    case 'P': {
      const pc = sub('PC', pcW);
      return pc === null || p.pg === null ? null : (p.pg + pc) / 2;
    }
    case 'I': {
      const tc = sub('TC', tcW);
      const pc = sub('PC', pcW);
      if (tc === null || pc === null || p.tg === null || p.pg === null) return null;
      return ((p.tg + tc) / 2 + (p.pg + pc) / 2) / 2;
    }
    default:
      // Government-perspective indicators are censuses: nothing to resample inside the institution.
      return p.x;
  }
}
