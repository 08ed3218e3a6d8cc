/**
 * Incremental latency: under a steady open-loop load of self-report submissions and verdicts sent to
 * the real API, how long from the API's success answer (201 for a submission, 200 for a verdict) to
 * the moment the updated institution result, and the updated municipality result, are committed in
 * PostgreSQL (readable by every dashboard).
 *
 * "Updated" is exact, not a guess. Each write has an outbox event id; an institution's result rows
 * carry the watermark (highest outbox event id) of the input snapshot they were computed from, so
 * the institution is updated once a row of it commits with watermark ≥ the write's event id. Area
 * rows are aggregated from stored institution results, so the municipality is updated by the first
 * area job that starts after that institution row committed (Bull announces job starts). A trigger
 * installed in the benchmark's own database NOTIFYs every committed I_G row of an institution or
 * municipality; NOTIFY is delivered at commit, so there is no polling bias. With one process taking
 * area jobs (one worker, or `--split-areas`), which runs them one at a time, the municipality's first
 * notification after such a start is that job's write. A job writes only rows whose value changed, so
 * the municipality also counts as updated when such a job has completed without writing it (Bull
 * announces completions after the commit: later by a Redis round trip, never earlier). With several
 * processes taking area jobs (`--workers N`) an area job that started earlier on another worker may
 * commit after that start, so only the completion counts.
 *
 * The path measured is the product's: outbox → relay (every 200 ms when idle) → debounced
 * recompute-institution (150 ms) → recompute-area (its own queue, debounced 200 ms; only the touched
 * areas while the round's pool does not move).
 */
import { randomUUID } from 'crypto';
import { Client, Pool } from 'pg';
import { QUEUES } from '@apertura/queue';
import { verifiableItems } from '@apertura/questionnaire';
import { hashPassword } from '../apps/api/src/auth/passwords';
import { CopyWriter } from './lib/copy';
import { analyze, generateRound, RoundSpec } from './lib/generator';
import { AreaScheduler } from '../apps/worker/src/metric/area-scheduler';
import {
  areaQueue,
  benchContext,
  metricQueue,
  seconds,
  spawnApi,
  spawnWorker,
  waitFor,
  waitForWorkers,
} from './lib/infra';
import { percentile } from './lib/stats';
import { submissionAnswers } from './lib/submission';
import { timeRecomputeRound } from './recompute.bench';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface IncrementalResult {
  institutions: number;
  durationSeconds: number;
  targetRatePerSecond: number;
  sent: { submissions: number; verdicts: number };
  ackMs: LatencySummary;
  institutionSeconds: LatencySummary;
  municipalitySeconds: LatencySummary;
  unresolved: number;
  /**
   * Area jobs that finished during the run: only the touched municipalities (another area job waited),
   * only the touched areas, or every area.
   */
  areaJobs: { municipalitiesOnly: number; touchedOnly: number; everyArea: number };
  /** Worker processes, whether one of them took the area jobs alone, and the largest peak RSS among them. */
  workers: number;
  splitAreas: boolean;
  workerPeakRssMiB: number;
}

export interface IncrementalOptions {
  spec: RoundSpec;
  durationSeconds: number;
  /** Writes per second (a third submissions, two thirds verdicts). */
  ratePerSecond: number;
  invitations: number;
  validators: number;
  /** Worker processes (default 1). */
  workers?: number;
  /** With several workers, the first consumes only the area queue and the others every other queue. */
  splitAreas?: boolean;
  log: (line: string) => void;
}

const PASSWORD = 'bench-validator-password-1';

function summarise(xs: number[]): LatencySummary {
  return {
    count: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    p99: percentile(xs, 99),
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

interface Pending {
  institutionId: string;
  cvegeo: string;
  ackAt: bigint;
  eventId: number | null;
  institutionAt: bigint | null;
  municipalityAt: bigint | null;
}

export async function incrementalBenchmark(opts: IncrementalOptions): Promise<IncrementalResult> {
  const ctx = await benchContext();
  try {
    const spec: RoundSpec = {
      ...opts.spec,
      status: 'open',
      invitations: opts.invitations,
      tokenSecret: ctx.env.TOKEN_SECRET,
      validatorPasswordHash: await hashPassword(PASSWORD),
    };
    opts.log(`  generating ${spec.institutions} institutions (open round, ${opts.invitations} invitations) …`);
    const round = await generateRound(ctx.pg, spec);
    const invited = round.invitations;

    // Validators who will send verdicts, each assigned to a handful of invited institutions.
    const assignments: Array<{ id: string; validator: number; institutionId: string }> = [];
    const writer = CopyWriter.start(ctx.pg, 'assignment', [
      'id',
      'round_id',
      'validator_id',
      'institution_id',
      'status',
      'expires_at',
    ]);
    const expires = new Date(Date.now() + 7 * 86400_000).toISOString();
    for (let v = 0; v < opts.validators; v++) {
      for (let k = 0; k < 10; k++) {
        const institutionId = invited[(v * 7 + k * 13) % invited.length].institutionId;
        if (assignments.some((a) => a.validator === v && a.institutionId === institutionId)) continue;
        const id = randomUUID();
        assignments.push({ id, validator: v, institutionId });
        await writer.row([id, round.roundId, round.validators[v].id, institutionId, 'active', expires]);
      }
    }
    await writer.end();
    await analyze(ctx.pg);

    // Answered claims of the invited institutions: verdicts on them move the validated scores.
    const claimNames = new Set(verifiableItems(round.institutionDefinition).map((v) => v.name));
    const answered = new Map<string, string[]>();
    for (const r of (
      await ctx.pg.query<{ institution_id: string; submitted: Record<string, unknown> }>(
        'SELECT institution_id, submitted FROM response WHERE round_id = $1',
        [round.roundId],
      )
    ).rows) {
      answered.set(
        r.institution_id,
        Object.keys(r.submitted).filter((k) => claimNames.has(k)),
      );
    }
    type VerdictSlot = { assignment: string; validator: number; institutionId: string; claim: string };
    const byValidator = new Map<number, VerdictSlot[]>();
    for (const a of assignments) {
      const own = byValidator.get(a.validator) ?? [];
      byValidator.set(a.validator, own);
      for (const claim of answered.get(a.institutionId) ?? [])
        own.push({ assignment: a.id, validator: a.validator, institutionId: a.institutionId, claim });
    }
    // The validators work side by side, each through their own assignments: one after another they would
    // put every verdict of the run on one account, whose per-account rate limit (ACCOUNT_RATE_LIMIT_PER_MINUTE)
    // a person never reaches but 50 writes/s from one account does.
    const verdictSlots: VerdictSlot[] = [];
    const lists = [...byValidator.values()];
    for (let i = 0; lists.some((l) => i < l.length); i++)
      for (const l of lists) if (i < l.length) verdictSlots.push(l[i]);
    if (verdictSlots.length === 0) throw new Error('no verifiable claims to write verdicts on');

    await ctx.pg.query(`
      CREATE FUNCTION bench_notify_result() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('bench_results', NEW.scope || ' ' || NEW.scope_key || ' ' || NEW.watermark);
        RETURN NULL;
      END $$`);
    await ctx.pg.query(`
      CREATE TRIGGER bench_notify_result AFTER INSERT OR UPDATE ON metric_result FOR EACH ROW
      WHEN (NEW.indicator = 'I_G' AND NEW.aggregation = 'unweighted' AND NEW.scope IN ('institution', 'municipality'))
      EXECUTE FUNCTION bench_notify_result()`);

    const queue = metricQueue(ctx.env);
    ctx.onClose(() => queue.close());
    const workerCount = opts.workers ?? 1;
    const splitAreas = opts.splitAreas === true;
    if (splitAreas && workerCount < 2) throw new Error('--split-areas needs --workers 2 or more');
    // WORKER_QUEUES of each worker: the first takes the area jobs alone when they are split off.
    const queuesOf = (i: number): string | undefined =>
      !splitAreas ? undefined : i === 0 ? QUEUES.areas : [QUEUES.mail, QUEUES.metric, QUEUES.imports].join(',');
    const workers = Array.from({ length: workerCount }, (_, i) => {
      const only = queuesOf(i);
      return spawnWorker(only === undefined ? ctx.env : { ...ctx.env, WORKER_QUEUES: only });
    });
    for (const w of workers) ctx.onClose(() => w.stop());
    const api = await spawnApi(ctx.env);
    ctx.onClose(() => api.handle.stop());
    const areas = areaQueue(ctx.env);
    ctx.onClose(() => areas.close());
    const areaConsumers = splitAreas ? 1 : workerCount;
    await waitForWorkers(queue, splitAreas ? workerCount - 1 : workerCount, workers);
    await waitForWorkers(areas, areaConsumers, workers);
    const rebuilder = splitAreas ? workers[1] : workers[0];
    opts.log(
      `  initial full rebuild (not measured; ${workerCount} worker process${workerCount === 1 ? '' : 'es'}${splitAreas ? ', area jobs on one of them' : ''}) …`,
    );
    const initial = await timeRecomputeRound(ctx.pg, queue, round.roundId, rebuilder, 3_600_000);
    opts.log(`  initial rebuild took ${initial.total.toFixed(1)} s`);
    // Not measured either: one area job of the round, as a worker that has been running has done. Until
    // its process has written every area once, an area job cannot write the touched municipalities alone.
    const warmStarted = process.hrtime.bigint();
    const warmJob = await new AreaScheduler().schedule(areas, round.roundId);
    await waitFor(
      async () => (await areas.getJob(warmJob)) === null,
      (gone) => gone,
      'the first area job of the round',
      600_000,
    );
    opts.log(`  first area job of the area worker took ${seconds(warmStarted).toFixed(1)} s`);

    const post = async (
      method: string,
      path: string,
      body: unknown,
      headers: Record<string, string>,
    ): Promise<{ status: number; json: Record<string, unknown> }> => {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };
    const tokens: string[] = [];
    for (let v = 0; v < opts.validators; v++) {
      const r = await post('POST', '/api/auth/login', { email: round.validators[v].email, password: PASSWORD }, {});
      if (r.status !== 200 && r.status !== 201)
        throw new Error(`validator login failed: ${r.status} ${JSON.stringify(r.json)}`);
      tokens.push(String(r.json.accessToken));
    }
    const answerPool = Array.from({ length: 16 }, (_, i) => submissionAnswers(round.institutionDefinition, 1000 + i));

    // Results as they commit. An institution row with watermark ≥ the write's event id was computed
    // from inputs that include the write. Area rows are aggregated from the stored institution results,
    // so their watermark says nothing about which institution results they saw: a municipality is
    // updated by the first area job that STARTED after the institution's new result was committed
    // (Bull announces each start on the queue's events; with several workers, see the header).
    const listener = new Client({ connectionString: ctx.db.url });
    await listener.connect();
    ctx.onClose(() => listener.end());
    const pending = new Set<Pending>();
    const done: Pending[] = [];
    const finish = (p: Pending): void => {
      if (p.institutionAt !== null && p.municipalityAt !== null) {
        pending.delete(p);
        done.push(p);
      }
    };
    const seenInstitution = new Map<string, number>();
    const areaStarts: bigint[] = [];
    // When each area job started, and when it completed (see the header).
    const areaStartOf = new Map<string, bigint>();
    const areaRuns: Array<{ started: bigint; completed: bigint }> = [];
    const subscribed = new Promise<void>((resolve) => areas.once('registered:global:active', () => resolve()));
    // What each area job did (AreaOutcome.mode): only the touched areas, or every area (a moved pool, another writer).
    const areaJobs = { municipalitiesOnly: 0, touchedOnly: 0, everyArea: 0 };
    areas.on('global:completed', (jobId: string, result: string) => {
      const startedAt = areaStartOf.get(String(jobId));
      if (startedAt !== undefined) {
        areaStartOf.delete(String(jobId));
        areaRuns.push({ started: startedAt, completed: process.hrtime.bigint() });
        settleMunicipalitiesByCompletion();
      }
      const mode = (JSON.parse(result) as { mode?: string } | null)?.mode;
      if (mode === 'municipalities') areaJobs.municipalitiesOnly += 1;
      else if (mode === 'areas') areaJobs.touchedOnly += 1;
      else if (mode === 'all') areaJobs.everyArea += 1;
    });
    areas.on('global:active', (jobId: string) => {
      if (!String(jobId).startsWith('area:')) return;
      const now = process.hrtime.bigint();
      areaStarts.push(now);
      areaStartOf.set(String(jobId), now);
    });
    await subscribed;
    const settleInstitution = (p: Pending, now: bigint): void => {
      if (p.eventId !== null && p.institutionAt === null && (seenInstitution.get(p.institutionId) ?? 0) >= p.eventId)
        p.institutionAt = now;
    };
    const areaStartedBetween = (from: bigint, to: bigint): boolean => areaStarts.some((t) => t > from && t < to);
    // The first completion of an area job that started after the institution's result committed.
    function settleMunicipalitiesByCompletion(): void {
      for (const p of pending) {
        if (p.institutionAt === null || p.municipalityAt !== null) continue;
        const institutionAt = p.institutionAt;
        const first = areaRuns
          .filter((r) => r.started > institutionAt)
          .reduce<bigint | null>((min, r) => (min === null || r.completed < min ? r.completed : min), null);
        if (first !== null) {
          p.municipalityAt = first;
          finish(p);
        }
      }
    }
    listener.on('notification', (n) => {
      const now = process.hrtime.bigint();
      const [scope, key, watermark] = (n.payload ?? '').split(' ');
      if (scope === 'institution') {
        seenInstitution.set(key, Math.max(seenInstitution.get(key) ?? 0, Number(watermark)));
        for (const p of pending) if (p.institutionId === key) settleInstitution(p, now);
      } else if (areaConsumers === 1) {
        for (const p of pending) {
          if (p.cvegeo !== key || p.institutionAt === null || p.municipalityAt !== null) continue;
          if (areaStartedBetween(p.institutionAt, now)) {
            p.municipalityAt = now;
            finish(p);
          }
        }
      }
    });
    await listener.query('LISTEN bench_results');

    // Event-id look-ups run concurrently with the load: a small pool of their own.
    const lookups = new Pool({ connectionString: ctx.db.url, max: 4 });
    ctx.onClose(() => lookups.end());
    const ackMs: number[] = [];
    const sent = { submissions: 0, verdicts: 0 };
    const failures: string[] = [];
    let slot = 0;
    const runTag = randomUUID().slice(0, 8);
    const operation = async (n: number): Promise<void> => {
      const sentAt = process.hrtime.bigint();
      let institutionId: string;
      let lookup: { sql: string; params: unknown[] };
      if (n % 3 === 0) {
        const inv = invited[(n / 3) % invited.length];
        institutionId = inv.institutionId;
        sent.submissions += 1;
        const r = await post(
          'POST',
          '/api/respond/submit',
          { data: answerPool[n % answerPool.length], idempotencyKey: `bench-${runTag}-${n}` },
          { 'x-invitation-token': inv.token },
        );
        if (r.status !== 201) throw new Error(`submit answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
        lookup = {
          sql: `SELECT id FROM outbox_event WHERE type = 'response.submitted' AND payload->>'responseId' = $1 AND (payload->>'version')::int = $2`,
          params: [r.json.responseId, r.json.version],
        };
      } else {
        const s = verdictSlots[slot++ % verdictSlots.length];
        institutionId = s.institutionId;
        sent.verdicts += 1;
        const verdict = n % 5 === 0 ? 'refuted' : 'confirmed';
        const r = await post(
          'PUT',
          `/api/citizens/assignments/${s.assignment}/verdicts/${s.claim}`,
          { verdict, evidenceUrl: `https://evidencia.example.org/${n}` },
          { authorization: `Bearer ${tokens[s.validator]}` },
        );
        if (r.status !== 200) throw new Error(`verdict answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
        const v = r.json.verdict as { id: string };
        lookup = {
          sql: `SELECT max(id) AS id FROM outbox_event WHERE type = 'verdict.saved' AND payload->>'verdictId' = $1`,
          params: [v.id],
        };
      }
      const ackAt = process.hrtime.bigint();
      ackMs.push(Number(ackAt - sentAt) / 1e6);
      const p: Pending = {
        institutionId,
        cvegeo: round.cvegeoOf.get(institutionId) as string,
        ackAt,
        eventId: null,
        institutionAt: null,
        municipalityAt: null,
      };
      pending.add(p);
      const [row] = (await lookups.query<{ id: string }>(lookup.sql, lookup.params)).rows;
      p.eventId = Number(row.id);
      settleInstitution(p, process.hrtime.bigint());
    };

    opts.log(
      `  steady load: ${opts.ratePerSecond} writes/s for ${opts.durationSeconds} s (⅓ submissions, ⅔ verdicts) …`,
    );
    const started = process.hrtime.bigint();
    const inFlight = new Set<Promise<void>>();
    const total = Math.round(opts.ratePerSecond * opts.durationSeconds);
    for (let n = 0; n < total; n++) {
      // Open loop: the schedule does not wait for answers (up to a bound on requests in flight).
      const due = started + BigInt(Math.round((n * 1e9) / opts.ratePerSecond));
      const wait = Number(due - process.hrtime.bigint()) / 1e6;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight.size >= 64) await Promise.race(inFlight);
      const op = operation(n).catch(
        (err: unknown) => void failures.push(err instanceof Error ? err.message : String(err)),
      );
      inFlight.add(op);
      void op.finally(() => inFlight.delete(op));
    }
    await Promise.all(inFlight);
    if (failures.length > 0)
      throw new Error(`${failures.length} writes failed, first: ${failures[0]}\n${api.handle.output()}`);
    opts.log(`  load sent in ${seconds(started).toFixed(1)} s; waiting for the last results …`);
    const deadline = Date.now() + 120_000;
    while (pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const inst = done.map((p) => Number((p.institutionAt as bigint) - p.ackAt) / 1e9);
    const muni = done.map((p) => Number((p.municipalityAt as bigint) - p.ackAt) / 1e9);
    return {
      institutions: spec.institutions,
      durationSeconds: opts.durationSeconds,
      targetRatePerSecond: opts.ratePerSecond,
      sent,
      ackMs: summarise(ackMs),
      institutionSeconds: summarise(inst),
      municipalitySeconds: summarise(muni),
      unresolved: pending.size,
      areaJobs,
      workers: workerCount,
      splitAreas,
      workerPeakRssMiB: Math.max(...workers.map((w) => w.peakRssMiB())),
    };
  } finally {
    await ctx.close();
  }
}
