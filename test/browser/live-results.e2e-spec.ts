import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase } from '../support/db';
import { until } from '../support/metric-helpers';
import { buildRoundFixture, RoundFixture } from '../support/round-fixture';
import { launchBrowser, openSession, shot, steps } from './browser';

/**
 * Live results pages (issue #17, item 3) in real Chromium: open pages of a published round change
 * their numbers in place after a write the real worker commits — no reload, no navigation — and say
 * so in a polite status line.
 */
describe('live results pages in the browser', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let fx: RoundFixture;

  beforeAll(async () => {
    t = await startTestApp({
      db: await createTestDatabase(undefined, 'sseweb'),
      env: { SERVE_WEB: 'true' },
      tag: 'sseweb',
    });
    worker = await startWorker(t.env);
    fx = await buildRoundFixture(t.ds, {
      seed: 'live-pages',
      name: 'Ronda en vivo',
      institutions: 12,
      municipalities: 3,
      status: 'published',
      synthetic: true,
      reportsPerInstitution: [3, 8],
    });
    const [{ id: runId }] = await t.ds.query('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [
      fx.roundId,
    ]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [
      JSON.stringify({ roundId: fx.roundId, runId }),
    ]);
    await until(
      async () => (await t.ds.query('SELECT status FROM recompute_run WHERE id = $1', [runId]))[0].status as string,
      (s) => s === 'done',
      'rebuild',
      45_000,
    );
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await t?.db.drop();
  });

  it('an open institution page and the overview redraw after a write, without a reload', async () => {
    // An institution with citizen reports: withdrawing them all changes its headline and the round's coverage.
    const [{ id: institutionId }]: Array<{ id: string }> = await t.ds.query(
      `SELECT institution_id AS id FROM citizen_report WHERE round_id = $1 GROUP BY institution_id ORDER BY count(*) DESC, institution_id LIMIT 1`,
      [fx.roundId],
    );
    const s = await openSession(browser);
    const overview = await s.context.newPage();
    await steps(s, 'live-results', async (page) => {
      await page.goto(`${t.url}/resultados/${fx.roundId}/instituciones/${institutionId}`);
      const headline = page.getByTestId('headline');
      await headline.waitFor();
      const before = (await headline.textContent()) ?? '';
      await overview.goto(`${t.url}/resultados/${fx.roundId}`);
      const coverage = overview.getByTestId('coverage-any-report');
      await coverage.waitFor();
      const countBefore = Number(await coverage.getAttribute('data-count'));
      // Marks that a reload would wipe out.
      await page.evaluate('window.__notReloaded = true');
      await overview.evaluate('window.__notReloaded = true');
      // Nothing changed yet: the status line is there, empty, holding its place.
      expect((await page.getByTestId('live-age').textContent())?.trim()).toBe('');
      const boxBefore = await page.getByTestId('live-status').boundingBox();

      // The write, as the API commits a withdrawn citizen report: the data and its outbox event.
      await t.ds.query('DELETE FROM citizen_report WHERE round_id = $1 AND institution_id = $2', [
        fx.roundId,
        institutionId,
      ]);
      await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('citizen-report.saved', $1::jsonb)`, [
        JSON.stringify({ roundId: fx.roundId, institutionId }),
      ]);

      // Polled from here: the page's CSP forbids evaluating predicate strings in it.
      await until(
        async () => (await headline.textContent()) ?? '',
        (text) => text !== before,
        'the institution headline to change',
        30_000,
      );
      // The change is announced once; the area job's announcements that follow are not spoken again.
      await page.getByRole('status').getByText('Resultados actualizados').waitFor({ state: 'attached' });
      await page.evaluate(
        `document.querySelector('[data-testid="live-status"] [role="status"] span').setAttribute('data-first', '1')`,
      );
      await until(
        async () => Number(await coverage.getAttribute('data-count')),
        (n) => n === countBefore - 1,
        'the overview coverage to change',
        30_000,
      );
      expect(await page.evaluate('window.__notReloaded === true')).toBe(true);
      expect(await overview.evaluate('window.__notReloaded === true')).toBe(true);
      await page
        .getByTestId('live-age')
        .getByText(/^Resultados actualizados hace \d+ s$/)
        .waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'Resultados actualizados' }).count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="live-status"] [role="status"] span[data-first="1"]').count()).toBe(1);
      // The status line had its place already: filling it moved nothing below it.
      const boxAfter = await page.getByTestId('live-status').boundingBox();
      expect(boxAfter?.height).toBe(boxBefore?.height);
      await shot(page, 'live-results-institution');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 90_000);
});
