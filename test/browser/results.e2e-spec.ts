import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { until } from '../support/metric-helpers';
import { buildRoundFixture, RoundFixture } from '../support/round-fixture';
import { launchBrowser, openSession, shot, steps, documentWidth } from './browser';

/**
 * The public dashboards (d3) on a published round whose results the real worker computed: every chart
 * draws one mark per value the API returns, and a non-conclusive municipality carries its badge.
 */
describe('results dashboards in the browser', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let fx: RoundFixture;

  beforeAll(async () => {
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
    worker = await startWorker(t.env);
    fx = await buildRoundFixture(t.ds, { seed: 'dashboards', institutions: 24, municipalities: 5, status: 'published', synthetic: true, reportsPerInstitution: [0, 7] });
    const [{ id: runId }] = await t.ds.query(`INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id`, [fx.roundId]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [JSON.stringify({ roundId: fx.roundId, runId })]);
    await until(
      async () => (await t.ds.query('SELECT status FROM recompute_run WHERE id = $1', [runId]))[0].status as string,
      (s) => s === 'done',
      'recompute run',
      60_000,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  it('overview, rankings and institution page render one mark per value, with status badges', async () => {
    const s = await openSession(browser);
    const base = `${t.url}/resultados/${fx.roundId}`;
    await steps(s, 'results-dashboards', async (page) => {
      await page.goto(`${t.url}/resultados`);
      await page.getByRole('link', { name: /./ }).filter({ hasText: 'dashboards' }).first().waitFor().catch(() => undefined);

      await page.goto(base);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('[data-testid="mark-subindex"]').first().waitFor();
      expect(await page.locator('[data-testid="mark-subindex"]').count()).toBe(4);
      expect(await page.locator('[data-testid="mark-hist"]').count()).toBe(10);
      await page.getByText(/sintéticos/i).first().waitFor();
      await shot(page, 'results-overview');

      const inst = await fetch(`${t.url}/api/public/rounds/${fx.roundId}/results/institutions?pageSize=50&sort=-estimate`).then((r) => r.json() as Promise<any>);
      await page.goto(`${base}/instituciones`);
      await page.locator('[data-testid="mark-rank-institution"]').first().waitFor();
      expect(await page.locator('[data-testid="mark-rank-institution"]').count()).toBe(inst.items.length);
      await shot(page, 'results-institutions');

      const mun = await fetch(`${t.url}/api/public/rounds/${fx.roundId}/results/areas?scope=municipality&indicator=I&pageSize=50`).then((r) => r.json() as Promise<any>);
      await page.goto(`${base}/municipios`);
      await page.locator('[data-testid="mark-rank-municipality"]').first().waitFor();
      expect(await page.locator('[data-testid="mark-rank-municipality"]').count()).toBe(mun.items.length);
      const weak = (mun.items as Array<{ name: string; value: { status: string } }>).find((m) => m.value.status === 'inconclusive');
      expect(weak).toBeDefined();
      const row = page.locator('[data-testid="municipality-row"]', { hasText: weak!.name });
      await row.getByText('No concluyente').waitFor();
      await shot(page, 'results-municipalities');

      await page.goto(`${base}/instituciones/${inst.items[0].institution.id}`);
      await page.locator('[data-testid="mark-component"]').first().waitFor();
      expect(await page.locator('[data-testid="mark-component"]').count()).toBeGreaterThan(0);
      await page.getByTestId('delta-g').waitFor();
      await shot(page, 'results-institution');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('works at phone width without horizontal scrolling', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'results-phone', async (page) => {
      await page.goto(`${t.url}/resultados/${fx.roundId}/municipios`);
      await page.locator('[data-testid="mark-rank-municipality"]').first().waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'results-municipalities-phone');
    });
    await s.context.close();
  });
});
