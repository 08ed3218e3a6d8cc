import { randomBytes } from 'crypto';
import type { Browser } from 'playwright-core';
import { INSTITUTION_V1 } from '@apertura/questionnaire';
import { launchBrowser, openSession, steps } from '../browser/browser';
import { startTestApp, TestApp } from '../support/app';
import { client } from '../support/http';
import { invitedRound } from './support/world';

/**
 * Issue #13 §6, in a real browser: a questionnaire version whose `html` element carries
 * `<meta http-equiv=refresh>` (the report's attack sent respondents to another site), an `onerror`
 * handler and a `javascript:` link. The version is written straight to the database — as one stored
 * before sanitisation on save existed — so this proves the second line: sanitising again on render.
 */
describe('stored questionnaire HTML is sanitised again when the respondent page renders it', () => {
  let t: TestApp;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ env: { SERVE_WEB: 'true' } });
    const world = await invitedRound(t, client(t.url), `seca-html-${randomBytes(3).toString('hex')}`);
    token = world.token;
    const definition = JSON.parse(JSON.stringify(INSTITUTION_V1)) as { pages: Array<{ elements: unknown[] }> };
    definition.pages[0].elements.unshift({
      type: 'html',
      name: 'aviso_malicioso',
      html:
        '<meta http-equiv="refresh" content="0;url=https://evil.example/phish">' +
        '<p id="aviso-seguro">Bienvenida al diagnóstico</p>' +
        `<img src="x" onerror="document.title='pwned'">` +
        `<a id="enlace-malo" href="javascript:document.title='pwned'">continuar</a>` +
        `<script>document.title='pwned'</script>`,
    });
    await t.ds.query(
      'UPDATE questionnaire SET definition = $1::jsonb WHERE id = (SELECT institution_questionnaire_id FROM round WHERE id = $2)',
      [JSON.stringify(definition), world.roundId],
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the text, without the refresh, the handler, the script or the javascript: link', async () => {
    const s = await openSession(browser);
    const requested: string[] = [];
    s.page.on('request', (r) => requested.push(r.url()));
    await steps(s, 'stored-html', async (page) => {
      await page.goto(`${t.url}/responder/${token}`);
      const element = page.locator('[data-name="aviso_malicioso"]');
      // (ids are not on the allow-list either: elements are found by their text)
      await element.getByText('Bienvenida al diagnóstico').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/responder/${token}`);
      expect(await page.locator('meta[http-equiv]').count()).toBe(0);
      expect(await element.locator('img, script').count()).toBe(0);
      expect(await element.getByText('continuar').getAttribute('href')).toBeNull();
      expect(await page.title()).not.toBe('pwned');
    });
    expect(requested.filter((u) => u.includes('evil.example'))).toEqual([]);
    await s.context.close();
  });
});
