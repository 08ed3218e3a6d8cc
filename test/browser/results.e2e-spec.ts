import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { REASON_SENTENCES, STATUS_LABELS, type StatusReason } from '@apertura/metric';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase } from '../support/db';
import { until } from '../support/metric-helpers';
import { buildRoundFixture, RoundFixture } from '../support/round-fixture';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

// Shapes of the apertura-2 results API (/work/shared-notes/contract.md §2) that the pages are checked against.
interface Value {
  indicator: string;
  aggregation: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  status: string;
  reasons: string[];
  methodId: string;
  methodVersion: string;
}
interface Rank {
  position: number;
  lo: number;
  hi: number;
  of: number;
  group: string;
}
type Group = 'ranked' | 'insufficient_data' | 'unverified_self_report';
interface Paged<T> {
  items: T[];
  total: number;
}
interface InstitutionItem {
  institution: { id: string; name: string; cveEnt: string };
  value: Value | null;
  rank: Rank | null;
  group: Group;
}
interface AreaItem {
  scopeKey: string;
  name: string;
  cveEnt: string | null;
  value: Value;
  rank: Rank | null;
  group: Group;
}
interface Detail {
  components: unknown[];
  values: Value[];
  headline: Value | null;
  inputs: { evidenceUrls: Array<{ url: string }>; citizenReports: number; validators: number } | null;
}
interface Summary {
  round: { states: Array<{ cveEnt: string; name: string }>; design: { kind: string }; methodId: string | null };
  coverage: { validatedInstitutions: number; verifiedInstitutions: number; withAnyCitizenReport: number };
}

/** "3.º (2.º–7.º)", or "1.º (1.º)" when the interval is one rank (apps/web/src/results/present.ts). */
const rankText = (r: Rank) =>
  r.of > 200 ? null : r.lo === r.hi ? `${r.position}.º (${r.lo}.º)` : `${r.position}.º (${r.lo}.º–${r.hi}.º)`;
const rankable = (v: Value | null) => !!v && (v.status === 'conclusive' || v.status === 'caution') && v.se !== null;
/** A zero-width interval printed as if it were a measurement ("[0.95, 0.95]"). */
const ZERO_WIDTH = /\[(\d\.\d\d), \1\]/;

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
  /** An institution of round A with a self-report and no citizen report (an unverified self-report). */
  let unreported: string;
  const get = <T>(path: string): Promise<T> =>
    fetch(`${t.url}/api/public/rounds/${path}`).then((r) => r.json() as Promise<T>);
  const count = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).count();

  /** Waits for a recompute run of the worker to finish. */
  async function recomputed(runs: string[]): Promise<void> {
    await until(
      async () =>
        (
          await t.ds.query(`SELECT count(*)::int AS n FROM recompute_run WHERE id = ANY($1) AND status = 'done'`, [
            runs,
          ])
        )[0].n as number,
      (n) => n === runs.length,
      'recompute runs',
      45_000,
    );
  }

  /** Moves the first `n` institutions of a round into municipalities of the State of Mexico (15). */
  async function intoStateOfMexico(fx: RoundFixture, n: number, municipalities: number): Promise<void> {
    const munis: Array<{ cvegeo: string }> = await t.ds.query(
      `SELECT cvegeo FROM municipality WHERE cve_ent = '15' ORDER BY cvegeo LIMIT $1`,
      [municipalities],
    );
    for (const [i, id] of fx.institutionIds.slice(0, n).entries()) {
      await t.ds.query(`UPDATE institution SET cve_ent = '15', cvegeo = $2 WHERE id = $1`, [
        id,
        munis[i % munis.length].cvegeo,
      ]);
    }
  }

  async function recompute(roundId: string): Promise<string> {
    const [{ id: runId }] = await t.ds.query(`INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id`, [
      roundId,
    ]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [
      JSON.stringify({ roundId, runId }),
    ]);
    return runId as string;
  }

  beforeAll(async () => {
    t = await startTestApp({
      db: await createTestDatabase(undefined, 'web'),
      env: { SERVE_WEB: 'true', QUEUE_PREFIX: `apt-test-web-${process.pid}` },
    });
    worker = await startWorker(t.env);
    a = await buildRoundFixture(t.ds, {
      seed: 'dashboards-a',
      name: 'Ronda 2025',
      institutions: 24,
      municipalities: 6,
      status: 'published',
      synthetic: true,
      reportsPerInstitution: [0, 7],
    });
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
    // The seeded fixture may give every self-reporting institution a citizen report: make sure one has none.
    [{ id: unreported }] = await t.ds.query(
      `SELECT institution_id AS id FROM response WHERE round_id = $1 AND submitted_at IS NOT NULL ORDER BY institution_id DESC LIMIT 1`,
      [a.roundId],
    );
    await t.ds.query(`DELETE FROM citizen_report WHERE round_id = $1 AND institution_id = $2`, [a.roundId, unreported]);
    // Published later than A, so it lists first.
    await t.ds.query(`UPDATE round SET published_at = now() - interval '1 day' WHERE id = $1`, [a.roundId]);
    await t.ds.query(`UPDATE round SET published_at = now() WHERE id = $1`, [b.roundId]);
    await recomputed([await recompute(a.roundId), await recompute(b.roundId)]);
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    // The database was passed in (tagged `web`): the app leaves it; drop it here.
    await t?.db.drop();
  });

  it('overview, rankings, state view, institution page and comparison draw one mark per value', async () => {
    const s = await openSession(browser);
    const base = `${t.url}/resultados/${a.roundId}`;
    /** Design and method of the round are on every results page. */
    const roundFacts = async (page: Page) => {
      await page.getByTestId('round-design').first().getByText('Diseño: censo').waitFor();
      await page
        .getByTestId('round-method')
        .first()
        .getByText(/mga-2017\/apertura-2/)
        .waitFor();
    };
    await steps(s, 'results-desktop', async (page) => {
      await page.goto(`${t.url}/resultados`);
      await page.getByRole('link', { name: 'Ronda 2025' }).waitFor();
      expect(await count(page, 'public-round')).toBe(2);
      await shot(page, 'results-rounds');

      // Overview: I and I_G in two separate histograms; T vs P; 4 sub-indices; coverage counts from the summary.
      const summary = await get<Summary>(`${a.roundId}/results/summary`);
      const headline = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=200`);
      const tValues = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=200&indicator=T`);
      const pValues = await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=200&indicator=P`);
      const withP = new Set(pValues.items.filter((i) => i.value?.estimate != null).map((i) => i.institution.id));
      const scatterN = tValues.items.filter((i) => i.value?.estimate != null && withP.has(i.institution.id)).length;
      // The overview reads every institution at once from the columnar distribution: same values as the listings.
      const dist = await get<{
        total: number;
        id: string[];
        headline: Array<string | null>;
        estimate: Array<number | null>;
        status: Array<string | null>;
        t: Array<number | null>;
      }>(`${a.roundId}/results/distribution`);
      expect(dist.total).toBe(headline.total);
      const listed = new Map(headline.items.map((i) => [i.institution.id, i.value]));
      const tListed = new Map(tValues.items.map((i) => [i.institution.id, i.value?.estimate ?? null]));
      dist.id.forEach((id, k) => {
        const v = listed.get(id);
        expect([dist.headline[k], dist.estimate[k], dist.status[k]]).toEqual([
          v?.indicator ?? null,
          v?.estimate ?? null,
          v?.status ?? null,
        ]);
        expect(dist.t[k]).toBe(tListed.get(id) ?? null);
      });
      const withHeadline = (indicator: string) =>
        headline.items.filter((i) => i.value?.indicator === indicator && i.value.estimate != null).length;
      await page.goto(base);
      await page.locator('[data-testid="mark-subindex"]').first().waitFor();
      expect(await count(page, 'mark-subindex')).toBe(4);
      await page.locator('[data-testid="mark-hist"]').first().waitFor({ state: 'attached' });
      const binned = (hist: string) =>
        page
          .locator(`[data-testid="${hist}"] [data-testid="mark-hist"]`)
          .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-count')), 0));
      expect(await binned('hist-I')).toBe(withHeadline('I'));
      expect(await binned('hist-I_G')).toBe(withHeadline('I_G'));
      // An institution with an I is one whose I is computable: the validated count of the summary.
      expect(withHeadline('I')).toBe(summary.coverage.validatedInstitutions);
      for (const [id, n] of [
        ['coverage-validated', summary.coverage.validatedInstitutions],
        ['coverage-verified', summary.coverage.verifiedInstitutions],
        ['coverage-any-report', summary.coverage.withAnyCitizenReport],
      ] as const) {
        expect(await page.getByTestId(id).getAttribute('data-count')).toBe(String(n));
        await page
          .getByTestId(id)
          .getByText(new RegExp(`: ${n}$`))
          .waitFor();
      }
      expect(summary.coverage.withAnyCitizenReport).toBeGreaterThanOrEqual(summary.coverage.validatedInstitutions);
      expect(scatterN).toBeGreaterThan(0);
      expect(await count(page, 'mark-scatter')).toBe(scatterN);
      // Round A spans several states: its index is not named after one of them.
      expect(summary.round.states.length).toBeGreaterThan(1);
      await roundFacts(page);
      await page
        .getByText('Datos sintéticos de demostración')
        .first()
        .waitFor()
        .catch(async () => page.locator('.synthetic-banner').waitFor());
      await page.getByTestId('method').getByText(/v\d/).waitFor();
      await page.getByRole('link', { name: 'states.csv', exact: true }).waitFor();
      // Every dataset, with the Excel-friendly CSV (UTF-8 mark) beside the plain one.
      expect(await page.getByRole('link', { name: 'national.csv (Excel)', exact: true }).getAttribute('href')).toMatch(
        /national\.csv\?bom=1$/,
      );
      await shot(page, 'results-overview');

      // Institution ranking: the ranked group (only validated values with SE, conclusive or caution) with
      // every position's 95 % rank interval, and a separate unranked list.
      const ranked = await get<Paged<InstitutionItem>>(
        `${a.roundId}/results/institutions?pageSize=50&indicator=I&ranking=ranked`,
      );
      const unranked = await get<Paged<InstitutionItem>>(
        `${a.roundId}/results/institutions?pageSize=50&indicator=I&ranking=unranked`,
      );
      expect(ranked.total + unranked.total).toBe(headline.total);
      expect(ranked.items.every((i) => i.group === 'ranked' && i.rank !== null && rankable(i.value))).toBe(true);
      expect(unranked.items.every((i) => i.group !== 'ranked' && i.rank === null)).toBe(true);
      expect(ranked.items.length).toBeGreaterThan(0);
      expect(unranked.items.some((i) => i.group === 'unverified_self_report')).toBe(true);
      await page.goto(`${base}/instituciones`);
      await page.getByTestId('ranked-group').waitFor();
      await page.getByTestId('unranked-group').waitFor();
      await page.locator('[data-testid="institution-ranked-row"]').first().waitFor();
      expect(await count(page, 'institution-ranked-row')).toBe(ranked.items.length);
      expect(await count(page, 'mark-rank')).toBe(ranked.items.length);
      expect(await count(page, 'institution-unranked-row')).toBe(unranked.items.length);
      for (const [k, item] of ranked.items.entries()) {
        const row = page.locator('[data-testid="institution-ranked-row"]').nth(k);
        await row.getByText(item.institution.name, { exact: true }).waitFor();
        const text = rankText(item.rank!);
        if (text) expect((await row.getByTestId('rank').textContent())?.trim()).toBe(text);
        const band = page.locator('[data-testid="mark-rank"]').nth(k);
        expect([
          await band.getAttribute('data-position'),
          await band.getAttribute('data-lo'),
          await band.getAttribute('data-hi'),
        ]).toEqual([item.rank!.position, item.rank!.lo, item.rank!.hi].map(String));
      }
      // Unverified self-reports: a hollow mark and the words, never a precise point or "[0.95, 0.95]".
      const selfReport = unranked.items.find((i) => i.group === 'unverified_self_report')!;
      const selfRow = page.locator('[data-testid="institution-unranked-row"]', {
        hasText: selfReport.institution.name,
      });
      await selfRow.getByTestId('self-report-mark').getByText('autodiagnóstico sin verificar').waitFor();
      expect(await selfRow.textContent()).not.toMatch(ZERO_WIDTH);
      // No unranked value is drawn as a solid dot.
      expect(await page.locator('[data-testid="mark-unranked"][data-mark="solid"]').count()).toBe(0);
      expect(await page.locator('[data-testid="mark-unranked"] [data-mark="solid"]').count()).toBe(0);
      await roundFacts(page);
      await shot(page, 'results-institutions');

      // Filtered to the State of Mexico: the state's own group.
      const inState = await get<Paged<InstitutionItem>>(
        `${a.roundId}/results/institutions?pageSize=50&indicator=I&cveEnt=15&ranking=ranked`,
      );
      await page.getByLabel('Estado', { exact: true }).first().selectOption('15');
      await until(
        () => count(page, 'institution-ranked-row'),
        (n) => n === inState.items.length,
        'filtered ranking',
        10_000,
      );
      expect(inState.items.every((i) => i.rank?.group === '15')).toBe(true);

      // Municipality ranking: two groups; a "No concluyente" municipality is unranked, says so, and says why.
      const munRanked = await get<Paged<AreaItem>>(
        `${a.roundId}/results/areas?scope=municipality&indicator=I&pageSize=50&ranking=ranked`,
      );
      const munUnranked = await get<Paged<AreaItem>>(
        `${a.roundId}/results/areas?scope=municipality&indicator=I&pageSize=50&ranking=unranked`,
      );
      await page.goto(`${base}/municipios`);
      await page.getByTestId('ranked-group').waitFor();
      await page.getByTestId('unranked-group').waitFor();
      await page.locator('[data-testid="municipality-unranked-row"]').first().waitFor();
      expect(await count(page, 'municipality-ranked-row')).toBe(munRanked.items.length);
      expect(await count(page, 'municipality-unranked-row')).toBe(munUnranked.items.length);
      const weak = munUnranked.items.find((m) => m.value.status === 'inconclusive' && m.value.reasons.length > 0);
      expect(weak).toBeDefined();
      const weakRow = page.locator('[data-testid="municipality-unranked-row"]', { hasText: weak!.name });
      await weakRow.getByText(STATUS_LABELS.inconclusive.es, { exact: true }).waitFor();
      const reason = weak!.value.reasons[0] as StatusReason;
      await weakRow.getByTestId('reasons').getByText(REASON_SENTENCES[reason].es, { exact: false }).waitFor();
      // Never a solid dot for it.
      expect(
        await page
          .locator('[data-testid="mark-unranked"][data-status="inconclusive"]')
          .evaluateAll((els) => els.filter((e) => e.getAttribute('data-mark') === 'solid').length),
      ).toBe(0);
      await roundFacts(page);
      await shot(page, 'results-municipalities');

      // State view: 32 tiles; the state's municipalities in its own ranked group and unranked list.
      const stateMunisRanked = await get<Paged<AreaItem>>(
        `${a.roundId}/results/areas?scope=municipality&indicator=I&cveEnt=15&pageSize=50&ranking=ranked`,
      );
      const stateMunisUnranked = await get<Paged<AreaItem>>(
        `${a.roundId}/results/areas?scope=municipality&indicator=I&cveEnt=15&pageSize=50&ranking=unranked`,
      );
      const states = await get<Paged<AreaItem>>(`${a.roundId}/results/areas?scope=state&indicator=I&pageSize=50`);
      await page.goto(`${base}/estados/15`);
      await page.locator('[data-testid="mark-tile"]').first().waitFor();
      expect(await count(page, 'mark-tile')).toBe(32);
      await page.getByTestId('state-muni-ranking').waitFor();
      await until(
        async () => (await count(page, 'state-muni-ranked-row')) + (await count(page, 'state-muni-unranked-row')),
        (n) => n === 4,
        'municipalities of the state',
        10_000,
      );
      expect(stateMunisRanked.items.length + stateMunisUnranked.items.length).toBe(4);
      const mexico = states.items.find((x) => x.scopeKey === '15')!;
      expect(await page.locator('[data-testid="mark-tile"][data-cve-ent="15"]').getAttribute('data-status')).toBe(
        mexico.value.estimate === null ? 'none' : mexico.value.status,
      );
      await roundFacts(page);
      await shot(page, 'results-state');

      // State ranking (no state chosen): ranked and unranked states.
      const statesRanked = await get<Paged<AreaItem>>(
        `${a.roundId}/results/areas?scope=state&indicator=I&pageSize=50&ranking=ranked`,
      );
      await page.goto(`${base}/estados`);
      await page.getByTestId('state-ranking').waitFor();
      await page.getByTestId('unranked-group').waitFor();
      expect(await count(page, 'state-ranked-row')).toBe(statesRanked.items.length);

      // Institution page: component breakdown, ΔG, evidence links, method and design.
      const top = ranked.items[0];
      const detail = await get<Detail>(`${a.roundId}/results/institutions/${top.institution.id}`);
      await page.goto(`${base}/instituciones/${top.institution.id}`);
      await page.locator('[data-testid="mark-component"]').first().waitFor();
      expect(await count(page, 'mark-component')).toBe(detail.components.length);
      expect(await count(page, 'mark-delta')).toBe(2);
      await page.getByTestId('delta-g').waitFor();
      expect(await count(page, 'evidence-link')).toBe(
        (detail.inputs?.evidenceUrls ?? []).filter((e) => /^https?:/.test(e.url)).length,
      );
      // A ranked institution is citizen-validated: its badges say so and nothing on it reads "Sin validación ciudadana".
      expect(await page.getByTestId('badge-citizen').getAttribute('data-validated')).toBe('true');
      expect(await page.locator('main').getByText(STATUS_LABELS.not_validated.es, { exact: true }).count()).toBe(0);
      await roundFacts(page);
      await shot(page, 'results-institution');

      // Comparison: one change mark per state in either round plus the whole-round one; the rule of §9.
      const statesB = await get<Paged<AreaItem>>(`${b.roundId}/results/areas?scope=state&indicator=I&pageSize=50`);
      const union = new Set([...states.items, ...statesB.items].map((x) => x.scopeKey));
      await page.goto(`${t.url}/resultados/comparar?a=${a.roundId}&b=${b.roundId}`);
      await page.locator('[data-testid="mark-change"]').first().waitFor();
      expect(await count(page, 'mark-change')).toBe(union.size + 1);
      const va = mexico.value;
      const vb = statesB.items.find((x) => x.scopeKey === '15')!.value;
      const row = page
        .locator('[data-testid="compare-row"]')
        .filter({ has: page.getByRole('rowheader', { name: mexico.name, exact: true }) });
      const comparable =
        va.estimate !== null &&
        vb.estimate !== null &&
        rankable(va) &&
        rankable(vb) &&
        va.methodId === vb.methodId &&
        va.methodVersion === vb.methodVersion;
      if (comparable) {
        const significant = Math.abs(vb.estimate! - va.estimate!) > 1.96 * Math.sqrt(va.se! ** 2 + vb.se! ** 2);
        await row.getByText(significant ? 'cambio significativo' : 'dentro de la incertidumbre').waitFor();
      } else {
        await row.getByText('no comparable', { exact: true }).waitFor();
        await row
          .getByTestId('not-comparable-reason')
          .getByText(/^No comparable: /)
          .waitFor();
      }
      expect(await page.locator('[data-testid="compare-row"][data-significant="true"]').count()).toBeLessThanOrEqual(
        union.size + 1,
      );
      // The whole-round row compares round A (several states) with round B (one): different areas, not comparable.
      await page
        .locator('[data-testid="compare-row"]')
        .first()
        .getByTestId('not-comparable-reason')
        .getByText(/ámbitos distintos/)
        .waitFor();
      await page.getByTestId('round-design').first().waitFor();
      await shot(page, 'results-compare');

      // Round B covers one state: its title names the state, never "nacional" — and state 15, which
      // INEGI's catalogue (and so the API) calls "México", by its common name, not the country's.
      const summaryB = await get<Summary>(`${b.roundId}/results/summary`);
      expect(summaryB.round.states).toEqual([{ cveEnt: '15', name: 'México' }]);
      await page.goto(`${t.url}/resultados/${b.roundId}`);
      await page.getByTestId('index-title').getByText('Índice de apertura — Estado de México').waitFor();
      expect(await page.getByTestId('round-scope').textContent()).toBe('Ámbito: Estado de México');
      expect(
        await page
          .locator('main')
          .getByText(/nacional/i)
          .count(),
      ).toBe(0);

      // English toggle.
      await page.goto(`${base}/municipios`);
      await page.getByRole('button', { name: /english/i }).click();
      await page
        .locator('[data-testid="municipality-unranked-row"]', { hasText: weak!.name })
        .getByText(STATUS_LABELS.inconclusive.en, { exact: true })
        .waitFor();
      await page
        .locator('[data-testid="municipality-unranked-row"]', { hasText: weak!.name })
        .getByText(REASON_SENTENCES[reason].en, { exact: false })
        .waitFor();
      await page.getByRole('button', { name: /español/i }).click();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('works at phone width (390 px) without horizontal scrolling', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    const base = `${t.url}/resultados/${a.roundId}`;
    // An institution that never sent its self-report: its pages say why there is no value.
    const silent: Array<{ id: string }> = await t.ds.query(
      `SELECT ri.institution_id AS id FROM round_institution ri
        WHERE ri.round_id = $1 AND NOT EXISTS (SELECT 1 FROM response r WHERE r.round_id = ri.round_id
          AND r.institution_id = ri.institution_id AND r.submitted_at IS NOT NULL)
        ORDER BY ri.institution_id LIMIT 1`,
      [a.roundId],
    );
    expect(silent).toHaveLength(1);
    expect((await get<Detail>(`${a.roundId}/results/institutions/${silent[0].id}`)).headline).toBeNull();
    await steps(s, 'results-phone', async (page) => {
      for (const [path, mark, name] of [
        ['', 'mark-hist', 'results-overview-phone'],
        ['/instituciones', 'unranked-group', 'results-institutions-phone'],
        ['/municipios', 'unranked-group', 'results-municipalities-phone'],
        ['/estados/15', 'mark-tile', 'results-state-phone'],
        [`/instituciones/${unreported}`, 'item-row', 'results-institution-phone'],
        [`/instituciones/${unreported}/boleta`, 'rc-row', 'results-report-card-phone'],
        [`/instituciones/${silent[0].id}`, 'no-headline', 'results-institution-silent-phone'],
        [`/instituciones/${silent[0].id}/boleta`, 'no-headline', 'results-report-card-silent-phone'],
      ] as const) {
        await page.goto(`${base}${path}`);
        await page.locator(`[data-testid="${mark}"]`).first().waitFor({ state: 'attached' });
        const wide = await page.evaluate<string[]>(
          `[...document.querySelectorAll('main *')].filter((e) => !e.closest('.subnav ul, .table-wrap, .visually-hidden') && e.getBoundingClientRect().right > 391).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`,
        );
        expect({ path, wide }).toEqual({ path, wide: [] });
        expect(await documentWidth(page)).toBeLessThanOrEqual(390);
        // Tables become one labelled card per row on a phone: none of them needs a sideways scroll.
        const scrolling = await page.evaluate<number>(
          `[...document.querySelectorAll('main .table-wrap')].filter((e) => e.scrollWidth > e.clientWidth + 1).length`,
        );
        expect({ path, scrolling }).toEqual({ path, scrolling: 0 });
        if (mark === 'no-headline') {
          expect(await page.getByTestId('no-headline').textContent()).toMatch(/no envió su autodiagnóstico/);
        }
        await shot(page, name);
      }
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it("an institution's badges match its numbers after a citizen report", async () => {
    // The institution with a self-report and no citizen report yet, and a report of a validated one to copy.
    const target = { id: unreported };
    const validatedOne = (
      await get<Paged<InstitutionItem>>(`${a.roundId}/results/institutions?pageSize=50&indicator=I&ranking=ranked`)
    ).items[0];
    const before = await get<Detail>(`${a.roundId}/results/institutions/${target.id}`);
    expect(before.inputs?.citizenReports ?? 0).toBe(0);
    const s = await openSession(browser);
    const page = s.page;
    const base = `${t.url}/resultados/${a.roundId}`;
    await steps(s, 'results-badges', async () => {
      await page.goto(`${base}/instituciones/${target.id}`);
      expect(await page.getByTestId('badge-citizen').getAttribute('data-validated')).toBe('false');
      await page
        .getByTestId('badge-citizen')
        .getByText(/Sin validación ciudadana|Validación ciudadana incompleta/)
        .waitFor();

      // The citizen reports of a validated institution, as the citizen flow stores them, now about the
      // target (one report alone may be a "not yet" or lack the participation part), then the recompute.
      const copied: Array<{ id: string }> = await t.ds.query(
        `INSERT INTO citizen_report (id, round_id, institution_id, validator_id, questionnaire_id, data)
         SELECT gen_random_uuid(), round_id, $2, validator_id, questionnaire_id, data FROM citizen_report
          WHERE round_id = $1 AND institution_id = $3
         RETURNING id`,
        [a.roundId, target.id, validatedOne.institution.id],
      );
      const reports = copied.length;
      await recomputed([await recompute(a.roundId)]);
      const after = await get<Detail>(`${a.roundId}/results/institutions/${target.id}`);
      const has = (code: string) => after.values.some((v) => v.indicator === code && v.estimate !== null);
      const validated = has('TC') && has('PC');
      expect(after.inputs?.citizenReports).toBe(reports);

      await page.goto(`${base}/instituciones/${target.id}`);
      await page.getByTestId('badge-reports').waitFor();
      expect(await page.getByTestId('badge-reports').getAttribute('data-count')).toBe(String(reports));
      // Validators count every pseudonym with a report or a verdict on the institution.
      const validators = after.inputs!.validators;
      const reportWords = reports === 1 ? '1 reporte ciudadano' : `${reports} reportes ciudadanos`;
      await page
        .getByTestId('badge-reports')
        .getByText(
          `${reportWords} · ${validators} ${validators === 1 ? 'validador' : 'validadores'} con reporte o veredicto`,
        )
        .waitFor();
      expect(await page.getByTestId('badge-citizen').getAttribute('data-validated')).toBe(String(validated));
      expect(validated).toBe(true);
      // Validated by a citizen: its headline is I, and nothing on the page says "Sin validación ciudadana".
      expect(after.headline?.indicator).toBe('I');
      await page.getByTestId('badge-citizen').getByText('Validada por la ciudadanía').waitFor();
      expect(await page.locator('main').getByText(STATUS_LABELS.not_validated.es, { exact: true }).count()).toBe(0);
      // The needed sample of one report speaks in the singular or plural the number asks for.
      expect(await page.locator('main').textContent()).not.toMatch(/faltan 1 |falta [02-9]\d* /);
      await shot(page, 'results-badges');

      // The overview's counts follow: one more institution with a citizen report.
      const summary = await get<Summary>(`${a.roundId}/results/summary`);
      await page.goto(base);
      await page.getByTestId('coverage-any-report').waitFor();
      expect(await page.getByTestId('coverage-any-report').getAttribute('data-count')).toBe(
        String(summary.coverage.withAnyCitizenReport),
      );
      expect(await page.getByTestId('coverage-validated').getAttribute('data-count')).toBe(
        String(summary.coverage.validatedInstitutions),
      );
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
