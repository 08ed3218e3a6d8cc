import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { until } from '../support/metric-helpers';
import { buildRoundFixture, RoundFixture } from '../support/round-fixture';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

interface Value {
  indicator: string;
  aggregation: string;
  estimate: number | null;
  se: number | null;
  status: string;
}
interface Paged<T> {
  items: T[];
  total: number;
}
interface InstitutionItem {
  institution: { id: string; name: string; cveEnt: string };
  value: Value | null;
}
interface AreaItem {
  scopeKey: string;
  name: string;
  cveEnt: string | null;
  value: Value;
}
interface Detail {
  components: unknown[];
  inputs: { evidenceUrls: Array<{ url: string }> } | null;
}

/**
 * The result dashboards (d3) on two published rounds whose results the real worker computed:
 * every chart draws one mark per value the public API returns, a non-conclusive municipality carries
 * its «No concluyente» badge, and the pages fit a 390 px phone without horizontal scrolling.
 */
describe('results dashboards in the browser', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let a: RoundFixture;
  let b: RoundFixture;
  const get = <T>(path: string): Promise<T> => fetch(`${t.url}/api/public/rounds/${path}`).then((r) => r.json() as Promise<T>);
  const count = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).count();

  /** Moves the first `n` institutions of a round into municipalities of the State of Mexico (15). */
  async function intoStateOfMexico(fx: RoundFixture, n: number, municipalities: number): Promise<void> {
    const munis: Array<{ cvegeo: string }> = await t.ds.query(`SELECT cvegeo FROM municipality WHERE cve_ent = '15' ORDER BY cvegeo LIMIT $1`, [municipalities]);
    for (const [i, id] of fx.institutionIds.slice(0, n).entries()) {
      await t.ds.query(`UPDATE institution SET cve_ent = '15', cvegeo = $2 WHERE id = $1`, [id, munis[i % munis.length].cvegeo]);
    }
  }

  async function recompute(roundId: string): Promise<string> {
    const [{ id: runId }] = await t.ds.query(`INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id`, [roundId]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [JSON.stringify({ roundId, runId })]);
    return runId as string;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
    worker = await startWorker(t.env);
    a = await buildRoundFixture(t.ds, { seed: 'dashboards-a', name: 'Ronda 2025', institutions: 24, municipalities: 6, status: 'published', synthetic: true, reportsPerInstitution: [0, 7] });
    b = await buildRoundFixture(t.ds, {
      seed: 'dashboards-b',
      name: 'Ronda 2026',
      guarantorId: a.guarantorId,
      institutions: 16,
      municipalities: 4,
      status: 'published',
      synthetic: true,
      reportsPerInstitution: [2, 9],
    });
    await intoStateOfMexico(a, 16, 4);
    await intoStateOfMexico(b, 16, 4);
    // Published later than A, so it lists first.
    await t.ds.query(`UPDATE round SET published_at = now() - interval '1 day' WHERE id = $1`, [a.roundId]);
    await t.ds.query(`UPDATE round SET published_at = now() WHERE id = $1`, [b.roundId]);
    const runs = [await recompute(a.roundId), await recompute(b.roundId)];
    await until(
      async () => (await t.ds.query(`SELECT count(*)::int AS n FROM recompute_run WHERE id = ANY($1) AND status = 'done'`, [runs]))[0].n as number,
      (n) => n === 2,
      'recompute runs',
      45_000,
    );
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  it('overview, rankings, state view, institution page and comparison draw one mark per value', async () => {
    const s = await openSession(browser);
    const base = `${t.url}/resultados/${a.roundId}`;
    await steps(s, 'results-desktop', async (page) => {
      await page.goto(`${t.url}/resultados`);
      await page.getByRole('link', { name: 'Ronda 2025' }).waitFor();
      expect(await count(page, 'public-round')).toBe(2);
      await shot(page, 'results-rounds');

      // Overview: 10 histogram bins holding every institution with a headline value; T vs P; 4 sub-indices.
      const headline = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=200`);
      const tValues = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=200&indicator=T`);
      const pValues = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=200&indicator=P`);
      const withP = new Set(pValues.items.filter((i) => i.value?.estimate != null).map((i) => i.institution.id));
      const scatterN = tValues.items.filter((i) => i.value?.estimate != null && withP.has(i.institution.id)).length;
      // The overview reads every institution at once from the columnar distribution: same values as the listings.
      const dist = await get<{ total: number; id: string[]; headline: Array<string | null>; estimate: Array<number | null>; status: Array<string | null>; t: Array<number | null> }>(
        `${a.roundId}/results/distribution`,
      );
      expect(dist.total).toBe(headline.total);
      const listed = new Map(headline.items.map((i) => [i.institution.id, i.value]));
      const tListed = new Map(tValues.items.map((i) => [i.institution.id, i.value?.estimate ?? null]));
      dist.id.forEach((id, k) => {
        const v = listed.get(id);
        expect([dist.headline[k], dist.estimate[k], dist.status[k]]).toEqual([v?.indicator ?? null, v?.estimate ?? null, v?.status ?? null]);
        expect(dist.t[k]).toBe(tListed.get(id) ?? null);
      });
      await page.goto(base);
      await page.locator('[data-testid="mark-subindex"]').first().waitFor();
      expect(await count(page, 'mark-subindex')).toBe(4);
      await page.locator('[data-testid="mark-hist"]').first().waitFor({ state: 'attached' });
      expect(await count(page, 'mark-hist')).toBe(10);
      const binned = await page.locator('[data-testid="mark-hist"]').evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-count')), 0));
      expect(binned).toBe(headline.items.filter((i) => i.value?.estimate != null).length);
      expect(scatterN).toBeGreaterThan(0);
      expect(await count(page, 'mark-scatter')).toBe(scatterN);
      await page.getByText('Datos sintéticos de demostración').first().waitFor().catch(async () => page.locator('.synthetic-banner').waitFor());
      await page.getByTestId('method').getByText(/v\d/).waitFor();
      await page.getByRole('link', { name: 'states.csv' }).waitFor();
      await shot(page, 'results-overview');

      // Institution ranking, then filtered to the State of Mexico.
      await page.goto(`${base}/instituciones`);
      await page.locator('[data-testid="mark-rank"]').first().waitFor();
      expect(await count(page, 'mark-rank')).toBe(headline.total);
      const inState = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=50&cveEnt=15`);
      await page.getByLabel('Estado', { exact: true }).first().selectOption('15');
      await until(() => count(page, 'mark-rank'), (n) => n === inState.items.length, 'filtered ranking', 10_000);
      expect(inState.items.length).toBe(16);
      await shot(page, 'results-institutions');

      // Municipality ranking: a non-conclusive municipality says so in words.
      const mun = await get<Paged<AreaItem>>(`${a.roundId}/results/areas?scope=municipality&indicator=I&pageSize=50`);
      await page.goto(`${base}/municipios`);
      await page.locator('[data-testid="mark-rank"]').first().waitFor();
      expect(await count(page, 'mark-rank')).toBe(mun.items.length);
      const weak = mun.items.find((m) => m.value.status === 'inconclusive');
      expect(weak).toBeDefined();
      await page.locator('[data-testid="municipality-row"]', { hasText: weak!.name }).getByText('No concluyente').waitFor();
      await shot(page, 'results-municipalities');

      // State view: 32 tiles, one interval per municipality of the state.
      const stateMunis = await get<Paged<AreaItem>>(`${a.roundId}/results/areas?scope=municipality&indicator=I&cveEnt=15&pageSize=200`);
      const states = await get<Paged<AreaItem>>(`${a.roundId}/results/areas?scope=state&indicator=I&pageSize=50`);
      await page.goto(`${base}/estados/15`);
      await page.locator('[data-testid="mark-tile"]').first().waitFor();
      expect(await count(page, 'mark-tile')).toBe(32);
      await page.locator('[data-testid="mark-state-muni"]').first().waitFor();
      expect(await count(page, 'mark-state-muni')).toBe(stateMunis.items.length);
      expect(stateMunis.items.length).toBe(4);
      const mexico = states.items.find((x) => x.scopeKey === '15')!;
      expect(await page.locator('[data-testid="mark-tile"][data-cve-ent="15"]').getAttribute('data-status')).toBe(mexico.value.estimate === null ? 'none' : mexico.value.status);
      await shot(page, 'results-state');

      // Institution page: component breakdown, ΔG, evidence links.
      const top = (await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=1&sort=-estimate`)).items[0];
      const detail = await get<Detail>(`${a.roundId}/results/institutions/${top.institution.id}`);
      await page.goto(`${base}/instituciones/${top.institution.id}`);
      await page.locator('[data-testid="mark-component"]').first().waitFor();
      expect(await count(page, 'mark-component')).toBe(detail.components.length);
      expect(await count(page, 'mark-delta')).toBe(2);
      await page.getByTestId('delta-g').waitFor();
      expect(await count(page, 'evidence-link')).toBe((detail.inputs?.evidenceUrls ?? []).filter((e) => /^https?:/.test(e.url)).length);
      await shot(page, 'results-institution');

      // Comparison: one change mark per state in either round plus the national one.
      const statesB = await get<Paged<AreaItem>>(`${b.roundId}/results/areas?scope=state&indicator=I&pageSize=50`);
      const union = new Set([...states.items, ...statesB.items].map((x) => x.scopeKey));
      await page.goto(`${t.url}/resultados/comparar?a=${a.roundId}&b=${b.roundId}`);
      await page.locator('[data-testid="mark-change"]').first().waitFor();
      expect(await count(page, 'mark-change')).toBe(union.size + 1);
      const va = mexico.value;
      const vb = statesB.items.find((x) => x.scopeKey === '15')!.value;
      if (va.estimate !== null && vb.estimate !== null) {
        const significant = Math.abs(vb.estimate - va.estimate) > 1.96 * Math.sqrt((va.se ?? 0) ** 2 + (vb.se ?? 0) ** 2);
        await page
          .locator('[data-testid="compare-row"]', { hasText: 'México' })
          .first()
          .getByText(significant ? 'cambio significativo' : 'dentro de la incertidumbre')
          .waitFor();
      }
      await shot(page, 'results-compare');

      // English toggle.
      await page.goto(`${base}/municipios`);
      await page.getByRole('button', { name: /english/i }).click();
      await page.locator('[data-testid="municipality-row"]', { hasText: weak!.name }).getByText('Not conclusive').waitFor();
      await page.getByRole('button', { name: /español/i }).click();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('works at phone width (390 px) without horizontal scrolling', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    const base = `${t.url}/resultados/${a.roundId}`;
    await steps(s, 'results-phone', async (page) => {
      for (const [path, mark, name] of [
        ['', 'mark-hist', 'results-overview-phone'],
        ['/municipios', 'mark-rank', 'results-municipalities-phone'],
        ['/estados/15', 'mark-tile', 'results-state-phone'],
      ] as const) {
        await page.goto(`${base}${path}`);
        await page.locator(`[data-testid="${mark}"]`).first().waitFor({ state: 'attached' });
        const wide = await page.evaluate<string[]>(`[...document.querySelectorAll('main *')].filter((e) => !e.closest('.subnav ul, .table-wrap, .visually-hidden') && e.getBoundingClientRect().right > 391).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`);
        expect({ path, wide }).toEqual({ path, wide: [] });
        expect(await documentWidth(page)).toBeLessThanOrEqual(390);
        await shot(page, name);
      }
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
