import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { deriveToken } from '../../apps/api/src/auth/tokens';
import { webDistPath } from '../../apps/api/src/bootstrap';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
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
    if (!webDistPath()) throw new Error('apps/web/dist is missing: run `npm run build:web` first.');
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    const auth = { token: staff.adminToken };
    const defaults = await http.post('/api/questionnaires/defaults', undefined, auth);
    if (defaults.status >= 300) throw new Error(`defaults: ${JSON.stringify(defaults.body)}`);
    const q = (kind: string) => defaults.body.items.find((i: { kind: string }) => i.kind === kind).id;
    const imported = await http.post('/api/universe/import', undefined, { ...auth, raw: CSV, headers: { 'content-type': 'text/csv' } });
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
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A SurveyJS question by name (survey-core renders `data-name` on each question). */
  const question = (page: Page, name: string) => page.locator(`[data-name="${name}"]`);
  /** Clicks the visible label of a choice, boolean side, radio or checkbox item. */
  const choose = (page: Page, name: string, text: string) => question(page, name).getByText(text, { exact: true }).click();
  const next = (page: Page) => page.getByRole('button', { name: 'Siguiente' }).click();
  const pageTitle = (page: Page, title: string) => page.locator('.sd-page__title', { hasText: title }).waitFor();

  it('fills the default questionnaire, resumes after a reload, attaches evidence and submits version 1', async () => {
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${t.url}/responder/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Toluca' }).waitFor();
    await pageTitle(page, 'Datos de quien responde');
    await page.getByLabel(/Cargo de la persona/).fill('Titular de la Unidad de Transparencia');
    await page.getByLabel(/Correo electrónico institucional/).fill('ut@toluca.example');
    await next(page);

    await pageTitle(page, 'Transparencia: acceso a la información');
    await choose(page, 'ai_unidad', 'Sí');
    await choose(page, 'ai_canales', 'Plataforma Nacional de Transparencia');
    await choose(page, 'ai_canales', 'Correo electrónico');
    await choose(page, 'ai_procedimiento', 'Sí');
    await question(page, 'ai_procedimiento_evidencia').locator('input').fill('https://toluca.example/transparencia/solicitudes');
    await choose(page, 'ai_estadisticas', 'No');
    await next(page);

    // The page change saved a draft: a reload resumes on the same page with the answers kept.
    await pageTitle(page, 'Transparencia reactiva y proactiva');
    await page.locator('.save-status', { hasText: /Guardado \d/ }).waitFor();
    await page.reload();
    await pageTitle(page, 'Transparencia reactiva y proactiva');
    await page.getByRole('button', { name: 'Anterior' }).click();
    await pageTitle(page, 'Transparencia: acceso a la información');
    expect(await question(page, 'ai_procedimiento_evidencia').locator('input').inputValue()).toBe('https://toluca.example/transparencia/solicitudes');
    await next(page);

    await pageTitle(page, 'Transparencia reactiva y proactiva');
    await question(page, 'tr_obligaciones_pct').locator('input').fill('85');
    await choose(page, 'tr_actualizacion', 'Cada trimestre o más seguido');
    await choose(page, 'tr_portal', 'Sí');
    await question(page, 'tr_portal_evidencia').locator('input').fill('https://toluca.example/transparencia');
    // Answer a follow-up, then hide it: the server clears the hidden answer and says so.
    await choose(page, 'tp_publica', 'Sí');
    await choose(page, 'tp_demanda', 'Solicitudes de información frecuentes');
    await choose(page, 'tp_publica', 'No');
    await question(page, 'tp_demanda').waitFor({ state: 'hidden' });
    await next(page);

    await pageTitle(page, 'Datos abiertos');
    await question(page, 'da_conjuntos').locator('input').fill('0');
    await next(page);

    await pageTitle(page, 'Participación: mecanismos y actores');
    await choose(page, 'mec_existe', 'No');
    await next(page);

    // With no participation mechanism the "funcionamiento" page is skipped.
    await pageTitle(page, 'Comentarios');
    await question(page, 'comentarios').locator('textarea').fill('Respuestas de prueba.');

    // Evidence: a PDF for the verifiable claim "procedimiento", with upload progress.
    const evidence = page.getByRole('region', { name: 'Evidencias' });
    await evidence.getByLabel('Pregunta que respalda').selectOption('ai_procedimiento');
    await evidence.getByLabel('Archivo', { exact: true }).setInputFiles({ name: 'procedimiento.pdf', mimeType: 'application/pdf', buffer: PDF });
    await evidence.getByRole('button', { name: 'Subir archivo' }).click();
    await evidence.getByText('Se subió «procedimiento.pdf».').waitFor();
    await evidence.locator('.file-list').getByText('procedimiento.pdf').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'respondent-before-submit.png'), fullPage: true });

    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    const confirmation = page.getByRole('region', { name: 'Respuestas recibidas' });
    await confirmation.waitFor();
    await confirmation.getByText(/Se registró la versión 1/).waitFor();
    await confirmation.getByText('¿Cómo identificó qué información adicional publicar?').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'respondent-confirmation.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    // The API has the submission as version 1, without the hidden answer, and the evidence file.
    const stored = await http.get(`/api/rounds/${roundId}/responses/${institutionId}`, { token: staff.adminToken });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ status: 'submitted', version: 1 });
    expect(stored.body.data).toMatchObject({
      resp_cargo: 'Titular de la Unidad de Transparencia',
      ai_unidad: true,
      ai_canales: ['pnt', 'correo'],
      ai_procedimiento_evidencia: 'https://toluca.example/transparencia/solicitudes',
      tr_obligaciones_pct: 85,
      tp_publica: false,
      mec_existe: false,
    });
    expect(stored.body.data).not.toHaveProperty('tp_demanda');
    expect(stored.body.versions).toEqual([expect.objectContaining({ version: 1, cleared: ['tp_demanda'] })]);
    expect(stored.body.evidence).toEqual([expect.objectContaining({ questionName: 'ai_procedimiento', filename: 'procedimiento.pdf', mimeType: 'application/pdf' })]);
  });

  it('shows the submitted response at phone width, in English too', async () => {
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${t.url}/responder/${token}`);
    await page.getByText('Respuestas enviadas', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Modificar respuestas' }).waitFor();
    // Nothing wider than the screen: no horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'respondent-phone.png') });
    await page.getByRole('button', { name: /Switch to English/ }).click();
    await page.getByText('Answers submitted', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Amend answers' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: join(ARTIFACTS, 'respondent-phone-en.png') });
    await context.close();
  });
});
