/**
 * Rank intervals (METHOD.md §9): where a value would rank if every value of the ranking were drawn
 * again from Normal(estimate, SE) clipped to [0,1], so that "3rd" and "9th" read as
 * indistinguishable when they are.
 *
 * Two methods give the same definition:
 *  - `simulation` (the reference): `draws` joint draws, competition rank of each entry in each draw,
 *    central `confidence` share of its ranks. Cost ∝ draws · n log n (≈ 20 s for 12,000 × 10,000).
 *  - `fast` (default): the same rank distribution computed instead of sampled. Given X_i = x the
 *    others beat entry i independently, with p_j(x) = P(X_j > x), so the number of entries above it
 *    is a Poisson-binomial variable; its law is mixed over the distribution of X_i (quadrature in z).
 *    Small rankings use the exact Poisson-binomial; larger ones a normal approximation whose mean and
 *    variance come from a grid over [0,1] built once per ranking. METHOD.md §9 allows any method that
 *    gives the same interval ends within one rank; rank.spec.ts checks it against the simulation.
 */
import { ceilTolerant, clip01, compareNumbers, compareStrings } from './order';
import { mulberry32, seedFromString } from './rng';

export interface RankEntry {
  id: string;
  estimate: number;
  se: number;
}

export interface RankInterval {
  id: string;
  /** Competition rank of the estimate: 1 = highest, ties share the best position. */
  position: number;
  /** Ends of the central `confidence` interval of the simulated rank (1-based, lo ≤ hi). */
  lo: number;
  hi: number;
  /** Number of entries ranked. */
  of: number;
}

export type RankMethod = 'fast' | 'simulation';

export interface RankIntervalOptions {
  /** Seeds the simulation (METHOD.md §9: round and ranking scope). The fast method does not draw. */
  seed: string;
  /** Draws of the simulation (default 10,000). */
  draws?: number;
  /** Central share of the simulated ranks (default 0.95). */
  confidence?: number;
  /** 'fast' (default) or 'simulation' (the reference). */
  method?: RankMethod;
}

export const RANK_DRAWS = 10_000;
export const RANK_CONFIDENCE = 0.95;

/**
 * Up to this many entries the fast method uses the exact Poisson-binomial law (O(n²) per node);
 * above it, the normal approximation over the grid, whose error is then far below the Monte-Carlo
 * noise of the reference itself.
 */
const EXACT_MAX = 64;
/**
 * Quadrature of X_i: bins of Z_STEP in z over ±Z_FINE, Z_TAIL_STEP out to ±Z_SPAN (beyond, the tails
 * join the outer bins). The tails (0.27 % of the mass) lie wholly beyond a 95 % interval end when the
 * rank moves with X_i, and barely matter when it does not, so coarse bins there cost nothing.
 */
const Z_STEP = 0.05;
const Z_FINE = 3;
const Z_TAIL_STEP = 0.25;
const Z_SPAN = 5;
/** Beyond this many SEs a term counts as 0 or 1 (Φ(−6) ≈ 1e-9: 12,000 of them still sum to < 1e-5). */
const WINDOW_SE = 6;
/**
 * Grids over [0,1] for the approximate method, coarse to fine: a term goes to the coarsest one where
 * its SE spans NARROW_SE_STEPS cells (so each term costs at most 2·WINDOW_SE·NARROW_SE_STEPS·8 cells,
 * and linear interpolation errs by < 0.0005 per term). The finest level stays in the CPU cache (a
 * 2^19-cell level made every lookup a cache miss and the whole method 3× slower); SEs below
 * 8/8192 ≈ 0.001 are summed exactly, which is cheap unless hundreds of such values crowd within
 * ±0.006 of each other.
 */
const GRID_LEVELS = [128, 1024, 8192];
const NARROW_SE_STEPS = 8;
/** Probabilities closer than this to 0 or 1 count as certain (they cannot move a 95 % interval end). */
const CERTAIN = 1e-12;

/** Standard normal CDF, absolute error < 1e-7 (Abramowitz & Stegun 7.1.26): enough for rank probabilities. */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const tail = 0.5 * poly * Math.exp(-x * x);
  return z >= 0 ? 1 - tail : tail;
}

function validate(entries: ReadonlyArray<RankEntry>, options: RankIntervalOptions): { draws: number; alpha: number } {
  const draws = options.draws ?? RANK_DRAWS;
  const confidence = options.confidence ?? RANK_CONFIDENCE;
  if (!Number.isInteger(draws) || draws < 1) throw new RangeError(`draws must be a positive integer (got ${draws})`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`);
  if (options.method !== undefined && options.method !== 'fast' && options.method !== 'simulation') {
    throw new RangeError(`unknown method ${String(options.method)}`);
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new RangeError(`duplicate id ${e.id}`);
    seen.add(e.id);
    if (!Number.isFinite(e.estimate)) throw new RangeError(`estimate of ${e.id} is not finite`);
    if (!Number.isFinite(e.se)) throw new RangeError(`se of ${e.id} is not finite`);
    if (e.se < 0) throw new RangeError(`se of ${e.id} is negative`);
  }
  return { draws, alpha: 1 - confidence };
}

/** Competition ranks of the estimates (1 = highest; equal estimates share the best position). */
function positions(estimates: Float64Array): Int32Array {
  const n = estimates.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareNumbers(estimates[b], estimates[a]));
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    out[i] = k > 0 && estimates[order[k - 1]] === estimates[i] ? out[order[k - 1]] : k + 1;
  }
  return out;
}

/**
 * Smallest rank r in [from, to] with cdf(r) ≥ p (the lower-closed quantile, like the simulation's
 * order statistic); `to` if none. Gallops out from `guess`, then bisects: a few cdf calls when the
 * guess is close.
 */
function quantileRank(cdf: (r: number) => number, p: number, from: number, to: number, guess = from): number {
  const ok = (r: number): boolean => cdf(r) >= p - CERTAIN;
  const g = Math.max(from, Math.min(to, guess));
  // Invariant for the bisection: ok(hi), and lo = from − 1 or !ok(lo).
  let lo: number;
  let hi: number;
  if (ok(g)) {
    hi = g;
    let step = 1;
    while (g - step >= from && ok(g - step)) {
      hi = g - step;
      step *= 2;
    }
    lo = Math.max(from - 1, g - step);
  } else {
    lo = g;
    let step = 1;
    while (g + step <= to && !ok(g + step)) {
      lo = g + step;
      step *= 2;
    }
    if (g + step > to) {
      if (!ok(to)) return to;
      hi = to;
    } else hi = g + step;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function rankIntervals(entries: ReadonlyArray<RankEntry>, options: RankIntervalOptions): RankInterval[] {
  const { draws, alpha } = validate(entries, options);
  const n = entries.length;
  if (n === 0) return [];
  // Canonical order: permuting the input gives bit-identical results (METHOD.md §7).
  const sorted = [...entries].sort((a, b) => compareStrings(a.id, b.id));
  const mu = Float64Array.from(sorted, (e) => e.estimate);
  // A SE below the floating-point resolution of its estimate (μ ± 5σ rounds to μ) is 0: no draw of
  // the simulation can move the value, so the fast method must not either.
  const sigma = Float64Array.from(sorted, (e) =>
    e.estimate + 5 * e.se === e.estimate && e.estimate - 5 * e.se === e.estimate ? 0 : e.se,
  );
  const position = positions(mu);
  const ends =
    options.method === 'simulation' ? simulatedEnds(mu, sigma, draws, options.seed, alpha) : fastEnds(mu, sigma, alpha);
  const out: RankInterval[] = sorted.map((e, i) => ({
    id: e.id,
    position: position[i],
    lo: ends.lo[i],
    hi: ends.hi[i],
    of: n,
  }));
  return out.sort((a, b) => a.position - b.position || compareStrings(a.id, b.id));
}

interface Ends {
  lo: Int32Array;
  hi: Int32Array;
}

// ---------------------------------------------------------------------------------------------
// Reference: simulation

/** Standard normal deviates by Box–Muller from the seeded generator (both deviates of a pair used). */
function normalDeviates(rng: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u1 = 1 - rng(); // (0, 1]: log(0) never happens
    const u2 = rng();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

function simulatedEnds(mu: Float64Array, sigma: Float64Array, draws: number, seed: string, alpha: number): Ends {
  const n = mu.length;
  const z = normalDeviates(mulberry32(seedFromString(seed)));
  // ranks[i * draws + d]: one contiguous run per entry for the quantiles at the end.
  const ranks = n < 65_536 ? new Uint16Array(n * draws) : new Uint32Array(n * draws);
  const x = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < n; i++) {
      x[i] = clip01(mu[i] + sigma[i] * z());
      order[i] = i;
    }
    order.sort((a, b) => x[b] - x[a]);
    let rank = 1;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (k > 0 && x[i] !== x[order[k - 1]]) rank = k + 1;
      ranks[i * draws + d] = rank;
    }
  }
  const loIndex = ceilTolerant(draws * (alpha / 2)) - 1;
  const hiIndex = ceilTolerant(draws * (1 - alpha / 2)) - 1;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const own = ranks.subarray(i * draws, (i + 1) * draws).sort();
    lo[i] = own[Math.max(0, loIndex)];
    hi[i] = own[Math.min(draws - 1, hiIndex)];
  }
  return { lo, hi };
}

// ---------------------------------------------------------------------------------------------
// Fast: the rank law computed, not sampled

/** Bin edges of the z quadrature, with Φ at the edges and at the midpoints, shared by every entry. */
const Z_EDGE = Float64Array.from(
  (() => {
    const edges: number[] = [];
    const tail = Math.round((Z_SPAN - Z_FINE) / Z_TAIL_STEP);
    const fine = Math.round((2 * Z_FINE) / Z_STEP);
    for (let k = 0; k < tail; k++) edges.push(-Z_SPAN + k * Z_TAIL_STEP);
    for (let k = 0; k < fine; k++) edges.push(-Z_FINE + k * Z_STEP);
    for (let k = 0; k <= tail; k++) edges.push(Z_FINE + k * Z_TAIL_STEP);
    return edges;
  })(),
);
const Z_BINS = Z_EDGE.length - 1;
const PHI_EDGE = Z_EDGE.map(normalCdf);
const PHI_MID = Float64Array.from({ length: Z_BINS }, (_, k) => normalCdf((Z_EDGE[k] + Z_EDGE[k + 1]) / 2));

/**
 * Quadrature nodes of X_i = clip(Normal(μ, σ)): the atoms at 0 and 1 with their exact masses, and
 * the bins of Z_EDGE in z in between (the tails beyond ±Z_SPAN join the outer bins). For each node:
 * its x, its weight and P(Y_i > x) (entry i's own term, which the grid sums include).
 */
interface Nodes {
  count: number;
  x: Float64Array;
  w: Float64Array;
  self: Float64Array;
}

function newNodes(extra = 0): Nodes {
  const size = Z_BINS + 2 + extra;
  return { count: 0, x: new Float64Array(size), w: new Float64Array(size), self: new Float64Array(size) };
}

function push(nodes: Nodes, x: number, w: number, self: number): void {
  if (!(w > 1e-15)) return;
  const k = nodes.count++;
  nodes.x[k] = x;
  nodes.w[k] = w;
  nodes.self[k] = self;
}

/**
 * `cuts` (ascending z, the first `cutCount`) split the bins further: where another value is exact (or
 * nearly), the integrand jumps, and a bin straddling the jump would put its whole mass on one side.
 */
function fillNodes(nodes: Nodes, mu: number, sigma: number, cuts: Float64Array = NO_CUTS, cutCount = 0): void {
  nodes.count = 0;
  if (sigma === 0) {
    push(nodes, clip01(mu), 1, 0);
    return;
  }
  const zLow = -mu / sigma; // Y_i ≤ 0 ⇔ z ≤ zLow: X_i = 0
  const zHigh = (1 - mu) / sigma; // Y_i ≥ 1 ⇔ z ≥ zHigh: X_i = 1
  const cdfLow = normalCdf(zLow);
  const cdfHigh = normalCdf(zHigh);
  push(nodes, 0, cdfLow, 1 - cdfLow);
  const a = Math.max(zLow, -Z_SPAN);
  const b = Math.min(zHigh, Z_SPAN);
  if (a < b) {
    const kA = Math.min(Z_BINS - 1, Math.max(0, upperBound(Z_EDGE, a) - 1)); // bin holding a
    const kB = Math.max(kA, Math.min(Z_BINS - 1, lowerBound(Z_EDGE, b) - 1)); // bin holding b
    let c = 0;
    for (let k = kA; k <= kB; k++) {
      let from = Math.max(Z_EDGE[k], a);
      const to = Math.min(Z_EDGE[k + 1], b);
      if (!(to > from)) continue;
      // The tails beyond ±Z_SPAN belong to the outer bins: their cumulative ends are cdfLow / cdfHigh.
      let cdfFrom = k === kA ? cdfLow : PHI_EDGE[k];
      const cdfTo = k === kB ? cdfHigh : PHI_EDGE[k + 1];
      while (c < cutCount && cuts[c] <= from) c++;
      for (; c < cutCount && cuts[c] < to; c++) {
        const cut = cuts[c];
        const cdfCut = normalCdf(cut);
        const z = (from + cut) / 2;
        push(nodes, mu + sigma * z, cdfCut - cdfFrom, 1 - normalCdf(z));
        from = cut;
        cdfFrom = cdfCut;
      }
      const z = (from + to) / 2;
      const whole = from === Z_EDGE[k] && k !== kA && k !== kB;
      push(nodes, mu + sigma * z, cdfTo - cdfFrom, 1 - (whole ? PHI_MID[k] : normalCdf(z)));
    }
  }
  push(nodes, 1, 1 - cdfHigh, 0);
}

const NO_CUTS = new Float64Array(0);

function fastEnds(mu: Float64Array, sigma: Float64Array, alpha: number): Ends {
  return mu.length <= EXACT_MAX ? exactEnds(mu, sigma, alpha) : approximateEnds(mu, sigma, alpha);
}

/** P(X_j > x) for x in [0, 1) (X_j > x ⇔ Y_j > x there; nothing beats x = 1). */
function beats(mu: number, sigma: number, x: number): number {
  if (x >= 1) return 0;
  if (sigma === 0) return clip01(mu) > x ? 1 : 0;
  return 1 - normalCdf((x - mu) / sigma);
}

/** Small rankings: the exact Poisson-binomial law of the number above, mixed over the nodes of X_i. */
function exactEnds(mu: Float64Array, sigma: Float64Array, alpha: number): Ends {
  const n = mu.length;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const nodes = newNodes(n);
  const pmf = new Float64Array(n + 1); // pmf[r], r = 1..n
  const dist = new Float64Array(n);
  const cuts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    pmf.fill(0);
    // Values steeper than a bin (exact ones above all) cut the bins of X_i where they sit.
    let cutCount = 0;
    if (sigma[i] > 0) {
      for (let j = 0; j < n; j++) {
        if (j !== i && sigma[j] < sigma[i] * Z_STEP) cuts[cutCount++] = (clip01(mu[j]) - mu[i]) / sigma[i];
      }
    }
    cuts.subarray(0, cutCount).sort();
    fillNodes(nodes, mu[i], sigma[i], cuts, cutCount);
    for (let k = 0; k < nodes.count; k++) {
      const x = nodes.x[k];
      let certain = 0;
      let u = 0;
      dist[0] = 1;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const p = beats(mu[j], sigma[j], x);
        if (p >= 1 - CERTAIN) certain++;
        else if (p > CERTAIN) {
          // Poisson-binomial convolution, one more term.
          dist[u + 1] = dist[u] * p;
          for (let m = u; m > 0; m--) dist[m] = dist[m] * (1 - p) + dist[m - 1] * p;
          dist[0] *= 1 - p;
          u++;
        }
      }
      const w = nodes.w[k];
      for (let m = 0; m <= u; m++) pmf[1 + certain + m] += w * dist[m];
    }
    const cdf = new Float64Array(n + 1);
    for (let r = 1; r <= n; r++) cdf[r] = cdf[r - 1] + pmf[r];
    lo[i] = quantileRank((r) => cdf[r], alpha / 2, 1, n);
    hi[i] = quantileRank((r) => cdf[r], 1 - alpha / 2, 1, n);
  }
  return { lo, hi };
}

/** One tabulation level: grid over [0,1] of `cells` cells for the terms whose SE spans ≥ NARROW_SE_STEPS cells. */
class Level {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  private readonly ones: Float64Array;

  constructor(readonly cells: number) {
    this.mean = new Float64Array(cells + 1);
    this.variance = new Float64Array(cells + 1);
    this.ones = new Float64Array(cells + 2);
  }

  add(m: number, s: number): void {
    const cells = this.cells;
    const from = Math.max(0, Math.ceil((m - WINDOW_SE * s) * cells));
    const to = Math.min(cells, Math.floor((m + WINDOW_SE * s) * cells));
    // Below its window the term is 1 (a difference array, summed in close()); above it, 0.
    this.ones[0] += 1;
    this.ones[Math.min(cells + 1, from)] -= 1;
    for (let g = from; g <= to; g++) {
      const p = 1 - normalCdf((g / cells - m) / s);
      this.mean[g] += p;
      this.variance[g] += p * (1 - p);
    }
  }

  close(): void {
    let run = 0;
    for (let g = 0; g <= this.cells; g++) {
      run += this.ones[g];
      this.mean[g] += run;
    }
  }

  /** Adds the interpolated sums at x in [0,1) to out[0] (mean), out[1] (variance). */
  at(x: number, out: Float64Array): void {
    const pos = x * this.cells;
    const g = Math.min(this.cells - 1, Math.floor(pos));
    const f = pos - g;
    out[0] += this.mean[g] * (1 - f) + this.mean[g + 1] * f;
    out[1] += this.variance[g] * (1 - f) + this.variance[g + 1] * f;
  }
}

/**
 * Sums over all entries of P(X_j > x) and of its variance p(1 − p), for any x in [0,1). A term is
 * tabulated on the coarsest grid whose cells are at most 1/NARROW_SE_STEPS of its SE (linear
 * interpolation error < 0.002 per term, and a bounded number of cells per term at every level);
 * SE 0 terms are counted exactly from a sorted array, and terms narrower than the finest grid are
 * summed exactly at each query.
 */
class BeatSums {
  /** Tabulated levels that hold at least one term. */
  private readonly levels: Level[];
  /** Deterministic values, ascending. */
  private readonly fixed: Float64Array;
  /** Terms finer than every grid: by estimate, and their lower window ends (ascending). */
  private readonly tinyMu: Float64Array;
  private readonly tinySigma: Float64Array;
  private readonly tinyFloor: Float64Array;
  private readonly tinyReach: number;

  constructor(mu: Float64Array, sigma: Float64Array) {
    const fixed: number[] = [];
    const tiny: number[] = [];
    const levels: Array<Level | null> = GRID_LEVELS.map(() => null);
    for (let j = 0; j < mu.length; j++) {
      const s = sigma[j];
      if (s === 0) {
        fixed.push(clip01(mu[j]));
        continue;
      }
      const level = GRID_LEVELS.findIndex((cells) => s * cells >= NARROW_SE_STEPS);
      if (level < 0) tiny.push(j);
      else (levels[level] ??= new Level(GRID_LEVELS[level])).add(mu[j], s);
    }
    this.levels = levels.filter((level): level is Level => level !== null);
    for (const level of this.levels) level.close();
    this.fixed = Float64Array.from(fixed).sort();
    tiny.sort((a, b) => compareNumbers(mu[a], mu[b]));
    this.tinyMu = Float64Array.from(tiny, (j) => mu[j]);
    this.tinySigma = Float64Array.from(tiny, (j) => sigma[j]);
    this.tinyFloor = Float64Array.from(tiny, (j) => mu[j] - WINDOW_SE * sigma[j]).sort();
    this.tinyReach = (WINDOW_SE * NARROW_SE_STEPS) / GRID_LEVELS[GRID_LEVELS.length - 1];
  }

  /** The grid a term of this SE is tabulated on (null: summed exactly). */
  static tabulated(s: number): boolean {
    return s * GRID_LEVELS[GRID_LEVELS.length - 1] >= NARROW_SE_STEPS;
  }

  /**
   * Mean and variance of the number of entries above x (x in [0,1)), every entry included (the
   * caller removes its own term), written into out[0], out[1].
   */
  at(x: number, out: Float64Array): void {
    out[0] = this.fixed.length - upperBound(this.fixed, x);
    out[1] = 0;
    for (let l = 0; l < this.levels.length; l++) this.levels[l].at(x, out);
    if (this.tinyMu.length === 0) return;
    out[0] += this.tinyFloor.length - upperBound(this.tinyFloor, x);
    const end = x + this.tinyReach;
    for (let k = upperBound(this.tinyMu, x - this.tinyReach); k < this.tinyMu.length && this.tinyMu[k] <= end; k++) {
      const m = this.tinyMu[k];
      const s = this.tinySigma[k];
      if (m - WINDOW_SE * s > x || m + WINDOW_SE * s <= x) continue; // counted above, or certainly below
      const p = 1 - normalCdf((x - m) / s);
      out[0] += p;
      out[1] += p * (1 - p);
    }
  }
}

/** Number of elements < x in an ascending array. */
function lowerBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of elements ≤ x in an ascending array. */
function upperBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * P(R ≤ r) for a mixture of normal laws of R (one per quadrature node of X_i) plus an atom at rank 1.
 * Nodes are kept sorted by centre with prefix weights, so an evaluation only computes Φ for the nodes
 * within WINDOW_SE spreads of r: the others count fully or not at all.
 */
class RankMixture {
  private readonly centre = new Float64Array(Z_BINS + 2);
  private readonly spread = new Float64Array(Z_BINS + 2);
  private readonly weight = new Float64Array(Z_BINS + 2);
  private readonly below = new Float64Array(Z_BINS + 3);
  count = 0;
  top = 0;
  private reach = 0;

  reset(): void {
    this.count = 0;
    this.top = 0;
  }

  add(c: number, s: number, w: number): void {
    const k = this.count++;
    this.centre[k] = c;
    this.spread[k] = s;
    this.weight[k] = w;
  }

  /** Sorts the nodes by centre and sums their weights from below. */
  close(): void {
    const { centre, spread, weight, count } = this;
    // Nodes arrive with x increasing, so centres (nearly) decreasing: reverse, then an insertion sort
    // fixes the few inversions the interpolation may leave (~O(count)).
    centre.subarray(0, count).reverse();
    spread.subarray(0, count).reverse();
    weight.subarray(0, count).reverse();
    for (let k = 1; k < count; k++) {
      const c = centre[k];
      const s = spread[k];
      const w = weight[k];
      let j = k;
      for (; j > 0 && centre[j - 1] > c; j--) {
        centre[j] = centre[j - 1];
        spread[j] = spread[j - 1];
        weight[j] = weight[j - 1];
      }
      centre[j] = c;
      spread[j] = s;
      weight[j] = w;
    }
    let reach = 0;
    this.below[0] = this.top;
    for (let k = 0; k < count; k++) {
      this.below[k + 1] = this.below[k] + weight[k];
      reach = Math.max(reach, WINDOW_SE * spread[k]);
    }
    this.reach = reach;
  }

  /** Index of the first node with centre ≥ c. */
  private firstAtLeast(c: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.centre[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  cdf(r: number): number {
    const first = this.firstAtLeast(r - this.reach);
    let total = this.below[first]; // the atom at rank 1 and every node far below r
    for (let k = first; k < this.count; k++) {
      const d = r - this.centre[k];
      const s = this.spread[k];
      if (d < -this.reach) break;
      if (s === 0) total += d >= 0 ? this.weight[k] : 0;
      else if (d > WINDOW_SE * s) total += this.weight[k];
      else if (d > -WINDOW_SE * s) total += this.weight[k] * normalCdf(d / s);
    }
    return total;
  }

  /** A starting point for the quantile search: the centre where the node weights reach p. */
  guess(p: number): number {
    if (this.top >= p) return 1;
    for (let k = 0; k < this.count; k++) if (this.below[k + 1] >= p) return Math.ceil(this.centre[k]);
    return this.count > 0 ? Math.ceil(this.centre[this.count - 1]) : 1;
  }

  lowest(): number {
    return this.top > 0 || this.count === 0 ? 1 : Math.floor(this.centre[0] - this.reach);
  }

  highest(): number {
    return this.count === 0 ? 1 : Math.ceil(this.centre[this.count - 1] + this.reach);
  }
}

/**
 * Larger rankings: given X_i = x, the number above is approximately Normal(m(x), v(x)) (a sum of
 * many independent indicators), with a continuity correction: P(R ≤ r | x) ≈ Φ((r − ½ − m)/√v).
 */
function approximateEnds(mu: Float64Array, sigma: Float64Array, alpha: number): Ends {
  const n = mu.length;
  const sums = new BeatSums(mu, sigma);
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const nodes = newNodes();
  const mixture = new RankMixture();
  const moments = new Float64Array(2);
  const cdf = (r: number): number => mixture.cdf(r);
  for (let i = 0; i < n; i++) {
    fillNodes(nodes, mu[i], sigma[i]);
    const tinySelf = sigma[i] > 0 && !BeatSums.tabulated(sigma[i]);
    mixture.reset();
    for (let k = 0; k < nodes.count; k++) {
      const x = nodes.x[k];
      if (x >= 1) {
        mixture.top += nodes.w[k]; // X_i = 1: nothing can be above it
        continue;
      }
      sums.at(x, moments);
      let m = moments[0];
      let v = moments[1];
      if (sigma[i] === 0) {
        // its own value is not above itself: nothing to remove
      } else if (tinySelf) {
        if (mu[i] - WINDOW_SE * sigma[i] > x) m -= 1;
        else if (mu[i] + WINDOW_SE * sigma[i] > x) {
          const p = 1 - normalCdf((x - mu[i]) / sigma[i]);
          m -= p;
          v -= p * (1 - p);
        }
      } else {
        const p = nodes.self[k];
        m -= p;
        v -= p * (1 - p);
      }
      mixture.add(Math.max(0, m) + 0.5, Math.sqrt(Math.max(0, v)), nodes.w[k]);
    }
    mixture.close();
    const first = Math.max(1, Math.min(n, mixture.lowest()));
    const last = Math.max(first, Math.min(n, mixture.highest()));
    lo[i] = quantileRank(cdf, alpha / 2, first, last, mixture.guess(alpha / 2));
    hi[i] = quantileRank(cdf, 1 - alpha / 2, first, last, mixture.guess(1 - alpha / 2));
  }
  return { lo, hi };
}
