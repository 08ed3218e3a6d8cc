import type { Browser } from 'playwright-core';
import { deriveToken } from '@apertura/config';
import { startWorker } from '../../apps/worker/src/main';
import { RoundRecomputeService } from '../../apps/worker/src/metric/round-recompute.service';
import { startTestApp, type TestApp } from '../support/app';
import { buildRoundFixture } from '../support/round-fixture';
import { documentWidth, launchBrowser, openSession, shot, steps } from './browser';

const EMAIL = 'lucia.demografia@example.org';
const PASSWORD = 'una frase larga y secreta';

/**
 * Issue #18 item 3, at phone width: registration ends with the optional demographics (purpose,
 * explicit consent, "prefiero no decir"); the profile page edits them and withdraws consent.
 */
describe('browser: optional demographics at registration and on the profile', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const stored = async (): Promise<Array<Record<string, string>>> =>
    t.ds.query(
      `SELECT d.age_band, d.gender, d.municipality_type, d.indigenous_language, d.disability
       FROM validator_demographics d JOIN app_user u ON u.id = d.user_id WHERE u.email = $1`,
      [EMAIL],
    );

  it('registers with consent, then edits and deletes the answers from the profile', async () => {
    const s = await openSession(browser, { width: 375, height: 740 });
    await steps(s, 'demographics', async (page) => {
      await page.goto(`${t.url}/registro`);
      await page.getByLabel('Correo electrónico').fill(EMAIL);
      await page.getByLabel('Contraseña').fill(PASSWORD);
      await page.getByRole('checkbox', { name: /acepto el tratamiento de mis datos/ }).check();
      await page.getByRole('button', { name: 'Crear cuenta' }).click();
      await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();

      const [row] = await t.ds.query(
        `SELECT v.id FROM email_verification v JOIN app_user u ON u.id = v.user_id WHERE u.email = $1`,
        [EMAIL],
      );
      await page.goto(`${t.url}/verificar/${deriveToken(t.env.TOKEN_SECRET, 'verify', row.id)}`);
      await page.getByText('Correo verificado').waitFor();
      const form = page.getByRole('region', { name: 'Quiénes validan (opcional)' });
      await form.getByText(/Nunca se muestran ni se exportan sus respuestas individuales/).waitFor();
      await form.getByLabel('Edad').selectOption({ label: '30 a 44 años' });
      await form.getByLabel('Género').selectOption({ label: 'Mujer' });
      await form
        .getByLabel('Tipo de municipio donde vive')
        .selectOption({ label: 'Rural o semiurbano (menos de 15 mil habitantes)' });
      await form.getByLabel('¿Habla alguna lengua indígena?').selectOption({ label: 'Sí' });
      // Left unanswered: saved as "prefiero no decir".

      // No consent, nothing stored.
      await form.getByRole('button', { name: 'Guardar mis respuestas' }).click();
      await form.getByText('Para guardar sus respuestas marque la casilla de consentimiento.').waitFor();
      expect(await stored()).toEqual([]);

      await form.getByRole('checkbox', { name: /mis respuestas se usen solo para esas estadísticas/ }).check();
      expect(await documentWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, 'demographics-registration');
      await form.getByRole('button', { name: 'Guardar mis respuestas' }).click();
      await form.getByText('Respuestas guardadas.', { exact: false }).waitFor();
      expect(await stored()).toEqual([
        {
          age_band: '30_44',
          gender: 'woman',
          municipality_type: 'rural',
          indigenous_language: 'yes',
          disability: 'prefer_not_to_say',
        },
      ]);

      // The profile page shows the answers and edits them.
      await page.getByRole('link', { name: 'Continuar a validación ciudadana' }).click();
      await page.getByRole('heading', { level: 1, name: 'Validación ciudadana' }).waitFor();
      const profile = page.getByRole('region', { name: 'Quiénes validan (opcional)' });
      await profile.getByText(/Dio su consentimiento el/).waitFor();
      expect(await profile.getByLabel('Género').inputValue()).toBe('woman');
      await profile.getByLabel('Género').selectOption({ label: 'Prefiero no decir' });
      await profile.getByRole('button', { name: 'Guardar mis respuestas' }).click();
      await profile.getByText('Respuestas guardadas.', { exact: false }).waitFor();
      expect((await stored())[0].gender).toBe('prefer_not_to_say');
      expect(await documentWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, 'demographics-profile');

      // Withdrawing consent deletes them, after a confirmation.
      await profile.getByRole('button', { name: 'Retirar consentimiento y borrar mis respuestas' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'Retirar consentimiento y borrar mis respuestas' })
        .click();
      await profile.getByText('Sus respuestas se borraron.').waitFor();
      await profile.getByText('No ha respondido estas preguntas.').waitFor();
      expect(await stored()).toEqual([]);
      expect(s.problems).toEqual([]);
    });
    await s.context.close();
  });
  it("shows a published round's validators' profile in aggregate, small cells as <5, beside the census population", async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'demographics-browser',
      name: 'Ronda con perfil',
      institutions: 6,
      municipalities: 2,
      status: 'published',
      synthetic: true,
      validators: 12,
      reportsPerInstitution: [2, 4],
    });
    const workers: Array<{ id: string }> = await t.ds.query(
      `SELECT DISTINCT validator_id AS id FROM citizen_report WHERE round_id = $1
       UNION SELECT DISTINCT validator_id FROM verdict WHERE round_id = $1 ORDER BY id`,
      [fx.roundId],
    );
    expect(workers.length).toBeGreaterThanOrEqual(8);
    // Everyone a woman of a city but two men, who are too few to show (and hide one more cell with them).
    for (const [i, w] of workers.entries())
      await t.ds.query(
        `INSERT INTO validator_demographics (user_id, age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at)
         VALUES ($1, '45_59', $2, 'city', 'no', 'no', '2026-12', now())`,
        [w.id, i < 2 ? 'man' : 'woman'],
      );
    const s = await openSession(browser, { width: 375, height: 740 });
    await steps(s, 'demographics-results', async (page) => {
      await page.goto(`${t.url}/resultados/${fx.roundId}`);
      const section = page.getByTestId('validators-profile');
      await section.getByRole('heading', { name: 'Perfil de quienes validaron' }).waitFor();
      await section
        .getByText(`${workers.length} de las ${workers.length} personas que validaron en esta ronda`)
        .waitFor();
      const gender = section.getByTestId('profile-gender');
      await gender.getByRole('row', { name: /Hombre <5/ }).waitFor();
      // The complement of the lone small cell is hidden too: 2 men = total − women otherwise.
      await gender.getByRole('row', { name: /Mujer <5/ }).waitFor();
      const mun = section.getByTestId('profile-municipalityType');
      await mun.getByRole('columnheader', { name: 'Población' }).waitFor();
      await mun
        .getByRole('row', { name: new RegExp(`^Ciudad \\(100 mil a 499 mil habitantes\\) ${workers.length} 100`) })
        .waitFor();
      await section.getByText(/Fuente: CONAPO/).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(375);
      await section.scrollIntoViewIfNeeded();
      await shot(page, 'demographics-results');
      expect(s.problems).toEqual([]);
    });
    await s.context.close();
  });
  it('shows the round values re-weighted to the population beside the published ones, as a sensitivity check', async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'demographics-browser-reweight',
      name: 'Ronda re-ponderada',
      institutions: 8,
      municipalities: 2,
      status: 'published',
      synthetic: true,
      validators: 16,
      reportsPerInstitution: [4, 6],
    });
    const worker = await startWorker(t.env);
    try {
      const [{ id }] = await t.ds.query('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [fx.roundId]);
      const out = await worker
        .get(RoundRecomputeService)
        .recompute({ roundId: fx.roundId, runId: id }, async () => undefined);
      expect(out.status).toBe('done');
    } finally {
      await worker.close();
    }
    const people: Array<{ id: string }> = await t.ds.query(
      'SELECT DISTINCT unnest(validator_ids) AS id FROM institution_result WHERE round_id = $1 ORDER BY id',
      [fx.roundId],
    );
    expect(people.length).toBeGreaterThanOrEqual(12);
    // Rural and small-city people too few apart (merged), city and metropolis likewise; two undeclared.
    const cells = ['rural', 'rural', 'rural', 'small_city', 'small_city', 'small_city'];
    cells.push('city', 'city', 'city', 'city', 'metropolis', 'metropolis');
    for (const [i, p] of people.entries())
      if (i < cells.length)
        await t.ds.query(
          `INSERT INTO validator_demographics (user_id, age_band, gender, municipality_type, indigenous_language, disability, purpose_version, consent_at)
           VALUES ($1, '45_59', 'woman', $2, 'no', 'no', '2026-12', now())`,
          [p.id, cells[i]],
        );

    const s = await openSession(browser, { width: 375, height: 740 });
    await steps(s, 'demographics-reweighted', async (page) => {
      await page.goto(`${t.url}/resultados/${fx.roundId}`);
      const section = page.getByTestId('reweighted-indices');
      await section.getByRole('heading', { name: /Prueba de sensibilidad/ }).waitFor();
      await section.getByText(/el valor publicado de la ronda no cambia y es el que cuenta/).waitFor();
      const cardI = section.locator('li[data-indicator="I"]');
      await cardI.getByText('Valor publicado (intervalo de 95 %)').waitFor();
      await cardI.getByText('Re-ponderado (solo comprobación)').waitFor();
      // The published value with its interval and status, the re-weighted one and the difference in words.
      await cardI.getByTestId('rw-main').getByText(/\[/).waitFor();
      await cardI
        .getByTestId('rw-verdict')
        .getByText(/La diferencia .* (menor|mayor) que la incertidumbre/)
        .waitFor();
      for (const code of ['TC', 'PC']) await section.locator(`li[data-indicator="${code}"]`).waitFor();
      await section.getByText(/Tipos de municipio agrupados porque uno tenía menos de 5 personas/).waitFor();
      expect(await documentWidth(page)).toBeLessThanOrEqual(375);
      await section.scrollIntoViewIfNeeded();
      await shot(page, 'demographics-reweighted');
      expect(s.problems).toEqual([]);
    });
    await s.context.close();
  });
});
