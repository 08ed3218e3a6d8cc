import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { launchBrowser, openSession, shot, steps } from './browser';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

/** datetime-local value `days` from now. */
function localInput(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('browser: the guarantor console', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, imports the universe, creates and opens a round, and follows its progress', async () => {
    const s = await openSession(browser);
    await steps(s, 'console', async (page) => {
      // Deep link while signed out → sign-in page → back to the console.
      await page.goto(`${t.url}/consola/universo`);
      await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
      await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Padrón de sujetos obligados' }).waitFor();

      // A bad file: nothing imported, a line-numbered error table.
      const file = page.getByLabel('Archivo CSV');
      await file.setInputFiles(fixture('universe-bad.csv'));
      await page.getByRole('button', { name: 'Revisar sin guardar' }).click();
      await page.getByText(/El archivo tiene \d+ error\(es\); no se importó nada/).waitFor();
      await page
        .getByRole('table', { name: /Errores por línea/ })
        .getByRole('cell', { name: '3', exact: true })
        .first()
        .waitFor();
      await shot(page, 'console-universe-errors');

      // A good file: dry run first, then the import.
      await file.setInputFiles({
        name: 'padron.csv',
        mimeType: 'text/csv',
        buffer: readFileSync(fixture('universe-good.csv')),
      });
      await page.getByRole('button', { name: 'Revisar sin guardar' }).click();
      await page.getByText('El archivo es válido. Si lo importa:').waitFor();
      await page.getByRole('button', { name: 'Importar', exact: true }).click();
      await page.getByText('Padrón importado').waitFor();
      await page.getByText(/\d+ instituciones nuevas/).waitFor();

      // Questionnaires and a new round.
      await page
        .getByRole('navigation', { name: 'Secciones de la consola' })
        .getByRole('link', { name: 'Rondas' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
      await page.getByText('Todavía no hay rondas.').waitFor();
      await page.getByRole('button', { name: 'Instalar cuestionarios predeterminados' }).click();
      await page.getByText(/Se instalaron 2 cuestionario/).waitFor();
      await page.getByLabel('Nombre de la ronda').fill('Diagnóstico 2026');
      await page.getByLabel('Abre').fill(localInput(-1));
      await page.getByLabel('Cierra').fill(localInput(30));
      await page.getByRole('button', { name: 'Crear ronda' }).click();
      await page.getByRole('heading', { level: 1, name: 'Diagnóstico 2026' }).waitFor();
      await page.getByText('Borrador', { exact: true }).waitFor();
      await shot(page, 'console-round-draft');

      // Open it (with confirmation): invitations and the recruitment planner appear.
      await page.getByRole('button', { name: 'Abrir ronda' }).click();
      const dialog = page.getByRole('dialog', { name: '¿Abrir la ronda?' });
      await dialog.getByRole('button', { name: 'Abrir ronda' }).click();
      await page.getByText('La ronda está abierta; las invitaciones se están enviando.').waitFor();
      await page.getByRole('heading', { name: 'Avance de las invitaciones' }).waitFor();
      await page.getByRole('progressbar', { name: 'Respuesta enviada' }).waitFor();
      await page.getByRole('heading', { name: 'Planeación del reclutamiento ciudadano' }).waitFor();

      await page.getByRole('button', { name: 'Abrir validación ciudadana' }).click();
      await page
        .getByRole('dialog', { name: '¿Abrir la validación ciudadana?' })
        .getByRole('button', { name: 'Abrir validación ciudadana' })
        .click();
      await page.getByText('La validación ciudadana está abierta.').waitFor();
      await page
        .getByRole('group', { name: 'Nivel geográfico' })
        .getByRole('button', { name: 'Por municipio' })
        .click();
      await shot(page, 'console-round-open');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const rounds = await http.get('/api/rounds', { token: staff.adminToken });
    expect(rounds.body.items).toEqual([
      expect.objectContaining({ name: 'Diagnóstico 2026', status: 'open', validationOpen: true }),
    ]);
  });
});
