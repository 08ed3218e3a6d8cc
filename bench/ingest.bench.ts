/**
 * Ingest: self-report submissions per second and their latency, with autocannon on loopback against
 * the real API process (POST /api/respond/submit: invitation-token check, full server-side SurveyJS
 * validation of a ~2 KB answer set, one transaction with the response, its version, the outbox event
 * and the audit record). Baseline in the same run and the same process: POST /api/bench/echo, a
 * trivial route of the same Nest app that takes the same body through the same middleware, guard,
 * rate limiter and validation pipe, and does nothing else.
 *
 * No worker runs meanwhile: this measures what the API can take; the outbox events wait in
 * PostgreSQL for the relay, as they would during a burst.
 */
import autocannon from 'autocannon';
import { INSTITUTION_V1 } from '@apertura/questionnaire';
import { analyze, generateRound, RoundSpec } from './lib/generator';
import { benchContext, spawnApi } from './lib/infra';
import { assertValidSubmission, submissionAnswers } from './lib/submission';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** One repetition: the trivial POST, then the submissions, back to back. */
export interface IngestRun {
  baseline: LoadResult;
  submit: LoadResult;
  /** Baseline requests/s over submission requests/s. */
  throughputRatio: number;
  /** Submission p99 over baseline p99. */
  p99Ratio: number;
}

export interface IngestResult {
  institutions: number;
  bodyBytes: number;
  connections: number;
  durationSeconds: number;
  /** Every repetition, in the order they ran. */
  runs: IngestRun[];
  storedVersions: number;
}

export interface IngestOptions {
  spec: RoundSpec;
  durationSeconds: number;
  connections: number;
  /** Institutions whose invitation tokens the load rotates through. */
  invitations: number;
  /** Repetitions of the pair (trivial POST, submissions) on the same API process. */
  repeat: number;
  log: (line: string) => void;
}

const BODY_BYTES = 2048;

function summary(r: autocannon.Result): LoadResult {
  const ok = r['2xx'];
  return {
    requestsPerSecond: ok / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: ok,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

export async function ingestBenchmark(opts: IngestOptions): Promise<IngestResult> {
  const ctx = await benchContext();
  try {
    // The default instrument: a realistic ~2 KB self-report whatever the size of the round.
    const spec: RoundSpec = {
      ...opts.spec,
      items: 'default',
      status: 'open',
      invitations: opts.invitations,
      tokenSecret: ctx.env.TOKEN_SECRET,
    };
    opts.log(`  generating ${spec.institutions} institutions with ${opts.invitations} invitations …`);
    const round = await generateRound(ctx.pg, spec);
    await analyze(ctx.pg);
    const data = submissionAnswers(INSTITUTION_V1, 1, BODY_BYTES);
    await assertValidSubmission(INSTITUTION_V1, data);
    const api = await spawnApi(ctx.env);
    ctx.onClose(() => api.handle.stop());

    const tokens = round.invitations.map((i) => i.token);
    const run = async (path: string, withToken: boolean, duration: number): Promise<autocannon.Result> => {
      let counter = 0;
      const runTag = Math.random().toString(36).slice(2, 10);
      return autocannon({
        url: api.url,
        connections: opts.connections,
        duration,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path,
            setupRequest: (req) => {
              const n = counter++;
              const headers: Record<string, string> = { 'content-type': 'application/json' };
              if (withToken) headers['x-invitation-token'] = tokens[n % tokens.length];
              // A fresh idempotency key per request: every request is a new submission (or amendment), never a replay.
              return {
                ...req,
                headers,
                body: JSON.stringify({ data, idempotencyKey: `bench-${runTag}-${String(n).padStart(9, '0')}` }),
              };
            },
          },
        ],
      });
    };
    const bodyBytes = JSON.stringify({ data, idempotencyKey: 'bench-00000000-000000000' }).length;

    opts.log(`  warming up both routes …`);
    await run('/api/bench/echo', false, 2);
    await run('/api/respond/submit', true, 2);
    const runs: IngestRun[] = [];
    for (let r = 0; r < opts.repeat; r++) {
      const of = `${r + 1}/${opts.repeat}`;
      opts.log(`  run ${of}: trivial POST for ${opts.durationSeconds} s, ${opts.connections} connections …`);
      const baseline = summary(await run('/api/bench/echo', false, opts.durationSeconds));
      opts.log(`  run ${of}: submissions for ${opts.durationSeconds} s, ${opts.connections} connections …`);
      const submit = summary(await run('/api/respond/submit', true, opts.durationSeconds));
      if (submit.non2xx > 0 || submit.errors > 0)
        throw new Error(
          `submissions failed: ${submit.non2xx} non-2xx, ${submit.errors} errors\n${api.handle.output()}`,
        );
      const done: IngestRun = {
        baseline,
        submit,
        throughputRatio: baseline.requestsPerSecond / submit.requestsPerSecond,
        p99Ratio: submit.p99Ms / baseline.p99Ms,
      };
      runs.push(done);
      opts.log(
        `  run ${of}: ${submit.requestsPerSecond.toFixed(1)} vs ${baseline.requestsPerSecond.toFixed(0)} req/s (ratio ${done.throughputRatio.toFixed(1)}), p99 ${submit.p99Ms} vs ${baseline.p99Ms} ms`,
      );
    }
    const [{ versions }] = (
      await ctx.pg.query<{ versions: number }>(
        `SELECT count(*)::int AS versions FROM response_version WHERE idempotency_key LIKE 'bench-%'`,
      )
    ).rows;
    return {
      institutions: spec.institutions,
      bodyBytes,
      connections: opts.connections,
      durationSeconds: opts.durationSeconds,
      runs,
      storedVersions: versions,
    };
  } finally {
    await ctx.close();
  }
}
