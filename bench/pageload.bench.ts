/**
 * Dashboard page load: how long each result dashboard (apps/web/src/results) takes in a real browser
 * (Debian Chromium, headless) to show every chart of a computed, published round, served by the
 * production API process (`SERVE_WEB=true`, built `apps/web/dist`) on loopback.
 *
 * The round is the benchmark generator's (national: 12,000 institutions in 2,469 municipalities),
 * computed by the real worker. A second round («B») is a copy of its area results with shifted
 * estimates, so the two-round comparison has something to compare.
 *
 * Each page is opened `repeat` times, each time in a fresh browser context (empty HTTP cache, so the
 * JavaScript bundle is downloaded again). "Ready" is measured inside the page, from the navigation
 * start (`performance.now()`), to the first animation frame where every chart of the page has its
 * marks and no loading indicator is left in <main>. Target: p95 ≤ 800 ms at national size (issue #17;
 * the first dashboards issue asked for under 1 s).
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser } from 'playwright-core';
import { webDistPath } from '../apps/api/src/bootstrap';
import { analyze, generateRound, RoundSpec } from './lib/generator';
import { benchContext, metricQueue, seconds, spawnApi, spawnWorker, waitForWorkers } from './lib/infra';
import { median, percentile } from './lib/stats';
import { timeRecomputeRound } from './recompute.bench';

export interface PageLoadTiming {
  page: string;
  path: string;
  /** Marks the page must show (data-testid; `a|b`: either) before it counts as ready. */
  marks: string[];
  /** Milliseconds from navigation start to ready, one per run. */
  readyMs: number[];
  /** First contentful paint of each run (ms). */
  fcpMs: number[];
  /** API requests the page made (first run). */
  requests: number;
  /** Bytes of API responses (first run, decoded). */
  apiBytes: number;
  /** Bytes that crossed the network for the whole page in the first run (headers and bodies as sent, compressed or not). */
  transferredBytes: number;
  /** The slowest API request of the first run: path and milliseconds from request start to response end. */
  slowestApi: { path: string; ms: number } | null;
  marksFound: Record<string, number>;
}

export interface PageLoadResult {
  spec: RoundSpec;
  institutions: number;
  municipalities: number;
  pages: PageLoadTiming[];
  targetMs: number;
}

export interface PageLoadOptions {
  spec: RoundSpec;
  repeat: number;
  log: (line: string) => void;
  /** Chromium binary (default /usr/bin/chromium or CHROMIUM_PATH). */
  chromiumPath?: string;
  /** A network the browser is slowed to (NETWORKS), instead of loopback. */
  network?: NetworkName;
}

/**
 * Networks a page can be loaded over (Chromium's own emulation: added latency and throughput caps).
 * `mobile`: Lighthouse's figures for its mobile runs ("Slow 4G": 150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up), what a citizen on a phone outside a city is likely to have.
 */
export const NETWORKS = {
  mobile: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
} as const;
export type NetworkName = keyof typeof NETWORKS;

const TARGET_MS = 800;

function launch(path?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

/** A second published round with the first one's area results, estimates shifted (the comparison page). */
async function copyAsRoundB(pg: import('pg').Client, roundId: string): Promise<string> {
  const [{ id }] = (
    await pg.query<{ id: string }>(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, synthetic, published_at)
       SELECT guarantor_id, name || ' (B)', 'published', opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, synthetic, now()
       FROM round WHERE id = $1 RETURNING id`,
      [roundId],
    )
  ).rows;
  await pg.query(
    `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, population_size, status, needed, formula, details, method_id, method_version, watermark, computed_at)
     SELECT $2, scope, scope_key, aggregation, indicator,
            LEAST(1, estimate + 0.05 * ((hashtext(scope_key) % 3))), se, lo, hi, cv, n, population_size, status, needed, formula, details, method_id, method_version, watermark, computed_at
     FROM metric_result WHERE round_id = $1 AND scope <> 'institution'`,
    [roundId, id],
  );
  return id;
}

export async function pageLoadBenchmark(opts: PageLoadOptions): Promise<PageLoadResult> {
  const { spec, log } = opts;
  if (!webDistPath()) throw new Error('apps/web/dist is missing: run `npm run build:web` first.');
  const ctx = await benchContext();
  try {
    log(`  generating ${spec.institutions} institutions …`);
    const round = await generateRound(ctx.pg, spec);
    await analyze(ctx.pg);
    log(`  loaded by COPY in ${round.loadSeconds.toFixed(1)} s; computing with the worker …`);
    const queue = metricQueue(ctx.env);
    ctx.onClose(() => queue.close());
    const worker = spawnWorker(ctx.env);
    ctx.onClose(() => worker.stop());
    await waitForWorkers(queue, 1, [worker]);
    const phases = await timeRecomputeRound(ctx.pg, queue, round.roundId, worker, 3_600_000);
    // Nothing computes while pages load: the worker would only add noise.
    await worker.stop();
    log(`  computed in ${phases.total.toFixed(1)} s`);
    await ctx.pg.query(`UPDATE round SET status = 'published', published_at = now() WHERE id = $1`, [round.roundId]);
    const roundB = await copyAsRoundB(ctx.pg, round.roundId);
    await analyze(ctx.pg);

    // The institution with the most stored rows (components, items, evidence): the heaviest page.
    const [{ id: heavy }] = (
      await ctx.pg.query<{ id: string }>(
        `SELECT scope_key AS id FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND indicator = 'I' AND estimate IS NOT NULL
         ORDER BY pg_column_size(details) DESC, scope_key LIMIT 1`,
        [round.roundId],
      )
    ).rows;
    // The state with the most municipalities that have results.
    const [{ cve_ent: bigState }] = (
      await ctx.pg.query<{ cve_ent: string }>(
        `SELECT mu.cve_ent FROM metric_result r JOIN municipality mu ON mu.cvegeo = r.scope_key
         WHERE r.round_id = $1 AND r.scope = 'municipality' AND r.indicator = 'I' AND r.aggregation = 'unweighted'
         GROUP BY mu.cve_ent ORDER BY count(*) DESC, mu.cve_ent LIMIT 1`,
        [round.roundId],
      )
    ).rows;

    const api = await spawnApi({ ...ctx.env, SERVE_WEB: 'true' });
    ctx.onClose(() => api.handle.stop());
    mkdirSync(join(__dirname, '..', 'test-artifacts'), { recursive: true });
    const browser = await launch(opts.chromiumPath);
    ctx.onClose(() => browser.close());

    const base = `/resultados/${round.roundId}`;
    const pages: Array<
      Omit<
        PageLoadTiming,
        'readyMs' | 'fcpMs' | 'requests' | 'apiBytes' | 'transferredBytes' | 'slowestApi' | 'marksFound'
      >
    > = [
      { page: 'round list', path: '/resultados', marks: ['public-round'] },
      { page: 'overview', path: base, marks: ['mark-hist', 'mark-scatter|mark-scatter-canvas', 'mark-subindex'] },
      { page: 'institution ranking', path: `${base}/instituciones`, marks: ['mark-rank'] },
      { page: 'municipality ranking', path: `${base}/municipios`, marks: ['mark-rank'] },
      {
        page: `state view (${bigState})`,
        path: `${base}/estados/${bigState}`,
        // Its municipalities are ranking rows since the §9 pages (ranked or, when none is ranked, unranked).
        marks: ['mark-tile', 'state-muni-ranked-row|state-muni-unranked-row'],
      },
      { page: 'institution page', path: `${base}/instituciones/${heavy}`, marks: ['mark-component', 'mark-delta'] },
      { page: 'comparison', path: `/resultados/comparar?a=${round.roundId}&b=${roundB}`, marks: ['mark-change'] },
    ];
    // One warm-up load: the API process compiles its routes and PostgreSQL fills its caches once.
    {
      const c = await browser.newContext({ bypassCSP: true });
      const p = await c.newPage();
      const seen: string[] = [];
      p.on('response', (res) => {
        if (res.url().includes('/api/')) seen.push(`${res.status()} ${res.url().replace(api.url, '')}`);
      });
      for (const pg of pages) {
        await p.goto(`${api.url}${pg.path}`);
        await p
          .waitForSelector(`[data-testid="${pg.marks[0].split('|')[0]}"]`, { state: 'attached', timeout: 60_000 })
          .catch(async (err: Error) => {
            const text = (
              await p
                .locator('main')
                .innerText()
                .catch(() => '')
            ).slice(0, 600);
            throw new Error(
              `${pg.page} (${pg.path}) never showed ${pg.marks[0].split('|')[0]}: ${err.message.split('\n')[0]}\n  page text: ${text}\n  API responses: ${seen.slice(-8).join('\n    ')}`,
            );
          });
      }
      await c.close();
    }

    const out: PageLoadTiming[] = [];
    for (const pg of pages) {
      const timing: PageLoadTiming = {
        ...pg,
        readyMs: [],
        fcpMs: [],
        requests: 0,
        apiBytes: 0,
        transferredBytes: 0,
        slowestApi: null,
        marksFound: {},
      };
      for (let r = 0; r < opts.repeat; r++) {
        // bypassCSP: the readiness probe below is a string evaluated in the page, which the API's CSP (rightly) forbids.
        const context = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          locale: 'es-MX',
          bypassCSP: true,
        });
        const page = await context.newPage();
        if (opts.network) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORKS[opts.network] });
        }
        let requests = 0;
        let bytes = 0;
        let slowest: PageLoadTiming['slowestApi'] = null;
        let transferred = 0;
        page.on('requestfinished', (req) => {
          void req.sizes().then(
            (z) => (transferred += z.responseHeadersSize + z.responseBodySize),
            () => undefined,
          );
          if (!req.url().includes('/api/')) return;
          const t = req.timing();
          const ms = t.responseEnd - Math.max(0, t.requestStart);
          if (slowest === null || ms > slowest.ms) slowest = { path: req.url().replace(api.url, ''), ms };
        });
        page.on('response', (res) => {
          if (!res.url().includes('/api/')) return;
          requests++;
          void res.body().then(
            (b) => (bytes += b.length),
            () => undefined,
          );
        });
        const started = process.hrtime.bigint();
        await page.goto(`${api.url}${pg.path}`, { waitUntil: 'commit' });
        const ready = await page.waitForFunction(
          `(() => {
            const marks = ${JSON.stringify(pg.marks)};
            const main = document.querySelector('main');
            if (!main || main.querySelector('.spinner-block')) return false;
            const shown = (m) => m.split('|').some((t) => document.querySelector('[data-testid="' + t + '"]'));
            if (!marks.every(shown)) return false;
            return performance.now();
          })()`,
          undefined,
          { polling: 'raf', timeout: 60_000 },
        );
        const readyMs = (await ready.jsonValue()) as number;
        const wall = seconds(started) * 1000;
        const fcp = await page.evaluate<number>(
          `(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime`,
        );
        timing.readyMs.push(Number.isFinite(readyMs) ? readyMs : wall);
        timing.fcpMs.push(fcp);
        if (r === 0) {
          for (const m of pg.marks) {
            for (const id of m.split('|')) {
              const n = await page.locator(`[data-testid="${id}"]`).count();
              // A canvas holds many marks: it says how many.
              const count =
                id.endsWith('-canvas') && n > 0
                  ? Number(await page.locator(`[data-testid="${id}"]`).first().getAttribute('data-count'))
                  : n;
              if (count > 0) timing.marksFound[id] = count;
            }
          }
          await page.waitForLoadState('networkidle').catch(() => undefined);
          timing.requests = requests;
          timing.apiBytes = bytes;
          timing.transferredBytes = transferred;
          timing.slowestApi = slowest;
          await page
            .screenshot({
              path: join(__dirname, '..', 'test-artifacts', `bench-${pg.page.replace(/\W+/g, '-')}.png`),
              fullPage: false,
            })
            .catch(() => undefined);
        }
        await context.close();
      }
      log(
        `  ${pg.page.padEnd(28)} ready median ${median(timing.readyMs).toFixed(0)} ms, max ${Math.max(...timing.readyMs).toFixed(0)} ms ` +
          `(FCP ${median(timing.fcpMs).toFixed(0)} ms; ${timing.requests} API requests, ${(timing.apiBytes / 1024).toFixed(0)} KiB, ${(timing.transferredBytes / 1024).toFixed(0)} KiB transferred in all, slowest ${timing.slowestApi ? `${timing.slowestApi.ms.toFixed(0)} ms ${timing.slowestApi.path.split('?')[0].split('/').slice(-2).join('/')}` : '–'}; marks ${Object.entries(
            timing.marksFound,
          )
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')})`,
      );
      out.push(timing);
    }
    return {
      spec,
      institutions: round.counts.institutions,
      municipalities: round.counts.municipalities,
      pages: out,
      targetMs: TARGET_MS,
    };
  } finally {
    await ctx.close();
  }
}

/** p95 of a page's runs, for the summary table. */
export const p95 = (xs: number[]): number => percentile(xs, 95);
