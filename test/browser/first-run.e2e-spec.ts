import type { Browser } from 'playwright-core';
import { SetupService } from '../../apps/api/src/setup/setup.service';
import { startTestApp, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/fixtures';
import { launchBrowser, documentWidth, openSession, shot, steps } from './browser';

/**
 * The first run in a real Chromium: on an installation with no guarantor, the sign-in page points to
 * /configuracion; the visitor types the code from the API log, creates the first guarantor and its
 * admin, lands signed in on the console; the page then only points to sign-in, and the new admin can
 * sign in again. At phone width, without horizontal scrolling.
 */
describe('browser: first-run setup', () => {
  let t: TestApp;
  let browser: Browser;
  let code: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ tag: process.env.TEST_NAME_TAG ?? 'firstrunweb', env: { SERVE_WEB: 'true' } });
    const issued = await t.app.get(SetupService).issue();
    if (!issued) throw new Error('a fresh database must need setup');
    code = issued.code;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates the first guarantor and its admin with the setup code, then signs in', async () => {
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'first-run', async (page) => {
      await page.goto(`${t.url}/ingresar`);
      await page.getByTestId('setup-hint').getByRole('link', { name: 'Haga la primera configuración' }).click();
      await page.getByRole('heading', { level: 1, name: 'Primera configuración' }).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);

      // A wrong code: refused in words, nothing created.
      await page.getByLabel('Código de configuración').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
      await page.getByLabel('Nombre del órgano garante').fill('Instituto de Transparencia de Prueba');
      await page.getByLabel('Clave corta').fill('itp');
      await page.getByLabel('Entidad (clave INEGI de 2 dígitos)').fill('15');
      await page.getByLabel('Correo de la persona administradora').fill('admin@itp.example');
      await page.getByLabel(/^Contraseña/).fill(TEST_PASSWORD);
      await page.getByLabel('Repita la contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Crear y entrar' }).click();
      await page.getByText('El código de configuración no es válido').waitFor();

      // The code as printed in the log (typed in lower case: case does not matter).
      await page.getByLabel('Código de configuración').fill(code.toLowerCase());
      await shot(page, 'first-run-form');
      await page.getByRole('button', { name: 'Crear y entrar' }).click();
      await page.waitForURL(/\/consola$/);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await shot(page, 'first-run-console');

      const [g] = await t.ds.query(`SELECT name, cve_ent, synthetic FROM guarantor WHERE slug = 'itp'`);
      expect(g).toEqual({ name: 'Instituto de Transparencia de Prueba', cve_ent: '15', synthetic: false });

      // Done: the page now only points to sign-in, in either language.
      await page.goto(`${t.url}/configuracion`);
      await page.getByText('La instalación ya está configurada').waitFor();
      expect(await page.getByLabel('Código de configuración').count()).toBe(0);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('the new admin signs in again from a fresh browser and retires an institution from the padrón', async () => {
    const s = await openSession(browser);
    await steps(s, 'first-run-signin', async (page) => {
      await page.goto(`${t.url}/ingresar`);
      await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
      expect(await page.getByTestId('setup-hint').count()).toBe(0);
      await page.getByLabel('Correo electrónico').fill('admin@itp.example');
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.waitForURL(/\/consola$/);

      // The padrón: retire an institution from its row, then find it under «Dadas de baja».
      await t.ds.query(
        `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
         SELECT g.id, v.key, v.name, 'ayuntamiento', 'municipal', '15', v.cvegeo, v.key || '@example.org'
         FROM guarantor g, (VALUES ('toluca', 'Ayuntamiento de Toluca', '15106'), ('metepec', 'Ayuntamiento de Metepec', '15054')) AS v(key, name, cvegeo)
         WHERE g.slug = 'itp'`,
      );
      await page.goto(`${t.url}/consola/universo`);
      const toluca = page.getByTestId('padron-row').filter({ hasText: 'Ayuntamiento de Toluca' });
      await toluca.getByRole('button', { name: 'Dar de baja' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Dar de baja' }).click();
      await page.getByText('Ayuntamiento de Toluca se dio de baja del padrón.').waitFor();
      await page.getByTestId('padron-row').filter({ hasText: 'Ayuntamiento de Toluca' }).waitFor({ state: 'detached' });
      await page.getByLabel('Mostrar').selectOption('retired');
      await page
        .getByTestId('padron-row')
        .filter({ hasText: 'Ayuntamiento de Toluca' })
        .getByRole('button', { name: 'Reactivar' })
        .waitFor();
      await shot(page, 'padron-retired');
      const [row] = await t.ds.query(`SELECT retired_at IS NOT NULL AS retired FROM institution WHERE key = 'toluca'`);
      expect(row.retired).toBe(true);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('the comparison page refuses a synthetic demo round next to a real one, in Spanish and English', async () => {
    // Two published rounds, one of a synthetic (demo) guarantor; no results are needed for the refusal.
    const rounds: string[] = [];
    for (const [slug, synthetic] of [
      ['demo-x', true],
      ['itp', false],
    ] as const) {
      if (synthetic)
        await t.ds.query(`INSERT INTO guarantor (slug, name, synthetic) VALUES ($1, 'Demo', true)`, [slug]);
      const [g] = await t.ds.query('SELECT id FROM guarantor WHERE slug = $1', [slug]);
      const q: string[] = [];
      for (const kind of ['institution', 'citizen']) {
        const [row] = await t.ds.query(
          `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
           VALUES ($1, $2, $3, 1, 'Q', '{"pages":[]}'::jsonb, repeat('c', 64)) RETURNING id`,
          [g.id, kind, `${slug}-${kind}`],
        );
        q.push(row.id);
      }
      const [r] = await t.ds.query(
        `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, published_at, synthetic)
         VALUES ($1, $2, 'published', now() - interval '90 days', now() - interval '30 days', $3, $4, now(), $5) RETURNING id`,
        [g.id, synthetic ? 'Ronda sintética' : 'Ronda real', q[0], q[1], synthetic],
      );
      rounds.push(r.id);
    }
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'compare-synthetic-mixed', async (page) => {
      await page.goto(`${t.url}/resultados/comparar?a=${rounds[0]}&b=${rounds[1]}`);
      const warning = page.getByTestId('compare-synthetic-mixed');
      await warning.getByText('Estas rondas no se comparan').waitFor();
      expect(await warning.getAttribute('data-reason')).toBe('SYNTHETIC_MIXED');
      expect(await page.getByTestId('compare-row').count()).toBe(0);
      await page.getByRole('button', { name: /English/ }).click();
      await warning.getByText('These rounds are not compared').waitFor();
      await shot(page, 'compare-synthetic-mixed');
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
