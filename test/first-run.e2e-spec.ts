import { readFileSync } from 'fs';
import { join } from 'path';
import { seedDemo, DEFAULT_DEMO_PASSWORD } from '../apps/api/src/cli/demo/seed-demo';
import { SetupService } from '../apps/api/src/setup/setup.service';
import { deriveToken } from '@apertura/config';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken, TEST_PASSWORD, userIdByEmail } from './support/fixtures';
import { client, Client, ResponseJson } from './support/http';

type Json = Record<string, ResponseJson>;
const GOOD = readFileSync(join(__dirname, 'fixtures', 'universe-good.csv'), 'utf8');
const DAY = 24 * 3600 * 1000;

/**
 * Issue #15 items 6 and 8 against the real API and PostgreSQL, on a database that already holds the
 * seeded demo (so "the demo does not count as a configured installation" is exercised for real):
 * the one-time setup code, the demo's isolation from a real guarantor, and padrón retirement.
 */
describe('first run, demo isolation and padrón retirement', () => {
  let t: TestApp;
  let http: Client;
  let setup: SetupService;
  let demo: { guarantorId: string; roundId: string; validatorEmails: string[] };
  let real: Staff;
  const REAL_SLUG = 'itaipem';

  const body = (code: string, extra: Json = {}): Json => ({
    code,
    slug: REAL_SLUG,
    name: 'Instituto de Transparencia (prueba)',
    cveEnt: '15',
    adminEmail: 'Primera.Admin@itaipem.example',
    adminPassword: TEST_PASSWORD,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ tag: process.env.TEST_NAME_TAG ?? 'firstrun' });
    http = client(t.url);
    setup = t.app.get(SetupService);
    const seeded = await seedDemo(t.ds, { password: DEFAULT_DEMO_PASSWORD });
    if (seeded.skipped) throw new Error('demo not seeded');
    demo = seeded;
  }, 240_000);
  afterAll(() => t?.close());

  describe('one-time setup code', () => {
    let code: string;

    it('counts the demo guarantor as no guarantor: setup is needed and a code is issued (only its hash stored)', async () => {
      expect((await http.get('/api/setup/status')).body).toEqual({ needed: true });
      const issued = await setup.issue();
      expect(issued).not.toBeNull();
      code = (issued as { code: string }).code;
      expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
      const rows = await t.ds.query('SELECT code_hash, used_at FROM setup_code');
      expect(rows).toHaveLength(1);
      expect(rows[0].code_hash).not.toContain(code.replace(/-/g, ''));
      expect(rows[0].used_at).toBeNull();
    });

    it('refuses a wrong code with 403 SETUP_CODE_INVALID, creates nothing and audits the refusal', async () => {
      const r = await http.post('/api/setup', body('AAAA-BBBB-CCCC-DDDD-EEEE'));
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'SETUP_CODE_INVALID', field: 'code' });
      expect(r.body.messages.es).toBeTruthy();
      expect(r.body.messages.en).toBeTruthy();
      expect(await t.ds.query('SELECT 1 FROM guarantor WHERE slug = $1', [REAL_SLUG])).toHaveLength(0);
      const audit = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'setup.refused'`);
      expect(audit.map((a: Json) => a.details.reason)).toEqual(['wrong_code']);
    });

    it('refuses an expired code with 410 SETUP_CODE_EXPIRED', async () => {
      const old = await setup.issue(new Date(Date.now() - 2 * DAY));
      const r = await http.post('/api/setup', body((old as { code: string }).code));
      expect(r.status).toBe(410);
      expect(r.body.code).toBe('SETUP_CODE_EXPIRED');
    });

    it('validates the form at the edge (password rules, slug)', async () => {
      const short = await http.post('/api/setup', body(code, { adminPassword: 'short' }));
      expect(short.status).toBe(400);
      expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'adminPassword' });
      const slug = await http.post('/api/setup', body(code, { slug: 'Not A Slug' }));
      expect(slug.status).toBe(400);
      expect(slug.body.field).toBe('slug');
    });

    it('of two simultaneous uses of the good code exactly one wins; the other is refused', async () => {
      // Case and dashes do not matter: people type what they read in the log.
      const [x, y] = await Promise.all([
        http.post('/api/setup', body(code)),
        http.post('/api/setup', body(code.toLowerCase().replace(/-/g, ' '))),
      ]);
      const statuses = [x.status, y.status].sort();
      expect(statuses).toEqual([201, 409]);
      const loser = x.status === 409 ? x : y;
      expect(loser.body.code).toBe('SETUP_ALREADY_DONE');
      const winner = x.status === 201 ? x : y;
      expect(winner.body).toMatchObject({ slug: REAL_SLUG, adminEmail: 'primera.admin@itaipem.example' });
      expect(await t.ds.query('SELECT 1 FROM guarantor WHERE NOT synthetic')).toHaveLength(1);
      const [audit] = await t.ds.query(`SELECT guarantor_id, details FROM audit_log WHERE action = 'setup.complete'`);
      expect(audit.guarantor_id).toBe(winner.body.guarantorId);
      expect(await t.ds.query('SELECT 1 FROM setup_code WHERE used_at IS NULL')).toHaveLength(0);
    });

    it('signs in the new admin, and afterwards every code is refused with 409 and none is issued', async () => {
      const login = await http.post('/api/auth/login', {
        email: 'primera.admin@itaipem.example',
        password: TEST_PASSWORD,
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ role: 'guarantor_admin' });
      real = {
        guarantorId: login.body.user.guarantorId,
        adminToken: login.body.accessToken,
        adminEmail: 'primera.admin@itaipem.example',
      };
      const again = await http.post('/api/setup', body(code, { slug: 'otro', adminEmail: 'otra@itaipem.example' }));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SETUP_ALREADY_DONE');
      expect((await http.get('/api/setup/status')).body).toEqual({ needed: false });
      expect(await setup.issue()).toBeNull();
    });

    it('keeps the CLI path (GuarantorsService.create) for further guarantors', async () => {
      const other = await guarantorWithAdmin(t.ds, http, 'cli-made');
      expect(other.adminToken).toBeTruthy();
    });
  });

  describe('the demo never leaks into a real guarantor', () => {
    let openRoundId: string;
    let publishedRealId: string;
    let demoValidatorToken: string;

    beforeAll(async () => {
      expect((await http.post('/api/universe/import', { csv: GOOD }, { token: real.adminToken })).status).toBe(200);
      const defaults = await http.post('/api/questionnaires/defaults', undefined, { token: real.adminToken });
      const [iq, cq] = defaults.body.items;
      const created = await http.post(
        '/api/rounds',
        {
          name: 'Diagnóstico real 2026',
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
          institutionQuestionnaireId: iq.id,
          citizenQuestionnaireId: cq.id,
          universeSelection: { cveEnt: ['15'] },
        },
        { token: real.adminToken },
      );
      expect(created.status).toBe(201);
      openRoundId = created.body.id;
      expect((await http.post(`/api/rounds/${openRoundId}/open`, undefined, { token: real.adminToken })).status).toBe(
        200,
      );
      expect(
        (await http.post(`/api/rounds/${openRoundId}/validation/open`, undefined, { token: real.adminToken })).status,
      ).toBe(200);
      // A published real round to pair with the demo (written directly: publishing needs the worker).
      const [p] = await t.ds.query(
        `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, published_at)
         VALUES ($1, 'Diagnóstico real 2025', 'published', now() - interval '300 days', now() - interval '200 days', $2, $3, now()) RETURNING id`,
        [real.guarantorId, iq.id, cq.id],
      );
      publishedRealId = p.id;
      const login = await http.post('/api/auth/login', {
        email: demo.validatorEmails[0],
        password: DEFAULT_DEMO_PASSWORD,
      });
      expect(login.status).toBe(200);
      demoValidatorToken = login.body.accessToken;
    });

    it("universe lists and counts hold only the guarantor's own institutions", async () => {
      const list = await http.get('/api/universe/institutions?pageSize=200', { token: real.adminToken });
      expect(list.body.total).toBe(12);
      expect(list.body.items.every((i: Json) => !String(i.email).endsWith('@demo.invalid'))).toBe(true);
      const summary = await http.get('/api/universe/summary', { token: real.adminToken });
      expect(summary.body.total).toBe(12);
      const roundUniverse = await http.get(`/api/rounds/${openRoundId}/universe?pageSize=200`, {
        token: real.adminToken,
      });
      expect(roundUniverse.body.total).toBe(5);
      const rounds = await http.get('/api/rounds', { token: real.adminToken });
      expect(rounds.body.items.map((r: Json) => r.synthetic)).toEqual([false, false]);
    });

    it("the planner counts no demo validator, though the demo's live in the same municipalities", async () => {
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM validator_profile p JOIN app_user u ON u.id = p.user_id WHERE u.synthetic AND p.cvegeo LIKE '15%'`,
      );
      expect(n).toBeGreaterThan(0);
      const plan = await http.get(`/api/rounds/${openRoundId}/recruitment?level=state`, { token: real.adminToken });
      expect(plan.status).toBe(200);
      expect(plan.body.totals.validatorsRegistered).toBe(0);
      // A real person registering in Toluca is counted.
      const email = 'persona.real@example.org';
      expect(
        (
          await http.post('/api/citizens/register', {
            email,
            password: TEST_PASSWORD,
            cvegeo: '15106',
            consent: true,
            privacyNoticeVersion: '2025-01',
          })
        ).status,
      ).toBe(202);
      const id = await userIdByEmail(t.ds, email);
      const [row] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [id]);
      expect(
        (await http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', row.id) })).status,
      ).toBe(200);
      const after = await http.get(`/api/rounds/${openRoundId}/recruitment?level=state`, { token: real.adminToken });
      expect(after.body.totals.validatorsRegistered).toBe(1);
      // And the demo's own planner still sees its validators, not the real person.
      const demoAdmin = await http.post('/api/auth/login', {
        email: 'admin@demo.apertura.mx',
        password: DEFAULT_DEMO_PASSWORD,
      });
      const demoPlan = await http.get(`/api/rounds/${demo.roundId}/recruitment?level=state`, {
        token: demoAdmin.body.accessToken,
      });
      expect(demoPlan.body.totals.validatorsRegistered).toBe(n);
    });

    it('a demo validator neither sees nor gets assignments in a real round', async () => {
      const rounds = await http.get('/api/citizens/rounds', { token: demoValidatorToken });
      expect(rounds.status).toBe(200);
      expect(rounds.body.items.map((r: Json) => r.id)).not.toContain(openRoundId);
      const ask = await http.post(`/api/citizens/rounds/${openRoundId}/assignments`, {}, { token: demoValidatorToken });
      expect(ask.status).toBe(404);
      expect(await t.ds.query('SELECT 1 FROM assignment WHERE round_id = $1', [openRoundId])).toHaveLength(0);
      const validators = await http.get(`/api/rounds/${openRoundId}/validators`, { token: real.adminToken });
      expect(validators.body.total).toBe(0);
    });

    it('the institution search of validators (conflict declarations) offers no demo institution', async () => {
      const login = await http.post('/api/auth/login', { email: 'persona.real@example.org', password: TEST_PASSWORD });
      const r = await http.get('/api/citizens/institutions?cveEnt=15&pageSize=200', { token: login.body.accessToken });
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(5);
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1', [
        demo.guarantorId,
      ]);
      expect(n).toBeGreaterThan(300);
    });

    it('public round lists by guarantor hold no demo round; the demo is labelled synthetic in the full list', async () => {
      const mine = await http.get(`/api/public/rounds?guarantor=${REAL_SLUG}`);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((r: Json) => r.id)).toEqual([publishedRealId]);
      const all = await http.get('/api/public/rounds');
      const demoRow = all.body.items.find((r: Json) => r.id === demo.roundId);
      expect(demoRow).toMatchObject({ synthetic: true, guarantor: { slug: 'infoem-demo' } });
    });

    it('the public comparison refuses a synthetic demo round next to a real one (SYNTHETIC_MIXED)', async () => {
      const mixed = await http.get(`/api/public/comparison?a=${demo.roundId}&b=${publishedRealId}`);
      expect(mixed.status).toBe(200);
      expect(mixed.body).toMatchObject({ comparable: false, syntheticA: true, syntheticB: false });
      expect(mixed.body.reasons.map((r: Json) => r.code)).toEqual(['SYNTHETIC_MIXED']);
      expect(mixed.body.reasons[0].messages.es).toMatch(/sintéticos/);
      const same = await http.get(`/api/public/comparison?a=${demo.roundId}&b=${demo.roundId}`);
      expect(same.body.reasons.map((r: Json) => r.code)).toEqual(['SAME_ROUND']);
      // An unpublished round is not public: 404, never a hint that it exists.
      expect((await http.get(`/api/public/comparison?a=${demo.roundId}&b=${openRoundId}`)).status).toBe(404);
    });

    it("the demo's staff cannot read the real guarantor's rounds, nor the other way round", async () => {
      const demoAdmin = await http.post('/api/auth/login', {
        email: 'admin@demo.apertura.mx',
        password: DEFAULT_DEMO_PASSWORD,
      });
      expect((await http.get(`/api/rounds/${openRoundId}`, { token: demoAdmin.body.accessToken })).status).toBe(404);
      expect((await http.get(`/api/rounds/${demo.roundId}`, { token: real.adminToken })).status).toBe(404);
      expect(
        (await http.get(`/api/rounds/${demo.roundId}/recruitment?level=state`, { token: real.adminToken })).status,
      ).toBe(404);
    });
  });

  describe('padrón retirement', () => {
    let toluca: Json;
    let frozenRoundId: string;

    beforeAll(async () => {
      const list = await http.get('/api/universe/institutions?q=Toluca', { token: real.adminToken });
      toluca = list.body.items[0];
      expect(toluca.retiredAt).toBeNull();
      const [r] = await t.ds.query(`SELECT id FROM round WHERE guarantor_id = $1 AND status = 'open'`, [
        real.guarantorId,
      ]);
      frozenRoundId = r.id;
    });

    it('only the guarantor admin may retire, only its own institutions', async () => {
      const analyst = await staffToken(http, real.adminToken, 'analyst');
      const r = await http.post(`/api/universe/institutions/${toluca.id}/retire`, {}, { token: analyst });
      expect(r.status).toBe(403);
      const [demoInst] = await t.ds.query('SELECT id FROM institution WHERE guarantor_id = $1 LIMIT 1', [
        demo.guarantorId,
      ]);
      const foreign = await http.post(
        `/api/universe/institutions/${demoInst.id}/retire`,
        {},
        { token: real.adminToken },
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('NOT_FOUND');
    });

    it('retires softly: out of the default list and summary, listed as retired, audited once', async () => {
      const r = await http.post(
        `/api/universe/institutions/${toluca.id}/retire`,
        { reason: 'Se fusionó con otro sujeto obligado' },
        { token: real.adminToken },
      );
      expect(r.status).toBe(200);
      expect(r.body.retiredAt).toEqual(expect.any(String));
      // Idempotent: a second retire keeps the first date and writes no second audit record.
      const again = await http.post(`/api/universe/institutions/${toluca.id}/retire`, {}, { token: real.adminToken });
      expect(again.body.retiredAt).toBe(r.body.retiredAt);
      const active = await http.get('/api/universe/institutions?pageSize=200', { token: real.adminToken });
      expect(active.body.total).toBe(11);
      expect(active.body.items.map((i: Json) => i.id)).not.toContain(toluca.id);
      const retired = await http.get('/api/universe/institutions?status=retired', { token: real.adminToken });
      expect(retired.body.items.map((i: Json) => i.id)).toEqual([toluca.id]);
      expect(
        (await http.get('/api/universe/institutions?status=all&pageSize=200', { token: real.adminToken })).body.total,
      ).toBe(12);
      const summary = await http.get('/api/universe/summary', { token: real.adminToken });
      expect(summary.body).toMatchObject({ total: 11, retired: 1 });
      const audit = await t.ds.query(
        `SELECT details FROM audit_log WHERE action = 'universe.retire' AND entity_id = $1`,
        [toluca.id],
      );
      expect(audit).toEqual([{ details: { reason: 'Se fusionó con otro sujeto obligado' } }]);
    });

    it('an open round keeps it in its frozen universe; a new round leaves it out', async () => {
      const frozen = await http.get(`/api/rounds/${frozenRoundId}/universe?pageSize=200`, { token: real.adminToken });
      expect(frozen.body.items.map((i: Json) => i.id)).toContain(toluca.id);
      const [iq] = await t.ds.query(`SELECT id FROM questionnaire WHERE guarantor_id = $1 AND kind = 'institution'`, [
        real.guarantorId,
      ]);
      const [cq] = await t.ds.query(`SELECT id FROM questionnaire WHERE guarantor_id = $1 AND kind = 'citizen'`, [
        real.guarantorId,
      ]);
      const created = await http.post(
        '/api/rounds',
        {
          name: 'Diagnóstico 2027',
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
          institutionQuestionnaireId: iq.id,
          citizenQuestionnaireId: cq.id,
          universeSelection: { cveEnt: ['15'], institutionIds: undefined },
        },
        { token: real.adminToken },
      );
      expect(created.status).toBe(201);
      const draft = await http.get(`/api/rounds/${created.body.id}/universe?pageSize=200`, { token: real.adminToken });
      expect(draft.body.total).toBe(4);
      expect(draft.body.items.map((i: Json) => i.id)).not.toContain(toluca.id);
      expect(
        (await http.post(`/api/rounds/${created.body.id}/open`, undefined, { token: real.adminToken })).status,
      ).toBe(200);
      const members = await t.ds.query('SELECT institution_id FROM round_institution WHERE round_id = $1', [
        created.body.id,
      ]);
      expect(members.map((m: Json) => m.institution_id)).not.toContain(toluca.id);
      expect(members).toHaveLength(4);
    });

    it('reactivates, audited, and the institution is back in the padrón', async () => {
      const r = await http.post(`/api/universe/institutions/${toluca.id}/reactivate`, {}, { token: real.adminToken });
      expect(r.status).toBe(200);
      expect(r.body.retiredAt).toBeNull();
      expect((await http.get('/api/universe/summary', { token: real.adminToken })).body).toMatchObject({
        total: 12,
        retired: 0,
      });
      expect(
        await t.ds.query(`SELECT 1 FROM audit_log WHERE action = 'universe.reactivate' AND entity_id = $1`, [
          toluca.id,
        ]),
      ).toHaveLength(1);
    });
  });
});

describe('first-run setup: guessing is rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      tag: process.env.TEST_NAME_TAG ?? 'firstrun',
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });
  afterAll(() => t?.close());

  it('refuses the fourth attempt in a minute with 429 RATE_LIMITED, like sign-in', async () => {
    const http = client(t.url);
    await t.app.get(SetupService).issue();
    const attempt = () =>
      http.post('/api/setup', {
        code: 'WRONG-CODE',
        slug: 'x-garante',
        name: 'Garante',
        adminEmail: 'a@example.org',
        adminPassword: TEST_PASSWORD,
      });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).status);
    expect(codes).toEqual([403, 403, 403, 429]);
    expect((await attempt()).body.code).toBe('RATE_LIMITED');
    expect(await t.ds.query(`SELECT 1 FROM audit_log WHERE action = 'setup.refused'`)).toHaveLength(3);
  });
});
