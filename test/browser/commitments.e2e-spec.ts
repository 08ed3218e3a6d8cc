import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { commitmentsFixture, verifiedValidator, type CommitmentsFixture } from '../support/commitments-fixture';
import { TEST_PASSWORD } from '../support/fixtures';
import { client, type Client } from '../support/http';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

/**
 * Commitments in the browser (issue #18 item 1): the operator records a commitment in the console;
 * a validator verifies its milestone on a phone from the next round's assignment (the ordinary
 * verdict engine); the public page shows the verified progress, with its interval and status, beside
 * the declared one.
 */
describe('browser: commitments (record → citizen verifies → public verified progress)', () => {
  let t: TestApp;
  let http: Client;
  let browser: Browser;
  let f: CommitmentsFixture;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' }, tag: 'bcommit' });
    http = client(t.url);
    f = await commitmentsFixture(t, http);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signIn = async (page: Page, path: string, email: string): Promise<void> => {
    await page.goto(`${t.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Ingresar' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar', exact: true }).click();
  };

  it('records, verifies and publishes verified progress', async () => {
    const admin = await openSession(browser);
    await steps(admin, 'commitments-console', async (page) => {
      await signIn(page, `/consola/rondas/${f.round1}/compromisos`, f.staff.adminEmail);
      await page.getByRole('heading', { level: 1, name: 'Compromisos: Diagnóstico 2026' }).waitFor();
      await page.getByRole('button', { name: 'Registrar un compromiso' }).click();
      const form = page.getByRole('form', { name: 'Registrar un compromiso' });
      // The form says what is missing before the server does.
      await form.getByRole('button', { name: 'Guardar compromiso' }).click();
      await form.getByText('Elija al menos un componente.').waitFor();
      await form
        .getByRole('combobox', { name: /^Institución/ })
        .selectOption({ label: 'Ayuntamiento de Naucalpan de Juárez' });
      await form.getByRole('textbox', { name: /^Compromiso/ }).fill('Publicar datos abiertos de obra pública');
      await form.getByLabel('Responsable (área o cargo)').fill('Dirección de Obras Públicas');
      await form.getByLabel(/Indicador de resultado/).fill('Conjuntos de datos de obra con licencia abierta');
      await form.getByLabel('Datos abiertos (TG.DA)').check();
      await form.getByLabel('Título del hito 1').fill('Inventario de datos de obra');
      await form.getByLabel('Fecha límite del hito 1').fill('2026-01-31');
      await form.getByLabel('Cumplido (declaración de la institución)').check();
      await form.getByRole('button', { name: 'Guardar compromiso' }).click();
      await page.getByText('Compromiso guardado.').waitFor();
      const card = page.getByRole('article', { name: 'Publicar datos abiertos de obra pública' });
      await card.getByTestId('milestone').getByText('Sin verificar', { exact: true }).waitFor();
      await card.getByTestId('progress-declared').getByText('100 %').waitFor();
      await card.getByTestId('progress-verified').getByText('sin verificar').waitFor();
      await shot(page, 'commitments-console');

      // A CSV with a bad row: every problem listed per row, nothing saved.
      await page
        .getByLabel('O pegue el contenido del CSV')
        .fill(
          'institution_key,commitment_key,title,owner,outcome_indicator,components,milestone_title,milestone_due\nnaucalpan,mesas,Mesas de seguimiento,Secretaría,Minutas públicas,PG.Seg,Primera mesa,31/03/2026',
        );
      await page.getByRole('button', { name: 'Importar' }).click();
      const problems = page.getByRole('table', { name: 'Problemas por fila' });
      await problems.getByText('«31/03/2026» no es una fecha AAAA-MM-DD.').waitFor();
    });
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    // The institution's officer, on a phone with the round's invitation link, edits it: the second milestone.
    const officer = await openSession(browser, { width: 390, height: 844 });
    await steps(officer, 'commitments-institution', async (page) => {
      await page.goto(`${t.url}/responder/${f.invitation1}`);
      await page.getByRole('link', { name: 'Registrar compromisos de mejora' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Compromisos de Ayuntamiento de Naucalpan de Juárez' })
        .waitFor();
      await page.getByRole('button', { name: 'Editar: Publicar datos abiertos de obra pública' }).click();
      const form = page.getByRole('form', { name: 'Editar «Publicar datos abiertos de obra pública»' });
      await form.getByRole('button', { name: 'Agregar hito' }).click();
      await form.getByLabel('Título del hito 2').fill('Portal con licencia abierta');
      await form.getByLabel('Fecha límite del hito 2').fill('2099-06-30');
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await form.getByRole('button', { name: 'Guardar compromiso' }).click();
      await page.getByText('Compromiso guardado.').waitFor();
      const card = page.getByRole('article', { name: 'Publicar datos abiertos de obra pública' });
      await card.getByTestId('milestone').getByText('Portal con licencia abierta').waitFor();
      await card.getByTestId('progress-declared').getByText('50 %').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'commitments-institution-phone');
    });
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    // The validator takes the next round's assignment and verifies the milestone on a phone.
    const v = await verifiedValidator(t, http);
    const assignment = (await http.post(`/api/citizens/rounds/${f.round2}/assignments`, {}, { token: v.token })).body
      .items[0].id;
    const phone = await openSession(browser, { width: 390, height: 844 });
    await steps(phone, 'commitments-validator', async (page) => {
      await signIn(page, `/validador/asignaciones/${assignment}`, v.email);
      const section = page.getByRole('region', { name: 'Hitos de compromisos por verificar' });
      const card = section.getByRole('article', { name: 'Inventario de datos de obra' });
      await card.getByText('Compromiso: Publicar datos abiertos de obra pública').waitFor();
      await card.getByRole('button', { name: 'Guardar dictamen del hito' }).click();
      await card.getByText('Elija un dictamen.').waitFor();
      await card.getByRole('radio', { name: 'Confirmado' }).check();
      await card.getByLabel('Enlace a su evidencia (opcional)').fill('https://naucalpan.example/datos/obra.csv');
      await card.getByRole('button', { name: 'Guardar dictamen del hito' }).click();
      await card.getByText('Dictamen guardado.').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'commitments-validator-phone');
    });
    expect(phone.problems).toEqual([]);
    await phone.context.close();
    const [row] = await t.ds.query(
      `SELECT round_id, verdict, milestone_id IS NOT NULL AS milestone FROM verdict WHERE question_name LIKE 'milestone:%'`,
    );
    expect(row).toEqual({ round_id: f.round2, verdict: 'confirmed', milestone: true });

    // The public sees the verified progress (with interval and status) beside the declared one.
    const pub = await openSession(browser, { width: 390, height: 844 });
    await steps(pub, 'commitments-public', async (page) => {
      await page.goto(`${t.url}/resultados/${f.round1}/compromisos`);
      await page.getByRole('heading', { level: 1, name: 'Compromisos tras la ronda' }).waitFor();
      const card = page.getByRole('article', { name: 'Publicar datos abiertos de obra pública' });
      await card.getByText('Verificado por la ciudadanía').waitFor();
      const verified = card.getByTestId('progress-verified');
      // Two milestones, one confirmed: the unchecked one adds nothing.
      expect(await verified.getAttribute('data-estimate')).toBe('0.5');
      await verified.getByText(/\[\d+ %, \d+ %\]/).waitFor();
      await verified.getByText('1 de 2 hitos verificados con 1 dictamen').waitFor();
      await verified.locator('[data-status="inconclusive"]').waitFor();
      await verified.getByText(/Menos de 5 dictámenes ciudadanos firmes respaldan el avance verificado\./).waitFor();
      await page.locator('[data-testid="movement"][data-component="TG.DA"][data-verdict="not_comparable"]').waitFor();
      await card.getByTestId('progress-declared').getByText('50 %').waitFor();
      await page.getByText('Aún no hay una ronda publicada posterior: el cambio se mostrará cuando exista.').waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'commitments-public-phone');
      // English.
      await page.evaluate("localStorage.setItem('apertura.lang', 'en')");
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Commitments after the round' }).waitFor();
      await page.getByText('Verified by citizens').waitFor();
    });
    expect(pub.problems).toEqual([]);
  });
});
