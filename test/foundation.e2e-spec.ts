import { client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken, TEST_PASSWORD } from './support/fixtures';
import { buildDocument } from '../scripts/openapi-document';

describe('foundation: health, auth, staff accounts, errors', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
  });
  afterAll(() => t.close());

  it('is live and ready (PostgreSQL, Redis, queue)', async () => {
    expect((await http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
    expect(ready.body.info.redis.status).toBe('up');
  });

  it('seeded the 2,469 municipalities', async () => {
    const [{ count }] = await t.ds.query('SELECT count(*)::int AS count FROM municipality');
    expect(count).toBe(2469);
  });

  it('serves the OpenAPI document with error codes', async () => {
    const doc = await http.get('/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/auth/login']).toBeDefined();
    expect(JSON.stringify(doc.body)).toContain('INVALID_CREDENTIALS');
  });

  it('serves the document the web types are generated from (scripts/openapi.ts builds it without a server)', async () => {
    const served = (await http.get('/docs/openapi.json')).body;
    const generated = JSON.parse(JSON.stringify(await buildDocument()));
    expect(served.paths).toEqual(generated.paths);
    expect(served.components.schemas).toEqual(generated.components.schemas);
  });

  it('signs in, refuses bad credentials with a code, and locks after repeated failures', async () => {
    const staff = await guarantorWithAdmin(t.ds, http);
    const me = await http.get('/api/auth/me', { token: staff.adminToken });
    expect(me.body.role).toBe('guarantor_admin');

    const bad = await http.post('/api/auth/login', { email: staff.adminEmail, password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('INVALID_CREDENTIALS');
    expect(bad.body.messages.es).toMatch(/incorrectos/);
    for (let i = 0; i < 4; i++) await http.post('/api/auth/login', { email: staff.adminEmail, password: 'wrong' });
    const locked = await http.post('/api/auth/login', { email: staff.adminEmail, password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
  });

  it('validates input with the offending field and refuses unknown properties', async () => {
    const r = await http.post('/api/auth/login', { email: 'not-an-email', password: 'x' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    const extra = await http.post('/api/auth/login', { email: 'a@b.org', password: 'x', admin: true });
    expect(extra.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'admin' });
    const malformed = await http.post('/api/auth/login', undefined, {
      raw: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
  });

  it('enforces roles: analysts cannot manage users; anonymous callers must sign in', async () => {
    const staff = await guarantorWithAdmin(t.ds, http);
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    const denied = await http.post(
      '/api/users',
      { email: 'x@y.org', password: TEST_PASSWORD, role: 'analyst' },
      { token: analyst },
    );
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const anon = await http.get('/api/users');
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('UNAUTHENTICATED');
    const forged = await http.get('/api/users', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' });
    expect(forged.status).toBe(401);
  });

  it('answers unknown routes with a JSON code', async () => {
    const r = await http.get('/api/nope');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.close());

  it('refuses the fourth sign-in attempt in a minute with RATE_LIMITED, other routes unaffected', async () => {
    const http = client(t.url);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await http.post('/api/auth/login', { email: 'nobody@example.org', password: 'x' })).status);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await http.post('/api/auth/login', { email: 'nobody@example.org', password: 'x' });
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await http.get('/health/live')).status).toBe(200);
  });
});

describe('per-account rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ACCOUNT_RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.close());

  it('limits one session whatever it asks for, and leaves other accounts alone', async () => {
    const http = client(t.url);
    const staff = await guarantorWithAdmin(t.ds, http);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await http.get('/api/auth/me', { token: staff.adminToken })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await guarantorWithAdmin(t.ds, http);
    expect((await http.get('/api/auth/me', { token: other.adminToken })).status).toBe(200);
  });
});
