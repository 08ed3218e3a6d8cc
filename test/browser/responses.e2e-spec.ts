import { readFileSync } from 'fs';
import type { Browser } from 'playwright-core';
import { INSTITUTION_V1, questionTitles } from '@apertura/questionnaire';
import { startTestApp, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/fixtures';
import { readXlsx, sheetRecords } from '../support/xlsx-read';
import { buildWorld, evidenceForm, PDF, SAMPLE_ANSWERS, type World } from '../security/support/world';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * The responses pages in a real browser at phone width (issue #15, item 3): the round's list, one
 * institution's answers under their question titles, the version history with its changes, the
 * evidence, the verdicts under per-round pseudonyms (never a citizen's name or e-mail), and the
 * XLSX microdata download.
 */
describe('browser: responses of a round (list → detail → microdata)', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  const titles = questionTitles(INSTITUTION_V1);

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' }, tag: 'mdbrowser' });
    w = await buildWorld(t);
    const up = await w.http.post('/api/respond/evidence', undefined, {
      invitation: w.tokenX,
      raw: evidenceForm(PDF, 'acta-de-comite.pdf', 'application/pdf'),
    });
    if (up.status !== 201) throw new Error(`upload failed: ${JSON.stringify(up.body)}`);
    const second = await w.http.post(
      '/api/respond/submit',
      { data: { ...SAMPLE_ANSWERS, tr_obligaciones_pct: 60 }, idempotencyKey: 'browser-v2' },
      { invitation: w.tokenX },
    );
    if (second.status !== 201) throw new Error(`submit failed: ${JSON.stringify(second.body)}`);
    await t.ds.query(
      `INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict, comment) VALUES ($1, $2, $3, 'ai_procedimiento', 'refuted', 'La página del procedimiento está vacía.')`,
      [w.roundId, w.instX, w.v1.id],
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('staff read every submission with titles, changes, evidence and pseudonymous verdicts on a phone, and take the workbook away', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'responses-detail', async (page) => {
      await page.goto(`${t.url}/consola/rondas/${w.roundId}/respuestas`);
      await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
      await page.getByLabel('Correo electrónico').fill(w.a.adminEmail);
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Respuestas de la ronda' }).waitFor();
      await page.getByRole('link', { name: 'Ver las respuestas de Ayuntamiento de Metepec' }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'responses-list-phone');

      // The workbook downloads and reads back.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Todo en Excel (XLSX)' }).click(),
      ]);
      const wb = readXlsx(readFileSync((await download.path()) as string));
      expect(sheetRecords(wb, 'answers')).toHaveLength(1);
      expect(sheetRecords(wb, 'verdicts')[0]).toMatchObject({ verdict: 'refuted', question_name: 'ai_procedimiento' });

      await page.getByRole('link', { name: 'Ver las respuestas de Ayuntamiento de Toluca' }).click();
      await page.getByRole('heading', { level: 1, name: 'Respuestas de Ayuntamiento de Toluca' }).waitFor();
      await page
        .getByText(titles.get('ai_estadisticas')?.es as string, { exact: false })
        .first()
        .waitFor();
      const history = page.getByRole('region', { name: 'Historial de versiones' });
      await history.getByRole('heading', { name: /Versión 2/ }).waitFor();
      const changes = history.getByRole('table', { name: '1 cambio' });
      await changes
        .getByRole('rowheader', { name: new RegExp(titles.get('tr_obligaciones_pct')?.es.slice(0, 20) as string) })
        .waitFor();
      await changes.locator('del', { hasText: '85' }).waitFor();
      await changes.locator('ins', { hasText: '60' }).waitFor();
      await page
        .getByRole('region', { name: 'Evidencia' })
        .getByRole('button', { name: 'Descargar acta-de-comite.pdf' })
        .waitFor();
      const claims = page.getByRole('region', { name: 'Veredictos ciudadanos por afirmación' });
      await claims.getByText('La página del procedimiento está vacía.').waitFor();
      const pseudonym = (await claims.locator('code').first().textContent()) ?? '';
      expect(pseudonym).toMatch(/^V-[0-9a-f]{10}$/);
      const html = await page.content();
      for (const secret of [w.v1.email, w.v1.displayName, w.v1.id]) expect(html).not.toContain(secret);
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'responses-detail-phone');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
