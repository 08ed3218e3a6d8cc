import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'crypto';
import type { Browser, Page } from 'playwright-core';
import { CITIZEN_V1, INSTITUTION_V1 } from '@apertura/questionnaire';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { until } from '../support/metric-helpers';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Issue #18 items 2 and 4 in a real Chromium: an operator (a civil-society team) invites a co-signing
 * organisation from the console; the co-signer activates the account from the mail, reviews the round
 * on a phone, objects with reasons and then approves; the published round shows the operator's kind and
 * every decision with its reasons. Then anyone reports an error from the results page on a phone, the
 * operator closes it with a public reply in the console, and the report's public page shows it.
 */
const PHONE = { width: 390, height: 844 };
const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@example.org',
  ai_unidad: true,
  ai_procedimiento: false,
  ai_estadisticas: 'nunca',
  tr_portal: true,
};

describe('browser: co-signed rounds and public feedback (issue #18)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;
  let institutionId: string;
  const admin = (): { token: string } => ({ token: staff.adminToken });

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({
      tag: 'cosignbrowser',
      env: { SERVE_WEB: 'true', SMTP_URL: '', PUBLIC_URL: 'http://apertura.test' },
    });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    await http.patch('/api/operator', { name: 'Colectivo Datos Abiertos', kind: 'civil_society' }, admin());
    const [{ id: qi }] = await t.ds.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
       VALUES ($1, 'institution', 'autoevaluacion', 1, 'Autoevaluación', $2::jsonb, repeat('a', 64)) RETURNING id`,
      [staff.guarantorId, JSON.stringify(INSTITUTION_V1)],
    );
    const [{ id: qc }] = await t.ds.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
       VALUES ($1, 'citizen', 'ciudadano', 1, 'Reporte ciudadano', $2::jsonb, repeat('b', 64)) RETURNING id`,
      [staff.guarantorId, JSON.stringify(CITIZEN_V1)],
    );
    const [inst] = await t.ds.query(
      `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email) VALUES ($1, $2, 'Ayuntamiento de Toluca', 'ayuntamiento', 'municipal', '15', '15106', 'ut@example.org') RETURNING id`,
      [staff.guarantorId, `k-${randomBytes(4).toString('hex')}`],
    );
    institutionId = inst.id;
    const [r] = await t.ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at, closed_at, cosign_quorum)
       VALUES ($1, 'Diagnóstico 2026', 'closed', now() - interval '30 days', now() - interval '1 day', $2, $3, now() - interval '30 days', now() - interval '1 day', 1) RETURNING id`,
      [staff.guarantorId, qi, qc],
    );
    roundId = r.id;
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [
      roundId,
      institutionId,
    ]);
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at) VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
      [roundId, institutionId, qi, JSON.stringify(SELF_REPORT)],
    );
    const run = await http.post<{ runId: string }>(`/api/rounds/${roundId}/recompute`, undefined, admin());
    await until(
      () => http.get<{ status: string }>(`/api/rounds/${roundId}/recompute/${run.body.runId}`, admin()),
      (x) => x.body.status === 'done',
      'rebuild',
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${t.url}/ingresar`);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
  }

  it('an invited organisation reviews on a phone, objects with reasons, approves; the public page shows it all', async () => {
    const operator = await openSession(browser);
    await steps(operator, 'cosign-invite', async (page) => {
      await signIn(page, staff.adminEmail);
      await page.goto(`${t.url}/consola/rondas/${roundId}`);
      await page.getByRole('link', { name: 'Co-firma de la ronda' }).click();
      await page.getByRole('heading', { level: 1, name: 'Co-firma de la ronda' }).waitFor();
      await page.getByTestId('quorum-status').getByText('Aprobaciones vigentes: 0 de 1.').waitFor();
      await page.getByLabel(/Nombre de la organización/).fill('Observatorio Universitario');
      await page.getByLabel('Tipo').selectOption({ label: 'Academia' });
      await page.getByLabel(/Correo de contacto/).fill('revision@observatorio.example');
      await page.getByRole('button', { name: 'Enviar invitación' }).click();
      await page.getByText('Se envió la invitación a revision@observatorio.example.').waitFor();
      await page.getByTestId('cosigner').getByText('Observatorio Universitario').waitFor();
      await shot(page, 'cosign-console');
    });
    const captured = await until(
      async () => (await http.get('/api/mail/captured', admin())).body,
      (b) => b.items?.some((m: { to: string[] }) => m.to.includes('revision@observatorio.example')),
      'the co-sign invitation',
    );
    const mail = captured.items.find((m: { to: string[] }) => m.to.includes('revision@observatorio.example'));
    const link = (mail.links[0] as string).replace('http://apertura.test', t.url);

    const cosigner = await openSession(browser, PHONE);
    await steps(cosigner, 'cosign-review', async (page) => {
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Active su cuenta' }).waitFor();
      await page.getByLabel(/^Contraseña/).fill(TEST_PASSWORD);
      await page.getByLabel('Repita la contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Activar mi cuenta' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rondas para co-firmar' }).waitFor();
      await page.getByRole('link', { name: 'Diagnóstico 2026' }).click();
      await page.getByRole('heading', { level: 1, name: /Revisión de co-firma/ }).waitFor();
      await page
        .getByTestId('operator-line')
        .getByText(/Colectivo Datos Abiertos \(Organización de la sociedad civil\)/)
        .waitFor();
      await page.getByText('Estado de su organización: Sin decisión.').waitFor();
      // An objection needs its reasons, said before anything is sent.
      await page.getByLabel('Objetar').check();
      await page.getByRole('button', { name: 'Registrar decisión' }).click();
      await page.getByText('Explique las razones de la objeción.').waitFor();
      await page.getByLabel('Razones').fill('El umbral de cobertura no está justificado en la nota metodológica.');
      await page.getByRole('button', { name: 'Registrar decisión' }).click();
      await page.getByText('Estado de su organización: Objetó.').waitFor();
      await page.getByLabel('Aprobar').check();
      await page.getByLabel('Razones').fill('La nota metodológica ya explica el umbral.');
      await page.getByRole('button', { name: 'Registrar decisión' }).click();
      await page.getByText('Estado de su organización: Aprobó.').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'cosign-review-phone');
    });

    const published = await http.post(`/api/rounds/${roundId}/publish`, { acknowledgeInconclusive: true }, admin());
    expect(published.status).toBe(200);
    await until(
      () => http.get<{ status: string }>(`/api/rounds/${roundId}`, admin()),
      (x) => x.body.status === 'published',
      'publication',
      60_000,
    );

    const visitor = await openSession(browser, PHONE);
    await steps(visitor, 'cosign-public', async (page) => {
      await page.goto(`${t.url}/resultados/${roundId}`);
      const record = page.getByTestId('cosign-record');
      await record.getByRole('heading', { name: 'Co-firmas' }).waitFor();
      await record
        .getByText('Ronda a cargo de Colectivo Datos Abiertos (Organización de la sociedad civil).')
        .waitFor();
      await record.getByText(/Aprobaciones vigentes: 1\./).waitFor();
      await record.getByText('El umbral de cobertura no está justificado en la nota metodológica.').waitFor();
      await record.getByText('La nota metodológica ya explica el umbral.').waitFor();
      expect(await record.getByTestId('cosign-decision').count()).toBe(2);
      expect(await page.content()).not.toContain('revision@observatorio.example');
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'cosign-public-phone');
    });
    for (const s of [operator, cosigner, visitor]) {
      expect(s.problems).toEqual([]);
      await s.context.close();
    }
  }, 180_000);

  it('anyone reports an error on a phone; the operator replies in the console; the public status shows it', async () => {
    const visitor = await openSession(browser, PHONE);
    let statusUrl = '';
    await steps(visitor, 'feedback-report', async (page) => {
      await page.goto(`${t.url}/resultados/${roundId}/instituciones/${institutionId}`);
      await page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Toluca' }).waitFor();
      await page.getByTestId('report-link').click();
      await page.getByRole('heading', { level: 1, name: 'Reportar un error' }).waitFor();
      await page.getByLabel('¿Qué es incorrecto?').selectOption({ label: 'Un enlace de evidencia' });
      await page.getByLabel(/^Cuál/).fill('https://transparencia.example/acta-2019.pdf');
      await page.getByLabel(/^Descripción/).fill('corto');
      await page.getByRole('button', { name: 'Enviar reporte' }).click();
      await page.getByText('Escriba al menos 10 caracteres.').waitFor();
      await page.getByLabel(/^Descripción/).fill('El acta enlazada es de 2019, no del periodo evaluado.');
      await page.getByLabel(/^Correo de contacto/).fill('vecina@example.org');
      await page.getByRole('button', { name: 'Enviar reporte' }).click();
      await page.getByText('Recibimos su reporte. Guarde esta dirección para consultar su estado.').waitFor();
      await page.getByTestId('report-status').getByText('Abierto').waitFor();
      await page.getByText('Institución: Ayuntamiento de Toluca').waitFor();
      expect(await page.content()).not.toContain('vecina@example.org');
      expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      statusUrl = page.url().replace(/\?.*$/, '');
      await shot(page, 'feedback-status-phone');
    });

    const operator = await openSession(browser);
    await steps(operator, 'feedback-triage', async (page) => {
      await signIn(page, staff.adminEmail);
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Reportes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reportes de errores' }).waitFor();
      const card = page.getByTestId('report-card').filter({ hasText: 'acta enlazada es de 2019' });
      await card.getByText('Contacto (privado): vecina@example.org').waitFor();
      await card.getByRole('button', { name: 'Corregido' }).click();
      await card.getByText(/Para cerrar un reporte escriba una respuesta pública/).waitFor();
      await card.getByLabel('Respuesta pública').fill('Se reemplazó la evidencia por el acta de 2026.');
      await card.getByRole('button', { name: 'Corregido' }).click();
      await page.getByText('Se actualizó el reporte.').waitFor();
      await shot(page, 'feedback-queue');
    });

    await steps(visitor, 'feedback-status', async (page) => {
      await page.goto(statusUrl);
      await page.getByTestId('report-status').getByText('Corregido').waitFor();
      await page.getByTestId('report-reply').getByText('Se reemplazó la evidencia por el acta de 2026.').waitFor();
      expect(await page.content()).not.toContain('vecina@example.org');
    });
    for (const s of [visitor, operator]) {
      expect(s.problems).toEqual([]);
      await s.context.close();
    }
  }, 120_000);
});
