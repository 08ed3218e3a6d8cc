import { readFileSync } from 'fs';
import { join } from 'path';
import { client, Client, ResponseJson } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';

type Json = Record<string, ResponseJson>;
const GOOD = readFileSync(join(__dirname, 'fixtures', 'universe-good.csv'), 'utf8');
const DAY = 24 * 3600 * 1000;

/**
 * METHOD.md §4 round design over the real API. The fixture universe has, per state: 15 → 5
 * institutions (Toluca 15106: 3, Naucalpan 15057: 1, Acambay 15001: 1), 14 → 3, 09 → 3, 19 → 1.
 */
describe('rounds: design (census | sample with stratum populations)', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let questionnaires: { institutionQuestionnaireId: string; citizenQuestionnaireId: string };

  const SAMPLE = {
    kind: 'sample',
    states: [
      { cveEnt: '15', population: 300 },
      { cveEnt: '14', population: 125 },
    ],
    municipalities: [{ cvegeo: '15106', population: 12 }],
  };

  const setUp = async (): Promise<{ staff: Staff; questionnaires: typeof questionnaires }> => {
    const s = await guarantorWithAdmin(t.ds, http);
    const imported = await http.post('/api/universe/import', { csv: GOOD }, { token: s.adminToken });
    expect(imported.body.inserted).toBe(12);
    const defaults = await http.post('/api/questionnaires/defaults', undefined, { token: s.adminToken });
    const [inst, cit] = defaults.body.items;
    return { staff: s, questionnaires: { institutionQuestionnaireId: inst.id, citizenQuestionnaireId: cit.id } };
  };
  const roundBody = (extra: Json = {}, q = questionnaires): Json => ({
    name: 'Muestra 2025',
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    ...q,
    universeSelection: { cveEnt: ['15', '14'] },
    ...extra,
  });
  const create = (extra: Json = {}, s = staff, q = questionnaires) =>
    http.post('/api/rounds', roundBody(extra, q), { token: s.adminToken });
  const patch = (id: string, body: Json, s = staff) => http.patch(`/api/rounds/${id}`, body, { token: s.adminToken });
  const open = (id: string, s = staff) => http.post(`/api/rounds/${id}/open`, undefined, { token: s.adminToken });
  const count = async (sql: string, params: unknown[]): Promise<number> => (await t.ds.query(sql, params))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ tag: 'design' });
    http = client(t.url);
    ({ staff, questionnaires } = await setUp());
  });
  afterAll(() => t.close());

  it('a round is a census unless told otherwise', async () => {
    const r = await create();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ design: { kind: 'census' }, designProblems: [] });
    expect(r.body.universeStates).toEqual([
      { cveEnt: '14', name: 'Jalisco', institutions: 3 },
      { cveEnt: '15', name: 'México', institutions: 5 },
    ]);
  });

  it('accepts a valid sample on creation, stores it sorted and returns it on GET', async () => {
    const r = await create({ design: SAMPLE });
    expect(r.status).toBe(201);
    const stored = {
      kind: 'sample',
      states: [
        { cveEnt: '14', population: 125 },
        { cveEnt: '15', population: 300 },
      ],
      municipalities: [{ cvegeo: '15106', population: 12 }],
    };
    expect(r.body.design).toEqual(stored);
    const got = await http.get(`/api/rounds/${r.body.id}`, { token: staff.adminToken });
    expect(got.body).toMatchObject({ design: stored, designProblems: [] });
    expect(
      (await http.get('/api/rounds?pageSize=200', { token: staff.adminToken })).body.items.find(
        (x: Json) => x.id === r.body.id,
      ).design,
    ).toEqual(stored);
    const audit: Array<{ details: Json }> = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'round.create' AND entity_id = $1`,
      [r.body.id],
    );
    expect(audit[0].details.design).toEqual(stored);
  });

  describe('refuses an invalid design with 400 VALIDATION_FAILED naming the field, in Spanish and English', () => {
    const states = (...s: Array<[string, unknown]>) => s.map(([cveEnt, population]) => ({ cveEnt, population }));
    const cases: Array<[string, Json, string, RegExp]> = [
      [
        'a missing state of the universe',
        { kind: 'sample', states: states(['15', 300]) },
        'design.states',
        /falta la población de la entidad 14/,
      ],
      [
        'a population below the universe count',
        { kind: 'sample', states: states(['15', 4], ['14', 3]) },
        'design.states[0].population',
        /menor que las 5 instituciones/,
      ],
      [
        'a duplicate state',
        { kind: 'sample', states: states(['15', 300], ['15', 301], ['14', 3]) },
        'design.states[1].cveEnt',
        /aparece más de una vez/,
      ],
      [
        'a state outside the universe',
        { kind: 'sample', states: states(['15', 300], ['14', 3], ['19', 4]) },
        'design.states[2].cveEnt',
        /no tiene instituciones en el universo/,
      ],
      [
        'a state that does not exist',
        { kind: 'sample', states: states(['15', 300], ['14', 3], ['99', 4]) },
        'design.states[2].cveEnt',
        /la entidad 99 no existe/,
      ],
      [
        'a negative population',
        { kind: 'sample', states: states(['15', 300], ['14', -3]) },
        'design.states[1].population',
        /al menos 1/,
      ],
      [
        'a non-integer population',
        { kind: 'sample', states: states(['15', 300.5], ['14', 3]) },
        'design.states[0].population',
        /número entero/,
      ],
      [
        'a population given as text',
        { kind: 'sample', states: states(['15', '300'], ['14', 3]) },
        'design.states[0].population',
        /número entero/,
      ],
      [
        'a malformed state code',
        { kind: 'sample', states: states(['5', 300], ['14', 3]) },
        'design.states[0].cveEnt',
        /2 dígitos/,
      ],
      ['an unknown kind', { kind: 'stratified' }, 'design.kind', /census o sample/],
      [
        'populations on a census',
        { kind: 'census', states: states(['15', 300]) },
        'design.states',
        /un censo no declara/,
      ],
      ['an empty sample', { kind: 'sample' }, 'design.states', /debe listar cada entidad/],
      [
        'a municipality below its count',
        { ...SAMPLE, municipalities: [{ cvegeo: '15106', population: 2 }] },
        'design.municipalities[0].population',
        /menor que las 3/,
      ],
      [
        'a municipality outside the universe',
        { ...SAMPLE, municipalities: [{ cvegeo: '09002', population: 2 }] },
        'design.municipalities[0].cvegeo',
        /09002 no tiene/,
      ],
      ['an unknown property', { ...SAMPLE, weights: {} }, 'design.weights', /.+/],
    ];
    it('refuses a null design (absent means "keep" on PATCH and census on creation)', async () => {
      expect((await create({ design: null })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'design' });
      const draft = (await create()).body;
      expect((await patch(draft.id, { design: null })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'design',
      });
      expect((await patch(draft.id, { design: [] })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'design',
      });
    });
    it.each(cases)('%s', async (_name, design, field, es) => {
      const created = await create({ design });
      expect(created.status).toBe(400);
      expect(created.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(created.body.messages.es).toMatch(es);
      expect(created.body.messages.en).toContain(field);
      // The same on PATCH of a draft, which keeps its design.
      const draft = (await create()).body;
      const patched = await patch(draft.id, { design });
      expect(patched.status).toBe(400);
      expect(patched.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect((await http.get(`/api/rounds/${draft.id}`, { token: staff.adminToken })).body.design).toEqual({
        kind: 'census',
      });
    });

    it('lists every problem in details.problems', async () => {
      const r = await create({ design: { kind: 'sample', states: states(['15', 4], ['15', 300], ['19', 1]) } });
      expect(r.body.details.problems.map((p: Json) => p.path)).toEqual([
        'design.states[0].population',
        'design.states[1].cveEnt',
        'design.states[2].cveEnt',
        'design.states',
      ]);
      for (const p of r.body.details.problems)
        expect(p).toEqual({ path: p.path, es: expect.any(String), en: expect.any(String) });
    });
  });

  it('edits the design while draft (audited), re-checks it when the round opens, and freezes it after', async () => {
    const round = (await create()).body;
    const edited = await patch(round.id, { design: SAMPLE });
    expect(edited.status).toBe(200);
    expect(edited.body.design.kind).toBe('sample');
    const audit: Array<{ details: Json }> = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'round.update' AND entity_id = $1 ORDER BY id`,
      [round.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({
      changed: ['design'],
      design: { from: { kind: 'census' }, to: edited.body.design },
    });

    // Widening the selection is allowed in draft, but the design now misses state 09: shown, and opening refused.
    const widened = await patch(round.id, { universeSelection: { cveEnt: ['15', '14', '09'] } });
    expect(widened.status).toBe(200);
    expect(widened.body.designProblems).toEqual([
      expect.objectContaining({ path: 'design.states', en: expect.stringContaining('state 09') }),
    ]);
    const refused = await open(round.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'DESIGN_INVALID', field: 'design.states' });
    expect(refused.body.messages.es).toContain('No se puede abrir la ronda');
    expect(refused.body.details.problems).toHaveLength(1);
    expect((await http.get(`/api/rounds/${round.id}`, { token: staff.adminToken })).body.status).toBe('draft');
    expect(await count('SELECT count(*)::int AS n FROM round_institution WHERE round_id = $1', [round.id])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE round_id = $1', [round.id])).toBe(0);

    // Fixed in draft, it opens; then the design cannot change any more.
    const fixed = await patch(round.id, {
      design: { ...SAMPLE, states: [...SAMPLE.states, { cveEnt: '09', population: 90 }] },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.designProblems).toEqual([]);
    const opened = await open(round.id);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', universeSize: 11, designProblems: [] });
    expect(opened.body.universeStates.map((s: Json) => [s.cveEnt, s.institutions])).toEqual([
      ['09', 3],
      ['14', 3],
      ['15', 5],
    ]);
    for (const design of [{ kind: 'census' }, SAMPLE]) {
      const late = await patch(round.id, { design });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('ROUND_NOT_DRAFT');
    }
    expect((await http.get(`/api/rounds/${round.id}`, { token: staff.adminToken })).body.design).toEqual(
      fixed.body.design,
    );
    const actions: Array<{ action: string }> = await t.ds.query(
      `SELECT action FROM audit_log WHERE entity_type = 'round' AND entity_id = $1 ORDER BY id`,
      [round.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'round.create',
      'round.update',
      'round.update',
      'round.update',
      'round.open',
    ]);
  });

  it('refuses to open a sample whose universe outgrew a population through an import', async () => {
    // Own guarantor: the import changes its whole universe.
    const own = await setUp();
    const round = await create(
      { universeSelection: { cveEnt: ['14'] }, design: { kind: 'sample', states: [{ cveEnt: '14', population: 3 }] } },
      own.staff,
      own.questionnaires,
    );
    expect(round.status).toBe(201);
    const grown = await http.post(
      '/api/universe/import',
      { csv: `${GOOD}Ayuntamiento de Tlaquepaque,ayuntamiento,municipal,14,14098,ut@tlaquepaque.gob.mx\n` },
      { token: own.staff.adminToken },
    );
    expect(grown.body.inserted).toBe(1);
    const seen = await http.get(`/api/rounds/${round.body.id}`, { token: own.staff.adminToken });
    expect(seen.body.designProblems).toEqual([expect.objectContaining({ path: 'design.states[0].population' })]);
    const refused = await open(round.body.id, own.staff);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'DESIGN_INVALID', field: 'design.states[0].population' });
    expect(refused.body.messages.en).toContain('smaller than the 4 institutions');
  });

  it('analysts read the design but cannot change it', async () => {
    const round = (await create({ design: SAMPLE })).body;
    const token = await staffToken(http, staff.adminToken, 'analyst');
    expect((await http.get(`/api/rounds/${round.id}`, { token })).body.design.kind).toBe('sample');
    expect((await http.patch(`/api/rounds/${round.id}`, { design: { kind: 'census' } }, { token })).status).toBe(403);
  });

  it('documents the design and DESIGN_INVALID in OpenAPI', async () => {
    const doc = (await http.get('/docs/openapi.json')).body;
    expect(JSON.stringify(doc.paths['/api/rounds/{id}/open'].post.responses)).toContain('DESIGN_INVALID');
    expect(doc.components.schemas.RoundDesignDto.properties).toMatchObject({
      kind: { enum: ['census', 'sample'] },
      states: expect.any(Object),
    });
    expect(doc.components.schemas.CreateRoundDto.properties.design).toBeDefined();
    expect(doc.components.schemas.RoundDetailDto.properties).toMatchObject({
      design: expect.any(Object),
      designProblems: expect.any(Object),
      universeStates: expect.any(Object),
    });
  });
});
