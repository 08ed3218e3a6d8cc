import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

const GOOD = readFileSync(join(__dirname, '..', 'fixtures', 'universe-good.csv'), 'utf8');
const DAY = 86_400_000;

/** The "Diseño" section of the console round page: census/sample, populations by state, errors by field, frozen once open. */
describe('browser: the round design in the console', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;
  let roundId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' }, tag: 'design' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    await http.post('/api/universe/import', { csv: GOOD }, { token: staff.adminToken });
    const [iq, cq] = (await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken })).body
      .items;
    const round = await http.post(
      '/api/rounds',
      {
        name: 'Muestra 2026',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        institutionQuestionnaireId: iq.id,
        citizenQuestionnaireId: cq.id,
        universeSelection: { cveEnt: ['15', '14'] },
      },
      { token: staff.adminToken },
    );
    roundId = round.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signIn = async (page: Page): Promise<void> => {
    await page.goto(`${t.url}/consola/rondas/${roundId}`);
    await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Muestra 2026' }).waitFor();
  };

  it('enters a sample on a phone, shows the errors by field, saves, and is read-only once open', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'console-design', async (page) => {
      await signIn(page);
      const section = page.getByRole('region', { name: 'Diseño' });
      await section.getByRole('radio', { name: /Censo/ }).waitFor();
      expect(await section.getByRole('radio', { name: /Censo/ }).isChecked()).toBe(true);
      await section.getByRole('radio', { name: /Muestra/ }).check();
      const edomex = section.getByRole('textbox', { name: 'Población de México' });
      const jalisco = section.getByRole('textbox', { name: 'Población de Jalisco' });

      // The form's own checks: below the 5 institutions already in the round, and an empty one.
      await edomex.fill('3');
      await section.getByRole('button', { name: 'Guardar diseño' }).click();
      await section.getByText('Debe ser al menos 5, el número de instituciones de la ronda en esta entidad.').waitFor();
      await section.getByText('Escriba la población.').waitFor();
      expect(await edomex.getAttribute('aria-invalid')).toBe('true');
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'console-design-errors-phone');

      // The API's check, placed on its line: Toluca has 3 institutions in the round.
      await edomex.fill('300');
      await jalisco.fill('125');
      const municipalities = section.getByLabel('Poblaciones municipales (opcional)');
      await municipalities.fill('\n15106,2');
      await section.getByRole('button', { name: 'Guardar diseño' }).click();
      await section
        .getByText(/^Línea 2: la población del municipio 15106 \(2\) es menor que las 3 instituciones/)
        .waitFor();

      await municipalities.fill('15106,12');
      await section.getByRole('button', { name: 'Guardar diseño' }).click();
      await section.getByText('Diseño guardado.').waitFor();
      expect(await section.getByRole('textbox', { name: 'Población de México' }).inputValue()).toBe('300');
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const stored = (await http.get(`/api/rounds/${roundId}`, { token: staff.adminToken })).body.design;
    expect(stored).toEqual({
      kind: 'sample',
      states: [
        { cveEnt: '14', population: 125 },
        { cveEnt: '15', population: 300 },
      ],
      municipalities: [{ cvegeo: '15106', population: 12 }],
    });

    expect((await http.post(`/api/rounds/${roundId}/open`, undefined, { token: staff.adminToken })).status).toBe(200);
    const desktop = await openSession(browser);
    await steps(desktop, 'console-design-open', async (page) => {
      await signIn(page);
      const section = page.getByRole('region', { name: 'Diseño' });
      await section.getByText('El diseño quedó fijo al abrir la ronda.').waitFor();
      const table = section.getByRole('table', { name: 'Población de sujetos obligados por entidad' });
      await table.getByRole('row', { name: /México 5 300/ }).waitFor();
      expect(await section.getByRole('button', { name: 'Guardar diseño' }).count()).toBe(0);
      expect(await section.getByRole('radio').count()).toBe(0);
      await shot(page, 'console-design-open');
    });
    expect(desktop.problems).toEqual([]);
    await desktop.context.close();
  });
});
