import { CITIZEN_V1 } from '@apertura/questionnaire';
import { client, Client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';

type Json = Record<string, unknown>;
const page = (...elements: Json[]): Json => ({ title: 'Autodiagnóstico de prueba', pages: [{ name: 'p1', elements }] });
const yesNo = (name: string, component = 'TG.AI'): Json => ({ type: 'boolean', name, component });

describe('questionnaires: lint on upload, immutable versions, defaults', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;

  const upload = (body: Json, token = staff.adminToken) => http.post('/api/questionnaires', body, { token });

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
  });
  afterAll(() => t.close());

  describe('lint errors are refused with precise codes, paths and messages', () => {
    const lintCases: Array<[string, unknown, string, string, RegExp]> = [
      ['malformed JSON text', '{"pages": [}', 'Q_MALFORMED_JSON', '$', /line 1, column 12/],
      [
        'unknown question type',
        page({ type: 'bogus', name: 'x' }),
        'Q_UNKNOWN_TYPE',
        '$.pages[0].elements[0].type',
        /"bogus"/,
      ],
      [
        'scored question without component',
        page({
          type: 'radiogroup',
          name: 'r',
          choices: [
            { value: 'x', score: 1 },
            { value: 'y', score: 0 },
          ],
        }),
        'Q_MISSING_COMPONENT',
        '$.pages[0].elements[0]',
        /no "component"/,
      ],
      [
        'broken expression',
        page(yesNo('a'), { type: 'text', name: 'b', visibleIf: '{a} = ' }),
        'Q_BAD_EXPRESSION',
        '$.pages[0].elements[1].visibleIf',
        /near character 7/,
      ],
      ['not an object', 42, 'Q_NOT_OBJECT', '$', /JSON object/],
    ];

    it.each(lintCases)('%s', async (_title, definition, code, path, en) => {
      const r = await upload({ kind: 'institution', slug: 'lint-case', title: 'x', definition });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('QUESTIONNAIRE_INVALID');
      expect(r.body.field).toBe(path);
      expect(r.body.details.issues[0]).toMatchObject({ code, path });
      expect(r.body.details.issues[0].message.en).toMatch(en);
      expect(r.body.messages.es).toBe(r.body.details.issues[0].message.es);
    });

    it('gives the position of a JSON syntax error and stores nothing', async () => {
      const r = await upload({ kind: 'institution', slug: 'lint-case', definition: '{\n  "pages": [1,,2]\n}' });
      expect(r.body.details.issues[0].at).toEqual({ offset: 16, line: 2, column: 15 });
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM questionnaire WHERE slug = 'lint-case'`))[0].n).toBe(0);
    });

    it('refuses a component of the other perspective for the kind', async () => {
      const r = await upload({ kind: 'citizen', slug: 'citizen-wrong', definition: page(yesNo('a')) });
      expect(r.status).toBe(422);
      expect(r.body.details.issues[0]).toMatchObject({ code: 'Q_INVALID_COMPONENT', question: 'a' });
    });

    it('validates the envelope before linting', async () => {
      const slug = await upload({ kind: 'institution', slug: 'Con Espacios', definition: page(yesNo('a')) });
      expect(slug.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'slug' });
      const kind = await upload({ kind: 'otro', slug: 'x', definition: page(yesNo('a')) });
      expect(kind.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
      const missing = await upload({ kind: 'institution', slug: 'x' });
      expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'definition' });
    });
  });

  it('versions by slug; identical uploads return the latest version (200), changes add one (201)', async () => {
    const v1def = page(yesNo('a'), { type: 'text', name: 'b', visibleIf: '{a} = true' });
    const v1 = await upload({
      kind: 'institution',
      slug: 'autodiagnostico',
      title: 'Autodiagnóstico 2025',
      definition: v1def,
    });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      kind: 'institution',
      slug: 'autodiagnostico',
      version: 1,
      title: 'Autodiagnóstico 2025',
      versions: 1,
      latest: true,
    });
    expect(v1.body.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.body.definition).toEqual(v1def);

    // Same definition, keys reordered and sent as a JSON string: recognised as the same version.
    const reordered = `{ "pages": [ { "elements": [ { "component": "TG.AI", "name": "a", "type": "boolean" }, { "visibleIf": "{a} = true", "name": "b", "type": "text" } ], "name": "p1" } ], "title": "Autodiagnóstico de prueba" }`;
    const same = await upload({
      kind: 'institution',
      slug: 'autodiagnostico',
      title: 'Otro título',
      definition: reordered,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: v1.body.id, version: 1, title: 'Autodiagnóstico 2025' });

    const v2 = await upload({
      kind: 'institution',
      slug: 'autodiagnostico',
      definition: page(yesNo('a'), yesNo('c', 'PG.Mec')),
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, versions: 2, latest: true, title: 'Autodiagnóstico de prueba' });

    const old = await http.get(`/api/questionnaires/${v1.body.id}`, { token: staff.adminToken });
    expect(old.body).toMatchObject({ version: 1, latest: false, versions: 2 });
    expect(old.body.definition).toEqual(v1def);

    // Going back to the v1 definition is a change relative to the latest (v2): it becomes v3.
    const v3 = await upload({ kind: 'institution', slug: 'autodiagnostico', definition: v1def });
    expect(v3.status).toBe(201);
    expect(v3.body.version).toBe(3);

    const history = await http.get('/api/questionnaires?slug=autodiagnostico', { token: staff.adminToken });
    expect(history.body.items.map((q: { version: number }) => q.version)).toEqual([3, 2, 1]);
    expect(history.body.total).toBe(3);

    const mismatch = await upload({
      kind: 'citizen',
      slug: 'autodiagnostico',
      definition: page(yesNo('a', 'TC.Disp')),
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: 'QUESTIONNAIRE_KIND_MISMATCH', field: 'kind' });

    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'questionnaire.create' AND guarantor_id = $1`,
      [staff.guarantorId],
    );
    expect(audit[0].n).toBe(3);
  });

  it('installs the default instruments idempotently and lists latest versions', async () => {
    const first = await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: Json) => [i.kind, i.instrument, i.version, i.created])).toEqual([
      ['institution', 'institution.v2', 1, true],
      ['citizen', 'citizen.v2', 1, true],
    ]);
    const again = await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken });
    expect(again.body.items.map((i: Json) => [i.id, i.created])).toEqual(
      first.body.items.map((i: Json) => [i.id, false]),
    );

    const list = await http.get('/api/questionnaires', { token: staff.adminToken });
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((q: Json) => [q.slug, q.version])).toEqual([
      ['apertura-ciudadana', 1],
      ['apertura-institucional', 1],
      ['autodiagnostico', 3],
    ]);
    expect(list.body.items[0].definition).toBeUndefined();
    const citizens = await http.get('/api/questionnaires?kind=citizen', { token: staff.adminToken });
    expect(citizens.body.items.map((q: Json) => q.slug)).toEqual(['apertura-ciudadana']);
    const paged = await http.get('/api/questionnaires?pageSize=1&page=2', { token: staff.adminToken });
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.items.map((q: Json) => q.slug)).toEqual(['apertura-institucional']);
  });

  it('a guarantor with citizen.v1 installed gets citizen.v2 as its next version; v1 stays', async () => {
    const other = await guarantorWithAdmin(t.ds, http);
    const v1 = await upload({ kind: 'citizen', slug: 'apertura-ciudadana', definition: CITIZEN_V1 }, other.adminToken);
    expect(v1.status).toBe(201);
    const installed = await http.post('/api/questionnaires/defaults', undefined, { token: other.adminToken });
    const citizen = installed.body.items.find((i: Json) => i.kind === 'citizen');
    expect([citizen.instrument, citizen.version, citizen.created]).toEqual(['citizen.v2', 2, true]);
    const history = await http.get('/api/questionnaires?slug=apertura-ciudadana', { token: other.adminToken });
    expect(history.body.items.map((q: Json) => [q.version, q.latest])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await http.get(`/api/questionnaires/${v1.body.id}`, { token: other.adminToken })).body.definition).toEqual(
      CITIZEN_V1,
    );
  });

  it('analysts read but do not upload; other guarantors get 404', async () => {
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    const denied = await upload({ kind: 'institution', slug: 'x', definition: page(yesNo('a')) }, analyst);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const list = await http.get('/api/questionnaires', { token: analyst });
    expect(list.status).toBe(200);
    const one = list.body.items[0];
    expect((await http.get(`/api/questionnaires/${one.id}`, { token: analyst })).status).toBe(200);
    expect((await http.post('/api/questionnaires/defaults', undefined, { token: analyst })).status).toBe(403);

    const stranger = await guarantorWithAdmin(t.ds, http);
    const hidden = await http.get(`/api/questionnaires/${one.id}`, { token: stranger.adminToken });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await http.get('/api/questionnaires', { token: stranger.adminToken })).body.total).toBe(0);
    // The same slug is free for another guarantor.
    const theirs = await upload(
      { kind: 'citizen', slug: 'autodiagnostico', definition: page(yesNo('a', 'TC.Disp')) },
      stranger.adminToken,
    );
    expect(theirs.status).toBe(201);
    expect(theirs.body.version).toBe(1);
    expect((await http.get('/api/questionnaires/not-a-uuid', { token: staff.adminToken })).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('has no update endpoint: versions are immutable', async () => {
    const list = await http.get('/api/questionnaires', { token: staff.adminToken });
    const id = list.body.items[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await http.request(method, `/api/questionnaires/${id}`, { title: 'x' }, { token: staff.adminToken });
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('documents its endpoints and error codes in OpenAPI', async () => {
    const doc = await http.get('/docs/openapi.json');
    expect(doc.body.paths['/api/questionnaires'].post).toBeDefined();
    expect(doc.body.paths['/api/questionnaires'].get).toBeDefined();
    expect(doc.body.paths['/api/questionnaires/{id}'].get).toBeDefined();
    expect(doc.body.paths['/api/questionnaires/defaults'].post).toBeDefined();
    const post = JSON.stringify(doc.body.paths['/api/questionnaires'].post.responses);
    expect(post).toContain('QUESTIONNAIRE_INVALID');
    expect(post).toContain('QUESTIONNAIRE_KIND_MISMATCH');
  });
});
