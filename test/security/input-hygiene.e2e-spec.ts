import { randomBytes, randomUUID } from 'crypto';
import { INSTITUTION_V1 } from '@apertura/questionnaire';
import { collectRoutes } from '../../apps/api/src/auth/access-matrix';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin } from '../support/fixtures';
import { client, Client } from '../support/http';

/**
 * Issue #13 §6: the attacks of the report against the real API. U+0000 (and other C0 controls) in any
 * text answered 500; names were stored with zero-width and bidi-override characters; an admin's
 * questionnaire `html` element with `<meta http-equiv=refresh>` sent respondents to another site.
 */
const concrete = (path: string): string => path.replace(/:[A-Za-z]+/g, randomUUID());

describe('input hygiene (issue #13 §6)', () => {
  let t: TestApp;
  let http: Client;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    admin = (await guarantorWithAdmin(t.ds, http, `seca-hygiene-${randomBytes(3).toString('hex')}`)).adminToken;
  });
  afterAll(() => t?.close());

  it('NUL in the query string of every route is 400 CONTROL_CHARACTER (never 500)', async () => {
    const routes = collectRoutes(t.app);
    expect(routes.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await http.request(r.method, `${concrete(r.path)}?q=a%00b`, undefined, { token: admin });
      if (res.status !== 400 || res.body?.code !== 'CONTROL_CHARACTER')
        wrong.push(`${r.method} ${r.path}: ${res.status} ${res.body?.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('NUL, ESC or BEL anywhere in a JSON body of every mutating route is 400 CONTROL_CHARACTER, anonymous or signed in', async () => {
    const mutating = collectRoutes(t.app).filter((r) => r.method !== 'GET');
    const wrong: string[] = [];
    for (const r of mutating) {
      for (const [as, body] of [
        [undefined, { name: 'x\u0000' }],
        [admin, { deep: { list: ['ok', 'x\u001b[2J'] } }],
        [admin, { ['clave\u0007']: 1 }],
      ] as const) {
        const res = await http.request(r.method, concrete(r.path), body, { token: as });
        if (res.status !== 400 || res.body?.code !== 'CONTROL_CHARACTER')
          wrong.push(`${r.method} ${r.path}: ${res.status} ${res.body?.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('NUL in a path parameter is 400 CONTROL_CHARACTER', async () => {
    const res = await http.get('/api/rounds/%00', { token: admin });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CONTROL_CHARACTER');
  });

  it('tabs and line breaks are still accepted where text allows them (a password)', async () => {
    const res = await http.post('/api/auth/login', { email: 'nadie@example.org', password: 'línea\r\nsiguiente\tcol' });
    expect(res.status).toBe(401);
  });

  describe('names', () => {
    const round = async (name: string) => {
      const [iq] = await t.ds.query(`SELECT id FROM questionnaire WHERE kind = 'institution' LIMIT 1`);
      const [cq] = await t.ds.query(`SELECT id FROM questionnaire WHERE kind = 'citizen' LIMIT 1`);
      return http.post(
        '/api/rounds',
        {
          name,
          opensAt: '2030-01-01T00:00:00Z',
          closesAt: '2030-02-01T00:00:00Z',
          institutionQuestionnaireId: iq.id,
          citizenQuestionnaireId: cq.id,
        },
        { token: admin },
      );
    };

    beforeAll(async () => {
      expect((await http.post('/api/questionnaires/defaults', {}, { token: admin })).status).toBeLessThan(300);
    });

    it('a round named 199 zero-width spaces + "x" is stored as "x"', async () => {
      const res = await round(`${'\u200B'.repeat(199)}x`);
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('x');
      const [row] = await t.ds.query('SELECT name FROM round WHERE id = $1', [res.body.id]);
      expect(row.name).toBe('x');
    });

    it('a name of only zero-width characters is blank: 400', async () => {
      const res = await round('\u200B\u200C\u200D\uFEFF\u2060');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    });

    it('a name with a bidi override is refused', async () => {
      const res = await round('Ronda \u202Egnp.exe');
      expect(res.status).toBe(400);
      expect(res.body.field).toBe('name');
    });

    it('names are stored in NFC', async () => {
      const res = await round('Diagno\u0301stico Me\u0301xico');
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('Diagnóstico México');
    });

    it('universe import: institution names normalised, a bidi override refused', async () => {
      const header = 'name,type,level,cve_ent,cvegeo,email\n';
      const ok = await http.post('/api/universe/import', undefined, {
        token: admin,
        raw: `${header}\u200BAyuntamiento\u200B de Toluca,ayuntamiento,municipal,15,15106,t@toluca.example\n`,
        headers: { 'content-type': 'text/csv' },
      });
      expect(ok.status).toBe(200);
      const [inst] = await t.ds.query(`SELECT name FROM institution WHERE email = 't@toluca.example'`);
      expect(inst.name).toBe('Ayuntamiento de Toluca');
      const bad = await http.post('/api/universe/import', undefined, {
        token: admin,
        raw: `${header}Ayuntamiento \u202Eotepem,ayuntamiento,municipal,15,15054,m@metepec.example\n`,
        headers: { 'content-type': 'text/csv' },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.details.errors[0]).toMatchObject({ code: 'BIDI_CONTROL', column: 'name' });
    });
  });

  it('a questionnaire html element with meta refresh, script, iframe, on* handlers or javascript: links is stored sanitised', async () => {
    const definition = JSON.parse(JSON.stringify(INSTITUTION_V1)) as {
      pages: Array<{ elements: unknown[] }>;
      completedHtml?: string;
    };
    definition.pages[0].elements.unshift({
      type: 'html',
      name: 'aviso_malicioso',
      html: '<meta http-equiv="refresh" content="0;url=https://evil.example"><p onmouseover="steal()">Bienvenida</p><script>steal()</script><iframe src="https://evil.example"></iframe><a href="javascript:steal()">aquí</a>',
    });
    definition.completedHtml = '<img src=x onerror="steal()">Gracias';
    const res = await http.post(
      '/api/questionnaires',
      { kind: 'institution', slug: `html-${randomBytes(3).toString('hex')}`, definition },
      { token: admin },
    );
    expect(res.status).toBe(201);
    const stored = await http.get(`/api/questionnaires/${res.body.id}`, { token: admin });
    const text = JSON.stringify(stored.body.definition);
    expect(text).not.toMatch(/<meta|<script|<iframe|onmouseover|onerror|javascript:|<img/i);
    const html = stored.body.definition.pages[0].elements[0];
    expect(html).toEqual({ type: 'html', name: 'aviso_malicioso', html: '<p>Bienvenida</p><a>aquí</a>' });
    expect(stored.body.definition.completedHtml).toBe('Gracias');
  });
});
