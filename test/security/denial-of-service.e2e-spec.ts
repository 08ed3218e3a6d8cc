import { randomBytes } from 'crypto';
import { request as httpRequest } from 'http';
import { INSTITUTION_V1_ANSWERS } from '../../libs/questionnaire/fixtures/sample-answers';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin } from '../support/fixtures';
import { client, Client } from '../support/http';
import { invitedRound } from './support/world';

/**
 * Issue #13 §5, the attacks of the report against the real API: 20 MB anonymous bodies accepted on every
 * route and read before the rate limit; rate limits per route only, not per client; no cap on submitted
 * versions (505 in 40 s, each an undeletable audit row). (Export timeouts: another suite.)
 */
const MB = 1024 * 1024;

/** Sends a body with chunked transfer encoding (no Content-Length): the limit must hold while reading. */
function chunked(
  url: string,
  path: string,
  size: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { code?: string } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    req.write('{"email":"a@b.example","password":"');
    for (let sent = 0; sent < size; sent += chunk.length) if (!req.write(chunk)) break;
    req.end('"}');
  });
}

describe('cheap denial of service (issue #13 §5)', () => {
  let t: TestApp;
  let http: Client;
  let admin: string;
  let guarantorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    ({ adminToken: admin, guarantorId } = await guarantorWithAdmin(
      t.ds,
      http,
      `seca-dos-${randomBytes(3).toString('hex')}`,
    ));
  });
  afterAll(() => t?.close());

  describe('body limits before reading', () => {
    it('an anonymous 20 MB body is refused with 413 from its Content-Length, on any route', async () => {
      const body = Buffer.alloc(20 * MB, 0x20);
      for (const path of ['/api/auth/login', '/api/citizens/register', '/api/universe/import', '/api/no-such-route']) {
        const r = await http.post(path, undefined, { raw: body, headers: { 'content-type': 'application/json' } });
        expect({ path, status: r.status, code: r.body?.code }).toEqual({
          path,
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
        });
      }
    });

    it('anonymous bodies are small (16 KB), also when sent chunked without a length', async () => {
      const r = await http.post('/api/citizens/register', { email: 'a@b.example', padding: 'x'.repeat(20 * 1024) });
      expect(r.status).toBe(413);
      const c = await chunked(t.url, '/api/auth/login', 2 * MB);
      expect(c.status).toBe(413);
    });

    it('a forged Authorization header does not buy the signed-in limit', async () => {
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
      const r = await http.post('/api/rounds', { name: 'x'.repeat(100 * 1024) }, { token: forged });
      expect(r.status).toBe(413);
      const csv = await http.post('/api/universe/import', undefined, {
        token: forged,
        raw: 'x'.repeat(2 * MB),
        headers: { 'content-type': 'text/csv' },
      });
      expect(csv.status).toBe(413);
    });

    it('a signed-in admin may send JSON up to 1 MB and a universe CSV up to 20 MB, no more', async () => {
      const json = await http.post('/api/rounds', { name: 'x'.repeat(100 * 1024) }, { token: admin });
      expect(json.status).toBe(400); // read, then refused by validation: not a size problem
      const bigJson = await http.post('/api/rounds', { name: 'x'.repeat(2 * MB) }, { token: admin });
      expect(bigJson.status).toBe(413);
      const header = 'name,type,level,cve_ent,cvegeo,email\n';
      const row = 'Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,t@toluca.example\n';
      const csv = header + row.repeat(Math.floor((3 * MB) / row.length));
      const imported = await http.post('/api/universe/import?dryRun=true', undefined, {
        token: admin,
        raw: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(imported.status).not.toBe(413);
      const tooBig = await http.post('/api/universe/import', undefined, {
        token: admin,
        raw: Buffer.alloc(21 * MB, 0x41),
        headers: { 'content-type': 'text/csv' },
      });
      expect(tooBig.status).toBe(413);
    });
  });

  describe('a cap on submitted versions per response and round', () => {
    it('the 4th version with a cap of 3 is 409 VERSION_LIMIT_REACHED, writes nothing, and a replay still answers', async () => {
      const world = await invitedRound(t, http, `seca-versions-${randomBytes(3).toString('hex')}`);
      await t.ds.query('UPDATE round SET max_versions_per_response = 3 WHERE id = $1', [world.roundId]);
      for (let i = 1; i <= 3; i++) {
        const r = await http.post(
          '/api/respond/submit',
          { data: INSTITUTION_V1_ANSWERS, idempotencyKey: `seca-version-${i}-key` },
          { invitation: world.token },
        );
        expect(r.status).toBe(201);
      }
      const audit = async (): Promise<number> =>
        (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'response.%'`))[0].n;
      const before = await audit();
      const fourth = await http.post(
        '/api/respond/submit',
        { data: INSTITUTION_V1_ANSWERS, idempotencyKey: 'seca-version-4-key' },
        { invitation: world.token },
      );
      expect(fourth.status).toBe(409);
      expect(fourth.body).toMatchObject({ code: 'VERSION_LIMIT_REACHED', details: { max: 3 } });
      expect(fourth.body.messages.es).toMatch(/3 versiones/);
      expect(await audit()).toBe(before);
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM response_version');
      expect(n).toBe(3);
      const replay = await http.post(
        '/api/respond/submit',
        { data: INSTITUTION_V1_ANSWERS, idempotencyKey: 'seca-version-2-key' },
        { invitation: world.token },
      );
      expect(replay.status).toBe(200);
      expect(replay.body.version).toBe(2);
    });

    it('rounds default to 50 versions, settable between 1 and 1000 on a draft round', async () => {
      expect((await http.post('/api/questionnaires/defaults', {}, { token: admin })).status).toBeLessThan(300);
      const [iq] = await t.ds.query(
        `SELECT id FROM questionnaire WHERE kind = 'institution' AND guarantor_id = $1 LIMIT 1`,
        [guarantorId],
      );
      const [cq] = await t.ds.query(
        `SELECT id FROM questionnaire WHERE kind = 'citizen' AND guarantor_id = $1 LIMIT 1`,
        [guarantorId],
      );
      const base = {
        name: 'Ronda',
        opensAt: '2030-01-01T00:00:00Z',
        closesAt: '2030-02-01T00:00:00Z',
        institutionQuestionnaireId: iq.id,
        citizenQuestionnaireId: cq.id,
      };
      const created = await http.post('/api/rounds', base, { token: admin });
      expect(created.status).toBe(201);
      expect(created.body.maxVersionsPerResponse).toBe(50);
      const patched = await http.patch(
        `/api/rounds/${created.body.id}`,
        { maxVersionsPerResponse: 5 },
        { token: admin },
      );
      expect(patched.body.maxVersionsPerResponse).toBe(5);
      for (const bad of [0, 1001, 2.5, '7']) {
        const r = await http.patch(`/api/rounds/${created.body.id}`, { maxVersionsPerResponse: bad }, { token: admin });
        expect({ bad, status: r.status, field: r.body.field }).toEqual({
          bad,
          status: 400,
          field: 'maxVersionsPerResponse',
        });
      }
    });
  });
});

describe('a global per-client budget as well as per-route limits (issue #13 §5)', () => {
  let t: TestApp;
  let http: Client;
  const client1 = { 'x-forwarded-for': '203.0.113.10' };
  const client2 = { 'x-forwarded-for': '203.0.113.11' };

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '12', ROUTE_RATE_LIMIT_PER_MINUTE: '5' } });
    http = client(t.url);
  });
  afterAll(() => t?.close());

  it('one route: the 6th request of a client is 429; other routes still answer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await http.get('/api/catalogue/states', { headers: client1 })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await http.get('/api/public/rounds', { headers: client1 })).status).toBe(200);
  });

  it('spread over routes, a client still cannot exceed its global budget; another client is unaffected; the body is not read', async () => {
    const paths = [
      '/api/public/rounds',
      '/api/catalogue/municipalities?cveEnt=15',
      '/api/auth/me',
      '/api/no-such-route',
      '/docs/openapi.json',
      '/api/public/rounds?page=2',
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await http.get(paths[i % paths.length], { headers: client1 })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // Past its budget, even a body that would be too large is refused for the budget, before it is read.
    const over = await http.post('/api/auth/login', undefined, {
      raw: Buffer.alloc(MB, 0x20),
      headers: { ...client1, 'content-type': 'application/json' },
    });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await http.get('/api/public/rounds', { headers: client2 })).status).toBe(200);
  });

  it('health probes are outside the budget', async () => {
    expect((await http.get('/health/live', { headers: client1 })).status).toBe(200);
  });
});
