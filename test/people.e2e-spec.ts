import { INestApplicationContext } from '@nestjs/common';
import { deriveToken } from '@apertura/config';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken, TEST_PASSWORD, userIdByEmail } from './support/fixtures';
import { client, Client } from './support/http';

/**
 * Issue #15, item 5 — people: staff invited by e-mail (the link goes through the outbox, the worker and
 * the development catcher), role changes, deactivation (open sessions stop, the last admin stays), the
 * audit page's filters, browser sessions in an httpOnly cookie with the CSRF origin check, and the
 * verification link that signs a validator in.
 */

const PUBLIC_URL = 'http://apertura.test';
const ACTIVATE_LINK = /^http:\/\/apertura\.test\/activar\/([A-Za-z0-9_-]+)$/;

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The Set-Cookie of the session, if the answer has one. */
const sessionCookieOf = (headers: Headers): string | undefined =>
  headers.getSetCookie().find((c) => c.startsWith('apertura_session='));
const cookieHeader = (setCookie: string): string => setCookie.split(';')[0];

describe('people: staff invitations, roles, deactivation, audit, sessions', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let other: Staff;
  /** Same-origin browser headers (what Chromium sends from our own pages). */
  let ours: Record<string, string>;

  beforeAll(async () => {
    // No SMTP_URL outside production: the worker catches mail, and the console lists it.
    t = await startTestApp({ tag: 'people', env: { SMTP_URL: '', PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
    ours = { origin: t.url, 'sec-fetch-site': 'same-origin' };
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const admin = (): { token: string } => ({ token: staff.adminToken });

  it('invites an analyst by e-mail: the caught mail has a link that lets them choose a password and lands signed in', async () => {
    const invited = await http.post(
      '/api/users/invite',
      { email: 'Nueva.Analista@Example.org', role: 'analyst', displayName: 'Nueva Analista' },
      admin(),
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'nueva.analista@example.org',
      role: 'analyst',
      status: 'invited',
      deactivatedAt: null,
    });
    expect(Date.parse(invited.body.invitationExpiresAt)).toBeGreaterThan(Date.now());
    // Not yet an account one can sign in to.
    expect(
      (await http.post('/api/auth/login', { email: 'nueva.analista@example.org', password: TEST_PASSWORD })).body.code,
    ).toBe('INVALID_CREDENTIALS');

    const captured = await until(
      async () => (await http.get('/api/mail/captured', admin())).body,
      (b) => b.items?.some((m: { to: string[] }) => m.to.includes('nueva.analista@example.org')),
      'the invitation mail to be caught',
    );
    const mail = captured.items.find((m: { to: string[] }) => m.to.includes('nueva.analista@example.org'));
    expect(mail.subject).toMatch(/^Invitación al equipo de Órgano garante/);
    const [link] = mail.links;
    const token = ACTIVATE_LINK.exec(link)?.[1] as string;
    expect(token).toBeDefined();
    // Scoped to the guarantor: another guarantor's staff never see it.
    const others = (await http.get('/api/mail/captured', { token: other.adminToken })).body.items as Array<{
      to: string[];
    }>;
    expect(others.some((m) => m.to.includes('nueva.analista@example.org'))).toBe(false);

    const info = await http.post('/api/auth/staff-invite', { token });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      email: 'nueva.analista@example.org',
      role: 'analyst',
      displayName: 'Nueva Analista',
    });
    expect((await http.post('/api/auth/staff-invite/accept', { token, password: 'short' })).body.code).toBe(
      'VALIDATION_FAILED',
    );

    const accepted = await http.post(
      '/api/auth/staff-invite/accept',
      { token, password: TEST_PASSWORD },
      { headers: ours },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({
      email: 'nueva.analista@example.org',
      role: 'analyst',
      guarantorId: staff.guarantorId,
      emailVerified: true,
    });
    const cookie = sessionCookieOf(accepted.headers);
    expect(cookie).toBeDefined();
    expect((await http.get('/api/auth/me', { headers: { cookie: cookieHeader(cookie as string) } })).body.role).toBe(
      'analyst',
    );
    // Single use.
    expect((await http.post('/api/auth/staff-invite/accept', { token, password: TEST_PASSWORD })).body.code).toBe(
      'INVALID_TOKEN',
    );
    expect((await http.post('/api/auth/staff-invite', { token })).body.code).toBe('INVALID_TOKEN');
    // And a normal sign-in from now on.
    const login = await http.post('/api/auth/login', { email: 'nueva.analista@example.org', password: TEST_PASSWORD });
    expect(login.status).toBe(200);

    const users = (await http.get('/api/users', admin())).body as Array<{
      email: string;
      status: string;
      invitationExpiresAt: string | null;
    }>;
    expect(users.find((u) => u.email === 'nueva.analista@example.org')).toMatchObject({
      status: 'active',
      invitationExpiresAt: null,
    });
    const audit = await http.get('/api/audit?action=user.*', admin());
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['user.invite', 'user.invite-accept']),
    );
  });

  it('refuses duplicates, analysts and expired or resent links', async () => {
    expect(
      (await http.post('/api/users/invite', { email: staff.adminEmail, role: 'analyst' }, admin())).body.code,
    ).toBe('EMAIL_TAKEN');
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    expect(
      (await http.post('/api/users/invite', { email: 'x@example.org', role: 'analyst' }, { token: analyst })).status,
    ).toBe(403);
    expect(
      (await http.post('/api/users/invite', { email: 'x@example.org', role: 'citizen_validator' }, admin())).body.code,
    ).toBe('VALIDATION_FAILED');

    const invited = await http.post(
      '/api/users/invite',
      { email: 'reenvio@example.org', role: 'guarantor_admin' },
      admin(),
    );
    const [first] = await t.ds.query('SELECT id FROM staff_invitation WHERE user_id = $1', [invited.body.id]);
    const resent = await http.post(`/api/users/${invited.body.id}/resend-invite`, undefined, admin());
    expect(resent.status).toBe(200);
    // The first link stopped working when the second was sent.
    expect(
      (await http.post('/api/auth/staff-invite', { token: deriveToken(t.env.TOKEN_SECRET, 'staff-invite', first.id) }))
        .body.code,
    ).toBe('INVALID_TOKEN');
    const [second] = await t.ds.query('SELECT id FROM staff_invitation WHERE user_id = $1 AND used_at IS NULL', [
      invited.body.id,
    ]);
    // An expired link is refused.
    await t.ds.query(`UPDATE staff_invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.id]);
    const expired = await http.post('/api/auth/staff-invite/accept', {
      token: deriveToken(t.env.TOKEN_SECRET, 'staff-invite', second.id),
      password: TEST_PASSWORD,
    });
    expect(expired.body.code).toBe('INVALID_TOKEN');
    // An account that already chose a password is not invited again.
    const active = (await http.get('/api/users', admin())).body.find(
      (u: { email: string }) => u.email === staff.adminEmail,
    );
    expect((await http.post(`/api/users/${active.id}/resend-invite`, undefined, admin())).body.code).toBe('CONFLICT');
  });

  it('changes roles, and never leaves the guarantor without an active admin', async () => {
    const solo = await guarantorWithAdmin(t.ds, http);
    const soloId = await userIdByEmail(t.ds, solo.adminEmail);
    const demote = await http.patch(`/api/users/${soloId}/role`, { role: 'analyst' }, { token: solo.adminToken });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_ADMIN');
    expect(demote.body.messages.es).toMatch(/al menos una persona administradora activa/);
    expect((await http.post(`/api/users/${soloId}/deactivate`, undefined, { token: solo.adminToken })).body.code).toBe(
      'LAST_ADMIN',
    );

    // A second admin: now the first can be demoted by the second, and promoted back.
    const second = await http.post(
      '/api/users',
      { email: `segundo-${soloId.slice(0, 6)}@example.org`, password: TEST_PASSWORD, role: 'guarantor_admin' },
      { token: solo.adminToken },
    );
    const secondToken = (await http.post('/api/auth/login', { email: second.body.email, password: TEST_PASSWORD })).body
      .accessToken;
    const demoted = await http.patch(`/api/users/${soloId}/role`, { role: 'analyst' }, { token: secondToken });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('analyst');
    // The demoted admin's session (issued for the old role) stops.
    expect((await http.get('/api/users', { token: solo.adminToken })).status).toBe(401);
    // The remaining admin is now the last one.
    expect(
      (await http.patch(`/api/users/${second.body.id}/role`, { role: 'analyst' }, { token: secondToken })).body.code,
    ).toBe('LAST_ADMIN');
    expect(
      (await http.patch(`/api/users/${soloId}/role`, { role: 'guarantor_admin' }, { token: secondToken })).status,
    ).toBe(200);
    const audit = await http.get(`/api/audit?action=user.role-change&entityId=${soloId}`, { token: secondToken });
    expect(audit.body.items.map((a: { details: unknown }) => a.details)).toEqual([
      { from: 'analyst', to: 'guarantor_admin' },
      { from: 'guarantor_admin', to: 'analyst' },
    ]);
  });

  it('deactivation stops open sessions and sign-in; reactivation restores sign-in', async () => {
    const email = 'desactivar@example.org';
    const created = await http.post('/api/users', { email, password: TEST_PASSWORD, role: 'analyst' }, admin());
    const session = (await http.post('/api/auth/login', { email, password: TEST_PASSWORD })).body.accessToken;
    const browser = await http.post('/api/auth/login', { email, password: TEST_PASSWORD }, { headers: ours });
    const cookie = cookieHeader(sessionCookieOf(browser.headers) as string);
    expect((await http.get('/api/rounds', { token: session })).status).toBe(200);
    expect((await http.get('/api/rounds', { headers: { cookie } })).status).toBe(200);

    const off = await http.post(`/api/users/${created.body.id}/deactivate`, undefined, admin());
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: 'deactivated' });
    for (const opts of [{ token: session }, { headers: { cookie } }]) {
      const r = await http.get('/api/rounds', opts);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('UNAUTHENTICATED');
    }
    const refused = await http.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_DEACTIVATED');
    // The wrong password still says only "wrong e-mail or password".
    expect((await http.post('/api/auth/login', { email, password: 'not the password at all' })).body.code).toBe(
      'INVALID_CREDENTIALS',
    );
    // No reset link for a deactivated account (a reset must not reopen it).
    await http.post('/api/auth/password-reset', { email });
    expect(await t.ds.query('SELECT 1 FROM password_reset WHERE user_id = $1', [created.body.id])).toHaveLength(0);

    const on = await http.post(`/api/users/${created.body.id}/reactivate`, undefined, admin());
    expect(on.body).toMatchObject({ status: 'active', deactivatedAt: null });
    expect((await http.post('/api/auth/login', { email, password: TEST_PASSWORD })).status).toBe(200);
    const audit = await http.get(`/api/audit?entityId=${created.body.id}`, admin());
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      'user.reactivate',
      'user.deactivate',
      'user.create',
    ]);
  });

  it('keeps guarantors apart', async () => {
    const mine = (await http.get('/api/users', admin())).body as Array<{ id: string; email: string }>;
    const theirs = (await http.get('/api/users', { token: other.adminToken })).body as Array<{
      id: string;
      email: string;
    }>;
    expect(theirs.map((u) => u.email)).toEqual([other.adminEmail]);
    const target = mine.find((u) => u.email === 'desactivar@example.org') as { id: string };
    const as = { token: other.adminToken };
    for (const r of [
      await http.post(`/api/users/${target.id}/deactivate`, undefined, as),
      await http.post(`/api/users/${target.id}/reactivate`, undefined, as),
      await http.post(`/api/users/${target.id}/resend-invite`, undefined, as),
      await http.patch(`/api/users/${target.id}/role`, { role: 'guarantor_admin' }, as),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('NOT_FOUND');
    }
    const audit = (await http.get('/api/audit?action=user.*', as)).body.items as Array<{ entityId: string }>;
    expect(audit.some((a) => a.entityId === target.id)).toBe(false);
    expect(
      (await http.get(`/api/audit?actorUserId=${await userIdByEmail(t.ds, staff.adminEmail)}`, as)).body.total,
    ).toBe(0);
  });

  it('filters the audit log by action, actor, round and time window', async () => {
    const g = await guarantorWithAdmin(t.ds, http);
    const as = { token: g.adminToken };
    const adminId = await userIdByEmail(t.ds, g.adminEmail);
    const csv = [
      'key,name,type,level,cve_ent,cvegeo,email',
      'tol,Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.example',
    ].join('\n');
    expect((await http.post('/api/universe/import', { csv }, as)).status).toBe(200);
    const [iq, cq] = (await http.post('/api/questionnaires/defaults', undefined, as)).body.items;
    const round = async (name: string): Promise<string> => {
      const r = await http.post(
        '/api/rounds',
        {
          name,
          opensAt: new Date(Date.now() + 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          institutionQuestionnaireId: iq.id,
          citizenQuestionnaireId: cq.id,
          universeSelection: { cveEnt: ['15'] },
        },
        as,
      );
      expect(r.status).toBe(201);
      return r.body.id;
    };
    const first = await round('Ronda A');
    const second = await round('Ronda B');
    // An analyst acts too (a mail test), so the actor filter has two actors to tell apart.
    const analyst = await staffToken(http, g.adminToken, 'analyst');
    const analystId = (await http.get('/api/auth/me', { token: analyst })).body.id;

    const byRound = (await http.get(`/api/audit?roundId=${first}`, as)).body;
    expect(byRound.items.length).toBeGreaterThan(0);
    expect(
      byRound.items.every(
        (a: { entityId: string; details: { roundId?: string } }) => a.entityId === first || a.details.roundId === first,
      ),
    ).toBe(true);
    expect((await http.get(`/api/audit?roundId=${second}&action=round.create`, as)).body.items).toHaveLength(1);

    const byActor = (await http.get(`/api/audit?actorUserId=${adminId}`, as)).body;
    expect(byActor.total).toBeGreaterThanOrEqual(4);
    expect(byActor.items.every((a: { actorUserId: string }) => a.actorUserId === adminId)).toBe(true);
    expect((await http.get(`/api/audit?actorUserId=${analystId}`, as)).body.total).toBe(0);

    const all = (await http.get('/api/audit?pageSize=2&page=1', as)).body;
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await http.get(`/api/audit?from=${encodeURIComponent(future)}`, as)).body.total).toBe(0);
    expect((await http.get('/api/audit?actorUserId=nope', as)).body.code).toBe('VALIDATION_FAILED');
    expect((await http.get('/api/audit', { token: analyst })).status).toBe(403);
  });

  describe('browser sessions: httpOnly cookie, CSRF origin check', () => {
    it('a sign-in from our pages sets an httpOnly, SameSite=Lax cookie that authenticates the session', async () => {
      const login = await http.post(
        '/api/auth/login',
        { email: staff.adminEmail, password: TEST_PASSWORD },
        { headers: ours },
      );
      const set = sessionCookieOf(login.headers) as string;
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Lax/i);
      expect(set).toMatch(/Path=\//);
      // Not Secure outside production (tests and development run on plain HTTP).
      expect(set).not.toMatch(/;\s*Secure/i);
      const cookie = cookieHeader(set);
      expect((await http.get('/api/auth/me', { headers: { cookie } })).body.email).toBe(staff.adminEmail);

      // An unsafe request from our pages is accepted …
      const ok = await http.post(
        '/api/users/invite',
        { email: 'desde-la-consola@example.org', role: 'analyst' },
        { headers: { cookie, ...ours } },
      );
      expect(ok.status).toBe(201);
      // … the same request from another site, or with no browser origin at all, is refused.
      for (const headers of <Array<Record<string, string>>>[
        { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { cookie, 'sec-fetch-site': 'same-site' },
        { cookie, origin: 'https://evil.example' },
        { cookie },
      ]) {
        const r = await http.post(
          '/api/users/invite',
          { email: 'csrf@example.org', role: 'guarantor_admin' },
          { headers },
        );
        expect(r.status).toBe(403);
        expect(r.body.code).toBe('CSRF_REJECTED');
      }
      expect(await t.ds.query(`SELECT 1 FROM app_user WHERE email = 'csrf@example.org'`)).toHaveLength(0);
      // A safe request needs no origin (links, new tabs).
      expect((await http.get('/api/users', { headers: { cookie } })).status).toBe(200);

      // Sign-out from our pages clears the cookie; from another site it is refused.
      expect(
        (await http.post('/api/auth/logout', undefined, { headers: { cookie, origin: 'https://evil.example' } })).body
          .code,
      ).toBe('CSRF_REJECTED');
      const out = await http.post('/api/auth/logout', undefined, { headers: { cookie, ...ours } });
      expect(out.status).toBe(204);
      expect(
        out.headers.getSetCookie().some((c) => /^apertura_session=;/.test(c) && /Expires=Thu, 01 Jan 1970/.test(c)),
      ).toBe(true);
    });

    it('a cross-site sign-in gets no cookie (login CSRF), API clients keep their Bearer token, and a stale cookie never blocks signing in', async () => {
      const cross = await http.post(
        '/api/auth/login',
        { email: staff.adminEmail, password: TEST_PASSWORD },
        { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
      );
      expect(cross.status).toBe(200);
      expect(sessionCookieOf(cross.headers)).toBeUndefined();
      const api = await http.post('/api/auth/login', { email: staff.adminEmail, password: TEST_PASSWORD });
      expect(sessionCookieOf(api.headers)).toBeUndefined();
      expect((await http.get('/api/users', { token: api.body.accessToken })).status).toBe(200);
      const stale = { cookie: 'apertura_session=not.a.jwt', ...ours };
      expect(
        (await http.post('/api/auth/login', { email: staff.adminEmail, password: TEST_PASSWORD }, { headers: stale }))
          .status,
      ).toBe(200);
      expect((await http.get('/api/users', { headers: stale })).status).toBe(401);
    });

    it('the verification link signs the validator in', async () => {
      const email = 'validadora@example.org';
      expect(
        (
          await http.post('/api/citizens/register', {
            email,
            password: TEST_PASSWORD,
            consent: true,
            privacyNoticeVersion: '2025-01',
          })
        ).status,
      ).toBe(202);
      const [row] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [
        await userIdByEmail(t.ds, email),
      ]);
      const verified = await http.post(
        '/api/citizens/verify',
        { token: deriveToken(t.env.TOKEN_SECRET, 'verify', row.id) },
        { headers: ours },
      );
      expect(verified.status).toBe(200);
      expect(verified.body.session.user).toMatchObject({ email, role: 'citizen_validator', emailVerified: true });
      const cookie = cookieHeader(sessionCookieOf(verified.headers) as string);
      expect((await http.get('/api/auth/me', { headers: { cookie } })).body).toMatchObject({
        email,
        emailVerified: true,
      });
      expect((await http.get('/api/citizens/me', { token: verified.body.session.accessToken })).status).toBe(200);
    });
  });
});
