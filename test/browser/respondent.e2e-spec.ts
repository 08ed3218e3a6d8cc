import type { Browser, Page } from 'playwright-core';
import { deriveToken } from '@apertura/config';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';
const DAY = 86_400_000;
// The smallest well-formed PDF the server's content sniffing accepts.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const CSV = [
  'name,type,level,cve_ent,cvegeo,email,key',
  'Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.example,toluca',
  'Ayuntamiento de Metepec,ayuntamiento,municipal,15,15054,ut@metepec.example,metepec',
].join('\n');

describe('browser: an institution fills its questionnaire', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;
  let institutionId: string;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
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
        name: 'Diagnóstico de prueba',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        institutionQuestionnaireId: q('institution'),
        citizenQuestionnaireId: q('citizen'),
      },
      auth,
    );
    if (round.status !== 201) throw new Error(`round: ${JSON.stringify(round.body)}`);
    roundId = round.body.id;
    const opened = await http.post(`/api/rounds/${roundId}/open`, undefined, auth);
    if (opened.status !== 200) throw new Error(`open: ${JSON.stringify(opened.body)}`);
    const invitations = await http.get(`/api/rounds/${roundId}/invitations?cvegeo=15106`, auth);
    const invitation = invitations.body.items[0];
    institutionId = invitation.institutionId;
    token = deriveToken(t.env.TOKEN_SECRET, 'invitation', invitation.invitationId);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A SurveyJS question by name (survey-core renders `data-name` on each question). */
  const question = (page: Page, name: string) => page.locator(`[data-name="${name}"]`);
  /** Clicks the visible label of a choice, boolean side, radio or checkbox item. */
  const choose = (page: Page, name: string, text: string) =>
    question(page, name).getByText(text, { exact: true }).click();
  /**
   * Types into a text/number question and leaves it (survey-core commits text values on blur). Checks
   * the value stuck: right after a page change survey-core may still be re-rendering the page's inputs,
   * and a value filled into an input it then replaces is lost (seen once in CI on a loaded machine).
   */
  const type = async (page: Page, name: string, value: string) => {
    const input = question(page, name).locator('input, textarea');
    for (let attempt = 1; ; attempt++) {
      await input.fill(value);
      await input.press('Tab');
      if ((await input.inputValue()) === value || attempt === 3) break;
    }
    expect(await input.inputValue()).toBe(value);
  };
  const next = (page: Page) => page.getByRole('button', { name: 'Siguiente' }).click();
  const pageTitle = (page: Page, title: string) => page.locator('.sd-page__title', { hasText: title }).waitFor();

  it('fills the default questionnaire, resumes after a reload, attaches evidence and submits version 1', async () => {
    const s = await openSession(browser);
    await steps(s, 'respondent', fillAndSubmit);
    expect(s.problems).toEqual([]);
    await s.context.close();

    // The API has the submission as version 1, without the hidden answer, and the evidence file.
    const stored = await http.get(`/api/rounds/${roundId}/responses/${institutionId}`, { token: staff.adminToken });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ status: 'submitted', version: 1 });
    expect(stored.body.submitted).toMatchObject({
      resp_cargo: 'Titular de la Unidad de Transparencia',
      ai_unidad: true,
      ai_canales: ['pnt', 'correo'],
      ai_procedimiento_evidencia: 'https://toluca.example/transparencia/solicitudes',
      tr_obligaciones_pct: 85,
      tp_publica: false,
      mec_existe: false,
    });
    expect(stored.body.submitted).not.toHaveProperty('tp_demanda');
    expect(stored.body.versions).toEqual([expect.objectContaining({ version: 1, cleared: ['tp_demanda'] })]);
    expect(stored.body.evidence).toEqual([
      expect.objectContaining({
        questionName: 'ai_procedimiento',
        filename: 'procedimiento.pdf',
        mimeType: 'application/pdf',
      }),
    ]);
  });

  async function fillAndSubmit(page: Page): Promise<void> {
    await page.goto(`${t.url}/responder/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Toluca' }).waitFor();
    await pageTitle(page, 'Datos de quien responde');
    await type(page, 'resp_cargo', 'Titular de la Unidad de Transparencia');
    await type(page, 'resp_correo', 'ut@toluca.example');
    await next(page);

    await pageTitle(page, 'Transparencia: acceso a la información');
    await choose(page, 'ai_unidad', 'Sí');
    await choose(page, 'ai_canales', 'Plataforma Nacional de Transparencia');
    await choose(page, 'ai_canales', 'Correo electrónico');
    await choose(page, 'ai_procedimiento', 'Sí');
    await type(page, 'ai_procedimiento_evidencia', 'https://toluca.example/transparencia/solicitudes');
    await choose(page, 'ai_estadisticas', 'No');
    await next(page);

    // The page change saved a draft: a reload resumes on the same page with the answers kept.
    await pageTitle(page, 'Transparencia reactiva y proactiva');
    await page.locator('.save-status', { hasText: /Guardado \d/ }).waitFor();
    await page.reload();
    await pageTitle(page, 'Transparencia reactiva y proactiva');
    await page.getByRole('button', { name: 'Anterior' }).click();
    await pageTitle(page, 'Transparencia: acceso a la información');
    expect(await question(page, 'ai_procedimiento_evidencia').locator('input').inputValue()).toBe(
      'https://toluca.example/transparencia/solicitudes',
    );
    await next(page);

    await pageTitle(page, 'Transparencia reactiva y proactiva');
    await type(page, 'tr_obligaciones_pct', '85');
    await choose(page, 'tr_actualizacion', 'Cada trimestre o más seguido');
    await choose(page, 'tr_portal', 'Sí');
    await type(page, 'tr_portal_evidencia', 'https://toluca.example/transparencia');
    // Answer a follow-up, then hide it: the server clears the hidden answer and says so.
    await choose(page, 'tp_publica', 'Sí');
    await choose(page, 'tp_demanda', 'Solicitudes de información frecuentes');
    await choose(page, 'tp_publica', 'No');
    await question(page, 'tp_demanda').waitFor({ state: 'hidden' });
    await next(page);

    await pageTitle(page, 'Datos abiertos');
    await type(page, 'da_conjuntos', '0');
    await next(page);

    await pageTitle(page, 'Participación: mecanismos y actores');
    await choose(page, 'mec_existe', 'No');
    await next(page);

    // With no participation mechanism the "funcionamiento" page is skipped.
    await pageTitle(page, 'Comentarios');
    await type(page, 'comentarios', 'Respuestas de prueba.');

    // Evidence: a PDF for the verifiable claim "procedimiento", with upload progress.
    const evidence = page.getByRole('region', { name: 'Evidencias' });
    await evidence.getByLabel('Pregunta que respalda').selectOption('ai_procedimiento');
    await evidence
      .getByLabel('Archivo', { exact: true })
      .setInputFiles({ name: 'procedimiento.pdf', mimeType: 'application/pdf', buffer: PDF });
    await evidence.getByRole('button', { name: 'Subir archivo' }).click();
    await evidence.getByText('Se subió «procedimiento.pdf».').waitFor();
    await evidence.locator('.file-name', { hasText: 'procedimiento.pdf' }).waitFor();
    await shot(page, 'respondent-before-submit');

    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    const confirmation = page.getByRole('region', { name: 'Respuestas recibidas' });
    await confirmation.waitFor();
    await confirmation.getByText(/Se registró la versión 1/).waitFor();
    await confirmation.getByText('¿Cómo identificó qué información adicional publicar?').waitFor();
    await shot(page, 'respondent-confirmation');
  }

  it('shows the submitted response at phone width, in English too', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'respondent-phone', async (page) => {
      await page.goto(`${t.url}/responder/${token}`);
      await page.getByText('Respuestas enviadas', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Modificar respuestas' }).waitFor();
      // Nothing wider than the screen: no horizontal scrolling on a phone.
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'respondent-phone', false);
      await page.getByRole('button', { name: /Switch to English/ }).click();
      await page.getByText('Answers submitted', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Amend answers' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await shot(page, 'respondent-phone-en', false);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('shows the answers read-only once the round is closed', async () => {
    const closed = await http.post(`/api/rounds/${roundId}/close`, undefined, { token: staff.adminToken });
    expect(closed.status).toBe(200);
    const s = await openSession(browser);
    await steps(s, 'respondent-closed', async (page) => {
      await page.goto(`${t.url}/responder/${token}`);
      await page.getByText('La ronda está cerrada', { exact: true }).waitFor();
      // Display mode: every page at once, inputs read-only, no submit and no upload.
      await question(page, 'resp_cargo').locator('input').waitFor();
      expect(await question(page, 'resp_cargo').locator('input').isEditable()).toBe(false);
      await question(page, 'comentarios').waitFor();
      expect(await page.getByRole('button', { name: 'Enviar respuestas' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Subir archivo' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Descargar procedimiento.pdf' }).waitFor();
      await shot(page, 'respondent-closed', false);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
