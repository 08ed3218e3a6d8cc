import { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { deriveToken } from '@apertura/config';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, userIdByEmail, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Issue #15, item 5 in a real Chromium: the session is an httpOnly cookie, so a new tab is still signed
 * in (and no script can read the token); an admin invites an analyst from «Personas», the link arrives
 * in the development mail catcher, the analyst activates the account and lands signed in; deactivating
 * the analyst ends that session; the audit log shows it, filtered; the pages fit a phone.
 */
describe('browser: people, sessions across tabs, audit log', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // No SMTP_URL: the worker's catcher keeps the mail, and «Correo» lists it with its links.
    t = await startTestApp({
      tag: 'peoplebrowser',
      env: { SERVE_WEB: 'true', SMTP_URL: '', PUBLIC_URL: 'http://apertura.test' },
    });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
    await page.goto(`${t.url}/ingresar`);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
  }

  it('a new tab is still signed in; the token is out of reach of scripts; signing out ends it in every tab', async () => {
    const s = await openSession(browser);
    await steps(s, 'people-new-tab', async (page) => {
      await signIn(page, staff.adminEmail);
      const second = await s.context.newPage();
      await second.goto(`${t.url}/consola/universo`);
      await second.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Personas' }).waitFor();
      await second.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Ingresar' }).waitFor();
      expect(second.url()).toBe(`${t.url}/consola/universo`);
      // httpOnly: the page's scripts see neither the cookie nor a token in storage.
      expect(await second.evaluate<string>('document.cookie')).not.toContain('apertura_session');
      const stored = await second.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
      expect(stored).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
      const cookies = await s.context.cookies(t.url);
      expect(cookies.find((c) => c.name === 'apertura_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
      });

      // Sign out in the second tab: the first one, on its next page, asks to sign in again.
      await second.getByRole('button', { name: 'Salir' }).click();
      await second.getByRole('link', { name: 'Ingresar' }).first().waitFor();
      expect((await s.context.cookies(t.url)).some((c) => c.name === 'apertura_session')).toBe(false);
      await page.goto(`${t.url}/consola`);
      await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
      await second.close();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('invites an analyst by mail, who activates the account and lands signed in; deactivation ends their session', async () => {
    const admin = await openSession(browser);
    const invitee = await openSession(browser);
    let link = '';
    await steps(admin, 'people-invite', async (page) => {
      await signIn(page, staff.adminEmail);
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Personas' }).click();
      await page.getByRole('heading', { level: 1, name: 'Personas' }).waitFor();
      // A malformed address is explained before anything is sent.
      await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
      await page.getByRole('button', { name: 'Enviar invitación' }).click();
      await page.getByText('Escriba un correo electrónico válido.').waitFor();
      await page.getByLabel('Correo electrónico').fill('laura.analista@example.org');
      await page.getByLabel('Nombre (opcional)').fill('Laura Analista');
      await page.getByLabel('Rol').selectOption({ label: 'Análisis' });
      await page.getByRole('button', { name: 'Enviar invitación' }).click();
      await page.getByText('Invitación enviada a laura.analista@example.org.', { exact: false }).waitFor();
      const row = page.getByRole('row', { name: /Laura Analista/ });
      await row.getByText('Invitada', { exact: true }).waitFor();
      await shot(page, 'people-invited');

      // The development catcher shows the mail with its link.
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Correo' }).click();
      const mail = page.getByRole('article').filter({ hasText: 'laura.analista@example.org' });
      for (let i = 0; i < 100 && (await mail.count()) === 0; i++) {
        await page.waitForTimeout(200);
        if (i % 10 === 9) await page.reload();
      }
      const href = await mail.getByRole('link', { name: /\/activar\// }).getAttribute('href');
      expect(href).toMatch(/^http:\/\/apertura\.test\/activar\/[A-Za-z0-9_-]+$/);
      link = (href as string).replace('http://apertura.test', t.url);
    });

    await steps(invitee, 'people-activate', async (page) => {
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Active su cuenta' }).waitFor();
      await page.getByText(/le invitó a su equipo en Apertura como Análisis/).waitFor();
      await page.getByLabel(/^Contraseña/).fill(TEST_PASSWORD);
      await page.getByLabel('Repita la contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Activar mi cuenta' }).click();
      // Lands signed in, as an analyst: no «Personas» in the console navigation.
      await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
      expect(
        await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Personas' }).count(),
      ).toBe(0);
    });

    await steps(admin, 'people-deactivate', async (page) => {
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Personas' }).click();
      const row = page.getByRole('row', { name: /Laura Analista/ });
      await row.getByText('Activa', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Desactivar' }).click();
      const dialog = page.getByRole('dialog', { name: 'Desactivar la cuenta' });
      await dialog.getByText(/sus sesiones abiertas se cierran de inmediato/).waitFor();
      await dialog.getByRole('button', { name: 'Desactivar' }).click();
      await page.getByText('La cuenta de Laura Analista está desactivada.').waitFor();
      await row.getByText('Desactivada', { exact: true }).waitFor();
    });

    await steps(invitee, 'people-deactivated', async (page) => {
      // The analyst's next request is refused; the app asks to sign in, and signing in is refused with the reason.
      await page.goto(`${t.url}/consola/correo`);
      await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
      await page.getByLabel('Correo electrónico').fill('laura.analista@example.org');
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByText(/Su cuenta fue desactivada/).waitFor();
    });

    await steps(admin, 'people-audit', async (page) => {
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Bitácora' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bitácora de auditoría' }).waitFor();
      await page.getByRole('row', { name: /Desactivó una cuenta/ }).waitFor();
      await page.getByLabel('Acción').selectOption({ label: 'Invitó a una persona' });
      await page.getByRole('button', { name: 'Filtrar' }).click();
      await page.getByText('1 registro', { exact: true }).waitFor();
      const invited = page.getByRole('row', { name: /Invitó a una persona/ });
      await invited.getByText('Laura Analista').waitFor();
      await shot(page, 'audit-filtered');
      await page.getByLabel('Quién').selectOption({ label: 'Laura Analista (laura.analista@example.org)' });
      await page.getByLabel('Acción').selectOption({ label: 'Cualquier acción' });
      await page.getByRole('button', { name: 'Filtrar' }).click();
      await page.getByRole('row', { name: /Aceptó la invitación al equipo/ }).waitFor();
      expect(await page.getByRole('row', { name: /Desactivó una cuenta/ }).count()).toBe(0);
    });
    expect(admin.problems).toEqual([]);
    expect(invitee.problems.filter((p) => !/401|403/.test(p))).toEqual([]);
    await admin.context.close();
    await invitee.context.close();
  });

  it('every role reaches the password reset from the sign-in form and signs in with the new password', async () => {
    const analyst = 'olvido.analista@example.org';
    expect(
      (
        await http.post(
          '/api/users',
          { email: analyst, password: TEST_PASSWORD, role: 'analyst' },
          { token: staff.adminToken },
        )
      ).status,
    ).toBe(201);
    const validator = 'olvido.validador@example.org';
    expect(
      (
        await http.post('/api/citizens/register', {
          email: validator,
          password: TEST_PASSWORD,
          consent: true,
          privacyNoticeVersion: '2025-01',
        })
      ).status,
    ).toBe(202);
    const NEW_PASSWORD = 'otra frase larga y nueva';
    for (const [email, heading] of [
      [analyst, 'Rondas'],
      [validator, 'Validación ciudadana'],
    ] as const) {
      const s = await openSession(browser, { width: 360, height: 740 });
      await steps(s, `reset-${email.split('@')[0]}`, async (page) => {
        await page.goto(`${t.url}/ingresar`);
        await page.getByRole('link', { name: 'Restablézcala' }).click();
        await page.getByRole('heading', { level: 1, name: 'Restablecer la contraseña' }).waitFor();
        await page.getByLabel('Correo electrónico').fill(email);
        await page.getByRole('button', { name: 'Enviar el enlace' }).click();
        await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();
        // The mail's link, as the worker derives it from the stored row.
        const [row] = await t.ds.query(
          'SELECT id FROM password_reset WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
          [await userIdByEmail(t.ds, email)],
        );
        await page.goto(`${t.url}/restablecer/${deriveToken(t.env.TOKEN_SECRET, 'reset', row.id)}`);
        await page.getByLabel('Nueva contraseña').fill(NEW_PASSWORD);
        await page.getByLabel('Repita la contraseña').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
        await page.getByRole('heading', { name: 'Contraseña actualizada' }).waitFor();
        await page.getByRole('link', { name: 'Ir a ingresar' }).click();
        await page.getByLabel('Correo electrónico').fill(email);
        await page.getByLabel('Contraseña').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Ingresar' }).click();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await documentWidth(page)).toBeLessThanOrEqual(360);
      });
      expect(s.problems).toEqual([]);
      await s.context.close();
    }
  });

  it('the people and audit pages fit a phone', async () => {
    const s = await openSession(browser, { width: 360, height: 740 });
    await steps(s, 'people-phone', async (page) => {
      await page.goto(`${t.url}/ingresar`);
      await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
      await page.goto(`${t.url}/consola/personas`);
      await page.getByRole('row', { name: /Laura Analista/ }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(360);
      await shot(page, 'people-phone');
      await page.goto(`${t.url}/consola/auditoria`);
      await page.getByRole('row', { name: /Invitó a una persona/ }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(360);
      await shot(page, 'audit-phone');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
