import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { deriveToken, hashToken } from '@apertura/config';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, TEST_PASSWORD, userIdByEmail } from './support/fixtures';
import { client, Client } from './support/http';
import { seedDefaultQuestionnaires, seedInstitution, seedOpenRound } from './support/seed';
import { mailsTo as mailbox, ReceivedMail, startSmtp, TestSmtp } from './support/smtp';

/** Registration and e-mail verification through the real outbox → Bull → SMTP path, profile, conflicts. */

const PUBLIC_URL = 'http://apertura.test';
const VERIFY_LINK = /http:\/\/apertura\.test\/verificar\/([A-Za-z0-9_-]+)/;

const tokenOf = (mail: ReceivedMail): string => {
  const m = VERIFY_LINK.exec(mail.text);
  if (!m) throw new Error(`no verification link in: ${mail.text}`);
  return m[1];
};

const registration = (email: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  email,
  password: TEST_PASSWORD,
  consent: true,
  privacyNoticeVersion: '2025-01',
  ...extra,
});

describe('citizens: registration, verification, profile', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let roundId: string;
  const toluca = randomUUID();
  const cuauhtemoc = randomUUID();

  const waitForMails = (email: string, count: number): Promise<ReceivedMail[]> =>
    mailbox(smtp).waitForMails(email, count);

  /** Registers and verifies through the derived token (the mail path is tested once, below). */
  async function verifiedValidator(email: string): Promise<string> {
    expect((await http.post('/api/citizens/register', registration(email))).status).toBe(202);
    const [row] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [
      await userIdByEmail(t.ds, email),
    ]);
    await http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', row.id) });
    return (await http.post('/api/auth/login', { email, password: TEST_PASSWORD })).body.accessToken;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);

    const q = await seedDefaultQuestionnaires(t.ds, staff.guarantorId, {
      institution: 'autoevaluacion',
      citizen: 'ciudadano',
    });
    await seedInstitution(t.ds, staff.guarantorId, {
      id: toluca,
      key: 'toluca',
      name: 'Ayuntamiento de Toluca',
      email: 'ut@toluca.example',
    });
    await seedInstitution(t.ds, staff.guarantorId, {
      id: cuauhtemoc,
      key: 'cuauhtemoc',
      name: 'Alcaldía Cuauhtémoc',
      type: 'alcaldia',
      cvegeo: '09015',
      email: 'ut@cuauhtemoc.example',
    });
    roundId = await seedOpenRound(t.ds, staff.guarantorId, {
      institutionQuestionnaireId: q.institution,
      citizenQuestionnaireId: q.citizen,
      institutionIds: [toluca, cuauhtemoc],
      name: 'Diagnóstico 2026',
      validationOpen: true,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('registers, mails a verification link through the worker, and verifies once; unverified accounts cannot validate', async () => {
    const reg = await http.post(
      '/api/citizens/register',
      registration('Ana.Ruiz@Example.org', { displayName: 'Ana Ruiz', cvegeo: '15106' }),
    );
    expect(reg.status).toBe(202);
    expect(reg.body).toEqual({ accepted: true });
    const anaId = await userIdByEmail(t.ds, 'ana.ruiz@example.org');

    const [user] = await t.ds.query(
      'SELECT email, role, guarantor_id, email_verified_at, password_hash FROM app_user WHERE id = $1',
      [anaId],
    );
    expect(user).toMatchObject({
      email: 'ana.ruiz@example.org',
      role: 'citizen_validator',
      guarantor_id: null,
      email_verified_at: null,
    });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const [profile] = await t.ds.query(
      'SELECT pseudonym, cvegeo, consent_at, privacy_notice_version FROM validator_profile WHERE user_id = $1',
      [anaId],
    );
    expect(profile).toMatchObject({ cvegeo: '15106', privacy_notice_version: '2025-01' });
    expect(profile.pseudonym).toMatch(/^V-[A-Z0-9]{6}$/);
    const [verification] = await t.ds.query(
      `SELECT id, token_hash, abs(extract(epoch FROM expires_at - created_at) - 48 * 3600) < 60 AS valid_48h FROM email_verification WHERE user_id = $1`,
      [anaId],
    );
    expect(verification.token_hash).toBe(hashToken(deriveToken(t.env.TOKEN_SECRET, 'verify', verification.id)));
    expect(verification.valid_48h).toBe(true);
    const events = await t.ds.query(`SELECT payload FROM outbox_event WHERE type = 'mail.verify-email'`);
    expect(events).toEqual([{ payload: { verificationId: verification.id } }]);

    const [mail] = await waitForMails('ana.ruiz@example.org', 1);
    const token = tokenOf(mail);
    expect(hashToken(token)).toBe(verification.token_hash);

    const login = await http.post('/api/auth/login', { email: 'ana.ruiz@example.org', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'citizen_validator', emailVerified: false });
    const session = { token: login.body.accessToken };
    const me = await http.get('/api/citizens/me', session);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'ana.ruiz@example.org',
      displayName: 'Ana Ruiz',
      emailVerified: false,
      pseudonym: profile.pseudonym,
    });
    expect(me.body.municipality).toEqual({ cvegeo: '15106', name: 'Toluca', cveEnt: '15', stateName: 'México' });
    for (const r of [
      await http.get('/api/citizens/rounds', session),
      await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, session),
      await http.get('/api/citizens/assignments', session),
      await http.put(`/api/citizens/assignments/${randomUUID()}/report`, { data: {} }, session),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('EMAIL_NOT_VERIFIED');
    }
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM assignment');
    expect(n).toBe(0);

    const verified = await http.post('/api/citizens/verify', { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      verified: true,
      session: { user: { role: 'citizen_validator', emailVerified: true } },
    });
    const reused = await http.post('/api/citizens/verify', { token });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_TOKEN');

    // The same session works now: the flag is read from the database, not from the JWT.
    expect((await http.get('/api/citizens/rounds', session)).status).toBe(200);
    expect((await http.get('/api/citizens/me', session)).body.emailVerified).toBe(true);
  });

  it('refuses incomplete or duplicate registrations, leaving nothing behind', async () => {
    const before = (await t.ds.query('SELECT count(*)::int AS n FROM app_user'))[0].n;
    const cases: Array<[Record<string, unknown>, string]> = [
      [registration('b@example.org', { consent: false }), 'consent'],
      [registration('b@example.org', { consent: 'true' }), 'consent'],
      [{ ...registration('b@example.org'), consent: undefined }, 'consent'],
      [registration('b@example.org', { password: 'short' }), 'password'],
      [registration('b@example.org', { cvegeo: '99999' }), 'cvegeo'],
      [registration('b@example.org', { cvegeo: '151' }), 'cvegeo'],
      [registration('not-an-email'), 'email'],
      [registration('b@example.org', { role: 'guarantor_admin' }), 'role'],
    ];
    for (const [body, field] of cases) {
      const r = await http.post('/api/citizens/register', body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    // An address that already has an account gets the same answer as a new one (issue #13: no enumeration).
    const dup = await http.post('/api/citizens/register', registration('ANA.RUIZ@example.org'));
    expect(dup.status).toBe(202);
    expect(dup.body).toEqual({ accepted: true });
    const staffDup = await http.post('/api/citizens/register', registration(staff.adminEmail));
    expect(staffDup.status).toBe(202);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM app_user'))[0].n).toBe(before);

    const racing = await Promise.all(
      [1, 2, 3].map(() => http.post('/api/citizens/register', registration('race@example.org'))),
    );
    expect(racing.map((r) => r.status)).toEqual([202, 202, 202]);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'race@example.org'`))[0].n).toBe(1);
  });

  it('resends verification without revealing accounts; expired links are refused', async () => {
    const unknown = await http.post('/api/citizens/resend-verification', { email: 'nadie@example.org' });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ accepted: true });
    const verifiedAccount = await http.post('/api/citizens/resend-verification', { email: 'ana.ruiz@example.org' });
    expect(verifiedAccount.status).toBe(202);

    expect((await http.post('/api/citizens/register', registration('carla@example.org'))).status).toBe(202);
    const carlaId = await userIdByEmail(t.ds, 'carla@example.org');
    await waitForMails('carla@example.org', 1);
    // A second mail only once a minute: the first resend right after registering is swallowed.
    expect((await http.post('/api/citizens/resend-verification', { email: 'carla@example.org' })).status).toBe(202);
    expect(
      (await t.ds.query('SELECT count(*)::int AS n FROM email_verification WHERE user_id = $1', [carlaId]))[0].n,
    ).toBe(1);

    await t.ds.query(
      `UPDATE email_verification SET created_at = created_at - interval '2 minutes', expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [carlaId],
    );
    const [first] = await waitForMails('carla@example.org', 1);
    const expired = await http.post('/api/citizens/verify', { token: tokenOf(first) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('INVALID_TOKEN');

    expect((await http.post('/api/citizens/resend-verification', { email: 'Carla@Example.org' })).status).toBe(202);
    const mails = await waitForMails('carla@example.org', 2);
    const fresh = tokenOf(mails[1]);
    expect(fresh).not.toBe(tokenOf(first));
    expect((await http.post('/api/citizens/verify', { token: fresh })).status).toBe(200);
    expect((await http.post('/api/citizens/verify', { token: 'x'.repeat(201) })).status).toBe(400);

    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM email_verification ev JOIN app_user u ON u.id = ev.user_id WHERE u.email = 'nadie@example.org'`,
    );
    expect(n).toBe(0);
  });

  it('keeps the profile and conflicts of interest, searching institutions by name', async () => {
    const token = await verifiedValidator('diego@example.org');
    const session = { token };
    expect((await http.patch('/api/citizens/me', { cvegeo: '00000' }, session)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'cvegeo',
    });
    const patched = await http.patch('/api/citizens/me', { cvegeo: '09015', displayName: 'Diego' }, session);
    expect(patched.body).toMatchObject({ cvegeo: '09015', displayName: 'Diego', municipality: { name: 'Cuauhtémoc' } });
    expect((await http.patch('/api/citizens/me', { cvegeo: null }, session)).body).toMatchObject({
      cvegeo: null,
      municipality: null,
    });

    const search = await http.get('/api/citizens/institutions?q=CUAUHTEMOC', session);
    expect(search.status).toBe(200);
    expect(search.body).toMatchObject({
      total: 1,
      items: [{ id: cuauhtemoc, name: 'Alcaldía Cuauhtémoc', state: { cveEnt: '09' } }],
    });
    expect(JSON.stringify(search.body)).not.toContain('ut@');
    expect((await http.get('/api/citizens/institutions?q=%25%25', session)).body.total).toBe(0);
    expect(
      (await http.get('/api/citizens/institutions?cveEnt=15', session)).body.items.map((i: { id: string }) => i.id),
    ).toEqual([toluca]);

    const unknown = await http.put(
      '/api/citizens/me/conflicts',
      { conflicts: [{ institutionId: randomUUID(), reason: 'Trabajo ahí.' }] },
      session,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('conflicts');
    const set = await http.put(
      '/api/citizens/me/conflicts',
      {
        conflicts: [
          { institutionId: toluca, reason: 'Trabajo ahí.' },
          { institutionId: toluca, reason: 'Trabajo ahí.' },
        ],
      },
      session,
    );
    expect(set.body.conflicts.map((c: { id: string }) => c.id)).toEqual([toluca]);
    const assigned = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 5 }, session);
    expect(assigned.body.items.map((a: { institution: { id: string } }) => a.institution.id)).toEqual([cuauhtemoc]);
    const cleared = await http.put('/api/citizens/me/conflicts', { institutionIds: [] }, session);
    expect(cleared.body.conflicts).toEqual([]);

    // Staff and anonymous callers have no validator profile routes.
    expect((await http.get('/api/citizens/me', { token: staff.adminToken })).status).toBe(403);
    expect((await http.get('/api/citizens/me')).status).toBe(401);
  });

  it('documents every citizen route and its error codes in OpenAPI', async () => {
    const doc = (await http.get('/docs/openapi.json')).body;
    for (const path of [
      '/api/citizens/register',
      '/api/citizens/verify',
      '/api/citizens/resend-verification',
      '/api/citizens/me/conflicts',
      '/api/citizens/rounds/{roundId}/assignments',
      '/api/citizens/assignments/{assignmentId}/verdicts/{questionName}',
      '/api/citizens/assignments/{assignmentId}/report',
      '/api/rounds/{roundId}/recruitment',
      '/api/rounds/{roundId}/validators',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    const verdictRoute = JSON.stringify(doc.paths['/api/citizens/assignments/{assignmentId}/verdicts/{questionName}']);
    for (const code of [
      'NOT_ASSIGNED',
      'CONFLICT_OF_INTEREST',
      'ASSIGNMENT_EXPIRED',
      'EMAIL_NOT_VERIFIED',
      'ROUND_CLOSED',
    ])
      expect(verdictRoute).toContain(code);
  });

  it('two validators asking at once are both served, one request after the other (serialised per round)', async () => {
    await t.ds.query('DELETE FROM assignment');
    const [e, f] = await Promise.all([verifiedValidator('elena@example.org'), verifiedValidator('fer@example.org')]);
    const [re, rf] = await Promise.all([
      http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 1 }, { token: e }),
      http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 1 }, { token: f }),
    ]);
    expect(re.status).toBe(200);
    expect(rf.status).toBe(200);
    // Which institutions they get is drawn at random among the neediest (no declaration can steer it,
    // issue #13); what must hold is that both requests completed and wrote one active assignment each.
    expect(re.body.items).toHaveLength(1);
    expect(rf.body.items).toHaveLength(1);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM assignment WHERE round_id = $1 AND status = 'active'`,
      [roundId],
    );
    expect(n).toBe(2);
    for (const r of [re, rf]) expect([toluca, cuauhtemoc]).toContain(r.body.items[0].institution.id);
  });
});
