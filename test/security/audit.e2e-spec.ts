import { readFileSync } from 'fs';
import { join } from 'path';
import { deriveToken } from '../../apps/api/src/auth/tokens';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin, Staff, staffToken, TEST_PASSWORD } from '../support/fixtures';
import { client, Client } from '../support/http';
import { registerVerified, SAMPLE_ANSWERS, Validator } from './support/world';

const CSV = readFileSync(join(__dirname, '..', 'fixtures', 'universe-good.csv'), 'utf8');
const DAY = 86_400_000;

interface Entry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit log through the API that writes it: every kind of change the issue names is recorded by
 * the module that makes it (in the same transaction), queryable by the guarantor's admins only, and
 * the database refuses to rewrite it.
 */
describe('audit log', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let other: Staff;
  let analyst: string;
  let roundId: string;
  let responseId: string;
  let validator: Validator;
  let verdictId: string;
  let staffUserId: string;
  let startedAt: string;

  const log = async (query = ''): Promise<{ items: Entry[]; total: number }> => {
    const r = await http.get(`/api/audit${query}`, { token: staff.adminToken });
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
    startedAt = new Date().toISOString();
    analyst = await staffToken(http, staff.adminToken, 'analyst');

    expect(
      (
        await http.request('POST', '/api/universe/import', undefined, {
          token: staff.adminToken,
          raw: CSV,
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(200);
    const [iq, cq] = (await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken })).body
      .items;
    const created = await http.post(
      '/api/rounds',
      {
        name: 'Ronda auditada',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        institutionQuestionnaireId: iq.id,
        citizenQuestionnaireId: cq.id,
        universeSelection: { cvegeo: ['15106'] },
      },
      { token: staff.adminToken },
    );
    expect(created.status).toBe(201);
    roundId = created.body.id;
    expect((await http.post(`/api/rounds/${roundId}/open`, undefined, { token: staff.adminToken })).status).toBe(200);

    // An institution submits, then amends.
    const [inv] = await t.ds.query('SELECT id FROM invitation WHERE round_id = $1 ORDER BY id LIMIT 1', [roundId]);
    const token = deriveToken(t.env.TOKEN_SECRET, 'invitation', inv.id);
    const first = await http.post(
      '/api/respond/submit',
      { data: SAMPLE_ANSWERS, idempotencyKey: 'audit-first' },
      { invitation: token },
    );
    expect(first.status).toBe(201);
    responseId = first.body.responseId;
    const amended = await http.post(
      '/api/respond/submit',
      { data: { ...SAMPLE_ANSWERS, tr_portal: false }, idempotencyKey: 'audit-second' },
      { invitation: token },
    );
    expect(amended.body.version).toBe(2);

    // A validator gives a verdict, then changes it.
    expect(
      (await http.post(`/api/rounds/${roundId}/validation/open`, undefined, { token: staff.adminToken })).status,
    ).toBe(200);
    validator = await registerVerified(t, http, 'auditada@example.org');
    const work = await http.post(
      `/api/citizens/rounds/${roundId}/assignments`,
      { max: 10 },
      { token: validator.token },
    );
    const [{ institution_id }] = await t.ds.query('SELECT institution_id FROM response WHERE id = $1', [responseId]);
    const assignment = (work.body.items as Array<{ id: string; institution: { id: string } }>).find(
      (a) => a.institution.id === institution_id,
    );
    if (!assignment) throw new Error(`no assignment for the responding institution: ${JSON.stringify(work.body)}`);
    const v1 = await http.put(
      `/api/citizens/assignments/${assignment.id}/verdicts/ai_procedimiento`,
      { verdict: 'confirmed' },
      { token: validator.token },
    );
    expect(v1.status).toBe(200);
    verdictId = v1.body.verdict.id;
    expect(
      (
        await http.put(
          `/api/citizens/assignments/${assignment.id}/verdicts/ai_procedimiento`,
          { verdict: 'refuted', comment: 'No existe.' },
          { token: validator.token },
        )
      ).status,
    ).toBe(200);

    // A staff account changes role.
    const user = await http.post(
      '/api/users',
      { email: 'cambia@example.org', password: TEST_PASSWORD, role: 'analyst' },
      { token: staff.adminToken },
    );
    staffUserId = user.body.id;
    expect(
      (await http.patch(`/api/users/${staffUserId}/role`, { role: 'guarantor_admin' }, { token: staff.adminToken }))
        .status,
    ).toBe(200);

    expect((await http.post(`/api/rounds/${roundId}/close`, undefined, { token: staff.adminToken })).status).toBe(200);
    expect(
      (
        await http.post(
          `/api/rounds/${roundId}/publish`,
          { acknowledgeInconclusive: true },
          { token: staff.adminToken },
        )
      ).status,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  it('records round transitions, universe imports, submissions and amendments, verdict edits and role changes', async () => {
    const { items } = await log('?pageSize=200');
    const actions = items.map((e) => e.action);
    for (const action of [
      'universe.import',
      'questionnaire.create',
      'round.create',
      'round.open',
      'round.close',
      'round.publish',
      'round.validation-open',
      'response.submit',
      'response.amend',
      'verdict.edit',
      'user.create',
      'user.role-change',
    ]) {
      expect(actions).toContain(action);
    }
    // Newest first, ids increasing with time.
    expect(items.map((e) => Number(e.id))).toEqual([...items.map((e) => Number(e.id))].sort((x, y) => y - x));

    const transitions = items
      .filter((e) => e.entityId === roundId && /^round\.(open|close|publish)$/.test(e.action))
      .reverse();
    expect(transitions.map((e) => e.details)).toEqual([
      expect.objectContaining({ from: 'draft', to: 'open' }),
      { from: 'open', to: 'closed' },
      {
        from: 'closed',
        to: 'published',
        runId: expect.any(String),
        // Issue #15: the publication records what was acknowledged and the coverage it was shown.
        acknowledgedInconclusive: true,
        coverage: {
          universe: 3,
          submitted: 1,
          validated: 0,
          conclusive: 0,
          caution: 0,
          inconclusive: 0,
          not_validated: 1,
        },
      },
    ]);
    const admin = await t.ds.query('SELECT id FROM app_user WHERE email = $1', [staff.adminEmail]);
    expect(transitions.every((e) => e.actorUserId === admin[0].id && e.actorRole === 'guarantor_admin')).toBe(true);

    const amend = items.find((e) => e.action === 'response.amend');
    expect(amend).toMatchObject({
      entityType: 'response',
      entityId: responseId,
      actorRole: 'institution',
      actorUserId: null,
      details: { version: 2 },
    });
    const edit = items.find((e) => e.action === 'verdict.edit');
    expect(edit).toMatchObject({
      entityType: 'verdict',
      entityId: verdictId,
      actorUserId: validator.id,
      actorRole: 'citizen_validator',
      details: {
        questionName: 'ai_procedimiento',
        from: { verdict: 'confirmed', comment: null },
        to: { verdict: 'refuted', comment: 'No existe.' },
      },
    });
    // The first verdict is not an edit: one record for two saves.
    expect(items.filter((e) => e.action === 'verdict.edit')).toHaveLength(1);
    expect(items.find((e) => e.action === 'user.role-change')).toMatchObject({
      entityId: staffUserId,
      details: { from: 'analyst', to: 'guarantor_admin' },
    });
    expect(items.find((e) => e.action === 'universe.import')).toMatchObject({
      entityType: 'universe',
      details: { inserted: 12 },
    });
    // No personal data of the validator in the log.
    expect(JSON.stringify(items)).not.toContain(validator.email);
  });

  it('filters by action (exact or prefix), entity, and time window; paginates', async () => {
    const opened = await log('?action=round.open');
    expect(opened.items.map((e) => e.action)).toEqual(['round.open']);
    const rounds = await log('?action=round.*&pageSize=200');
    expect(new Set(rounds.items.map((e) => e.action))).toEqual(
      new Set(['round.create', 'round.open', 'round.close', 'round.publish', 'round.validation-open']),
    );
    const ofResponse = await log(`?entityType=response&entityId=${responseId}`);
    expect(ofResponse.items.map((e) => e.action)).toEqual(['response.amend', 'response.submit']);

    const all = await log('?pageSize=200');
    const page1 = await log('?pageSize=2&page=1');
    const page2 = await log('?pageSize=2&page=2');
    expect(page1.total).toBe(all.total);
    expect([...page1.items, ...page2.items].map((e) => e.id)).toEqual(all.items.slice(0, 4).map((e) => e.id));

    const future = new Date(Date.now() + DAY).toISOString();
    expect((await log(`?from=${encodeURIComponent(future)}`)).total).toBe(0);
    expect((await log(`?from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(future)}`)).total).toBe(
      all.total,
    );
    expect((await log(`?to=${encodeURIComponent(startedAt)}`)).items.every((e) => e.at < startedAt)).toBe(true);
  });

  it('is readable by guarantor admins only, each seeing only its own guarantor', async () => {
    expect((await http.get('/api/audit', { token: analyst })).status).toBe(403);
    expect((await http.get('/api/audit', { token: validator.token })).status).toBe(403);
    expect((await http.get('/api/audit')).status).toBe(401);
    const theirs = await http.get('/api/audit?pageSize=200', { token: other.adminToken });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.some((e: Entry) => e.entityId === roundId || e.entityId === responseId)).toBe(false);
    for (const bad of [
      '?pageSize=10000',
      '?page=0',
      '?action=DROP%20TABLE',
      "?entityId=1'%20OR%201=1",
      '?from=yesterday',
      `?from=${encodeURIComponent(new Date().toISOString())}&to=2000-01-01T00:00:00Z`,
      '?sort=id',
    ]) {
      const r = await http.get(`/api/audit${bad}`, { token: staff.adminToken });
      expect({ bad, status: r.status, code: r.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM audit_log');
    await expect(t.ds.query(`UPDATE audit_log SET action = 'forged' WHERE action = 'round.publish'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ds.query(`DELETE FROM audit_log WHERE action = 'verdict.edit'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after).toBe(before);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'forged'`))[0].n).toBe(0);
  });
});
