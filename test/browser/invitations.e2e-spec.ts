import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Issue #15, item 2 in the browser: the invitations page of a round — a new link shown once in a
 * dialog with a working copy button, and a revocation (with confirmation) that the table shows at
 * once; the page fits a phone.
 */
describe('browser: invitations per institution', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ tag: 'invbrowser', env: { SERVE_WEB: 'true', PUBLIC_URL: 'http://apertura.test' } });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    const admin = { token: staff.adminToken };
    const csv = [
      'key,name,type,level,cve_ent,cvegeo,email',
      'tol,Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.example',
      'met,Ayuntamiento de Metepec,ayuntamiento,municipal,15,15054,ut@metepec.example',
    ].join('\n');
    expect((await http.post('/api/universe/import', { csv }, admin)).status).toBe(200);
    const [iq, cq] = (await http.post('/api/questionnaires/defaults', undefined, admin)).body.items;
    const created = await http.post(
      '/api/rounds',
      {
        name: 'Ronda de invitaciones',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        institutionQuestionnaireId: iq.id,
        citizenQuestionnaireId: cq.id,
        universeSelection: { cveEnt: ['15'] },
      },
      admin,
    );
    roundId = created.body.id;
    expect((await http.post(`/api/rounds/${roundId}/open`, undefined, admin)).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${t.url}/consola/rondas/${roundId}/invitaciones`);
    await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitaciones — Ronda de invitaciones' }).waitFor();
  }

  it('issues a new link shown once with a copy button, and revokes a link', async () => {
    const s = await openSession(browser);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    await steps(s, 'invitations', async (page) => {
      await signIn(page);
      const toluca = page.getByRole('row', { name: /Ayuntamiento de Toluca/ });
      await toluca.getByText('Por enviar').waitFor();

      // New link: confirm, then the link once, copied to the clipboard.
      await toluca.getByRole('button', { name: 'Nuevo enlace' }).click();
      const confirm = page.getByRole('dialog', { name: 'Emitir un enlace nuevo' });
      await confirm.getByText(/dejará de funcionar de inmediato/).waitFor();
      await confirm.getByRole('button', { name: 'Emitir enlace' }).click();
      const shown = page.getByRole('dialog', { name: 'Enlace nuevo de Ayuntamiento de Toluca' });
      const field = shown.getByLabel('Enlace para responder');
      await field.waitFor();
      const link = await field.inputValue();
      expect(link).toMatch(/^http:\/\/apertura\.test\/responder\/[A-Za-z0-9_-]+$/);
      await shown.getByRole('button', { name: 'Copiar enlace' }).click();
      await shown.getByText('Enlace copiado').waitFor();
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
      await shot(page, 'invitations-new-link');
      await shown.getByRole('button', { name: 'Cerrar' }).click();
      await shown.waitFor({ state: 'hidden' });
      // Shown once: nowhere on the page any more.
      expect(await page.content()).not.toContain(link);
      // The new link works.
      const token = link.split('/').pop() as string;
      expect((await http.post('/api/respond/open', undefined, { invitation: token })).status).toBe(200);
      await page.reload();
      await toluca.getByText('Enlace abierto').waitFor();

      // Revoke with confirmation: the row shows it at once.
      await toluca.getByRole('button', { name: 'Revocar' }).click();
      const revoke = page.getByRole('dialog', { name: 'Revocar el enlace' });
      await revoke.getByRole('button', { name: 'Revocar' }).click();
      await page.getByText('Enlace de Ayuntamiento de Toluca revocado.').waitFor();
      await toluca.getByText('Enlace revocado').waitFor();
      await shot(page, 'invitations-revoked');
      expect((await http.post('/api/respond/open', undefined, { invitation: token })).body.code).toBe('INVALID_TOKEN');

      // Reminder settings are saved from the same page.
      await page.getByLabel('Enviar recordatorios automáticamente').check();
      await page.getByLabel('Días mínimos entre correos').fill('5');
      await page.getByRole('button', { name: 'Guardar recordatorios' }).click();
      await page.getByText('Configuración de recordatorios guardada.').waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    expect(
      (await http.get(`/api/rounds/${roundId}/reminder-settings`, { token: staff.adminToken })).body,
    ).toMatchObject({ enabled: true, minDays: 5 });
  });

  it('edits a reminder text: refused variables explained, saved only after a preview', async () => {
    const s = await openSession(browser);
    await steps(s, 'mail-templates', async (page) => {
      await signIn(page);
      await page.getByRole('link', { name: 'Editar los textos de invitación y recordatorio' }).click();
      await page.getByRole('heading', { level: 1, name: 'Textos de invitación y recordatorio' }).waitFor();
      await page.getByRole('button', { name: 'Recordatorio — Español' }).click();
      const subject = page.getByLabel('Asunto');
      await subject.fill('Falta poco: {{round}} para {{nombre}}');
      await page.getByRole('button', { name: 'Vista previa' }).click();
      await page.getByText(/usa la variable desconocida \{\{nombre\}\}/).waitFor();
      await expect(page.getByRole('button', { name: 'Guardar texto' }).isDisabled()).resolves.toBe(true);

      await subject.fill('Falta poco: {{round}} para {{institution}}');
      await page.getByRole('button', { name: 'Vista previa' }).click();
      await page.getByText('Asunto: Falta poco: Diagnóstico de apertura 2026 para Ayuntamiento de Ejemplo').waitFor();
      await page
        .frameLocator('iframe[title="Vista previa del correo"]')
        .getByText('Continuar el cuestionario')
        .waitFor();
      await shot(page, 'mail-templates-preview');
      await page.getByRole('button', { name: 'Guardar texto' }).click();
      await page.getByText('Texto propio').waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    const saved = (await http.get('/api/mail/templates', { token: staff.adminToken })).body.items.find(
      (i: { kind: string; locale: string }) => i.kind === 'reminder' && i.locale === 'es',
    );
    expect(saved).toMatchObject({ custom: true, subject: 'Falta poco: {{round}} para {{institution}}' });
  });

  it('fits a phone: one card per institution, no sideways scrolling', async () => {
    const s = await openSession(browser, { width: 375, height: 740 });
    await steps(s, 'invitations-phone', async (page) => {
      await signIn(page);
      await page
        .getByRole('row', { name: /Ayuntamiento de Metepec/ })
        .getByRole('button', { name: 'Revocar' })
        .waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, 'invitations-phone');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('shows the reminder settings read-only, with a note, once the round is published', async () => {
    // Last test: the round's status is set directly (publishing needs a computed metric, beside the point here).
    await t.ds.query(
      `UPDATE round SET status = 'published', closed_at = now(), published_at = now(), closes_at = now() WHERE id = $1`,
      [roundId],
    );
    const s = await openSession(browser);
    await steps(s, 'invitations-published', async (page) => {
      await signIn(page);
      const section = page.getByRole('region', { name: 'Recordatorios programados' });
      await section.getByText('La ronda ya no está abierta: no se envían más recordatorios.').waitFor();
      await section.getByTestId('reminder-summary').waitFor();
      expect(await section.getByRole('button', { name: 'Guardar recordatorios' }).count()).toBe(0);
      expect(await section.getByLabel('Enviar recordatorios automáticamente').count()).toBe(0);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
