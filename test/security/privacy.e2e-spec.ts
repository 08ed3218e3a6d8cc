import { randomUUID } from 'crypto';
import { startTestApp, TestApp } from '../support/app';
import { TEST_PASSWORD, userIdByEmail } from '../support/fixtures';
import { buildWorld, registerVerified, Validator, World } from './support/world';
import { publishWithoutWorker } from '../support/publish';

const REPORT = {
  tipo_gestion: ['solicitud'],
  folio: 'PNT-2026-0001',
  tc_respuesta: 'si',
  tc_claridad: 4,
  tc_completitud: 'completa',
  tc_dias: 12,
};
const EXPORT_FILES = [
  'institutions.csv',
  'institutions.json',
  'municipalities.csv',
  'municipalities.json',
  'states.csv',
  'states.json',
  'dictionary.json',
];

/**
 * Validators' personal data: erased on request (self-service with the password, or by a guarantor
 * admin of a round they worked on), pseudonymised rather than deleted so verdicts and reports — and
 * the numbers computed from them — stay; never part of exports, public results or the recruitment plan.
 */
describe('privacy of citizen validators', () => {
  let t: TestApp;
  let w: World;
  let v3: Validator;

  const counts = async (): Promise<Record<string, number>> =>
    (
      await t.ds.query(
        `SELECT (SELECT count(*)::int FROM verdict) AS verdicts, (SELECT count(*)::int FROM citizen_report) AS reports,
                (SELECT count(*)::int FROM assignment) AS assignments, (SELECT count(*)::int FROM validator_profile) AS profiles,
                (SELECT count(*)::int FROM app_user) AS users`,
      )
    )[0];

  /** Work of a validator on every institution of the world's round: a verdict on the claim, a report. */
  async function work(v: Validator): Promise<void> {
    const got = await w.http.post(`/api/citizens/rounds/${w.roundId}/assignments`, { max: 10 }, { token: v.token });
    expect(got.status).toBe(200);
    for (const a of got.body.items as Array<{ id: string; institution: { id: string } }>) {
      if (a.institution.id === w.instX) {
        expect(
          (
            await w.http.put(
              `/api/citizens/assignments/${a.id}/verdicts/${w.claim}`,
              { verdict: 'confirmed' },
              { token: v.token },
            )
          ).status,
        ).toBe(200);
      }
      expect(
        (await w.http.put(`/api/citizens/assignments/${a.id}/report`, { data: REPORT }, { token: v.token })).status,
      ).toBe(200);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const [z] = await t.ds.query(
      `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
       VALUES ($1, 'z', 'Ayuntamiento de Zinacantepec', 'ayuntamiento', 'municipal', '15', '15118', 'z@institucion.example') RETURNING id`,
      [w.a.guarantorId],
    );
    expect(
      (
        await w.http.put(
          '/api/citizens/me/conflicts',
          { conflicts: [{ institutionId: z.id, reason: 'Trabajé en esa institución' }] },
          { token: w.v1.token },
        )
      ).status,
    ).toBe(200);
    v3 = await registerVerified(t, w.http, 'v3-se-queda@example.org', '15054');
    for (const v of [w.v1, w.v2, v3]) await work(v);
  });
  afterAll(() => t?.close());

  it('a guarantor admin erases a validator who worked on its round: personal data gone, verdicts and reports kept, sign-in impossible', async () => {
    const before = await counts();
    const [profile] = await t.ds.query('SELECT pseudonym FROM validator_profile WHERE user_id = $1', [w.v1.id]);
    const verdicts = await t.ds.query(
      'SELECT id, verdict, institution_id FROM verdict WHERE validator_id = $1 ORDER BY id',
      [w.v1.id],
    );
    const reports = await t.ds.query('SELECT id, data FROM citizen_report WHERE validator_id = $1 ORDER BY id', [
      w.v1.id,
    ]);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(reports.length).toBeGreaterThan(0);

    expect(
      (await w.http.post(`/api/privacy/validators/${w.v1.id}/erase`, undefined, { token: w.b.admin })).status,
    ).toBe(404);
    expect(
      (await w.http.post(`/api/privacy/validators/${w.v1.id}/erase`, undefined, { token: w.a.analyst })).status,
    ).toBe(403);
    expect(
      (await w.http.post(`/api/privacy/validators/${randomUUID()}/erase`, undefined, { token: w.a.admin })).status,
    ).toBe(404);
    const [staffUser] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'analyst' AND guarantor_id = $1`, [
      w.a.guarantorId,
    ]);
    expect(
      (await w.http.post(`/api/privacy/validators/${staffUser.id}/erase`, undefined, { token: w.a.admin })).status,
    ).toBe(404);

    const erased = await w.http.post(`/api/privacy/validators/${w.v1.id}/erase`, undefined, { token: w.a.admin });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      userId: w.v1.id,
      pseudonym: profile.pseudonym,
      erased: true,
      verdictsKept: verdicts.length,
      reportsKept: reports.length,
    });
    expect(erased.body.expiredAssignments).toBeGreaterThan(0);

    const [user] = await t.ds.query(
      'SELECT email, password_hash, display_name, deleted_at FROM app_user WHERE id = $1',
      [w.v1.id],
    );
    expect(user).toMatchObject({ email: null, password_hash: null, display_name: null });
    expect(user.deleted_at).not.toBeNull();
    expect(await t.ds.query('SELECT pseudonym, cvegeo FROM validator_profile WHERE user_id = $1', [w.v1.id])).toEqual([
      { pseudonym: profile.pseudonym, cvegeo: null },
    ]);
    expect(
      (await t.ds.query('SELECT count(*)::int AS n FROM email_verification WHERE user_id = $1', [w.v1.id]))[0].n,
    ).toBe(0);
    expect(
      (await t.ds.query('SELECT count(*)::int AS n FROM validator_conflict WHERE user_id = $1', [w.v1.id]))[0].n,
    ).toBe(0);
    expect(
      (
        await t.ds.query(`SELECT count(*)::int AS n FROM assignment WHERE validator_id = $1 AND status = 'active'`, [
          w.v1.id,
        ])
      )[0].n,
    ).toBe(0);
    expect(
      await t.ds.query('SELECT id, verdict, institution_id FROM verdict WHERE validator_id = $1 ORDER BY id', [
        w.v1.id,
      ]),
    ).toEqual(verdicts);
    expect(
      await t.ds.query('SELECT id, data FROM citizen_report WHERE validator_id = $1 ORDER BY id', [w.v1.id]),
    ).toEqual(reports);
    expect(await counts()).toEqual(before);

    expect((await w.http.post('/api/auth/login', { email: w.v1.email, password: TEST_PASSWORD })).body.code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await w.http.get('/api/citizens/me', { token: w.v1.token })).status).toBe(401);
    // The address is free again; the new account is a different person to the system.
    expect(
      (
        await w.http.post('/api/citizens/register', {
          email: w.v1.email,
          password: TEST_PASSWORD,
          consent: true,
          privacyNoticeVersion: '2025-01',
        })
      ).status,
    ).toBe(202);
    expect(await userIdByEmail(t.ds, w.v1.email)).not.toBe(w.v1.id);

    const again = await w.http.post(`/api/privacy/validators/${w.v1.id}/erase`, undefined, { token: w.a.admin });
    expect(again.body).toMatchObject({ erased: false, erasedAt: erased.body.erasedAt });
    const audit = await w.http.get(`/api/audit?action=validator.erase&entityId=${w.v1.id}`, { token: w.a.admin });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ details: { pseudonym: profile.pseudonym, by: 'guarantor_admin' } });
    expect(JSON.stringify(audit.body)).not.toContain(w.v1.email);

    const listed = await w.http.get(`/api/rounds/${w.roundId}/validators?pageSize=200`, { token: w.a.admin });
    expect(listed.body.items.find((v: { id: string }) => v.id === w.v1.id)).toMatchObject({
      pseudonym: profile.pseudonym,
      email: null,
      displayName: null,
      cvegeo: null,
    });
  });

  it('a validator deletes their own account after entering the password again', async () => {
    const before = await counts();
    const missing = await w.http.request('DELETE', '/api/citizens/me', {}, { token: w.v2.token });
    expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'password' } });
    const wrong = await w.http.request(
      'DELETE',
      '/api/citizens/me',
      { password: 'not my password' },
      { token: w.v2.token },
    );
    expect(wrong).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS', field: 'password' } });
    expect(
      (await w.http.request('DELETE', '/api/citizens/me', { password: TEST_PASSWORD }, { token: w.a.admin })).status,
    ).toBe(403);
    expect((await w.http.get('/api/citizens/me', { token: w.v2.token })).status).toBe(200);

    const done = await w.http.request('DELETE', '/api/citizens/me', { password: TEST_PASSWORD }, { token: w.v2.token });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ userId: w.v2.id, erased: true });
    expect(done.body.verdictsKept + done.body.reportsKept).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    expect(
      (await w.http.request('DELETE', '/api/citizens/me', { password: TEST_PASSWORD }, { token: w.v2.token })).status,
    ).toBe(401);
    expect((await w.http.post('/api/auth/login', { email: w.v2.email, password: TEST_PASSWORD })).status).toBe(401);
    const audit = await w.http.get(`/api/audit?action=validator.erase&entityId=${w.v2.id}`, { token: w.a.admin });
    expect(audit.body.items[0]).toMatchObject({
      actorUserId: w.v2.id,
      actorRole: 'citizen_validator',
      details: { by: 'self' },
    });
  });

  it('no export, public result or recruitment output contains e-mails or display names of validators', async () => {
    expect((await w.http.post(`/api/rounds/${w.roundId}/close`, undefined, { token: w.a.admin })).status).toBe(200);
    await publishWithoutWorker(t, w.http, w.roundId, w.a.admin);
    const pseudonyms: string[] = (await t.ds.query('SELECT pseudonym FROM validator_profile')).map(
      (r: { pseudonym: string }) => r.pseudonym,
    );
    const secrets = [w.v1, w.v2, v3].flatMap((v) => [v.email, v.displayName]);
    const outputs: Array<[string, string | undefined]> = [
      ...EXPORT_FILES.map((f): [string, string | undefined] => [
        `/api/public/rounds/${w.roundId}/export/${f}`,
        undefined,
      ]),
      ...EXPORT_FILES.map((f): [string, string | undefined] => [`/api/rounds/${w.roundId}/export/${f}`, w.a.analyst]),
      [`/api/public/rounds`, undefined],
      [`/api/public/rounds/${w.roundId}/results/summary`, undefined],
      [`/api/public/rounds/${w.roundId}/results/institutions?pageSize=200`, undefined],
      [`/api/public/rounds/${w.roundId}/results/institutions/${w.instX}`, undefined],
      [`/api/public/rounds/${w.roundId}/results/areas?scope=municipality`, undefined],
      [`/api/rounds/${w.roundId}/results/institutions/${w.instX}`, w.a.analyst],
      [`/api/rounds/${w.roundId}/recruitment`, w.a.analyst],
      [`/api/rounds/${w.roundId}/recruitment?level=state`, w.a.admin],
      [`/api/rounds/${w.roundId}/responses/${w.instX}`, w.a.analyst],
      // Staff microdata (issue #15): validators only under per-round pseudonyms. The workbook is compressed, so its text is checked in test/microdata.e2e-spec.ts.
      ...['answers.csv', 'verdicts.csv', 'citizen_reports.csv', 'codebook.csv'].map((f): [string, string] => [
        `/api/rounds/${w.roundId}/microdata/${f}`,
        w.a.analyst,
      ]),
    ];
    for (const [path, token] of outputs) {
      const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const body = await res.text();
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      for (const secret of [...secrets, ...pseudonyms]) {
        if (body.includes(secret)) throw new Error(`${path} contains validator data: ${secret}`);
      }
    }
  });
  it("no export, microdata or public result carries a validator's demographics; the round profile of three validators shows no breakdown", async () => {
    const given = await w.http.put(
      '/api/citizens/me/demographics',
      {
        consent: true,
        purposeVersion: '2026-12',
        ageBand: '60_plus',
        gender: 'non_binary',
        municipalityType: 'rural',
        indigenousLanguage: 'yes',
        disability: 'yes',
      },
      { token: v3.token },
    );
    expect(given.status).toBe(200);
    // Words only the demographics could bring into an output (API names and values).
    const vocabulary = ['60_plus', 'non_binary', 'indigenous', 'disability', 'ageBand', 'age_band', 'municipalityType'];
    const outputs: Array<[string, string | undefined]> = [
      ...EXPORT_FILES.map((f): [string, string | undefined] => [
        `/api/public/rounds/${w.roundId}/export/${f}`,
        undefined,
      ]),
      ...EXPORT_FILES.map((f): [string, string | undefined] => [`/api/rounds/${w.roundId}/export/${f}`, w.a.analyst]),
      [`/api/public/rounds/${w.roundId}/results/summary`, undefined],
      [`/api/public/rounds/${w.roundId}/results/institutions?pageSize=200`, undefined],
      [`/api/rounds/${w.roundId}/validators?pageSize=200`, w.a.admin],
      [`/api/rounds/${w.roundId}/recruitment`, w.a.analyst],
      ...['answers.csv', 'verdicts.csv', 'citizen_reports.csv', 'codebook.csv'].map((f): [string, string] => [
        `/api/rounds/${w.roundId}/microdata/${f}`,
        w.a.analyst,
      ]),
    ];
    for (const [path, token] of outputs) {
      const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const body = await res.text();
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      for (const word of vocabulary) {
        if (body.includes(word)) throw new Error(`${path} contains demographic data: ${word}`);
      }
    }
    const profile = await w.http.get(`/api/public/rounds/${w.roundId}/validators-profile`);
    expect(profile.body).toMatchObject({ validators: 3, respondents: 1, published: false });
    expect(JSON.stringify(profile.body.questions)).not.toMatch(/"count":\d/);
  });
});
