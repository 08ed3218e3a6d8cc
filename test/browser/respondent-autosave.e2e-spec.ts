import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'crypto';
import { deriveToken, hashToken } from '@apertura/config';
import { INSTITUTION_V1_ANSWERS } from '../../libs/questionnaire/fixtures/sample-answers';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const CSV = [
  'name,type,level,cve_ent,cvegeo,email,key',
  'Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.example,toluca',
].join('\n');
const BAD_TEXT = 'estadísticas en el portal';

/**
 * Issue #16 item 2, the Toluca case: on a phone, an address typed without https:// and a text that is
 * no address on page 2 must not lose the other answers of the page; after a reload the page comes back
 * with every saved answer, the completed address, and the invalid text with its message under the question.
 */
describe('browser: the respondent keeps every answer while some are invalid (phone)', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ tag: 'hrespondb', env: { SERVE_WEB: 'true' } });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    const auth = { token: staff.adminToken };
    const defaults = await http.post('/api/questionnaires/defaults', undefined, auth);
    if (defaults.status >= 300) throw new Error(`defaults: ${JSON.stringify(defaults.body)}`);
    const q = (kind: string) => defaults.body.items.find((i: { kind: string }) => i.kind === kind).id;
    const imported = await http.post('/api/universe/import', undefined, {
      ...auth,
      raw: CSV,
      headers: { 'content-type': 'text/csv' },
    });
    if (imported.status !== 200) throw new Error(`import: ${JSON.stringify(imported.body)}`);
    const round = await http.post(
      '/api/rounds',
      {
        name: 'Diagnóstico 2025',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        institutionQuestionnaireId: q('institution'),
        citizenQuestionnaireId: q('citizen'),
      },
      auth,
    );
    if (round.status !== 201) throw new Error(`round: ${JSON.stringify(round.body)}`);
    const opened = await http.post(`/api/rounds/${round.body.id}/open`, undefined, auth);
    if (opened.status !== 200) throw new Error(`open: ${JSON.stringify(opened.body)}`);
    const invitations = await http.get(`/api/rounds/${round.body.id}/invitations`, auth);
    token = deriveToken(t.env.TOKEN_SECRET, 'invitation', invitations.body.items[0].invitationId);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const question = (page: Page, name: string) => page.locator(`[data-name="${name}"]`);
  const choose = (page: Page, name: string, text: string) =>
    question(page, name).getByText(text, { exact: true }).click();
  const type = async (page: Page, name: string, value: string) => {
    const input = question(page, name).locator('input, textarea');
    for (let attempt = 1; ; attempt++) {
      await input.fill(value);
      await input.press('Tab');
      if ((await input.inputValue()) === value || attempt === 3) break;
    }
  };
  /** Waits until a text input shows `value` (the completed address arrives with the save's answer). */
  const hasValue = async (page: Page, name: string, value: string) => {
    const input = question(page, name).locator('input');
    for (let waited = 0; (await input.inputValue()) !== value && waited < 10_000; waited += 100)
      await page.waitForTimeout(100);
    expect(await input.inputValue()).toBe(value);
  };
  const counter = (page: Page, text: string) => page.getByTestId('page-counter').filter({ hasText: text }).waitFor();
  const pageTitle = (page: Page, title: string) => page.locator('.sd-page__title', { hasText: title }).waitFor();

  it('bad address on page 2 → other answers saved → reload → page 2 answers and the invalid text with its message', async () => {
    const s = await openSession(browser, PHONE);
    await steps(s, 'respondent-toluca', async (page) => {
      await page.goto(`${t.url}/responder/${token}`);
      await pageTitle(page, 'Datos de quien responde');
      // Six pages until an answer shows the participation pages' last one.
      await counter(page, 'Página 1 de 6');
      await type(page, 'resp_cargo', 'Titular de la Unidad de Transparencia');
      await type(page, 'resp_correo', 'transparencia@toluca.gob.mx');
      await page.getByRole('button', { name: 'Siguiente' }).click();

      await pageTitle(page, 'Transparencia: acceso a la información');
      await counter(page, 'Página 2 de 6');
      await choose(page, 'ai_unidad', 'Sí');
      await choose(page, 'ai_canales', 'Plataforma Nacional de Transparencia');
      await choose(page, 'ai_procedimiento', 'Sí');
      await type(page, 'ai_procedimiento_evidencia', 'www.toluca.gob.mx/transparencia');
      await choose(page, 'ai_estadisticas', 'Sí, una vez al año');
      await type(page, 'ai_estadisticas_evidencia', BAD_TEXT);
      await page.getByRole('button', { name: 'Guardar borrador' }).click();

      // Saved except the one answer to correct, named by its title; the address was completed.
      await page.locator('.save-status', { hasText: /Guardado \d.*, salvo 1 respuesta/ }).waitFor();
      const unsaved = page.getByTestId('unsaved-list');
      await unsaved.getByRole('button', { name: 'Enlace (URL) donde cualquier persona puede comprobarlo' }).waitFor();
      expect(await unsaved.textContent()).toContain('campo ai_estadisticas_evidencia');
      await hasValue(page, 'ai_procedimiento_evidencia', 'https://www.toluca.gob.mx/transparencia');
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'respondent-toluca-saved', false);

      const ctx = await http.get('/api/respond/context', { invitation: token });
      expect(ctx.body.response.draft).toMatchObject({
        resp_cargo: 'Titular de la Unidad de Transparencia',
        ai_unidad: true,
        ai_canales: ['pnt'],
        ai_procedimiento: true,
        ai_procedimiento_evidencia: 'https://www.toluca.gob.mx/transparencia',
        ai_estadisticas: 'anual',
      });
      expect(ctx.body.response.draft).not.toHaveProperty('ai_estadisticas_evidencia');

      await page.reload();
      await pageTitle(page, 'Transparencia: acceso a la información');
      await counter(page, 'Página 2 de 6');
      expect(await question(page, 'ai_procedimiento_evidencia').locator('input').inputValue()).toBe(
        'https://www.toluca.gob.mx/transparencia',
      );
      expect(await question(page, 'ai_estadisticas_evidencia').locator('input').inputValue()).toBe(BAD_TEXT);
      await question(page, 'ai_estadisticas_evidencia')
        .getByText(/Escriba la dirección web completa del enlace/)
        .first()
        .waitFor();
      expect(await question(page, 'ai_unidad').locator('input[type="checkbox"], input').first().isVisible()).toBe(true);
      await shot(page, 'respondent-toluca-reloaded', false);

      // Corrected: saved, and nothing is kept on the device any more.
      await type(page, 'ai_estadisticas_evidencia', 'https://www.toluca.gob.mx/transparencia/estadisticas');
      await page.getByRole('button', { name: 'Guardar borrador' }).click();
      await page.locator('.save-status', { hasText: /^Guardado \d{1,2}:\d{2}[^,]*$/ }).waitFor();
      await page.getByTestId('unsaved-list').waitFor({ state: 'detached' });
      await question(page, 'ai_estadisticas_evidencia')
        .getByText(/Escriba la dirección web completa del enlace/)
        .waitFor({ state: 'detached' });
      expect(
        await page.evaluate<number>(
          'Object.keys(localStorage).filter((k) => k.startsWith("apertura.unsaved.")).length',
        ),
      ).toBe(0);
      const after = await http.get('/api/respond/context', { invitation: token });
      expect(after.body.response.draft.ai_estadisticas_evidencia).toBe(
        'https://www.toluca.gob.mx/transparencia/estadisticas',
      );
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('after submitting, the printable copy shows the folio, the titles and the evidence links, and prints without the site chrome', async () => {
    const submitted = await http.post(
      '/api/respond/submit',
      { data: INSTITUTION_V1_ANSWERS, idempotencyKey: randomUUID() },
      { invitation: token },
    );
    expect(submitted.status).toBe(201);
    const folio = `${String(submitted.body.responseId).replace(/-/g, '').slice(0, 8).toUpperCase()}-v1`;
    const s = await openSession(browser, PHONE);
    await steps(s, 'respondent-copy', async (page) => {
      await page.goto(`${t.url}/responder/${token}`);
      await page.getByText('Respuestas enviadas', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Ver copia imprimible' }).click();
      await page.getByRole('heading', { level: 1, name: 'Copia de las respuestas enviadas' }).waitFor();
      expect(await page.getByTestId('copy-folio').textContent()).toBe(folio);
      await page.getByText('Enlace (URL) donde cualquier persona puede comprobarlo').first().waitFor();
      await page.getByRole('link', { name: String(INSTITUTION_V1_ANSWERS.ai_procedimiento_evidencia) }).waitFor();
      await page.getByText('Titular de la Unidad de Transparencia').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'respondent-copy', false);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Imprimir o guardar como PDF' }).isVisible()).toBe(false);
      await page.pdf({ path: `${__dirname}/../../test-artifacts/respondent-copy.pdf` }).catch(() => undefined);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it("offers last round's answers in the next round on a phone: used as a starting point, saved as a draft, nothing submitted", async () => {
    // The next round of the same guarantor, with the same questionnaires, opened after the one just submitted.
    const [r1] = await t.ds.query(
      `SELECT id, guarantor_id, institution_questionnaire_id, citizen_questionnaire_id FROM round WHERE name = 'Diagnóstico 2025'`,
    );
    const [r2] = await t.ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at)
       VALUES ($1, 'Diagnóstico 2026', 'open', now(), now() + interval '30 days', $2, $3, now()) RETURNING id`,
      [r1.guarantor_id, r1.institution_questionnaire_id, r1.citizen_questionnaire_id],
    );
    const [{ institution_id: institutionId }] = await t.ds.query(
      'SELECT institution_id FROM round_institution WHERE round_id = $1',
      [r1.id],
    );
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [
      r2.id,
      institutionId,
    ]);
    const invitationId = randomUUID();
    const next = deriveToken(t.env.TOKEN_SECRET, 'invitation', invitationId);
    await t.ds.query('INSERT INTO invitation (id, round_id, institution_id, token_hash) VALUES ($1, $2, $3, $4)', [
      invitationId,
      r2.id,
      institutionId,
      hashToken(next),
    ]);

    const s = await openSession(browser, PHONE);
    await steps(s, 'respondent-previous', async (page) => {
      await page.goto(`${t.url}/responder/${next}`);
      await pageTitle(page, 'Datos de quien responde');
      const offer = page.getByRole('region', { name: 'Respuestas de la ronda anterior' });
      await offer.getByText(/Su institución respondió «Diagnóstico 2025»/).waitFor();
      expect(await question(page, 'resp_cargo').locator('input').inputValue()).toBe('');
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'respondent-previous-offer', false);
      await offer.getByRole('button', { name: 'Usar respuestas de la ronda anterior' }).click();
      await page.getByText(/Se copiaron \d+ respuesta\(s\) de la ronda anterior al borrador/).waitFor();
      await hasValue(page, 'resp_cargo', String(INSTITUTION_V1_ANSWERS.resp_cargo));
      await page.getByRole('button', { name: 'Guardar borrador' }).click();
      await page.locator('.save-status', { hasText: /^Guardado \d{1,2}:\d{2}[^,]*$/ }).waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const ctx = await http.get('/api/respond/context', { invitation: next });
    expect(ctx.body.response.draft).toMatchObject({
      resp_cargo: INSTITUTION_V1_ANSWERS.resp_cargo,
      ai_procedimiento_evidencia: INSTITUTION_V1_ANSWERS.ai_procedimiento_evidencia,
    });
    // A starting point only: the new round has no submission until the institution sends one.
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM response WHERE round_id = $1 AND status = 'submitted'`,
      [r2.id],
    );
    expect(n).toBe(0);
  });
});
