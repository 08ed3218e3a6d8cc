/**
 * Live dashboards (issue #17, item 3): from a committed write to the changed value visible on an
 * already open results page in a real browser (Debian Chromium, headless), no reload. Target: p95 ≤ 2 s.
 *
 * Setup: the generator's round (the size's recompute round), computed by the real worker, published;
 * the production API process serves the built web app (`SERVE_WEB=true`); the worker keeps running.
 * Two pages stay open in one browser: the institution page of a validated institution and the round
 * overview. Each repetition commits one write as the API's submit route would (the institution's
 * self-report replaced, alternating between two answer sets, and its `response.submitted` outbox event,
 * in one transaction) and stops three clocks, all on the machine's wall clock (Date.now(), shared by
 * Node and the page):
 *  - baseline (in the same run): the worker's commit of the institution's new results, heard through
 *    the same NOTIFY the API listens to — what the product's path costs before SSE and the browser;
 *  - institution page: the page shows the new unrounded estimate (`data-estimate` of its headline);
 *  - overview: the national headline shows its new value (needs the area job after the institution's),
 *    with its own baseline: the worker committed that area job's results.
 * The page-side clocks are read inside the page (requestAnimationFrame polling), so the CDP round
 * trip is not in them. The difference to the baseline is what the live path adds (NOTIFY → SSE →
 * re-fetch at once, further changes within 250 ms as one more → render).
 */
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { RESULTS_CHANNEL, parseResultsChanged } from '@apertura/db';
import { webDistPath } from '../apps/api/src/bootstrap';
import { analyze, generateRound, RoundSpec } from './lib/generator';
import { undispatchedEvents, unfinishedJobs } from '../test/support/metric-helpers';
import { areaQueue, benchContext, metricQueue, spawnApi, spawnWorker, waitFor, waitForWorkers } from './lib/infra';
import { median, percentile } from './lib/stats';
import { submissionAnswers } from './lib/submission';
import { timeRecomputeRound } from './recompute.bench';

export interface LiveSeries {
  ms: number[];
  min: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LiveResult {
  institutions: number;
  repeat: number;
  /** Write committed → the worker committed the institution's new results (baseline). */
  committed: LiveSeries;
  /** Write committed → the worker committed the area results that include it (baseline of the overview). */
  areasCommitted: LiveSeries;
  /** Write committed → the open institution page shows the new value. */
  institutionPage: LiveSeries;
  /** Write committed → the open overview shows the new national value. */
  overview: LiveSeries;
  /** Repetitions whose change never showed within the timeout. */
  missed: number;
  targetMs: number;
}

export interface LiveOptions {
  spec: RoundSpec;
  repeat: number;
  log: (line: string) => void;
}

const TARGET_MS = 2000;
const TIMEOUT_MS = 30_000;

const series = (ms: number[]): LiveSeries => ({
  ms,
  min: ms.length ? Math.min(...ms) : NaN,
  p50: median(ms),
  p95: percentile(ms, 95),
  max: ms.length ? Math.max(...ms) : NaN,
});

/** In-page probe: the epoch ms of the first animation frame where `selector`'s data-estimate differs from `before`. */
const changedAt = (selector: string, before: string): string => `new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const v = el ? el.getAttribute('data-estimate') : null;
    if (v !== null && v !== ${JSON.stringify(before)}) resolve(performance.timeOrigin + performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

export async function liveBenchmark(opts: LiveOptions): Promise<LiveResult> {
  const { spec, log } = opts;
  if (!webDistPath()) throw new Error('apps/web/dist is missing: run `npm run build:web` first.');
  const ctx = await benchContext();
  try {
    log(`  generating ${spec.institutions} institutions …`);
    const round = await generateRound(ctx.pg, spec);
    await analyze(ctx.pg);
    const queue = metricQueue(ctx.env);
    ctx.onClose(() => queue.close());
    const areaJobs = areaQueue(ctx.env);
    ctx.onClose(() => areaJobs.close());
    const worker = spawnWorker(ctx.env);
    ctx.onClose(() => worker.stop());
    await waitForWorkers(queue, 1, [worker]);
    const phases = await timeRecomputeRound(ctx.pg, queue, round.roundId, worker, 3_600_000);
    log(`  computed in ${phases.total.toFixed(1)} s`);
    await ctx.pg.query(`UPDATE round SET status = 'published', published_at = now() WHERE id = $1`, [round.roundId]);

    // A validated institution with a submitted self-report: its I moves with the self-report.
    const [target] = (
      await ctx.pg.query<{ institution_id: string; response_id: string; version: number }>(
        `SELECT r.institution_id, r.id AS response_id, r.version FROM response r
         JOIN metric_result m ON m.round_id = r.round_id AND m.scope = 'institution' AND m.scope_key = r.institution_id::text
                              AND m.aggregation = 'unweighted' AND m.indicator = 'I' AND m.estimate IS NOT NULL
         WHERE r.round_id = $1 AND r.status = 'submitted' ORDER BY r.institution_id LIMIT 1`,
        [round.roundId],
      )
    ).rows;
    if (!target) throw new Error('no validated institution with a self-report');
    const answers = [
      submissionAnswers(round.institutionDefinition, 7001),
      submissionAnswers(round.institutionDefinition, 7002),
    ];

    const api = await spawnApi({ ...ctx.env, SERVE_WEB: 'true' });
    ctx.onClose(() => api.handle.stop());
    // The baseline's ear: the notification the API streams, heard directly.
    const listener = new Client({ connectionString: ctx.db.url });
    await listener.connect();
    ctx.onClose(() => listener.end());
    const heard: Array<{ at: number; scope: string; institutionId?: string }> = [];
    listener.on('notification', (n) => {
      const e = parseResultsChanged(n.payload);
      if (e && e.roundId === round.roundId)
        heard.push({ at: Date.now(), scope: e.scope, institutionId: e.institutionId });
    });
    await listener.query(`LISTEN ${RESULTS_CHANNEL}`);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    ctx.onClose(() => browser.close());
    // bypassCSP: the probes are strings evaluated in the page, which the API's CSP (rightly) forbids.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'es-MX',
      bypassCSP: true,
    });
    const institutionPage = await context.newPage();
    const overview = await context.newPage();
    const INST = '[data-testid="headline"] .value-cell';
    const NATIONAL = '[data-testid="national-headline"] .value-cell';
    await institutionPage.goto(`${api.url}/resultados/${round.roundId}/instituciones/${target.institution_id}`);
    await institutionPage.waitForSelector(INST, { timeout: 60_000 });
    await overview.goto(`${api.url}/resultados/${round.roundId}`);
    await overview.waitForSelector(NATIONAL, { timeout: 60_000 });
    await institutionPage.evaluate('window.__notReloaded = true');
    await overview.evaluate('window.__notReloaded = true');

    const committed: number[] = [];
    const areas: number[] = [];
    const inst: number[] = [];
    const nat: number[] = [];
    let missed = 0;
    let version = target.version;
    // Each write is measured on a quiet worker: the jobs of the previous one have ended (an area job goes
    // on with its rankings and re-finalised institutions after the area rows a page shows).
    const workerQuiet = (): Promise<number> =>
      waitFor(
        async () => (await undispatchedEvents((sql) => ctx.pg.query(sql))) + (await unfinishedJobs([queue, areaJobs])),
        (pending) => pending === 0,
        'the previous write’s jobs to end',
        TIMEOUT_MS,
      );
    // One write more than measured: the first write is a warm-up (route compilation, caches).
    for (let k = 0; k <= opts.repeat; k++) {
      await workerQuiet();
      const beforeInst = (await institutionPage.getAttribute(INST, 'data-estimate')) ?? '';
      const beforeNat = (await overview.getAttribute(NATIONAL, 'data-estimate')) ?? '';
      const instSeen = institutionPage.evaluate<number>(changedAt(INST, beforeInst));
      const natSeen = overview.evaluate<number>(changedAt(NATIONAL, beforeNat));
      version += 1;
      await ctx.pg.query('BEGIN');
      await ctx.pg.query(
        `UPDATE response SET submitted = $2::jsonb, version = $3, submitted_at = now() WHERE id = $1`,
        [target.response_id, JSON.stringify(answers[k % 2]), version],
      );
      await ctx.pg.query(`INSERT INTO outbox_event (type, payload) VALUES ('response.submitted', $1::jsonb)`, [
        JSON.stringify({
          roundId: round.roundId,
          institutionId: target.institution_id,
          responseId: target.response_id,
          version,
        }),
      ]);
      const from = heard.length;
      await ctx.pg.query('COMMIT');
      const writtenAt = Date.now();
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), TIMEOUT_MS));
      const [a, b] = await Promise.all([Promise.race([instSeen, timeout]), Promise.race([natSeen, timeout])]);
      const cIndex = heard.findIndex(
        (h, i) => i >= from && h.scope === 'institution' && h.institutionId === target.institution_id,
      );
      const c = cIndex >= 0 ? heard[cIndex] : undefined;
      // The first area job after the institution's commit aggregates its new result.
      const d = cIndex >= 0 ? heard.slice(cIndex + 1).find((h) => h.scope === 'areas') : undefined;
      if (a === null || b === null || !c || !d) {
        missed += 1;
        log(
          `  write ${k}: change not seen within ${TIMEOUT_MS / 1000} s (institution ${a === null ? 'missed' : 'seen'}, overview ${b === null ? 'missed' : 'seen'})`,
        );
        continue;
      }
      if (k === 0) continue;
      committed.push(c.at - writtenAt);
      areas.push(d.at - writtenAt);
      inst.push(a - writtenAt);
      nat.push(b - writtenAt);
      log(
        `  write ${k}: institution results committed +${(c.at - writtenAt).toFixed(0)} ms, institution page +${(a - writtenAt).toFixed(0)} ms; ` +
          `area results committed +${(d.at - writtenAt).toFixed(0)} ms, overview +${(b - writtenAt).toFixed(0)} ms`,
      );
    }
    const notReloaded =
      (await institutionPage.evaluate('window.__notReloaded === true')) &&
      (await overview.evaluate('window.__notReloaded === true'));
    if (!notReloaded) throw new Error('a page reloaded during the benchmark');
    return {
      institutions: round.counts.institutions,
      repeat: opts.repeat,
      committed: series(committed),
      areasCommitted: series(areas),
      institutionPage: series(inst),
      overview: series(nat),
      missed,
      targetMs: TARGET_MS,
    };
  } finally {
    await ctx.close();
  }
}
