/**
 * Full recompute: Apertura's recompute-round end to end (job enqueued → run marked done, every
 * result written) against the one-statement SQL baseline (lib/baseline.ts), in the same database,
 * on the same generated round, in the same run. Then checks that both agree.
 */
import { loadavg } from 'os';
import { join } from 'path';
import type { Client } from 'pg';
import { DEFAULT_JOB_OPTIONS, JOBS, jobIds } from '@apertura/queue';
import { BASELINE_TABLE, runBaseline, setupBaseline } from './lib/baseline';
import { cpuSeconds, otherBackendsCpu, ownBackendPid } from './lib/cpu';
import { analyze, generateRound, GeneratedRound, RoundSpec } from './lib/generator';
import {
  benchContext,
  ChildHandle,
  metricQueue,
  ROOT,
  seconds,
  spawnTs,
  spawnWorker,
  waitFor,
  waitForWorkers,
  workerNodeArgs,
} from './lib/infra';
import { summariseProfile } from './lib/profile';
import { median } from './lib/stats';

export interface Agreement {
  /** What was compared and the largest absolute difference of each. */
  checks: Array<{
    what: string;
    compared: number;
    onlyWorker: number;
    onlyBaseline: number;
    maxEstimateDiff: number;
    maxSeDiff: number | null;
  }>;
  tolerance: number;
  ok: boolean;
}

export interface RecomputeResult {
  spec: RoundSpec;
  counts: GeneratedRound['counts'];
  loadSeconds: number;
  baselineSetupSeconds: number;
  baselineSeconds: number[];
  baselineRows: number;
  workerSeconds: number[];
  /** Phases of the last run (seconds since the job was enqueued). */
  workerPhases: RunPhases;
  workerRows: number;
  ratio: number;
  workerPeakRssMiB: number;
  /** CPU seconds per run (Linux /proc): the baseline's backend; the worker process and its PostgreSQL backends. */
  cpu: Array<{ baseline: number; worker: number; workerBackends: number }>;
  agreement: Agreement;
  profile?: ReturnType<typeof summariseProfile>;
}

const TOLERANCE = 1e-9;

/** Where a run's time went, from the progress the worker reports (recompute_run.progress): load → institutions → areas. */
export interface RunPhases {
  total: number;
  /** Job picked up, every input read and every institution built (progress 50: pass 1 of the rebuild). */
  loaded: number | null;
  /** Every institution computed and written (progress 90). */
  institutions: number | null;
  /** Every area aggregated (progress 98); what follows is the final transaction (area rows, pool, ANALYZE). */
  areas: number | null;
  /** Progress values above 98 and below 100 the worker reported (e.g. a rank-interval step), first seen at. */
  late: Array<{ progress: number; at: number }>;
  /** metric_rank rows of the round after the run (null: the table does not exist in this schema). */
  rankRows: number | null;
}

const emptyPhases = (): RunPhases => ({
  total: 0,
  loaded: null,
  institutions: null,
  areas: null,
  late: [],
  rankRows: null,
});

/** Enqueues recompute-round as POST /api/rounds/:id/recompute would (a run row, then the job) and waits for it. */
export async function timeRecomputeRound(
  pg: Client,
  queue: ReturnType<typeof metricQueue>,
  roundId: string,
  worker: ChildHandle,
  timeoutMs: number,
): Promise<RunPhases> {
  const [{ id: runId }] = (
    await pg.query<{ id: string }>('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [roundId])
  ).rows;
  const started = process.hrtime.bigint();
  await queue.add(JOBS.recomputeRound, { roundId, runId }, { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.round(runId) });
  const phases = emptyPhases();
  const run = await waitFor(
    async () => {
      const r = (
        await pg.query<{ status: string; progress: number; error: string | null }>(
          'SELECT status, progress, error FROM recompute_run WHERE id = $1',
          [runId],
        )
      ).rows[0];
      const at = seconds(started);
      if (phases.loaded === null && r.progress >= 50) phases.loaded = at;
      if (phases.institutions === null && r.progress >= 90) phases.institutions = at;
      if (phases.areas === null && r.progress >= 98) phases.areas = at;
      if (r.progress > 98 && r.progress < 100 && !phases.late.some((l) => l.progress === r.progress))
        phases.late.push({ progress: r.progress, at });
      return r;
    },
    (r) => r.status === 'done' || r.status === 'failed',
    `recompute run ${runId}`,
    timeoutMs,
    20,
    () => worker.output(),
  );
  phases.total = seconds(started);
  if (run.status !== 'done') throw new Error(`recompute-round failed: ${run.error}\n${worker.output()}`);
  const [{ exists }] = (await pg.query<{ exists: boolean }>(`SELECT to_regclass('metric_rank') IS NOT NULL AS exists`))
    .rows;
  if (exists)
    phases.rankRows = (
      await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM metric_rank WHERE round_id = $1', [roundId])
    ).rows[0].n;
  return phases;
}

/** One line per run: the phases the worker reported. */
export function describePhases(p: RunPhases): string {
  const at = (x: number | null): string => x?.toFixed(1) ?? '?';
  const late = p.late.map((l) => `, ${l.progress}% at ${l.at.toFixed(1)} s`).join('');
  const rank = p.rankRows === null ? '' : `; ${p.rankRows} metric_rank rows`;
  return `read and built at ${at(p.loaded)} s, institutions written at ${at(p.institutions)} s, areas aggregated at ${at(p.areas)} s${late}, done at ${p.total.toFixed(1)} s${rank}`;
}

/** Worker results (metric_result) against the baseline's, key by key. */
export async function checkAgreement(pg: Client, roundId: string): Promise<Agreement> {
  const worker = (where: string): string =>
    `SELECT scope_key AS k, indicator AS ind, estimate, se FROM metric_result WHERE round_id = $1 AND aggregation = 'unweighted' AND ${where}`;
  const baseline = (where: string): string =>
    `SELECT scope_key AS k, indicator AS ind, estimate, se FROM ${BASELINE_TABLE} WHERE ${where}`;
  const pairs: Array<{ what: string; worker: string; baseline: string }> = [
    {
      what: 'institution components (TG.*, PG.* validated; TC.*, PC.* cluster means with SE)',
      worker: worker(`scope = 'institution' AND indicator LIKE '%.%'`),
      baseline: baseline(`scope = 'component'`),
    },
    {
      what: 'institution TG, PG; TC, PC (per-report, clustered) with SE',
      worker: worker(`scope = 'institution' AND indicator IN ('TG', 'PG', 'TC', 'PC') AND estimate IS NOT NULL`),
      baseline: baseline(`scope = 'institution' AND indicator IN ('TG', 'PG', 'TC', 'PC')`),
    },
    {
      what: 'institution T, P, I (small-n SE, pooled), I_G and ΔG (verified only)',
      worker: worker(
        `scope = 'institution' AND indicator IN ('T', 'P', 'I', 'I_G', 'DELTA_G') AND estimate IS NOT NULL`,
      ),
      baseline: baseline(`scope = 'institution' AND indicator IN ('T', 'P', 'I', 'I_G', 'DELTA_G')`),
    },
    {
      what: 'municipal unweighted means of I_G, I and ΔG (with SE)',
      worker: worker(`scope = 'municipality' AND indicator IN ('I_G', 'I', 'DELTA_G') AND estimate IS NOT NULL`),
      baseline: baseline(`scope = 'municipality'`),
    },
  ];
  const checks: Agreement['checks'] = [];
  for (const p of pairs) {
    const [row] = (
      await pg.query<{
        compared: number;
        only_worker: number;
        only_baseline: number;
        max_est: number | null;
        max_se: number | null;
        se_mismatch: number;
      }>(
        `WITH w AS (${p.worker}), b AS (${p.baseline})
         SELECT count(*) FILTER (WHERE w.k IS NOT NULL AND b.k IS NOT NULL)::int AS compared,
                count(*) FILTER (WHERE b.k IS NULL)::int AS only_worker,
                count(*) FILTER (WHERE w.k IS NULL)::int AS only_baseline,
                max(abs(w.estimate - b.estimate)) AS max_est,
                max(abs(w.se - b.se)) AS max_se,
                count(*) FILTER (WHERE w.k IS NOT NULL AND b.k IS NOT NULL AND (w.se IS NULL) <> (b.se IS NULL))::int AS se_mismatch
         FROM w FULL JOIN b ON b.k = w.k AND b.ind = w.ind`,
        [roundId],
      )
    ).rows;
    const maxSe = row.se_mismatch > 0 ? Infinity : (row.max_se ?? 0);
    checks.push({
      what: p.what,
      compared: row.compared,
      onlyWorker: row.only_worker,
      onlyBaseline: row.only_baseline,
      maxEstimateDiff: row.max_est ?? 0,
      maxSeDiff: maxSe,
    });
  }
  const ok = checks.every(
    (c) =>
      c.onlyWorker === 0 &&
      c.onlyBaseline === 0 &&
      c.compared > 0 &&
      c.maxEstimateDiff <= TOLERANCE &&
      (c.maxSeDiff === null || c.maxSeDiff <= TOLERANCE),
  );
  return { checks, tolerance: TOLERANCE, ok };
}

export interface RecomputeOptions {
  spec: RoundSpec;
  repeat: number;
  log: (line: string) => void;
  /** Write the worker's CPU profile of the whole benchmark here and summarise it. */
  profile?: string;
  /** Node options of the worker process (e.g. heap settings an operator would use). */
  workerNodeArgs?: string[];
  timeoutMs?: number;
}

export async function recomputeBenchmark(opts: RecomputeOptions): Promise<RecomputeResult> {
  const { spec, log } = opts;
  const ctx = await benchContext();
  try {
    log(
      `  generating ${spec.institutions} institutions (${spec.items === 'default' ? 'default questionnaire' : `${spec.items} scored items`}) …`,
    );
    const round = await generateRound(ctx.pg, spec);
    await analyze(ctx.pg);
    const c = round.counts;
    log(
      `  loaded by COPY in ${round.loadSeconds.toFixed(1)} s: ${c.responses} self-reports, ${c.answers} answers, ${c.verdicts} verdicts, ${c.reports} citizen reports, ${c.municipalities} municipalities; scored into columns in ${round.scoreSeconds.toFixed(1)} s (not timed)`,
    );
    const baselineSetupSeconds = await setupBaseline(ctx.pg, round.roundId);
    log(
      `  baseline setup (item maps, gate atoms and clauses, weights; not timed): ${baselineSetupSeconds.toFixed(2)} s`,
    );
    // For trying a schema or storage change on the benchmark's database before writing a migration.
    if (process.env.BENCH_EXPERIMENT_SQL) await ctx.pg.query(process.env.BENCH_EXPERIMENT_SQL);

    const queue = metricQueue(ctx.env);
    ctx.onClose(() => queue.close());
    const worker = opts.profile
      ? spawnTs(join(ROOT, 'bench', 'processes', 'profiled-worker.ts'), ctx.env, {
          nodeArgs: opts.workerNodeArgs,
          extraEnv: { BENCH_PROFILE_OUT: opts.profile },
        })
      : spawnWorker(ctx.env, opts.workerNodeArgs ?? workerNodeArgs());
    ctx.onClose(() => worker.stop());
    await waitForWorkers(queue, 1, [worker]);

    const baselineSeconds: number[] = [];
    const workerSeconds: number[] = [];
    const cpu: RecomputeResult['cpu'] = [];
    let baselineRows = 0;
    let workerPhases = emptyPhases();
    for (let r = 0; r < opts.repeat; r++) {
      const backend = await ownBackendPid(ctx.pg);
      const baselineCpuBefore = cpuSeconds(backend);
      const b = await runBaseline(ctx.pg, round.roundId);
      const baselineCpu = cpuSeconds(backend) - baselineCpuBefore;
      baselineSeconds.push(b.seconds);
      baselineRows = b.rows;
      const workerCpuBefore = cpuSeconds(worker.child.pid);
      const backends = await otherBackendsCpu(ctx.pg);
      workerPhases = await timeRecomputeRound(ctx.pg, queue, round.roundId, worker, opts.timeoutMs ?? 3_600_000);
      const workerCpu = cpuSeconds(worker.child.pid) - workerCpuBefore;
      const workerBackendsCpu = await backends.stop();
      workerSeconds.push(workerPhases.total);
      cpu.push({ baseline: baselineCpu, worker: workerCpu, workerBackends: workerBackendsCpu });
      log(
        `  run ${r + 1}/${opts.repeat}: SQL baseline ${b.seconds.toFixed(2)} s, recompute-round ${workerPhases.total.toFixed(2)} s (${describePhases(workerPhases)})`,
      );
      log(
        `    CPU: baseline's backend ${baselineCpu.toFixed(1)} s; worker ${workerCpu.toFixed(1)} s + its PostgreSQL backends ${workerBackendsCpu.toFixed(1)} s` +
          ` (load average ${loadavg()[0].toFixed(1)})`,
      );
    }
    const [{ rows: workerRows }] = (
      await ctx.pg.query<{ rows: number }>('SELECT count(*)::int AS rows FROM metric_result WHERE round_id = $1', [
        round.roundId,
      ])
    ).rows;
    const agreement = await checkAgreement(ctx.pg, round.roundId);
    const peak = worker.peakRssMiB();
    let profile: RecomputeResult['profile'];
    if (opts.profile) {
      const exited = new Promise<void>((resolve) => worker.child.once('exit', () => resolve()));
      worker.child.kill('SIGUSR2');
      await exited;
      profile = summariseProfile(opts.profile);
    }
    return {
      spec,
      counts: c,
      loadSeconds: round.loadSeconds,
      baselineSetupSeconds,
      baselineSeconds,
      baselineRows,
      workerSeconds,
      workerPhases,
      workerRows,
      ratio: median(workerSeconds) / median(baselineSeconds),
      workerPeakRssMiB: peak,
      cpu,
      agreement,
      profile,
    };
  } finally {
    await ctx.close();
  }
}
