import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Locator, Page } from 'playwright-core';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Issue #15, item 1 in the browser: mail that never vanishes.
 *  - A first run with no SMTP server, started as `npm start` does in development (no SMTP_URL, so the
 *    worker runs the embedded catcher): an invitation and a test mail are caught, listed under
 *    Consola → Correo with their links, and the invitation link opens the questionnaire.
 *  - A refusing SMTP server: the mail page shows the failure first with the server's answer,
 *    /health/ready counts it, and once the server accepts, "Reenviar" sends it as a new delivery.
 */

/** Clicks the section's "Actualizar" until `target` shows (the worker is asynchronous). */
async function reloadUntil(section: Locator, target: Locator, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await target.first().isVisible()) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${target.toString()}`);
    await section.getByRole('button', { name: 'Actualizar' }).click();
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function signInAt(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Correo' }).waitFor();
}

async function openRound(http: Client, staff: Staff, email: string): Promise<void> {
  const admin = { token: staff.adminToken };
  const csv = [
    'key,name,type,level,cve_ent,cvegeo,email',
    `tol,Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,${email}`,
  ].join('\n');
  expect((await http.post('/api/universe/import', { csv }, admin)).status).toBe(200);
  const [iq, cq] = (await http.post('/api/questionnaires/defaults', undefined, admin)).body.items;
  const created = await http.post(
    '/api/rounds',
    {
      name: 'Primera ronda',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      institutionQuestionnaireId: iq.id,
      citizenQuestionnaireId: cq.id,
      universeSelection: { cveEnt: ['15'] },
    },
    admin,
  );
  expect(created.status).toBe(201);
  expect((await http.post(`/api/rounds/${created.body.id}/open`, undefined, admin)).status).toBe(200);
}

describe('browser: mail on a first run with no SMTP server (development catcher)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // As `npm start` in development: SMTP_URL empty, so the worker catches the mail itself.
    t = await startTestApp({ tag: 'mailbrowser', env: { SERVE_WEB: 'true', SMTP_URL: '' } });
    // The worker writes the links: point them at this server so the test can follow one.
    worker = await startWorker({ ...t.env, PUBLIC_URL: t.url });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    await openRound(http, staff, 'ut@toluca.example');
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  it('lists the caught invitation and test mail with their links, and the invitation link opens the questionnaire', async () => {
    const s = await openSession(browser);
    await steps(s, 'mail-catcher', async (page) => {
      await signInAt(page, `${t.url}/consola/correo`, staff.adminEmail);
      const captured = page.getByRole('region', { name: 'Correo atrapado (desarrollo)' });
      await captured.getByText(/Sin SMTP_URL, en desarrollo el correo no sale/).waitFor();

      // The console's test mail, caught as well.
      await page.getByRole('button', { name: 'Enviar prueba' }).click();
      await page.getByText(`Correo de prueba en cola para ${staff.adminEmail}.`).waitFor();
      await reloadUntil(captured, captured.getByRole('heading', { name: 'Correo de prueba — Apertura' }));

      const invitation = captured
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: /^Invitación a responder el cuestionario Primera ronda/ }) });
      await reloadUntil(captured, invitation);
      await invitation.getByText('Para: ut@toluca.example', { exact: false }).waitFor();
      const link = invitation.getByRole('link', { name: new RegExp(`^${t.url}/responder/`) });
      const href = await link.getAttribute('href');
      expect(href).toMatch(new RegExp(`^${t.url}/responder/[A-Za-z0-9_-]+$`));

      // Both deliveries ended sent.
      const deliveries = page.getByRole('region', { name: 'Envíos' });
      await reloadUntil(deliveries, deliveries.getByRole('row', { name: /ut@toluca\.example.*Invitación.*Enviado/ }));
      await reloadUntil(
        deliveries,
        deliveries.getByRole('row', { name: new RegExp(`${staff.adminEmail.replace(/\./g, '\\.')}.*Prueba.*Enviado`) }),
      );
      await shot(page, 'mail-catcher');

      // Following the link opens the institution's questionnaire.
      await link.click();
      await page.waitForURL(/\/responder\//);
      await page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Toluca' }).waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.mail).toMatchObject({ status: 'up', failed24h: 0, givenUp24h: 0, queued: 0 });
  });
});

describe('browser: a refusing SMTP server, then a re-send', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    smtp = await startSmtp({ code: 550, message: '5.1.1 Mailbox unavailable (test server)' });
    t = await startTestApp({ tag: 'mailbrowser', env: { SERVE_WEB: 'true', SMTP_URL: smtp.url } });
    worker = await startWorker({ ...t.env, PUBLIC_URL: t.url });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('shows the failure with the server’s answer and in /health/ready, and re-sends it once the server accepts', async () => {
    const s = await openSession(browser);
    await steps(s, 'mail-resend', async (page) => {
      await signInAt(page, `${t.url}/consola/correo`, staff.adminEmail);
      await page.getByLabel('Destinatario (opcional)').fill('ut@toluca.example');
      await page.getByRole('button', { name: 'Enviar prueba' }).click();
      await page.getByText('Correo de prueba en cola para ut@toluca.example.').waitFor();

      const deliveries = page.getByRole('region', { name: 'Envíos' });
      const failed = deliveries.getByRole('row', { name: /ut@toluca\.example.*No se pudo enviar/ });
      await reloadUntil(deliveries, failed);
      await failed.getByText(/550 5\.1\.1 Mailbox unavailable \(test server\)/).waitFor();
      await deliveries.getByText('1 correo no ha salido').waitFor();

      const ready = await http.get('/health/ready');
      expect(ready.body.details.mail).toMatchObject({ status: 'up', givenUp24h: 1 });
      expect(ready.body.details.mail.warning).toMatch(/mail failures/);

      // The server accepts again: re-send from the row.
      smtp.refuse = null;
      await failed.getByRole('button', { name: 'Reenviar el correo a ut@toluca.example' }).click();
      await page.getByText('Correo reenviado a ut@toluca.example: aparece en la lista como un envío nuevo.').waitFor();
      await smtp.waitFor(1);
      expect(smtp.messages[0]).toMatchObject({ to: ['ut@toluca.example'], subject: 'Correo de prueba — Apertura' });
      const resentRow = deliveries.getByRole('row', {
        name: /ut@toluca\.example.*Enviado.*Reenvío de un correo que falló/,
      });
      await reloadUntil(deliveries, resentRow);
      // The old row keeps its reason and its final state; it offers no second re-send.
      const oldRow = deliveries.getByRole('row', { name: /ut@toluca\.example.*Reenviado como envío nuevo/ });
      await oldRow.getByText(/550 5\.1\.1/).waitFor();
      expect(await oldRow.getByRole('button').count()).toBe(0);

      // Filter by state.
      await deliveries.getByLabel('Mostrar').selectOption({ label: 'Reenviado' });
      await deliveries.getByRole('row', { name: /Reenvío de un correo que falló/ }).waitFor({ state: 'detached' });
      await deliveries.getByRole('row', { name: /Reenviado como envío nuevo/ }).waitFor();
      expect(await deliveries.getByRole('row').count()).toBe(2); // header + the one re-sent row
      await shot(page, 'mail-resend');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const ready = await http.get('/health/ready');
    expect(ready.body.details.mail).toMatchObject({ givenUp24h: 0, failed24h: 0 });

    // The page fits a phone.
    const phone = await openSession(browser, { width: 390, height: 844 });
    await steps(phone, 'mail-phone', async (page) => {
      await signInAt(page, `${t.url}/consola/correo`, staff.adminEmail);
      await page
        .getByRole('region', { name: 'Envíos' })
        .getByRole('row', { name: /Reenviado como envío nuevo/ })
        .waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'mail-phone');
      // In English too.
      await page.getByRole('button', { name: /Switch to English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Mail' }).waitFor();
      const deliveries = page.getByRole('region', { name: 'Deliveries' });
      await deliveries.getByRole('row', { name: /Re-sent as a new delivery/ }).waitFor();
      await deliveries.getByRole('row', { name: /Sent.*Re-sends a mail that failed/ }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    });
    await phone.context.close();
  });
});
