import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { guarantorWithAdmin, TEST_PASSWORD, type Staff } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { buildRoundFixture } from '../support/round-fixture';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Issue #15 item 4 in real Chromium: a draft round is edited and deleted from its page, the rounds list
 * links each round's dashboards, and publishing goes through a dialog that shows the coverage first and
 * keeps «Publicar» disabled until a mostly inconclusive result is acknowledged.
 */
describe('browser: round editing, deletion and the publish dialog', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let browser: Browser;

  async function signIn(page: Page, path: string): Promise<void> {
    await page.goto(`${t.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(staff.adminEmail);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' }, tag: 'roundsbrowser' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    await http.post(
      '/api/universe/import',
      { csv: readFileSync(join(__dirname, '..', 'fixtures', 'universe-good.csv'), 'utf8') },
      { token: staff.adminToken },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('edits a draft, then deletes it after confirming', async () => {
    const defaults = await http.post<{ items: { id: string }[] }>('/api/questionnaires/defaults', undefined, {
      token: staff.adminToken,
    });
    const [iq, cq] = defaults.body.items;
    const created = await http.post<{ id: string }>(
      '/api/rounds',
      {
        name: 'Borrador 2026',
        opensAt: new Date(Date.now() + 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        institutionQuestionnaireId: iq.id,
        citizenQuestionnaireId: cq.id,
      },
      { token: staff.adminToken },
    );
    const id = created.body.id;
    const s = await openSession(browser);
    await steps(s, 'rounds-draft-edit-delete', async (page) => {
      await signIn(page, `/consola/rondas/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Borrador 2026' }).waitFor();
      const edit = page.getByRole('region', { name: 'Editar borrador' });
      await edit.getByLabel('Nombre de la ronda').fill('Borrador 2026 (revisado)');
      // Invalid settings JSON is caught before sending.
      await edit.getByLabel('Configuración del método (JSON)').fill('{ "thresholds": ');
      await edit.getByRole('button', { name: 'Guardar cambios' }).click();
      await edit.getByText('No es un JSON válido').waitFor();
      await edit.getByLabel('Configuración del método (JSON)').fill('{ "thresholds": { "institutionMinReports": 4 } }');
      await edit.getByRole('button', { name: 'Guardar cambios' }).click();
      await page.getByRole('heading', { level: 1, name: 'Borrador 2026 (revisado)' }).waitFor();
      const [row] = await t.ds.query('SELECT name, settings FROM round WHERE id = $1', [id]);
      expect(row.name).toBe('Borrador 2026 (revisado)');
      expect(row.settings.thresholds.institutionMinReports).toBe(4);
      // Dashboards are linked from the round page.
      await page.getByRole('region', { name: 'Tableros' }).getByRole('link', { name: 'Municipios' }).waitFor();
      await shot(page, 'rounds-draft-edit');

      await page.getByRole('button', { name: 'Eliminar borrador' }).click();
      const dialog = page.getByRole('dialog', { name: '¿Eliminar este borrador?' });
      await dialog.getByText('Se eliminará la ronda «Borrador 2026 (revisado)»').waitFor();
      await dialog.getByRole('button', { name: 'Eliminar borrador' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
      await page.waitForURL(`${t.url}/consola`);
      expect(await page.getByRole('link', { name: 'Borrador 2026 (revisado)' }).count()).toBe(0);
      expect(await t.ds.query('SELECT id FROM round WHERE id = $1', [id])).toEqual([]);
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 60_000);

  it('publishes through a dialog that shows coverage and needs the acknowledgement (and fits a phone)', async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'browser-publish-dialog',
      name: 'Ronda por publicar',
      institutions: 8,
      guarantorId: staff.guarantorId,
      status: 'closed',
      selfReportShare: 1,
      reportsPerInstitution: [0, 0],
    });
    const s = await openSession(browser, { width: 390, height: 844 });
    await steps(s, 'rounds-publish-dialog', async (page) => {
      await signIn(page, '/consola');
      await page.getByRole('heading', { level: 1, name: 'Rondas' }).waitFor();
      // The list links the round's dashboards.
      const links = page.getByRole('navigation', { name: 'Tableros de Ronda por publicar' });
      expect(await links.getByRole('link', { name: 'Resumen' }).getAttribute('href')).toBe(`/resultados/${fx.roundId}`);
      await page.getByRole('link', { name: 'Ronda por publicar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ronda por publicar' }).waitFor();

      await page.getByRole('button', { name: 'Publicar resultados…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publicar los resultados' });
      await dialog.getByRole('table', { name: 'Estado del índice I por institución' }).waitFor();
      const fact = (label: string) =>
        dialog.locator('dl > div', { has: page.getByText(label, { exact: true }) }).locator('dd');
      expect(await fact('Instituciones en el universo').textContent()).toBe('8');
      expect(await fact('Enviaron su autodiagnóstico').textContent()).toBe('8');
      expect(await fact('Con datos ciudadanos (validadas)').textContent()).toBe('0');
      expect(
        await dialog
          .getByRole('row', { name: /Sin validación ciudadana/ })
          .getByRole('cell')
          .textContent(),
      ).toBe('8');
      await dialog.getByText('La mayoría de los valores no son concluyentes (8 de 8).').waitFor();
      const publish = dialog.getByRole('button', { name: 'Publicar', exact: true });
      expect(await publish.isDisabled()).toBe(true);
      await shot(page, 'rounds-publish-dialog-phone');
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);

      await dialog.getByLabel('Entiendo que la mayoría de los valores no son concluyentes').check();
      expect(await publish.isEnabled()).toBe(true);
      await publish.click();
      await page
        .getByText('Publicación solicitada. La ronda se publica cuando termine el recálculo completo.')
        .waitFor();
      expect(await dialog.isVisible()).toBe(false);
    });
    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'round.publish' AND entity_id = $1`,
      [fx.roundId],
    );
    expect(audit.details).toMatchObject({ acknowledgedInconclusive: true, coverage: { universe: 8, submitted: 8 } });
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 60_000);
});
