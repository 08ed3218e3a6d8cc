import type { Browser, Locator, Page } from 'playwright-core';
import { join } from 'path';
import { compileScoring, INSTITUTION_V1 } from '@apertura/questionnaire';
import { INSTITUTION_V1_ANSWERS } from '../../libs/questionnaire/fixtures/sample-answers';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Issue #16, item 1 in a real Chromium: a guarantor admin builds a small instrument from scratch in
 * the designer — a page, a verifiable yes/no claim, a scored multiple choice — sees the linter's
 * messages beside the question while typing and the question in the survey-react-ui preview, saves
 * it as a new version, and the stored definition scores as built. The designer fits a phone.
 */
describe('browser: questionnaire designer', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ tag: 'designerbrowser', env: { SERVE_WEB: 'true' } });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${t.url}/ingresar`);
    await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
  }

  const form = (page: Page): Locator => page.locator('section.designer-form');
  const rowList = (page: Page): Locator => page.locator('section.designer-list');

  it('builds a small instrument from scratch, with lint beside the question and a live preview, and saves it as version 1', async () => {
    const s = await openSession(browser);
    await steps(s, 'designer-build', async (page) => {
      await signIn(page);
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Cuestionarios' }).click();
      await page.getByRole('heading', { level: 1, name: 'Diseñador de cuestionarios' }).waitFor();
      await page.getByRole('button', { name: 'Cuestionario nuevo' }).click();

      const general = page.getByRole('region', { name: 'General' });
      await general.getByLabel('Identificador (slug)').fill('mi-autodiagnostico');
      await general.getByLabel('Título').fill('Mi autodiagnóstico');

      // A verifiable yes/no claim.
      await rowList(page).getByRole('button', { name: '+ Pregunta' }).click();
      await form(page).getByLabel('Tipo de elemento').selectOption('boolean');
      await form(page).getByLabel('Nombre (variable)').fill('portal');
      await form(page).getByLabel('Texto en español').fill('¿Tiene portal de transparencia?');
      await form(page).getByLabel('Texto en inglés').fill('Does it have a transparency portal?');
      await form(page).getByLabel('Componente').selectOption('TG.TR');
      await form(page).getByLabel('Verificable por la ciudadanía').check();
      await form(page).getByLabel('Obligatoria').check();

      // A scored multiple choice; the second choice has no score yet: the linter says so beside it.
      await rowList(page).getByRole('button', { name: '+ Pregunta' }).click();
      await form(page).getByLabel('Nombre (variable)').fill('frecuencia');
      await form(page).getByLabel('Texto en español').fill('¿Con qué frecuencia actualiza el portal?');
      await form(page).getByLabel('Componente').selectOption('TG.AI');
      await form(page).getByRole('button', { name: '+ Añadir opción' }).click();
      const first = form(page).getByRole('listitem', { name: 'Opción 1' });
      await first.getByLabel('Valor').fill('mensual');
      await first.getByLabel('Etiqueta (es)').fill('Cada mes');
      await first.getByLabel('Etiqueta (en)').fill('Monthly');
      await first.getByLabel('Puntaje').fill('1');
      await form(page).getByRole('button', { name: '+ Añadir opción' }).click();
      const second = form(page).getByRole('listitem', { name: 'Opción 2' });
      await second.getByLabel('Valor').fill('nunca');
      await second.getByLabel('Etiqueta (es)').fill('Nunca');

      const frecuenciaRow = rowList(page)
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: 'Editar frecuencia' }) });
      await frecuenciaRow.getByText('Q_MISSING_SCORE').waitFor();
      await expect(page.getByRole('button', { name: 'Guardar como versión nueva' }).isDisabled()).resolves.toBe(true);
      await second.getByLabel('Puntaje').fill('0');
      await frecuenciaRow.getByText('Q_MISSING_SCORE').waitFor({ state: 'detached' });
      await page.getByText('El revisor no encontró problemas.').waitFor();

      // The preview renders the questions as respondents see them.
      const preview = page.getByTestId('designer-preview');
      await preview.getByText('¿Tiene portal de transparencia?').waitFor();
      await preview.getByText('¿Con qué frecuencia actualiza el portal?').waitFor();
      await preview.getByText('Cada mes').waitFor();
      await shot(page, 'designer-built');

      await page.getByRole('button', { name: 'Guardar como versión nueva' }).click();
      await page.getByText('Se guardó la versión 1 de «mi-autodiagnostico».').waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const list = await http.get('/api/questionnaires?slug=mi-autodiagnostico', { token: staff.adminToken });
    expect(list.body.items).toHaveLength(1);
    const stored = await http.get(`/api/questionnaires/${list.body.items[0].id}`, { token: staff.adminToken });
    expect(stored.body).toMatchObject({ kind: 'institution', version: 1, title: 'Mi autodiagnóstico' });
    expect(stored.body.definition.pages[0].elements).toEqual([
      {
        type: 'boolean',
        name: 'portal',
        title: { default: '¿Tiene portal de transparencia?', en: 'Does it have a transparency portal?' },
        component: 'TG.TR',
        verifiable: true,
        isRequired: true,
      },
      {
        type: 'radiogroup',
        name: 'frecuencia',
        title: '¿Con qué frecuencia actualiza el portal?',
        component: 'TG.AI',
        choices: [
          { value: 'mensual', text: { default: 'Cada mes', en: 'Monthly' }, score: 1 },
          { value: 'nunca', text: 'Nunca', score: 0 },
        ],
      },
    ]);
    expect(
      compileScoring(stored.body.definition)
        .score({ portal: true, frecuencia: 'nunca' })
        .map((a) => [a.name, a.score]),
    ).toEqual([
      ['portal', 1],
      ['frecuencia', 0],
    ]);
  });

  it('imports the default institution instrument as a spreadsheet and saves a definition that scores exactly like the shipped one', async () => {
    const s = await openSession(browser);
    await steps(s, 'designer-import', async (page) => {
      await signIn(page);
      await page.goto(`${t.url}/consola/cuestionarios`);
      await page
        .getByLabel('Importar hoja (CSV, XLSX o JSON)')
        .setInputFiles(join(__dirname, '../../libs/questionnaire/fixtures/institution.v1.csv'));
      await page.getByText(/Se leyeron \d+ filas de institution\.v1\.csv/).waitFor();
      await page.getByText('El revisor no encontró problemas.').waitFor();
      await page.getByRole('button', { name: 'Editar seg_acuerdos' }).waitFor();
      await page.getByTestId('designer-preview').getByText('Datos de quien responde').waitFor();
      await page.getByRole('button', { name: 'Guardar como versión nueva' }).click();
      await page.getByText('Se guardó la versión 1 de «institution-v1».').waitFor();
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    const list = await http.get('/api/questionnaires?slug=institution-v1', { token: staff.adminToken });
    const stored = await http.get(`/api/questionnaires/${list.body.items[0].id}`, { token: staff.adminToken });
    expect(compileScoring(stored.body.definition).score(INSTITUTION_V1_ANSWERS)).toEqual(
      compileScoring(INSTITUTION_V1).score(INSTITUTION_V1_ANSWERS),
    );
  });

  it('opens a stored version and fits a phone screen', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'designer-phone', async (page) => {
      await signIn(page);
      await page.goto(`${t.url}/consola/cuestionarios`);
      await page.getByLabel('Editar una versión').selectOption({ label: 'Mi autodiagnóstico — mi-autodiagnostico v1' });
      await page.getByRole('button', { name: 'Abrir' }).click();
      await page.getByRole('button', { name: 'Editar portal' }).waitFor();
      await page.getByTestId('designer-preview').getByText('¿Tiene portal de transparencia?').waitFor();
      await page.getByRole('button', { name: 'Editar frecuencia' }).click();
      await form(page).getByRole('listitem', { name: 'Opción 2' }).getByLabel('Valor').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'designer-phone');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
