import type { Browser } from 'playwright-core';
import { deriveToken } from '@apertura/config';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, userIdByEmail, type Staff } from '../support/fixtures';
import { client, type Client, type HttpResult, type ResponseJson } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

const DAY = 86_400_000;
const EMAIL = 'vale.telefono@example.org';
const PHONE = { width: 360, height: 740 };

/** Answers three verifiable claims (ai_procedimiento, ai_estadisticas, tr_portal). */
const SELF_REPORT = {
  resp_cargo: 'Titular de la Unidad de Transparencia',
  resp_correo: 'ut@toluca.example',
  ai_unidad: true,
  ai_canales: ['pnt'],
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://toluca.example/solicitudes',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://toluca.example/estadisticas',
  tr_obligaciones_pct: 80,
  tr_actualizacion: 'anual',
  tr_portal: true,
  tr_portal_evidencia: 'https://toluca.example/portal',
  tp_publica: false,
  da_conjuntos: 0,
  mec_existe: false,
};

/**
 * Issue #16 in real Chromium at phone width: a validator with an assignment of several claims gives
 * every verdict and saves them with one "Guardar todo" (a bad link is flagged on its own claim and
 * nothing is saved; drafts survive a reload); the citizen-report-only task is labelled; the history
 * page lists the work.
 */
describe('browser (phone): several verdicts saved with one button, and the history page', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ tag: 'vworkbrowser', env: { SERVE_WEB: 'true' } });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    const auth = { token: staff.adminToken };
    const must = async (what: string, p: Promise<HttpResult<ResponseJson>>) => {
      const r = await p;
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const defaults = await must('defaults', http.post('/api/questionnaires/defaults', undefined, auth));
    const q = (kind: string) => defaults.items.find((i: { kind: string }) => i.kind === kind).id;
    const csv =
      'name,type,level,cve_ent,cvegeo,email,key\n' +
      'Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.example,toluca\n' +
      'DIF Metepec,organismo,municipal,15,15054,ut@difmetepec.example,difmetepec\n';
    await must(
      'import',
      http.post('/api/universe/import', undefined, { ...auth, raw: csv, headers: { 'content-type': 'text/csv' } }),
    );
    const round = await must(
      'round',
      http.post(
        '/api/rounds',
        {
          name: 'Diagnóstico en el teléfono',
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
          institutionQuestionnaireId: q('institution'),
          citizenQuestionnaireId: q('citizen'),
        },
        auth,
      ),
    );
    roundId = round.id;
    await must('open', http.post(`/api/rounds/${roundId}/open`, undefined, auth));
    await must('validation', http.post(`/api/rounds/${roundId}/validation/open`, undefined, auth));
    const invitations = (await must('invitations', http.get(`/api/rounds/${roundId}/invitations`, auth))).items;
    const toluca = invitations.find(
      (i: { institutionName?: string; institution?: { name: string } }) =>
        (i.institutionName ?? i.institution?.name) === 'Ayuntamiento de Toluca',
    );
    const token = deriveToken(t.env.TOKEN_SECRET, 'invitation', (toluca ?? invitations[0]).invitationId);
    await must(
      'self-report',
      http.post('/api/respond/submit', { data: SELF_REPORT, idempotencyKey: 'browser-vwork-1' }, { invitation: token }),
    );
    // A verified validator (registration and verification are covered by validator.e2e-spec.ts).
    await must(
      'register',
      http.post('/api/citizens/register', {
        email: EMAIL,
        password: TEST_PASSWORD,
        displayName: 'Vale',
        consent: true,
        privacyNoticeVersion: '2025-01',
      }),
    );
    const id = await userIdByEmail(t.ds, EMAIL);
    const [row] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [id]);
    await must(
      'verify',
      http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', row.id) }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('saves several verdicts with one button, keeps drafts, labels the report-only task, and shows the history', async () => {
    const s = await openSession(browser, PHONE);
    await steps(s, 'validator-work', async (page) => {
      await page.goto(`${t.url}/ingresar`);
      await page.getByLabel('Correo electrónico').fill(EMAIL);
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar', exact: true }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/ingresar'));
      await page.goto(`${t.url}/validador`);
      await page.getByRole('heading', { level: 1, name: 'Validación ciudadana' }).waitFor();
      await page.getByRole('heading', { name: 'Diagnóstico en el teléfono' }).waitFor();
      await page.getByRole('button', { name: 'Pedir asignaciones' }).click();
      await page.getByText('Se le asignaron 2 institución(es).').waitFor();
      // The institution without a self-report is a labelled citizen-report-only task, never "0 de 0 dictámenes".
      const difRow = page.getByRole('listitem').filter({ hasText: 'DIF Metepec' });
      await difRow.getByText('Solo reporte ciudadano').waitFor();
      expect(await page.getByText(/0 de 0 dictámenes/).count()).toBe(0);
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'validator-work-home-phone');

      await page.getByRole('link', { name: 'Ayuntamiento de Toluca' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Toluca' }).waitFor();
      const claims = page.locator('article.claim').filter({ has: page.getByRole('group', { name: 'Su dictamen' }) });
      expect(await claims.count()).toBe(3);
      await claims.nth(0).getByText('Confirmado', { exact: true }).click();
      await claims.nth(1).getByText('Refutado', { exact: true }).click();
      await claims.nth(1).getByLabel('Comentario (opcional)').fill('No encontré la estadística publicada.');
      await claims.nth(2).getByText('No verificable', { exact: true }).click();
      await claims.nth(2).getByLabel('Enlace a su evidencia (opcional)').fill('https://toluca.example/portal#');
      await page.getByText('3 dictamen(es) con cambios sin guardar').waitFor();

      // Drafts survive a reload on this device.
      await page.reload();
      await page.getByText('Recuperamos los cambios que no había guardado en este dispositivo.').waitFor();
      await page.getByText('3 dictamen(es) con cambios sin guardar').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'validator-work-claims-phone');

      await page.getByRole('button', { name: 'Guardar todo' }).click();
      await page.getByText('Se guardaron 3 dictamen(es).').waitFor();
      await page.getByText('Todo guardado').waitFor();
      await page.getByText('3 de 3 dictámenes; reporte: No').waitFor();
      await shot(page, 'validator-work-saved-phone');

      await page.goto(`${t.url}/validador/historial`);
      await page.getByRole('heading', { level: 1, name: 'Mi historial de validación' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /Diagnóstico en el teléfono/ }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: 'Ayuntamiento de Toluca' });
      await item.getByText('Dictámenes: 1 confirmadas, 1 refutadas, 1 no verificables (de 3)').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'DIF Metepec' }).getByText('Solo reporte ciudadano').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'validator-work-history-phone');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    const [row] = await t.ds.query(
      `SELECT count(*)::int AS n FROM verdict v JOIN app_user u ON u.id = v.validator_id WHERE u.email = $1`,
      [EMAIL],
    );
    expect(row.n).toBe(3);
  });
});
