import { readFileSync } from 'fs';
import { join } from 'path';
import { DomainError } from '../apps/api/src/common/domain-error';
import { RoundsService } from '../apps/api/src/rounds/rounds.service';
import { MetricResultsRepository } from '../apps/worker/src/metric/metric-results.repository';
import { client, Client, ResponseJson } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';

type Json = Record<string, ResponseJson>;
const GOOD = readFileSync(join(__dirname, 'fixtures', 'universe-good.csv'), 'utf8');
const DAY = 24 * 3600 * 1000;

describe('rounds: creation, draft edits, lifecycle draft → open → closed → published', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let institutionQ: Json;
  let citizenQ: Json;

  const window = (fromDays = -1, toDays = 30) => ({
    opensAt: new Date(Date.now() + fromDays * DAY).toISOString(),
    closesAt: new Date(Date.now() + toDays * DAY).toISOString(),
  });
  const roundBody = (extra: Json = {}): Json => ({
    name: 'Diagnóstico 2025',
    ...window(),
    institutionQuestionnaireId: institutionQ.id,
    citizenQuestionnaireId: citizenQ.id,
    universeSelection: { cveEnt: ['15'] },
    ...extra,
  });
  const createRound = async (extra: Json = {}, token = staff.adminToken): Promise<Json> => {
    const r = await http.post('/api/rounds', roundBody(extra), { token });
    if (r.status !== 201) throw new Error(`create round: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const act = (id: string, action: 'open' | 'close' | 'publish', token = staff.adminToken) =>
    http.post(`/api/rounds/${id}/${action}`, undefined, { token });
  const count = async (sql: string, params: unknown[]): Promise<number> => (await t.ds.query(sql, params))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    const imported = await http.post('/api/universe/import', { csv: GOOD }, { token: staff.adminToken });
    expect(imported.body.inserted).toBe(12);
    const defaults = await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken });
    [institutionQ, citizenQ] = defaults.body.items;
    expect([institutionQ.kind, citizenQ.kind]).toEqual(['institution', 'citizen']);
  });
  afterAll(() => t.close());

  describe('creation is validated', () => {
    it('refuses a window that closes before it opens', async () => {
      const r = await http.post('/api/rounds', roundBody({ ...window(10, 5) }), { token: staff.adminToken });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'closesAt' });
    });

    it('refuses questionnaires of the wrong kind or of another guarantor', async () => {
      const swapped = await http.post('/api/rounds', roundBody({ citizenQuestionnaireId: institutionQ.id }), {
        token: staff.adminToken,
      });
      expect(swapped.status).toBe(422);
      expect(swapped.body).toMatchObject({ code: 'QUESTIONNAIRE_KIND_MISMATCH', field: 'citizenQuestionnaireId' });
      const other = await guarantorWithAdmin(t.ds, http);
      const foreign = await http.post('/api/rounds', roundBody(), { token: other.adminToken });
      expect(foreign.status).toBe(404);
      expect(foreign.body).toMatchObject({ code: 'NOT_FOUND', field: 'institutionQuestionnaireId' });
    });

    it('validates method settings with every problem listed', async () => {
      const r = await http.post(
        '/api/rounds',
        roundBody({ settings: { thresholds: { cvCaution: 0.5, cvInconclusive: 0.3, bogus: 1 }, confidence: 2 } }),
        {
          token: staff.adminToken,
        },
      );
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('SETTINGS_INVALID');
      expect(r.body.field).toBe('settings.thresholds.bogus');
      const paths = r.body.details.problems.map((p: { path: string }) => p.path);
      expect(paths).toEqual(expect.arrayContaining(['thresholds.bogus', 'thresholds.cvCaution', 'confidence']));
      const notObject = await http.post('/api/rounds', roundBody({ settings: [1] }), { token: staff.adminToken });
      expect(notObject.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'settings' });
    });

    it('checks the universe selection against the catalogue and the universe', async () => {
      const geo = await http.post('/api/rounds', roundBody({ universeSelection: { cvegeo: ['15999'] } }), {
        token: staff.adminToken,
      });
      expect(geo.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'universeSelection.cvegeo' });
      const ids = await http.post(
        '/api/rounds',
        roundBody({ universeSelection: { institutionIds: ['00000000-0000-4000-8000-000000000000'] } }),
        {
          token: staff.adminToken,
        },
      );
      expect(ids.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'universeSelection.institutionIds' });
      const level = await http.post('/api/rounds', roundBody({ universeSelection: { levels: ['galactico'] } }), {
        token: staff.adminToken,
      });
      expect(level.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'universeSelection.levels' });
      const unknown = await http.post('/api/rounds', roundBody({ universeSelection: { states: ['15'] } }), {
        token: staff.adminToken,
      });
      expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'universeSelection.states' });
    });
  });

  it('create → patch → open → patch refused → close → publish, with every forbidden transition refused', async () => {
    const created = await createRound({ settings: { thresholds: { institutionMinReports: 7 } } });
    expect(created).toMatchObject({
      status: 'draft',
      universeSelection: { cveEnt: ['15'] },
      universeSize: 5,
      universeFrozen: false,
      institutionQuestionnaire: { id: institutionQ.id, version: 1 },
      citizenQuestionnaire: { id: citizenQ.id, version: 1 },
      counts: { invitations: 0, drafts: 0, submitted: 0 },
      openedAt: null,
    });
    // Stored complete: the override over the METHOD.md defaults.
    expect(created.settings.thresholds).toMatchObject({
      institutionMinReports: 7,
      cvCaution: 0.15,
      municipalityMinReports: 10,
    });
    expect(created.settings.weights.TG).toEqual({ AI: 0.5, TR: 0.2, TP: 0.2, DA: 0.1 });
    const id = created.id;

    // Draft → forbidden transitions.
    for (const action of ['close', 'publish'] as const) {
      const r = await act(id, action);
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('INVALID_TRANSITION');
      expect(r.body.details).toMatchObject({ from: 'draft', to: action === 'close' ? 'closed' : 'published' });
    }
    expect((await act(id, 'close')).body.message).toBe(
      "A round cannot go from 'draft' to 'closed'. From 'draft' only this is allowed: 'open'.",
    );

    // Patch while draft: a newer questionnaire version and a wider selection.
    const v2 = await http.post(
      '/api/questionnaires',
      {
        kind: 'institution',
        slug: 'apertura-institucional',
        definition: { pages: [{ name: 'p', elements: [{ type: 'boolean', name: 'a', component: 'TG.AI' }] }] },
      },
      { token: staff.adminToken },
    );
    expect(v2.body.version).toBe(2);
    const patched = await http.patch(
      `/api/rounds/${id}`,
      {
        name: 'Diagnóstico 2025 (Edomex + Azcapotzalco)',
        institutionQuestionnaireId: v2.body.id,
        universeSelection: { cveEnt: ['15'], cvegeo: ['09002'] },
      },
      { token: staff.adminToken },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Diagnóstico 2025 (Edomex + Azcapotzalco)',
      universeSize: 6,
      institutionQuestionnaire: { id: v2.body.id, version: 2 },
    });
    expect(patched.body.settings.thresholds.institutionMinReports).toBe(7);
    const preview = await http.get(`/api/rounds/${id}/universe?pageSize=200`, { token: staff.adminToken });
    expect(preview.body.total).toBe(6);
    const badPatch = await http.patch(
      `/api/rounds/${id}`,
      { closesAt: new Date(Date.now() - 10 * DAY).toISOString() },
      { token: staff.adminToken },
    );
    expect(badPatch.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'closesAt' });

    // Open: universe frozen, invitations and their mail events written in the same transaction.
    const outboxBefore = await count(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'mail.invitation'`, []);
    const opened = await act(id, 'open');
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      status: 'open',
      universeSize: 6,
      universeFrozen: true,
      counts: { invitations: 6 },
    });
    expect(opened.body.openedAt).toBeTruthy();
    expect(await count('SELECT count(*)::int AS n FROM round_institution WHERE round_id = $1', [id])).toBe(6);
    const invitations: Array<{ id: string; token_hash: string }> = await t.ds.query(
      'SELECT id, token_hash FROM invitation WHERE round_id = $1',
      [id],
    );
    expect(invitations).toHaveLength(6);
    for (const inv of invitations) expect(inv.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const events: Array<{ payload: { invitationId: string; reminder: boolean } }> = await t.ds.query(
      `SELECT payload FROM outbox_event WHERE type = 'mail.invitation' AND payload->>'invitationId' = ANY($1::text[])`,
      [invitations.map((i) => i.id)],
    );
    expect(events).toHaveLength(6);
    expect(events.every((e) => e.payload.reminder === false)).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'mail.invitation'`, [])).toBe(
      outboxBefore + 6,
    );

    // The universe is frozen: a new institution of the selection does not join an open round.
    const grown = await http.post(
      '/api/universe/import',
      { csv: `${GOOD}Ayuntamiento de Metepec,ayuntamiento,municipal,15,15054,ut@metepec.gob.mx\n` },
      { token: staff.adminToken },
    );
    expect(grown.body.inserted).toBe(1);
    const frozen = await http.get(`/api/rounds/${id}/universe?cveEnt=15`, { token: staff.adminToken });
    expect(frozen.body.total).toBe(5);
    expect((await http.get(`/api/rounds/${id}`, { token: staff.adminToken })).body.universeSize).toBe(6);

    // No change after opening, not even of the questionnaire: that is a new version for another round.
    for (const body of [{ name: 'x' }, { institutionQuestionnaireId: institutionQ.id }, { settings: {} }]) {
      const refused = await http.patch(`/api/rounds/${id}`, body, { token: staff.adminToken });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('ROUND_NOT_DRAFT');
    }

    // Open → forbidden transitions.
    for (const [action, to] of [
      ['open', 'open'],
      ['publish', 'published'],
    ] as const) {
      const r = await act(id, action);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'open', to } });
      expect(r.body.messages.es).toContain('«abierta»');
    }

    const closed = await act(id, 'close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.closedAt).toBeTruthy();
    for (const [action, to] of [
      ['open', 'open'],
      ['close', 'closed'],
    ] as const) {
      const r = await act(id, action);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'closed', to } });
    }
    expect((await http.patch(`/api/rounds/${id}`, { name: 'x' }, { token: staff.adminToken })).body.code).toBe(
      'ROUND_NOT_DRAFT',
    );

    // Publishing rebuilds first (issue #13): the round stays closed until the worker finishes the run
    // (no worker here: the test finishes the run the way the worker does).
    // No institution answered: publishing needs the acknowledgement (issue #15).
    const published = await http.post(
      `/api/rounds/${id}/publish`,
      { acknowledgeInconclusive: true },
      { token: staff.adminToken },
    );
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'closed',
      publishedAt: null,
      publication: { status: 'queued', progress: 0 },
    });
    await t.ds.transaction((m) =>
      new MetricResultsRepository(t.ds).finishRun(m, published.body.publication.runId, '0'),
    );
    const after = await http.get(`/api/rounds/${id}`, { token: staff.adminToken });
    expect(after.body).toMatchObject({ status: 'published', publication: { status: 'done' } });
    expect(after.body.publishedAt).toBeTruthy();
    for (const [action, to] of [
      ['open', 'open'],
      ['close', 'closed'],
      ['publish', 'published'],
    ] as const) {
      const r = await act(id, action);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'published', to, allowed: [] } });
    }
    expect((await http.patch(`/api/rounds/${id}`, { name: 'x' }, { token: staff.adminToken })).body.code).toBe(
      'ROUND_NOT_DRAFT',
    );

    // Invitations were created once, whatever was attempted after opening.
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE round_id = $1', [id])).toBe(6);
    const audit: Array<{ action: string }> = await t.ds.query(
      `SELECT action FROM audit_log WHERE entity_type = 'round' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'round.create',
      'round.update',
      'round.open',
      'round.close',
      'round.publish',
    ]);
  });

  it('two concurrent opens invite the universe once', async () => {
    const round = await createRound({ universeSelection: {} });
    expect(round.universeSize).toBe(13);
    const results = await Promise.all([act(round.id, 'open'), act(round.id, 'open'), act(round.id, 'open')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE round_id = $1', [round.id])).toBe(13);
    expect(await count('SELECT count(*)::int AS n FROM round_institution WHERE round_id = $1', [round.id])).toBe(13);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'round.open' AND entity_id = $1`, [
        round.id,
      ]),
    ).toBe(1);
  });

  it('refuses to open an empty universe or a round whose window has ended, changing nothing', async () => {
    const empty = await createRound({ universeSelection: { cveEnt: ['01'] } });
    expect(empty.universeSize).toBe(0);
    const r = await act(empty.id, 'open');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'UNIVERSE_EMPTY', field: 'universeSelection' });
    expect((await http.get(`/api/rounds/${empty.id}`, { token: staff.adminToken })).body.status).toBe('draft');
    expect(await count('SELECT count(*)::int AS n FROM round_institution WHERE round_id = $1', [empty.id])).toBe(0);

    const late = await createRound(window(-30, -1));
    const tooLate = await act(late.id, 'open');
    expect(tooLate.status).toBe(409);
    expect(tooLate.body).toMatchObject({ code: 'INVALID_TRANSITION', field: 'closesAt' });
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE round_id = $1', [late.id])).toBe(0);
    // Fixing the window in draft makes it openable.
    await http.patch(`/api/rounds/${late.id}`, window(-1, 10), { token: staff.adminToken });
    expect((await act(late.id, 'open')).status).toBe(200);
  });

  it('guards submissions: ROUND_NOT_OPEN before opening, ROUND_CLOSED after closing or past the window', async () => {
    const rounds = t.app.get(RoundsService);
    const codeOf = async (p: Promise<unknown>): Promise<string | null> => {
      try {
        await p;
        return null;
      } catch (e) {
        return e instanceof DomainError ? e.code : String(e);
      }
    };
    const r = await createRound();
    expect(await codeOf(rounds.requireOpenForSubmissions(r.id))).toBe('ROUND_NOT_OPEN');
    await act(r.id, 'open');
    expect(await codeOf(rounds.requireOpenForSubmissions(r.id))).toBeNull();
    expect(await codeOf(t.ds.transaction((m) => rounds.requireOpenForSubmissions(r.id, m)))).toBeNull();
    expect(await codeOf(rounds.requireOpenForSubmissions(r.id, undefined, new Date(Date.now() + 31 * DAY)))).toBe(
      'ROUND_CLOSED',
    );
    await act(r.id, 'close');
    expect(await codeOf(rounds.requireOpenForSubmissions(r.id))).toBe('ROUND_CLOSED');
    expect(await codeOf(rounds.requireOpenForSubmissions('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
  });

  it('keeps rounds to their guarantor; analysts read but do not act', async () => {
    const round = await createRound();
    const stranger = await guarantorWithAdmin(t.ds, http);
    for (const r of [
      await http.get(`/api/rounds/${round.id}`, { token: stranger.adminToken }),
      await http.get(`/api/rounds/${round.id}/universe`, { token: stranger.adminToken }),
      await http.patch(`/api/rounds/${round.id}`, { name: 'mío' }, { token: stranger.adminToken }),
      await act(round.id, 'open', stranger.adminToken),
      await act(round.id, 'close', stranger.adminToken),
      await act(round.id, 'publish', stranger.adminToken),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('NOT_FOUND');
    }
    expect((await http.get('/api/rounds', { token: stranger.adminToken })).body.total).toBe(0);
    expect((await http.get(`/api/rounds/${round.id}`, { token: staff.adminToken })).body.name).toBe('Diagnóstico 2025');

    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    expect((await http.get(`/api/rounds/${round.id}`, { token: analyst })).status).toBe(200);
    expect((await http.get(`/api/rounds/${round.id}/universe`, { token: analyst })).body.total).toBe(6);
    for (const r of [
      await http.post('/api/rounds', roundBody(), { token: analyst }),
      await http.patch(`/api/rounds/${round.id}`, { name: 'x' }, { token: analyst }),
      await act(round.id, 'open', analyst),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }
    expect((await http.get('/api/rounds')).status).toBe(401);
  });

  it('lists rounds newest first, filtered and paginated', async () => {
    const all = await http.get('/api/rounds?pageSize=200', { token: staff.adminToken });
    expect(all.status).toBe(200);
    const created = all.body.items.map((r: Json) => r.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const drafts = await http.get('/api/rounds?status=draft', { token: staff.adminToken });
    expect(drafts.body.items.every((r: Json) => r.status === 'draft')).toBe(true);
    expect(drafts.body.total).toBeGreaterThan(0);
    const paged = await http.get('/api/rounds?page=2&pageSize=2', { token: staff.adminToken });
    expect(paged.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 2 });
    expect(paged.body.items.map((r: Json) => r.id)).toEqual(all.body.items.slice(2, 4).map((r: Json) => r.id));
    expect((await http.get('/api/rounds?status=bogus', { token: staff.adminToken })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'status',
    });
    expect((await http.get('/api/rounds?pageSize=500', { token: staff.adminToken })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'pageSize',
    });
  });

  it('documents its endpoints and error codes in OpenAPI', async () => {
    const doc = (await http.get('/docs/openapi.json')).body;
    const expectCodes = (path: string, method: string, codes: string[]): void => {
      expect(doc.paths[path]?.[method]).toBeDefined();
      const text = JSON.stringify(doc.paths[path][method].responses);
      for (const c of codes) expect(text).toContain(c);
    };
    expectCodes('/api/rounds', 'post', ['QUESTIONNAIRE_KIND_MISMATCH', 'SETTINGS_INVALID', 'VALIDATION_FAILED']);
    expectCodes('/api/rounds', 'get', ['FORBIDDEN']);
    expectCodes('/api/rounds/{id}', 'get', ['NOT_FOUND']);
    expectCodes('/api/rounds/{id}', 'patch', ['ROUND_NOT_DRAFT', 'SETTINGS_INVALID']);
    expectCodes('/api/rounds/{id}/universe', 'get', ['NOT_FOUND']);
    expectCodes('/api/rounds/{id}/open', 'post', ['INVALID_TRANSITION', 'UNIVERSE_EMPTY']);
    expectCodes('/api/rounds/{id}/close', 'post', ['INVALID_TRANSITION']);
    expectCodes('/api/rounds/{id}/publish', 'post', ['INVALID_TRANSITION']);
  });
});
