import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase } from '../support/db';
import { until } from '../support/metric-helpers';
import { buildRoundFixture, RoundFixture } from '../support/round-fixture';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

interface Value {
  indicator: string;
  estimate: number | null;
  status: string;
  reasons: string[];
  methodId: string;
  methodVersion: string;
}
interface Detail {
  values: Value[];
  components: Array<{ code: string; value: Value; raw: number | null }>;
  summary: { pendingRefutations?: number } | null;
  inputs: { verdicts: { confirmed: number; refuted: number } } | null;
}
interface TrendBody {
  points: Array<{ round: { id: string }; value: Value | null; currentMethod: boolean; joined: boolean }>;
}

/**
 * Trends, the report card and the geographic map in real Chromium, on a round the real worker
 * computed plus two older published rounds of the same guarantor (one of an older method version):
 * one point per round, no line across method versions, the report card on one printed page with its
 * weakest component first, and 32 states with hatching exactly where the value is not conclusive.
 */
describe('trends, report card and state map in the browser', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let a: RoundFixture;
  let older: RoundFixture;
  let old: RoundFixture;
  let inst: string;
  const api = <T>(path: string): Promise<T> => fetch(`${t.url}/api/public/${path}`).then((r) => r.json() as Promise<T>);

  beforeAll(async () => {
    t = await startTestApp({
      db: await createTestDatabase(undefined, 'webtrends'),
      env: { SERVE_WEB: 'true', QUEUE_PREFIX: `apt-test-webtrends-${process.pid}` },
    });
    worker = await startWorker(t.env);
    a = await buildRoundFixture(t.ds, {
      seed: 'web-trends-a',
      name: 'Ronda 2026',
      institutions: 24,
      municipalities: 6,
      status: 'published',
      synthetic: false,
      reportsPerInstitution: [2, 9],
    });
    old = await buildRoundFixture(t.ds, {
      seed: 'web-trends-old',
      name: 'Ronda 2023',
      guarantorId: a.guarantorId,
      institutions: 1,
      status: 'published',
      synthetic: false,
    });
    older = await buildRoundFixture(t.ds, {
      seed: 'web-trends-mid',
      name: 'Ronda 2024',
      guarantorId: a.guarantorId,
      institutions: 1,
      status: 'published',
      synthetic: false,
    });
    await t.ds.query(`UPDATE round SET opens_at = '2023-03-01', closes_at = '2023-06-01' WHERE id = $1`, [old.roundId]);
    await t.ds.query(`UPDATE round SET opens_at = '2024-03-01', closes_at = '2024-06-01' WHERE id = $1`, [
      older.roundId,
    ]);
    await t.ds.query(`UPDATE round SET opens_at = '2026-03-01', closes_at = '2026-06-01' WHERE id = $1`, [a.roundId]);
    const [{ id: runId }] = await t.ds.query(`INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id`, [
      a.roundId,
    ]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [
      JSON.stringify({ roundId: a.roundId, runId }),
    ]);
    await until(
      async () => (await t.ds.query(`SELECT status FROM recompute_run WHERE id = $1`, [runId]))[0].status as string,
      (s) => s === 'done',
      'recompute',
      60_000,
    );
    // An institution with a validated I in the computed round; its two older values written as stored results.
    const [row] = await t.ds.query(
      `SELECT scope_key, method_id, method_version FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND indicator = 'I' AND estimate IS NOT NULL ORDER BY scope_key LIMIT 1`,
      [a.roundId],
    );
    inst = row.scope_key;
    const insert = (roundId: string, estimate: number, status: string, methodId: string, version: string) =>
      t.ds.query(
        `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, n, status, details, method_id, method_version, watermark, computed_at)
         VALUES ($1, 'institution', $2, 'unweighted', 'I', $3::float8, 0.03, $3::float8 - 0.06, $3::float8 + 0.06, 10, $4, '{"reasons":[]}', $5, $6, 1, now())`,
        [roundId, inst, estimate, status, methodId, version],
      );
    await insert(old.roundId, 0.39, 'conclusive', 'mga-2017/apertura-1', '1.0.0');
    await insert(older.roundId, 0.52, 'conclusive', row.method_id, row.method_version);
    // One conclusive state and one that is not, whatever the fixture produced.
    const states: Array<{ scope_key: string }> = await t.ds.query(
      `SELECT scope_key FROM metric_result WHERE round_id = $1 AND scope = 'state' AND aggregation = 'unweighted' AND indicator = 'I' ORDER BY scope_key`,
      [a.roundId],
    );
    expect(states.length).toBeGreaterThan(1);
    await t.ds.query(
      `UPDATE metric_result SET status = 'conclusive', estimate = 0.7 WHERE round_id = $1 AND scope = 'state' AND aggregation = 'unweighted' AND indicator = 'I' AND scope_key = $2`,
      [a.roundId, states[0].scope_key],
    );
    await t.ds.query(
      `UPDATE metric_result SET status = 'inconclusive', estimate = 0.4 WHERE round_id = $1 AND scope = 'state' AND aggregation = 'unweighted' AND indicator = 'I' AND scope_key = $2`,
      [a.roundId, states[1].scope_key],
    );
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await t?.db.drop();
  });

  it('draws one point per round, never joins across method versions, and reads at phone width', async () => {
    const trend = await api<TrendBody>(`trends?round=${a.roundId}&scope=institution&key=${inst}`);
    expect(trend.points.map((p) => p.round.id)).toEqual([old.roundId, older.roundId, a.roundId]);
    expect(trend.points.map((p) => p.joined)).toEqual([false, false, true]);
    const s = await openSession(browser);
    await steps(s, 'trend-desktop', async (page) => {
      // From the institution page.
      await page.goto(`${t.url}/resultados/${a.roundId}/instituciones/${inst}`);
      await page.getByRole('link', { name: 'Tendencia en todas las rondas' }).click();
      await page.getByTestId('trend-chart').waitFor();
      const points = page.getByTestId('trend-point');
      expect(await points.count()).toBe(3);
      expect(
        await points.evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-round'), e.getAttribute('data-method')]),
        ),
      ).toEqual([
        [old.roundId, 'other'],
        [older.roundId, 'current'],
        [a.roundId, 'current'],
      ]);
      // One line: 2024 → 2026; none from the older method version.
      expect(await page.getByTestId('trend-line').count()).toBe(1);
      // A not-conclusive value is a hollow point with a hatched interval.
      const last = trend.points[2].value as Value;
      const lastMark = page.locator(`[data-testid="trend-point"][data-round="${a.roundId}"]`);
      expect(await lastMark.getAttribute('data-mark')).toBe(
        last.status === 'conclusive' || last.status === 'caution' ? 'solid' : 'hollow',
      );
      expect(await lastMark.getAttribute('data-hatched')).toBe(String(last.status !== 'conclusive'));
      // The table says it in words: the method flag, the §9 change verdict, the status.
      await page
        .getByTestId('trend-flag')
        .getByText(/mga-2017\/apertura-1 v1\.0\.0/)
        .waitFor();
      expect(
        await page
          .locator(`[data-testid="trend-row"][data-round="${older.roundId}"] [data-testid="trend-change"]`)
          .getAttribute('data-verdict'),
      ).toBe('not_comparable');
      await page
        .locator(`[data-testid="trend-row"][data-round="${older.roundId}"]`)
        .getByText(/versiones distintas del método/)
        .waitFor();
      expect(await page.getByTestId('trend-row').count()).toBe(3);
      await page
        .getByTestId('notice')
        .getByText(/voluntaria/)
        .waitFor();
      await shot(page, 'trend-institution');
      // English.
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { name: /^Trend:/ }).waitFor();
      await page
        .getByTestId('trend-flag')
        .getByText(/different method versions|another method version|trend uses/)
        .waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const phone = await openSession(browser, { width: 390, height: 844 });
    await steps(phone, 'trend-phone', async (page) => {
      await page.goto(`${t.url}/resultados/${a.roundId}/tendencia?ambito=institucion&clave=${inst}`);
      await page.getByTestId('trend-chart').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'trend-phone');
    });
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('prints the report card on one page, weakest component first, with the disputed claims and the notice', async () => {
    const detail = await api<Detail>(`rounds/${a.roundId}/results/institutions/${inst}`);
    const s = await openSession(browser);
    await steps(s, 'report-card', async (page) => {
      await page.goto(`${t.url}/resultados/${a.roundId}/instituciones/${inst}`);
      await page.getByRole('link', { name: 'Boleta imprimible (una página)' }).click();
      await page.getByTestId('rc-subindices').waitFor();
      // Validated vs claimed: TG against TG_raw, as the API has them.
      const v = (code: string) => detail.values.find((x) => x.indicator === code)?.estimate ?? null;
      const tg = page.locator('[data-testid="rc-subindices"] [data-testid="rc-row"][data-code="TG"]');
      await tg
        .locator('td')
        .nth(1)
        .getByText(v('TG_raw') === null ? '—' : (v('TG_raw') as number).toFixed(2))
        .waitFor();
      // An unverified self-report is the claim itself: never shown as validated nor compared with itself.
      for (const row of await page.locator('[data-testid="rc-row"]:has([data-testid="rc-not-validated"])').all()) {
        expect(await row.locator('td').nth(0).textContent()).not.toMatch(/\d\.\d\d/);
        expect((await row.locator('td').nth(2).textContent())?.trim()).toBe('—');
      }
      // Weakest first: estimates ascending, rows without a value last.
      for (const table of ['rc-subindices', 'rc-components']) {
        const est = await page
          .locator(`[data-testid="${table}"] [data-testid="rc-row"]`)
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-estimate')));
        const nums = est.filter((e) => e !== '').map(Number);
        expect(nums).toEqual([...nums].sort((x, y) => x - y));
        expect(est.slice(nums.length).every((e) => e === '')).toBe(true);
      }
      expect(await page.locator('[data-testid="rc-components"] [data-testid="rc-row"]').count()).toBe(
        detail.components.length,
      );
      expect(await page.getByTestId('rc-disputed').getAttribute('data-count')).toBe(
        String(detail.summary?.pendingRefutations ?? 0),
      );
      expect(await page.getByTestId('rc-refuted').getAttribute('data-count')).toBe(
        String(detail.inputs?.verdicts.refuted ?? 0),
      );
      await page
        .getByTestId('rc-notice')
        .getByText(/voluntaria/)
        .waitFor();
      // Every status reason in words once, numbered from the rows that cite it.
      const cited = new Set(
        (await page.getByTestId('rc-refs').allTextContents()).flatMap((x) => (x.match(/\d+/g) ?? []).map(Number)),
      );
      const notes = await page.getByTestId('rc-reasons').locator('li').allTextContents();
      expect(notes.length).toBe(cited.size);
      expect(notes.every((n) => n.length > 20)).toBe(true);
      await page.getByTestId('rc-headline').locator('.badge').waitFor();
      // Print: no site chrome, one A4 page.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Imprimir' }).isVisible()).toBe(false);
      await shot(page, 'report-card-print');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('draws the 32 states on a real map, hatched where not conclusive, reachable by keyboard', async () => {
    const areas = await api<{ items: Array<{ scopeKey: string; value: Value }> }>(
      `rounds/${a.roundId}/results/areas?scope=state&pageSize=50`,
    );
    const s = await openSession(browser);
    await steps(s, 'geo-map', async (page) => {
      await page.goto(`${t.url}/resultados/${a.roundId}/estados`);
      await page.getByTestId('geo-map').waitFor();
      expect(await page.getByTestId('geo-state').count()).toBe(32);
      // The tile grid stays beside it, under its own heading, named once.
      expect(await page.getByTestId('mark-tile').count()).toBe(32);
      expect(await page.getByRole('heading', { name: 'Mapa de estados (cuadrícula)' }).count()).toBe(1);
      await page.getByRole('heading', { level: 2, name: 'Resultados por estado' }).waitFor();
      const drawn = new Map(
        (
          await page
            .getByTestId('geo-state')
            .evaluateAll((els) =>
              els.map((e) => [e.getAttribute('data-cve-ent'), e.getAttribute('data-hatched')] as [string, string]),
            )
        ).map(([k, h]) => [k, h]),
      );
      let hatched = 0;
      let solid = 0;
      for (const item of areas.items) {
        const expected = item.value.estimate !== null && item.value.status !== 'conclusive';
        expect([item.scopeKey, drawn.get(item.scopeKey)]).toEqual([item.scopeKey, String(expected)]);
        if (expected) hatched++;
        else if (item.value.estimate !== null) solid++;
      }
      expect(hatched).toBeGreaterThan(0);
      expect(solid).toBeGreaterThan(0);
      // Every path has a shape; the hatched ones use the pattern.
      const fills = await page
        .locator('[data-testid="geo-state"][data-hatched="true"] path')
        .evaluateAll((els) => els.map((e) => e.getAttribute('fill') ?? ''));
      expect(fills.every((f) => f.startsWith('url(#'))).toBe(true);
      const empty = await page
        .locator('[data-testid="geo-state"] path')
        .evaluateAll((els) => els.filter((e) => (e.getAttribute('d') ?? '').length < 10).length);
      expect(empty).toBe(0);
      await shot(page, 'geo-map');
      // Keyboard: focus a state with a value and open it with Enter.
      const target = areas.items[0].scopeKey;
      await page.locator(`[data-testid="geo-state"][data-cve-ent="${target}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/estados/${target}$`));
      // A municipality's trend is one choice away on the state's page.
      const munis = await api<{ items: Array<{ scopeKey: string; name: string }> }>(
        `rounds/${a.roundId}/results/areas?scope=municipality&cveEnt=${target}&pageSize=200&sort=name`,
      );
      await page.getByLabel('Tendencia de un municipio').selectOption(munis.items[0].scopeKey);
      await page.waitForURL(new RegExp(`/tendencia\\?ambito=municipio&clave=${munis.items[0].scopeKey}$`));
      await page.getByTestId('trend-table').waitFor();
      expect(await page.getByTestId('trend-row').count()).toBe(3);
      await page.goBack();
      // The state's trend is linked from its page.
      await page.getByRole('link', { name: 'Tendencia del estado en todas las rondas' }).click();
      await page.getByTestId('trend-table').waitFor();
      expect(await page.getByTestId('trend-row').count()).toBe(3);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Tendencia: /);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    const phone = await openSession(browser, { width: 390, height: 844 });
    await steps(phone, 'geo-map-phone', async (page) => {
      await page.goto(`${t.url}/resultados/${a.roundId}/estados`);
      await page.getByTestId('geo-map').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    });
    await phone.context.close();
  });
});
