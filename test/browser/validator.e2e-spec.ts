import type { Browser, Page } from 'playwright-core';
import { deriveToken } from '@apertura/config';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, type Staff } from '../support/fixtures';
import { client, type Client, type HttpResult, type ResponseJson } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

const DAY = 86_400_000;
const EMAIL = 'ana.validadora@example.org';
const PASSWORD = 'una frase larga y secreta';

/** A complete, valid self-report for the default institution questionnaire. */
const SELF_REPORT = {
  resp_cargo: 'Titular de la Unidad de Transparencia',
  resp_correo: 'ut@toluca.example',
  ai_unidad: true,
  ai_canales: ['pnt'],
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://toluca.example/solicitudes',
  ai_estadisticas: 'no',
  tr_obligaciones_pct: 80,
  tr_actualizacion: 'anual',
  tr_portal: false,
  tp_publica: false,
  da_conjuntos: 0,
  mec_existe: false,
};

describe('browser: a citizen registers, verifies and validates an institution', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
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
      'name,type,level,cve_ent,cvegeo,email,key\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.example,toluca\n';
    await must(
      'import',
      http.post('/api/universe/import', undefined, { ...auth, raw: csv, headers: { 'content-type': 'text/csv' } }),
    );
    const round = await must(
      'round',
      http.post(
        '/api/rounds',
        {
          name: 'Diagnóstico ciudadano',
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
    const invitation = (await must('invitations', http.get(`/api/rounds/${roundId}/invitations`, auth))).items[0];
    const token = deriveToken(t.env.TOKEN_SECRET, 'invitation', invitation.invitationId);
    await must(
      'self-report',
      http.post(
        '/api/respond/submit',
        { data: SELF_REPORT, idempotencyKey: 'browser-validator-1' },
        { invitation: token },
      ),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const verificationLink = async (): Promise<string> => {
    const [row] = await t.ds.query(
      `SELECT v.id FROM email_verification v JOIN app_user u ON u.id = v.user_id WHERE u.email = $1 ORDER BY v.created_at DESC LIMIT 1`,
      [EMAIL],
    );
    return `/verificar/${deriveToken(t.env.TOKEN_SECRET, 'verify', row.id)}`;
  };

  async function register(page: Page): Promise<void> {
    await page.goto(`${t.url}/registro`);
    await page.getByRole('heading', { level: 1, name: 'Registro de personas validadoras' }).waitFor();
    // Consent is required: the form says so and sends nothing.
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Para registrarse debe aceptar el aviso de privacidad.').waitFor();
    await page.getByLabel('Correo electrónico').fill(EMAIL);
    await page.getByLabel('Contraseña').fill(PASSWORD);
    await page.getByLabel('Estado').selectOption({ label: 'México' });
    await page.getByLabel('Municipio', { exact: true }).selectOption({ label: 'Toluca' });
    await page.getByRole('checkbox', { name: /acepto el tratamiento de mis datos/ }).check();
    await shot(page, 'validator-register');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();
  }

  it('registers, verifies the e-mail, signs in, takes an assignment, gives a verdict and a report', async () => {
    const s = await openSession(browser);
    await steps(s, 'validator', async (page) => {
      await register(page);
      await page.goto(`${t.url}${await verificationLink()}`);
      await page.getByText('Correo verificado').waitFor();
      // The link signed the validator in (issue #15 item 5): no sign-in form on the way.
      await page.getByText('Su cuenta está activa y ya inició sesión.').waitFor();
      await page.getByRole('link', { name: 'Continuar a validación ciudadana' }).click();
      await page.getByRole('heading', { level: 1, name: 'Validación ciudadana' }).waitFor();

      await page.getByRole('heading', { name: 'Diagnóstico ciudadano' }).waitFor();
      await page.getByRole('button', { name: 'Pedir asignaciones' }).click();
      await page.getByText('Se le asignaron 1 institución(es).').waitFor();
      await shot(page, 'validator-home');
      await page.getByRole('link', { name: 'Ayuntamiento de Toluca' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Toluca' }).waitFor();

      const claim = page.getByRole('article', { name: /procedimiento para presentar una solicitud/ });
      await claim.getByText('https://toluca.example/solicitudes').waitFor();
      await claim.getByText('Confirmado', { exact: true }).click();
      await claim
        .getByLabel('Enlace a su evidencia (opcional)')
        .fill('https://toluca.example/solicitudes#procedimiento');
      await claim.getByLabel('Comentario (opcional)').fill('El procedimiento está publicado.');
      // Issue #16: one "Guardar todo" for every verdict of the assignment.
      await page.getByText('1 dictamen(es) con cambios sin guardar').waitFor();
      await page.getByRole('button', { name: 'Guardar todo' }).click();
      await page.getByText('Se guardaron 1 dictamen(es).').waitFor();
      await claim.getByText(/^Guardado \d/).waitFor();

      const report = page.locator('.survey-frame');
      await report
        .locator('[data-name="tipo_gestion"]')
        .getByText('Presenté una propuesta, queja o sugerencia', { exact: true })
        .click();
      await report.getByRole('button', { name: 'Siguiente' }).click();
      await report.locator('[data-name="pc_medio"]').getByText('No encontré ninguno', { exact: true }).click();
      await report.getByRole('button', { name: 'Siguiente' }).click();
      await report.getByRole('button', { name: 'Guardar reporte' }).click();
      await page.getByText(/^Reporte guardado/).waitFor();
      await shot(page, 'validator-assignment');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const [row] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM verdict) AS verdicts, (SELECT count(*)::int FROM citizen_report) AS reports,
              (SELECT email_verified_at IS NOT NULL FROM app_user WHERE email = $1) AS verified`,
      [EMAIL],
    );
    expect(row).toEqual({ verdicts: 1, reports: 1, verified: true });
  });

  it('shows the privacy notice linked from the registration form', async () => {
    const s = await openSession(browser, { width: 360, height: 740 });
    await steps(s, 'privacy', async (page) => {
      await page.goto(`${t.url}/aviso-de-privacidad`);
      await page.getByRole('heading', { level: 1, name: /Aviso de privacidad integral/ }).waitFor();
      await page.getByRole('heading', { name: '8. Derechos ARCO y revocación del consentimiento' }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(360);
      await shot(page, 'privacy-phone', false);
    });
    await s.context.close();
  });
});
