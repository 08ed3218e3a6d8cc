import { randomBytes } from 'crypto';
import type { Browser, Page } from 'playwright-core';
import { deriveToken } from '@apertura/config';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, userIdByEmail, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { seedDefaultQuestionnaires, seedInstitution, seedInvitation, seedOpenRound } from '../support/seed';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@naucalpan.example',
  ai_unidad: true,
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://naucalpan.example/procedimiento',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://naucalpan.example/estadisticas',
  tr_portal: true,
};

/**
 * Right of reply in the browser (issue #13): the institution disputes a refutation from its respond
 * link on a phone (text, link, file; never sees who validated), the dispute appears in the guarantor
 * admin's queue, the admin overturns it with a reason, and the institution sees the decision.
 */
describe('browser: right of reply (respond link → guarantor queue → decision)', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;
  let invitation: string;
  let pseudonym: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' }, tag: 'secc' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    const { institution: qi, citizen: qc } = await seedDefaultQuestionnaires(t.ds, staff.guarantorId, {
      institution: 'autoevaluacion',
      citizen: 'ciudadano',
    });
    const institutionId = await seedInstitution(t.ds, staff.guarantorId, {
      key: 'naucalpan',
      name: 'Ayuntamiento de Naucalpan de Juárez',
      cvegeo: '15057',
      email: 'ut@naucalpan.example',
    });
    roundId = await seedOpenRound(t.ds, staff.guarantorId, {
      institutionQuestionnaireId: qi,
      citizenQuestionnaireId: qc,
      institutionIds: [institutionId],
      name: 'Réplica 2026',
      validationOpen: true,
    });
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, draft, submitted_at)
       VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, $4::jsonb, now())`,
      [roundId, institutionId, qi, JSON.stringify(SELF_REPORT)],
    );
    invitation = await seedInvitation(t.ds, t.env.TOKEN_SECRET, roundId, institutionId, { sent: true });

    // A validator refutes one claim through the API; the notice is marked as sent (the mail itself is tested elsewhere).
    const email = `valeria-${randomBytes(3).toString('hex')}@example.org`;
    const reg = await http.post('/api/citizens/register', {
      email,
      password: TEST_PASSWORD,
      displayName: 'Valeria Secreta',
      consent: true,
      privacyNoticeVersion: '2025-01',
    });
    expect(reg.status).toBe(202);
    const userId = await userIdByEmail(t.ds, email);
    const [ver] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [userId]);
    await http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', ver.id) });
    const token = (await http.post('/api/auth/login', { email, password: TEST_PASSWORD })).body.accessToken;
    [{ pseudonym }] = await t.ds.query('SELECT pseudonym FROM validator_profile WHERE user_id = $1', [userId]);
    const assignment = (await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, { token })).body.items[0].id;
    const put = await http.put(
      `/api/citizens/assignments/${assignment}/verdicts/ai_procedimiento`,
      {
        verdict: 'refuted',
        comment: 'El enlace del procedimiento lleva a una página vacía.',
        evidenceUrl: 'https://archivo.example/captura-vacia',
      },
      { token },
    );
    expect(put.status).toBe(200);
    await t.ds.query(
      `UPDATE verdict SET notice_queued_at = now(), notified_at = now() WHERE round_id = $1 AND verdict = 'refuted'`,
      [roundId],
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signIn = async (page: Page, path: string, heading: string): Promise<void> => {
    await page.goto(`${t.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  it('the institution disputes on a phone; the admin sees it in the queue and overturns it; the institution sees the decision', async () => {
    const phone = await openSession(browser, { width: 390, height: 844 });
    await steps(phone, 'reply-institution', async (page) => {
      await page.goto(`${t.url}/responder/${invitation}`);
      const section = page.getByRole('region', { name: 'Réplica' });
      const claim = section.getByRole('article');
      await claim.getByText('Pendiente: aún no cuenta').waitFor();
      await claim.getByText('El enlace del procedimiento lleva a una página vacía.').waitFor();
      await claim.getByRole('link', { name: 'https://archivo.example/captura-vacia' }).waitFor();
      await claim.getByText(/^Plazo para impugnar: hasta el/).waitFor();
      // Never who validated.
      expect(await section.textContent()).not.toContain(pseudonym);
      expect(await page.content()).not.toContain('Valeria');

      // The form's own check first, then a complete dispute with a link and a file.
      await claim.getByRole('button', { name: 'Enviar impugnación' }).click();
      await claim.getByText('Escriba al menos 10 caracteres.').waitFor();
      expect(await claim.getByLabel(/Por qué la refutación es incorrecta/).getAttribute('aria-invalid')).toBe('true');
      await claim
        .getByLabel(/Por qué la refutación es incorrecta/)
        .fill('El procedimiento está publicado en la fracción XX de nuestro portal desde enero.');
      await claim.getByLabel('Enlace de evidencia (opcional)').fill('https://naucalpan.example/fraccion-xx');
      await claim
        .getByLabel('Archivo de evidencia (opcional)')
        .setInputFiles({ name: 'fraccion-xx.pdf', mimeType: 'application/pdf', buffer: PDF });
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'reply-institution-form-phone');
      await claim.getByRole('button', { name: 'Enviar impugnación' }).click();
      await section.getByText('Impugnación enviada. El organismo operador la revisará.').waitFor();
      await claim.getByText('Impugnada: en revisión').waitFor();
      await claim.getByText('El organismo operador aún no resuelve.').waitFor();
      expect(await claim.getByRole('button', { name: 'Enviar impugnación' }).count()).toBe(0);
      // The file joined the response's evidence.
      await page.getByRole('region', { name: 'Evidencia' }).getByText('fraccion-xx.pdf', { exact: true }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'reply-institution-sent-phone');
    });
    expect(phone.problems).toEqual([]);

    const admin = await openSession(browser);
    await steps(admin, 'reply-guarantor', async (page) => {
      await signIn(page, `/consola/rondas/${roundId}`, 'Réplica 2026');
      const settings = page.getByRole('region', { name: 'Derecho de réplica y conflictos de interés' });
      await settings.getByText('10 días').waitFor();
      await settings.getByText('Estos valores quedaron fijos al abrir la ronda.').waitFor();
      await settings.getByRole('link', { name: 'Revisar impugnaciones y validadores atípicos' }).click();
      await page.getByRole('heading', { level: 1, name: 'Réplica: impugnaciones por resolver' }).waitFor();
      const summary = page.getByRole('region', { name: 'Estado de las refutaciones' });
      await summary.getByText('Impugnadas').waitFor();
      const card = page.getByRole('article', { name: /Ayuntamiento de Naucalpan de Juárez/ });
      await card
        .getByText('El procedimiento está publicado en la fracción XX de nuestro portal desde enero.')
        .waitFor();
      await card.getByText(`Validador (seudónimo): ${pseudonym}`).waitFor();
      await card.getByRole('button', { name: /Descargar archivo de la institución/ }).waitFor();
      await page
        .getByRole('region', { name: 'Validadores con tasa de refutación atípica' })
        .getByText('Ninguna persona validadora tiene una tasa de refutación atípica.')
        .waitFor();
      await shot(page, 'reply-guarantor-queue');

      const form = card.getByRole('form');
      await form.getByRole('button', { name: 'Registrar resolución' }).click();
      await form.getByText('Elija confirmar o revocar.').waitFor();
      await form.getByRole('radio', { name: 'Revocar la refutación (no cuenta)' }).check();
      await form
        .getByLabel(/Motivo de la resolución/)
        .fill('La fracción XX muestra el procedimiento desde enero; la captura del validador es anterior.');
      await form.getByRole('button', { name: 'Registrar resolución' }).click();
      await page.getByText('Resolución registrada.').waitFor();
      await page.getByText('No hay impugnaciones por resolver.').waitFor();
      await page.getByRole('button', { name: 'Resueltas' }).click();
      await page.getByText(/Resuelta el .*: refutación revocada/).waitFor();
      await shot(page, 'reply-guarantor-decided');
    });
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const [dispute] = await t.ds.query('SELECT status, decision_reason FROM verdict_dispute WHERE round_id = $1', [
      roundId,
    ]);
    expect(dispute).toMatchObject({ status: 'overturned', decision_reason: expect.stringContaining('fracción XX') });

    await steps(phone, 'reply-institution-decided', async (page) => {
      await page.reload();
      const claim = page.getByRole('region', { name: 'Réplica' }).getByRole('article');
      await claim.getByText('Revocada: no cuenta').waitFor();
      await claim.getByText('El organismo operador revocó la refutación.').waitFor();
      await claim.getByText(/la captura del validador es anterior/).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'reply-institution-decided-phone');
    });
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('the admin edits the reply window and the conflict cap of a draft round', async () => {
    const [q] = await t.ds.query(
      `SELECT institution_questionnaire_id AS qi, citizen_questionnaire_id AS qc FROM round WHERE id = $1`,
      [roundId],
    );
    const draft = await http.post(
      '/api/rounds',
      {
        name: 'Borrador 2027',
        opensAt: new Date(Date.now() + 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        institutionQuestionnaireId: q.qi,
        citizenQuestionnaireId: q.qc,
      },
      { token: staff.adminToken },
    );
    expect(draft.status).toBe(201);
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'reply-settings', async (page) => {
      await signIn(page, `/consola/rondas/${draft.body.id}`, 'Borrador 2027');
      const section = page.getByRole('region', { name: 'Derecho de réplica y conflictos de interés' });
      const days = section.getByLabel('Plazo de réplica (días)');
      await days.fill('0');
      await section.getByRole('button', { name: 'Guardar plazos' }).click();
      await section.getByText('Escriba un número entero entre 1 y 90.').waitFor();
      await days.fill('15');
      await section.getByLabel('Máximo de conflictos de interés por persona validadora').fill('3');
      await section.getByRole('button', { name: 'Guardar plazos' }).click();
      await section.getByText('Plazos guardados.').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'reply-settings-draft-phone');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    expect((await http.get(`/api/rounds/${draft.body.id}/due-process`, { token: staff.adminToken })).body).toEqual({
      replyWindowDays: 15,
      maxConflicts: 3,
    });
  });
});
