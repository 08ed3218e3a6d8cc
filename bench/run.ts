/**
 * `npm run bench [-- --size small|national] [--only recompute,scaling,incremental,ingest,pageload,live,rank] [--repeat N]
 *  [--rate writes/s] [--workers N [--split-areas]] [--profile] [--json file] [--network mobile]`: runs the benchmarks and prints each one's numbers, its in-run baseline
 * and the ratio; with `--repeat N`, every figure as the median, min and max of N repetitions. See bench/README.md.
 */
import { writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join } from 'path';
import { tmpdir } from 'os';
import { IncrementalResult, incrementalBenchmark } from './incremental.bench';
import { IngestResult, IngestRun, ingestBenchmark } from './ingest.bench';
import { median, spread } from './lib/stats';
import { NetworkName, NETWORKS, p95, PageLoadResult, pageLoadBenchmark } from './pageload.bench';
import { LiveResult, liveBenchmark } from './live.bench';
import { RankSizeResult, rankIntervalsBenchmark, rankTableRows } from './rank-intervals';
import { RecomputeResult, recomputeBenchmark } from './recompute.bench';
import { ScalingResult, scalingBenchmark } from './scaling.bench';
import { SIZES } from './sizes';

const BENCHMARKS = ['recompute', 'scaling', 'incremental', 'ingest', 'pageload', 'live', 'rank'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

interface Args {
  size: string;
  only: Benchmark[];
  repeat?: number;
  /** Writes per second of the incremental benchmark (default: the size's). */
  rate?: number;
  /** Worker processes of the incremental benchmark (default 1). */
  workers?: number;
  /** With several workers, one takes the area jobs alone (WORKER_QUEUES). */
  splitAreas: boolean;
  profile: boolean;
  json?: string;
  /** Page loads over an emulated network instead of loopback. */
  network?: NetworkName;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { size: 'small', only: [...BENCHMARKS], splitAreas: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--size')) args.size = value();
    else if (a.startsWith('--only')) {
      const names = value().split(',');
      for (const n of names)
        if (!(BENCHMARKS as readonly string[]).includes(n))
          throw new Error(`unknown benchmark ${n} (${BENCHMARKS.join(', ')})`);
      args.only = names as Benchmark[];
    } else if (a.startsWith('--repeat')) args.repeat = Number(value());
    else if (a.startsWith('--rate')) args.rate = Number(value());
    else if (a.startsWith('--workers')) {
      args.workers = Number(value());
      if (!Number.isInteger(args.workers) || args.workers < 1) throw new Error('--workers needs a whole number ≥ 1');
    } else if (a === '--split-areas') args.splitAreas = true;
    else if (a === '--profile') args.profile = true;
    else if (a.startsWith('--json')) args.json = value();
    else if (a.startsWith('--network')) {
      const n = value();
      if (!(n in NETWORKS)) throw new Error(`unknown network ${n} (${Object.keys(NETWORKS).join(', ')})`);
      args.network = n as NetworkName;
    } else if (a === '--help' || a === '-h') {
      console.log(
        'npm run bench -- [--size small|national] [--only recompute,scaling,incremental,ingest,pageload,live,rank] [--repeat N] [--rate writes/s] [--workers N [--split-areas]] [--profile] [--json file] [--network mobile]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!SIZES[args.size]) throw new Error(`unknown size ${args.size} (${Object.keys(SIZES).join(', ')})`);
  return args;
}

const s = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const log = (line: string): void => console.log(line);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const plan = SIZES[args.size];
  const started = Date.now();
  console.log(
    `Apertura benchmarks, size ${plan.name}: ${args.only.join(', ')} (node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB)`,
  );
  const out: {
    recompute?: RecomputeResult;
    scaling?: ScalingResult;
    incremental?: IncrementalResult[];
    ingest?: IngestResult;
    pageload?: PageLoadResult;
    live?: LiveResult;
    rank?: RankSizeResult[];
  } = {};

  if (args.only.includes('recompute')) {
    console.log(
      `\n# Full recompute: recompute-round vs one SQL statement (${plan.recompute.institutions} institutions)`,
    );
    const profile = args.profile ? join(tmpdir(), `apertura-worker-${Date.now()}.cpuprofile`) : undefined;
    out.recompute = await recomputeBenchmark({
      spec: plan.recompute,
      repeat: args.repeat ?? plan.repeat,
      log,
      profile,
    });
    const r = out.recompute;
    for (const c of r.agreement.checks) {
      console.log(
        `  agree: ${c.what}: ${c.compared} values, max |Δ| ${c.maxEstimateDiff.toExponential(1)}${c.maxSeDiff === null ? '' : `, SE max |Δ| ${c.maxSeDiff.toExponential(1)}`}${c.onlyWorker + c.onlyBaseline > 0 ? `, MISSING ${c.onlyWorker}/${c.onlyBaseline}` : ''}`,
      );
    }
    if (r.profile && profile) {
      console.log(`  worker CPU profile (${profile}): ${s(r.profile.totalMs / 1000)} s of CPU`);
      for (const [area, t] of r.profile.areas) console.log(`    ${s(t / 1000).padStart(6)} s  ${area}`);
      console.log('  top functions (self time):');
      for (const [fn, t] of r.profile.functions) console.log(`    ${s(t / 1000).padStart(6)} s  ${fn}`);
    }
  }
  if (args.only.includes('scaling')) {
    console.log(`\n# Scaling: full recompute at ${plan.scaling.join(' / ')} institutions`);
    out.scaling = await scalingBenchmark({
      base: plan.recompute,
      sizes: plan.scaling,
      known: out.recompute ? [out.recompute] : [],
      log,
    });
  }
  if (args.only.includes('incremental')) {
    console.log(`\n# Incremental latency: HTTP success → institution and municipality results committed`);
    // Each repetition is a whole run of its own (a fresh round, worker and write load).
    out.incremental = [];
    const repeat = args.repeat ?? 1;
    for (let r = 0; r < repeat; r++) {
      if (repeat > 1) console.log(`  repetition ${r + 1}/${repeat}`);
      out.incremental.push(
        await incrementalBenchmark({
          ...plan.incremental,
          ratePerSecond: args.rate ?? plan.incremental.ratePerSecond,
          workers: args.workers,
          splitAreas: args.splitAreas,
          log,
        }),
      );
    }
  }
  if (args.only.includes('ingest')) {
    console.log(`\n# Ingest: submissions vs the same app's trivial POST (autocannon, loopback)`);
    out.ingest = await ingestBenchmark({ ...plan.ingest, repeat: args.repeat ?? 1, log });
  }
  if (args.only.includes('pageload')) {
    console.log(
      `\n# Dashboard page load in Chromium (${plan.recompute.institutions} institutions, published, computed; ${args.network ? `${args.network} network` : 'loopback'})`,
    );
    out.pageload = await pageLoadBenchmark({
      spec: plan.recompute,
      repeat: args.repeat ?? 5,
      network: args.network,
      log,
    });
  }

  if (args.only.includes('live')) {
    console.log(
      `\n# Live dashboards in Chromium: write committed → changed value visible on an open page (${plan.recompute.institutions} institutions)`,
    );
    out.live = await liveBenchmark({ spec: plan.recompute, repeat: args.repeat ?? 10, log });
  }

  if (args.only.includes('rank')) {
    console.log(`\n# Rank intervals (METHOD.md §9): fast method vs the 10,000-draw simulation (no database)`);
    out.rank = await rankIntervalsBenchmark({ repeat: args.repeat ?? 5, simulateNational: false, log });
  }

  const rows: string[][] = [['benchmark', 'Apertura', 'baseline (same run)', 'ratio', 'target']];
  if (out.recompute) {
    const r = out.recompute;
    const perRun = r.workerSeconds.map((w, k) => w / r.baselineSeconds[k]);
    rows.push([
      `full recompute, ${r.counts.institutions} inst / ${(r.counts.answers / 1e6).toFixed(2)} M answers / ${(r.counts.verdicts / 1e3).toFixed(0)} k verdicts / ${(r.counts.reports / 1e3).toFixed(0)} k reports, ${r.workerSeconds.length} runs`,
      `${spread(r.workerSeconds, (x) => `${s(x)} s`)} (recompute-round)`,
      `${spread(r.baselineSeconds, (x) => `${s(x)} s`)} (one SQL statement)`,
      `${(median(r.workerSeconds) / median(r.baselineSeconds)).toFixed(2)} (per run ${spread(perRun, (x) => x.toFixed(2))})`,
      '≤ 1.5',
    ]);
    rows.push([
      '  results agree (1e-9)',
      r.agreement.ok ? 'yes' : 'NO',
      `${r.agreement.checks.reduce((a, c) => a + c.compared, 0)} values compared`,
      '',
      '',
    ]);
    rows.push(['  worker peak memory', `${s(r.workerPeakRssMiB)} MiB RSS`, '', '', '']);
  }
  if (out.scaling) {
    const sc = out.scaling;
    rows.push([
      'scaling (time per 1,000 institutions)',
      `${s(sc.worker.secondsPer1000Institutions)} s, exponent ${sc.worker.exponent.toFixed(2)}`,
      `${s(sc.baseline.secondsPer1000Institutions)} s, exponent ${sc.baseline.exponent.toFixed(2)}`,
      (sc.worker.secondsPer1000Institutions / sc.baseline.secondsPer1000Institutions).toFixed(2),
      '',
    ]);
    rows.push([
      '  (time per 1 M answers)',
      `${s(sc.worker.secondsPerMillionAnswers)} s`,
      `${s(sc.baseline.secondsPerMillionAnswers)} s`,
      '',
      '',
    ]);
    rows.push([
      '  worker memory per 1,000 institutions',
      `${s(sc.memory.mibPer1000Institutions)} MiB (+${s(sc.memory.interceptMiB)} MiB base)`,
      '',
      '',
      '',
    ]);
    for (const p of sc.points) {
      rows.push([
        `  ${p.institutions} inst / ${(p.answers / 1e6).toFixed(2)} M answers`,
        `${s(p.workerSeconds)} s, ${s(p.workerPeakRssMiB)} MiB`,
        `${s(p.baselineSeconds)} s`,
        (p.workerSeconds / p.baselineSeconds).toFixed(2),
        '',
      ]);
    }
  }
  if (out.incremental && out.incremental.length > 0) {
    const runs = out.incremental;
    const i = runs[0];
    const over = (pick: (x: IncrementalResult) => number, fmt: (x: number) => string): string =>
      spread(runs.map(pick), fmt);
    const secs = (x: number): string => `${s(x)} s`;
    rows.push([
      `incremental, ${i.targetRatePerSecond} writes/s for ${i.durationSeconds} s, ${runs.length} run${runs.length > 1 ? 's' : ''} (${i.sent.submissions} submissions, ${i.sent.verdicts} verdicts each)${i.workers > 1 ? `, ${i.workers} workers${i.splitAreas ? ' (one for area jobs)' : ''}` : ''}`,
      `institution p50 ${over((x) => x.institutionSeconds.p50, secs)}`,
      `API answer p50 ${over((x) => x.ackMs.p50, ms)}`,
      '',
      '',
    ]);
    rows.push([
      '',
      `institution p95 ${over((x) => x.institutionSeconds.p95, secs)}`,
      `API answer p99 ${over((x) => x.ackMs.p99, ms)}`,
      '',
      'p95 ≤ 1 s at 50 writes/s',
    ]);
    rows.push([
      '',
      `municipality p50 ${over((x) => x.municipalitySeconds.p50, secs)}`,
      `${over((x) => x.unresolved, String)} unresolved`,
      '',
      '',
    ]);
    rows.push([
      '',
      `municipality p95 ${over((x) => x.municipalitySeconds.p95, secs)}`,
      '',
      '',
      'p95 ≤ 1.5 s at 50 writes/s',
    ]);
    rows.push([
      '',
      `area jobs: ${over((x) => x.areaJobs.municipalitiesOnly, String)} touched municipalities only, ${over((x) => x.areaJobs.touchedOnly, String)} touched areas only, ${over((x) => x.areaJobs.everyArea, String)} every area`,
      '',
      '',
      '',
    ]);
  }
  if (out.ingest) {
    const g = out.ingest;
    const over = (pick: (x: IngestRun) => number, fmt: (x: number) => string): string => spread(g.runs.map(pick), fmt);
    const rps = (x: number): string => `${s(x)} req/s`;
    // A national round's worst plausible burst: every obliged subject submitting within one hour.
    const peak = 13_000 / 3600;
    rows.push([
      `ingest, ${g.bodyBytes} B submissions, ${g.connections} connections, ${g.durationSeconds} s, ${g.runs.length} run${g.runs.length > 1 ? 's' : ''}`,
      over((x) => x.submit.requestsPerSecond, rps),
      `${over((x) => x.baseline.requestsPerSecond, rps)} (trivial POST)`,
      `${over(
        (x) => x.throughputRatio,
        (x) => x.toFixed(1),
      )} (throughput)`,
      '≥ 300 req/s, ratio ≤ 10',
    ]);
    rows.push([
      '  p99',
      over((x) => x.submit.p99Ms, ms),
      over((x) => x.baseline.p99Ms, ms),
      `${over(
        (x) => x.p99Ratio,
        (x) => x.toFixed(1),
      )} (p99)`,
      '',
    ]);
    rows.push([
      '  headroom over 13,000 submissions in one hour',
      `${s(median(g.runs.map((x) => x.submit.requestsPerSecond)) / peak)}×`,
      `(${peak.toFixed(1)} req/s)`,
      '',
      '',
    ]);
  }
  if (out.pageload) {
    const p = out.pageload;
    for (const pg of p.pages) {
      const worst = p95(pg.readyMs);
      rows.push([
        `page load: ${pg.page}`,
        `median ${ms(median(pg.readyMs))} (min ${ms(Math.min(...pg.readyMs))}, max ${ms(Math.max(...pg.readyMs))}), p95 ${ms(worst)}, ${pg.readyMs.length} loads`,
        `${pg.requests} API requests`,
        '',
        `p95 ≤ ${p.targetMs} ms${worst <= p.targetMs ? '' : ' (MISSED)'}`,
      ]);
    }
  }
  if (out.live) {
    const l = out.live;
    const line = (x: LiveResult['committed']) =>
      `p50 ${ms(x.p50)}, p95 ${ms(x.p95)} (min ${ms(x.min)}, max ${ms(x.max)})`;
    rows.push([
      `live: write → institution page shows it (${l.institutionPage.ms.length} writes${l.missed ? `, ${l.missed} MISSED` : ''})`,
      line(l.institutionPage),
      `${line(l.committed)} results committed`,
      (l.institutionPage.p50 / l.committed.p50).toFixed(2),
      `p95 ≤ ${l.targetMs} ms${l.institutionPage.p95 <= l.targetMs ? '' : ' (MISSED)'}`,
    ]);
    rows.push([
      'live: write → overview shows the new national value',
      line(l.overview),
      `${line(l.areasCommitted)} area results committed`,
      (l.overview.p50 / l.areasCommitted.p50).toFixed(2),
      `p95 ≤ ${l.targetMs} ms${l.overview.p95 <= l.targetMs ? '' : ' (MISSED)'}`,
    ]);
  }
  if (out.rank) rows.push(...rankTableRows(out.rank));
  console.log(`\n${table(rows)}\n\ntotal ${s((Date.now() - started) / 1000)} s`);
  if (args.json)
    writeFileSync(args.json, JSON.stringify({ size: plan.name, at: new Date().toISOString(), ...out }, null, 2));
  if (out.recompute && !out.recompute.agreement.ok) {
    console.error('The worker and the SQL baseline disagree.');
    process.exitCode = 1;
  }
}
