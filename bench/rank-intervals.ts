/**
 * Rank intervals (METHOD.md §9): the fast method against the reference simulation (10,000 draws) on
 * rankings of 100, 1,000 and 12,000 values: time (wall and CPU, min / median / max over repeats) and
 * the largest difference between the interval ends. The simulation's own noise is measured too (the
 * same simulation under a second seed): METHOD.md §9 asks the fast method to agree within one rank,
 * which only means something where two runs of the reference agree that well themselves.
 *
 * `npm run bench -- --only rank [--repeat N]` (from bench/run.ts), or directly:
 * `node -r ./test/support/swc-register.js bench/rank-intervals.ts [--repeat N] [--simulate-national]`
 * (the 12,000-value simulation takes ≈ 20–25 s per run and 240 MB, so it is opt-in).
 */
import { mulberry32, rankIntervals, RankEntry, RankInterval } from '@apertura/metric';
import { median } from './lib/stats';

export interface RankTiming {
  wallMs: number[];
  cpuMs: number[];
}

export interface RankSizeResult {
  size: number;
  fast: RankTiming;
  simulation: RankTiming | null;
  /** Largest |Δ| of an interval end, fast vs simulation (null: not simulated). */
  maxEndDifference: number | null;
  /** Share of ends within one rank of the simulation's. */
  withinOne: number | null;
  /** Largest |Δ| between two simulations with different seeds: the reference's own noise. */
  simulationNoise: number | null;
}

export interface RankBenchmarkOptions {
  repeat: number;
  /** Also simulate the 12,000-value ranking (≈ 20–25 s and 240 MB per run). */
  simulateNational: boolean;
  log: (line: string) => void;
}

export const RANK_SIZES = [100, 1_000, 12_000];

/**
 * A ranking shaped like a national round's institution index: estimates around 0.45 (sd 0.15, clipped),
 * SEs mostly 0.01–0.11 (more small than large), 5 % exact values (SE 0). Deterministic.
 */
export function syntheticRanking(size: number, seed = 1): RankEntry[] {
  const rng = mulberry32(seed * 7919 + size);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Array.from({ length: size }, (_, k) => {
    const estimate = Math.min(1, Math.max(0, 0.45 + 0.15 * normal()));
    const u = rng();
    return { id: `inst-${String(k).padStart(5, '0')}`, estimate, se: rng() < 0.05 ? 0 : 0.01 + 0.1 * u * u };
  });
}

function timed(fn: () => RankInterval[]): { out: RankInterval[]; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const out = fn();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { out, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function endDifferences(a: RankInterval[], b: RankInterval[]): { max: number; withinOne: number } {
  const other = new Map(b.map((r) => [r.id, r]));
  let max = 0;
  let close = 0;
  for (const r of a) {
    const q = other.get(r.id);
    if (q === undefined) throw new Error(`missing ${r.id}`);
    for (const d of [Math.abs(r.lo - q.lo), Math.abs(r.hi - q.hi)]) {
      max = Math.max(max, d);
      if (d <= 1) close++;
    }
  }
  return { max, withinOne: close / (2 * a.length) };
}

const range = (xs: number[]): string =>
  `${Math.min(...xs).toFixed(0)} / ${median(xs).toFixed(0)} / ${Math.max(...xs).toFixed(0)}`;

export async function rankIntervalsBenchmark(opts: RankBenchmarkOptions): Promise<RankSizeResult[]> {
  const results: RankSizeResult[] = [];
  for (const size of RANK_SIZES) {
    const entries = syntheticRanking(size);
    const seed = `bench:institution:MX:I:${size}`;
    const fast: RankTiming = { wallMs: [], cpuMs: [] };
    let fastOut: RankInterval[] = [];
    for (let k = 0; k < opts.repeat; k++) {
      const t = timed(() => rankIntervals(entries, { seed }));
      fast.wallMs.push(t.wallMs);
      fast.cpuMs.push(t.cpuMs);
      fastOut = t.out;
    }
    const result: RankSizeResult = {
      size,
      fast,
      simulation: null,
      maxEndDifference: null,
      withinOne: null,
      simulationNoise: null,
    };
    const simulate = size <= 1_000 || opts.simulateNational;
    if (simulate) {
      // The simulation is the slow side: repeat it less at the larger sizes.
      const runs = size <= 100 ? opts.repeat : size <= 1_000 ? Math.min(opts.repeat, 3) : 1;
      const simulation: RankTiming = { wallMs: [], cpuMs: [] };
      let simOut: RankInterval[] = [];
      for (let k = 0; k < runs; k++) {
        const t = timed(() => rankIntervals(entries, { seed, method: 'simulation' }));
        simulation.wallMs.push(t.wallMs);
        simulation.cpuMs.push(t.cpuMs);
        simOut = t.out;
      }
      const diff = endDifferences(fastOut, simOut);
      result.simulation = simulation;
      result.maxEndDifference = diff.max;
      result.withinOne = diff.withinOne;
      if (size <= 1_000)
        result.simulationNoise = endDifferences(
          simOut,
          rankIntervals(entries, { seed: `${seed}:again`, method: 'simulation' }),
        ).max;
    }
    opts.log(
      `  ${size} values: fast ${range(fast.wallMs)} ms wall (${range(fast.cpuMs)} ms CPU)` +
        (result.simulation
          ? `; simulation ${range(result.simulation.wallMs)} ms wall; max end Δ ${result.maxEndDifference}, ${((result.withinOne ?? 0) * 100).toFixed(1)} % within one rank` +
            (result.simulationNoise === null
              ? ''
              : `; simulation vs simulation (another seed) max Δ ${result.simulationNoise}`)
          : '; simulation skipped (--simulate-national)'),
    );
    results.push(result);
  }
  return results;
}

/** The table rows bench/run.ts prints. */
export function rankTableRows(results: RankSizeResult[]): string[][] {
  return results.map((r) => [
    `rank intervals, ${r.size} values (min / median / max)`,
    `${range(r.fast.wallMs)} ms (fast)`,
    r.simulation ? `${range(r.simulation.wallMs)} ms (simulation, 10,000 draws)` : 'not simulated',
    r.simulation ? (median(r.simulation.wallMs) / median(r.fast.wallMs)).toFixed(0) + '× faster' : '',
    r.maxEndDifference === null
      ? ''
      : `end Δ ≤ 1: max ${r.maxEndDifference}${r.simulationNoise === null ? '' : ` (sim vs sim ${r.simulationNoise})`}`,
  ]);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--repeat');
  const repeat = at >= 0 ? Number(argv[at + 1]) : 5;
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat needs a positive integer');
  console.log(`Rank intervals: fast vs simulation (node ${process.version}, ${repeat} repeats)`);
  rankIntervalsBenchmark({
    repeat,
    simulateNational: argv.includes('--simulate-national'),
    log: (l) => console.log(l),
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
