import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { loadMunicipalities } from '@apertura/geo';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/** A large universe file (~2 MB) imported from the console at phone width: a background job with a progress bar. */
describe('browser: a large universe import with progress', () => {
  let t: TestApp;
  let staff: Staff;
  let browser: Browser;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ tag: 'uimportb', env: { SERVE_WEB: 'true' } });
    worker = await startWorker(t.env);
    staff = await guarantorWithAdmin(t.ds, client(t.url));
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  it('checks, then imports a 2 MB file, showing an accessible progress bar and then the report', async () => {
    const muns = loadMunicipalities();
    const lines = ['name,type,level,cve_ent,cvegeo,email'];
    for (let i = 0; i < 20_000; i++) {
      const m = muns[i % muns.length];
      lines.push(
        `Unidad de transparencia número ${i},organismo,municipal,${m.cveEnt},${m.cvegeo},ut${i}@example.gob.mx`,
      );
    }
    const buffer = Buffer.from(`${lines.join('\n')}\n`);
    expect(buffer.byteLength).toBeGreaterThan(1024 * 1024);

    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'universe-import-progress', async (page) => {
      await page.goto(`${t.url}/consola/universo`);
      await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
      await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Padrón de sujetos obligados' }).waitFor();

      await page.getByLabel('Archivo CSV').setInputFiles({ name: 'padron-grande.csv', mimeType: 'text/csv', buffer });
      await page.getByRole('button', { name: 'Revisar sin guardar' }).click();
      const checking = page.getByRole('progressbar', { name: 'Revisando el archivo' });
      await checking.waitFor();
      const now = Number(await checking.getAttribute('aria-valuenow'));
      expect(now).toBeGreaterThanOrEqual(0);
      expect(now).toBeLessThanOrEqual(100);
      await shot(page, 'console-universe-import-progress-phone');
      await page.getByText('El archivo es válido. Si lo importa:').waitFor({ timeout: 120_000 });
      await page
        .getByText(/^20\D?000 instituciones nuevas$/)
        .first()
        .waitFor();

      await page.getByRole('button', { name: 'Importar', exact: true }).click();
      await page.getByRole('progressbar', { name: 'Importando el archivo' }).waitFor();
      await page.getByText('Padrón importado').waitFor({ timeout: 120_000 });
      // No horizontal scrolling at phone width.
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1', [
      staff.guarantorId,
    ]);
    expect(n).toBe(20_000);
  }, 300_000);
});
