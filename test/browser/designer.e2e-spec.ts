import type { Browser, Locator, Page } from 'playwright-core';
import { join } from 'path';
import {
  CITIZEN_V2,
  compileScoring,
  INSTITUTION_V1,
  INSTITUTION_V2,
  scoringDefinitionFor,
  URL_PATTERN,
} from '@apertura/questionnaire';
import type { SurveyJson } from '@apertura/questionnaire';
import { citizenReportAnswers } from '../../libs/questionnaire/fixtures/citizen-answers';
import { CITIZEN_V2_ANSWERS, INSTITUTION_V1_ANSWERS } from '../../libs/questionnaire/fixtures/sample-answers';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

type Json = Record<string, unknown>;

/** Spanish and English of a SurveyJS text (`"x"` or `{default, en}`). */
const loc = (v: unknown): [string, string] =>
  typeof v === 'string' ? [v, ''] : [String((v as Json).default ?? ''), String((v as Json).en ?? '')];

/** Same JSON value, object key order ignored; `{default: x}` and `x` are the same text. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (typeof v === 'object' && v !== null) {
    const o = v as Json;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'default' && typeof o.default === 'string') return o.default;
    return Object.fromEntries(keys.sort().map((k) => [k, normalise(o[k])]));
  }
  return v;
}

/** The scores the worker computes (libs/questionnaire, as apps/worker/src/metric/questionnaire-scoring.ts). */
const scores = (definition: unknown, data: Readonly<Json>) =>
  compileScoring(scoringDefinitionFor(definition)).score(data);

/**
 * Issue #16, item 1 in a real Chromium: a guarantor admin builds a small instrument from scratch in
 * the designer — a page, a verifiable yes/no claim, a scored multiple choice — sees the linter's
 * messages beside the question while typing and the question in the survey-react-ui preview, saves
 * it as a new version, and the stored definition scores as built; then builds each bundled default
 * instrument (institution.v2, citizen.v2) field by field from its shipped JSON, copies a round's
 * instrument through the API's copy route and edits it. The designer fits a phone.
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

  /**
   * Types one element of a shipped definition into the selected row's form: every property through
   * its own field. A property the loop has no field for fails the test — that is a designer gap.
   */
  async function enterProperties(page: Page, el: Json, where: string): Promise<void> {
    const f = form(page);
    const field = (label: string): Locator => f.getByLabel(label, { exact: true });
    const pair = async (es: string, en: string, v: unknown): Promise<void> => {
      const [tEs, tEn] = loc(v);
      if (tEs) await field(es).fill(tEs);
      if (tEn) await field(en).fill(tEn);
    };
    for (const [k, v] of Object.entries(el)) {
      switch (k) {
        case 'type':
        case 'name':
        case 'elements':
          break;
        case 'title':
          await pair('Texto en español', 'Texto en inglés', v);
          break;
        case 'description':
          await pair('Descripción en español', 'Descripción en inglés', v);
          break;
        case 'visibleIf':
          await field('Visible si').fill(String(v));
          break;
        case 'isRequired':
          if (v === true) await field('Obligatoria').check();
          break;
        case 'verifiable':
          if (v === true) await field('Verificable por la ciudadanía').check();
          break;
        case 'component':
          await field('Componente').selectOption(String(v));
          break;
        case 'weight':
          await field('Peso').fill(String(v));
          break;
        case 'scoreIfHidden':
          await field('Puntaje si queda oculta (0–1)').fill(String(v));
          break;
        case 'scoreRange': {
          const [a, b] = v as [number, number];
          await field('Rango puntuado (mín..máx)').fill(`${a}..${b}`);
          break;
        }
        case 'evidenceFor':
          await field('Evidencia de (pregunta verificable)').selectOption(String(v));
          break;
        case 'inputType':
          await field('Tipo de entrada').selectOption(String(v));
          break;
        case 'min':
          await field('Valor mínimo').fill(String(v));
          break;
        case 'max':
          await field('Valor máximo').fill(String(v));
          break;
        case 'rateMin':
          await field('Escala desde').fill(String(v));
          break;
        case 'rateMax':
          await field('Escala hasta').fill(String(v));
          break;
        case 'maxLength':
          await field('Máximo de caracteres').fill(String(v));
          break;
        case 'placeholder':
          await pair('Texto de ejemplo dentro del campo (es)', 'Texto de ejemplo dentro del campo (en)', v);
          break;
        case 'minErrorText':
          await pair('Mensaje si queda bajo el mínimo (es)', 'Mensaje si queda bajo el mínimo (en)', v);
          break;
        case 'maxErrorText':
          await pair('Mensaje si pasa del máximo (es)', 'Mensaje si pasa del máximo (en)', v);
          break;
        case 'labelTrue':
          await pair('Etiqueta de la respuesta afirmativa (es)', 'Etiqueta de la respuesta afirmativa (en)', v);
          break;
        case 'labelFalse':
          await pair('Etiqueta de la respuesta negativa (es)', 'Etiqueta de la respuesta negativa (en)', v);
          break;
        case 'minRateDescription':
          await pair(
            'Descripción del extremo bajo de la escala (es)',
            'Descripción del extremo bajo de la escala (en)',
            v,
          );
          break;
        case 'maxRateDescription':
          await pair(
            'Descripción del extremo alto de la escala (es)',
            'Descripción del extremo alto de la escala (en)',
            v,
          );
          break;
        case 'validators': {
          const list = v as Json[];
          if (list.length !== 1) throw new Error(`${where}: ${list.length} validators`);
          const { type, text, ...rest } = list[0];
          if (type === 'email') await field('Validación').selectOption('email');
          else if (type === 'regex' && rest.regex === URL_PATTERN) await field('Validación').selectOption('url');
          else if (type === 'regex') {
            await field('Validación').selectOption('regex');
            await field('Patrón (expresión regular)').fill(String(rest.regex));
          } else throw new Error(`${where}: validator ${String(type)}`);
          if (Object.keys(rest).some((key) => key !== 'regex'))
            throw new Error(`${where}: validator ${Object.keys(rest).join(', ')}`);
          if (text !== undefined) await pair('Mensaje de validación (es)', 'Mensaje de validación (en)', text);
          break;
        }
        case 'choices':
        case 'rateValues':
          for (const [i, c] of (v as unknown[]).entries()) {
            if (typeof c !== 'object' || c === null) throw new Error(`${where}: a bare choice ${String(c)}`);
            const { value, text, score, notApplicable, isExclusive, ...rest } = c as Json;
            if (Object.keys(rest).length)
              throw new Error(`${where}: choice properties ${Object.keys(rest).join(', ')}`);
            await f.getByRole('button', { name: '+ Añadir opción' }).click();
            const item = f.getByRole('listitem', { name: `Opción ${i + 1}`, exact: true });
            await item.getByLabel('Valor', { exact: true }).fill(String(value));
            const [es, en] = loc(text ?? '');
            if (es) await item.getByLabel('Etiqueta (es)', { exact: true }).fill(es);
            if (en) await item.getByLabel('Etiqueta (en)', { exact: true }).fill(en);
            if (score !== undefined) await item.getByLabel('Puntaje', { exact: true }).fill(String(score));
            if (notApplicable === true) await item.getByLabel('No aplica', { exact: true }).check();
            if (isExclusive === true) await item.getByLabel('Excluyente', { exact: true }).check();
          }
          break;
        default:
          throw new Error(`${where}: the designer has no field for "${k}"`);
      }
    }
  }

  /** Builds a whole shipped definition in the designer, driven by a loop over its JSON. */
  async function buildFromScratch(page: Page, kind: 'institution' | 'citizen', slug: string, def: Json) {
    await page.getByLabel('Tipo', { exact: true }).selectOption(kind);
    await page.getByRole('button', { name: 'Cuestionario nuevo' }).click();
    const general = page.getByRole('region', { name: 'General' });
    await general.getByLabel('Identificador (slug)').fill(slug);
    const [titleEs] = loc(def.title);
    await general.getByLabel('Título', { exact: true }).fill(titleEs);

    // The survey row: English title, description, when answers are checked.
    await rowList(page).getByRole('button', { name: 'Editar (sin nombre)' }).click();
    const { title, pages, checkErrorsMode, ...surveyRest } = def;
    await form(page).getByLabel('Texto en inglés', { exact: true }).fill(loc(title)[1]);
    if (checkErrorsMode !== undefined)
      await form(page).getByLabel('Cuándo se revisan las respuestas').selectOption(String(checkErrorsMode));
    await enterProperties(page, surveyRest, 'survey');

    const add = (what: 'Pregunta' | 'Página' | 'Panel') =>
      rowList(page)
        .getByRole('button', { name: `+ ${what}`, exact: true })
        .click();
    for (const [pi, p] of (pages as Json[]).entries()) {
      const pageName = String(p.name);
      if (pi === 0) await rowList(page).getByRole('button', { name: 'Editar page1' }).click();
      else await add('Página');
      await form(page).getByLabel('Nombre (variable)').fill(pageName);
      await enterProperties(page, p, pageName);
      const walk = async (elements: Json[], panel: string): Promise<void> => {
        for (const el of elements) {
          const name = String(el.name);
          const isPanel = el.type === 'panel';
          await add(isPanel ? 'Panel' : 'Pregunta');
          if (!isPanel) await form(page).getByLabel('Tipo de elemento').selectOption(String(el.type));
          await form(page).getByLabel('Página', { exact: true }).selectOption(pageName);
          await form(page).getByLabel('Panel', { exact: true }).selectOption(panel);
          await form(page).getByLabel('Nombre (variable)').fill(name);
          await enterProperties(page, el, name);
          if (isPanel) await walk(el.elements as Json[], name);
        }
      };
      await walk(p.elements as Json[], '');
    }
    await page.getByText('El revisor no encontró problemas.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Guardar como versión nueva' }).click();
    await page.getByText(`Se guardó la versión 1 de «${slug}».`).waitFor({ timeout: 30_000 });
  }

  it.each([
    [
      'institution.v2',
      'institution',
      INSTITUTION_V2,
      // v2 asks the same questions as v1 (instruments.spec): v1's fixed answers fit it.
      [INSTITUTION_V1_ANSWERS, { ...INSTITUTION_V1_ANSWERS, da_conjuntos: 0, mec_existe: false }],
    ],
    [
      'citizen.v2',
      'citizen',
      CITIZEN_V2,
      [
        CITIZEN_V2_ANSWERS,
        ...Array.from({ length: 8 }, (_, i) => {
          let seed = i + 7;
          return citizenReportAnswers(() => (seed = (seed * 16807) % 2147483647) / 2147483647);
        }),
      ],
    ],
  ] as ReadonlyArray<readonly [string, 'institution' | 'citizen', SurveyJson, ReadonlyArray<Readonly<Json>>]>)(
    'builds the shipped %s from scratch, field by field, and saves a definition that scores a fixed answer set exactly like it',
    async (instrument, kind, shipped, answerSets) => {
      const slug = `${instrument.replace('.', '-')}-a-mano`;
      const s = await openSession(browser);
      await steps(s, `designer-scratch-${instrument}`, async (page) => {
        await signIn(page);
        await page.goto(`${t.url}/consola/cuestionarios`);
        await page.getByRole('heading', { level: 1, name: 'Diseñador de cuestionarios' }).waitFor();
        await buildFromScratch(page, kind, slug, shipped as Json);
        await shot(page, `designer-scratch-${instrument}`);
      });
      expect(s.problems).toEqual([]);
      await s.context.close();

      const list = await http.get(`/api/questionnaires?slug=${slug}`, { token: staff.adminToken });
      expect(list.body.items).toHaveLength(1);
      const stored = await http.get(`/api/questionnaires/${list.body.items[0].id}`, { token: staff.adminToken });
      expect(stored.body).toMatchObject({ kind, version: 1 });
      // The very definition that ships (texts, scores, conditions, validators), key order aside…
      expect(normalise(stored.body.definition)).toEqual(normalise(shipped));
      // …and so the same scores, item by item, for every fixed answer set.
      let scored = 0;
      for (const data of answerSets) {
        const expected = scores(shipped, data);
        scored += expected.length;
        expect(scores(stored.body.definition, data)).toEqual(expected);
      }
      expect(scored).toBeGreaterThan(20);
    },
    600_000,
  );

  it("copies a round's instrument through the API's copy route, then edits the copy into the next version", async () => {
    const installed = await http.post('/api/questionnaires/defaults', {}, { token: staff.adminToken });
    expect(installed.status).toBe(200);
    const inst = installed.body.items.find((i: { kind: string }) => i.kind === 'institution');
    const cit = installed.body.items.find((i: { kind: string }) => i.kind === 'citizen');
    await t.ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at)
       VALUES ($1, 'Diagnóstico 2026', 'open', now() - interval '1 day', now() + interval '30 days', $2, $3, now())`,
      [staff.guarantorId, inst.id, cit.id],
    );
    const shipped = await http.get(`/api/questionnaires/${inst.id}`, { token: staff.adminToken });

    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'designer-copy', async (page) => {
      await signIn(page);
      await page.goto(`${t.url}/consola/cuestionarios`);
      await page.getByLabel('Copiar de una ronda').selectOption({ label: 'Diagnóstico 2026' });
      await page.getByLabel('Identificador de la copia').fill('autodiagnostico-2027');
      const copied = page.waitForResponse(
        (r) => r.url().endsWith('/api/questionnaires/copy') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Copiar', exact: true }).click();
      expect((await copied).status()).toBe(201);
      await page
        .getByText('Se copió el cuestionario de «Diagnóstico 2026» como la versión 1 de «autodiagnostico-2027».')
        .waitFor();
      await page.getByRole('button', { name: 'Editar resp_correo' }).click();
      // The copy's validator has its own fields, filled from the stored definition.
      await expect(form(page).getByLabel('Validación', { exact: true }).inputValue()).resolves.toBe('email');
      await form(page).getByLabel('Texto en español', { exact: true }).fill('Correo institucional de contacto');
      // A pattern that is not a regular expression: the message is beside the validation field, saving waits.
      await form(page).getByLabel('Validación', { exact: true }).selectOption('regex');
      await form(page).getByLabel('Patrón (expresión regular)').fill('([a-z');
      await form(page)
        .locator('.field-invalid')
        .filter({ has: page.getByLabel('Validación', { exact: true }) })
        .getByText('«([a-z» no es una expresión regular válida.')
        .waitFor();
      await expect(page.getByRole('button', { name: 'Guardar como versión nueva' }).isDisabled()).resolves.toBe(true);
      await form(page).getByLabel('Validación', { exact: true }).selectOption('email');
      await page.getByText('El revisor no encontró problemas.').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await page.getByRole('button', { name: 'Guardar como versión nueva' }).click();
      await page.getByText('Se guardó la versión 2 de «autodiagnostico-2027».').waitFor();
      // The same fields in English.
      await page.getByRole('button', { name: /Switch to English/ }).click();
      await page.getByText('Version 2 of "autodiagnostico-2027" was saved.').waitFor();
      await form(page).getByRole('group', { name: 'Answer and validation' }).waitFor();
      await form(page).getByLabel('Validation message (en)').waitFor();
      await shot(page, 'designer-copy-phone', false);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();

    const list = await http.get('/api/questionnaires?slug=autodiagnostico-2027', { token: staff.adminToken });
    const versions = [...list.body.items].sort(
      (a: { version: number }, b: { version: number }) => a.version - b.version,
    );
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const v1 = await http.get(`/api/questionnaires/${versions[0].id}`, { token: staff.adminToken });
    const v2 = await http.get(`/api/questionnaires/${versions[1].id}`, { token: staff.adminToken });
    // Version 1 is the round's instrument as stored by the copy route; the edit made version 2.
    expect(v1.body.definition).toEqual(shipped.body.definition);
    expect(JSON.stringify(v2.body.definition)).toContain('Correo institucional de contacto');
    expect(scores(v2.body.definition, INSTITUTION_V1_ANSWERS)).toEqual(scores(INSTITUTION_V2, INSTITUTION_V1_ANSWERS));
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
