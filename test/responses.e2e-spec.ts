import { createHash, randomBytes, randomUUID } from 'crypto';
import { deriveToken } from '@apertura/config';
import { client } from './support/http';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken } from './support/fixtures';
import { seedInstitution, seedInvitation, seedOpenRound, seedQuestionnaire } from './support/seed';

/** A small institution questionnaire: a conditional question, a number, a required choice, two pages. */
const QUESTIONNAIRE = {
  locale: 'es',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'boolean',
          name: 'has_unit',
          title: { es: '¿Tiene unidad de transparencia?', en: 'Has a transparency unit?' },
          isRequired: true,
        },
        { type: 'text', name: 'unit_url', title: 'URL', visibleIf: '{has_unit} = true' },
        { type: 'text', name: 'staff', inputType: 'number', title: 'Personal' },
      ],
    },
    {
      name: 'p2',
      elements: [
        {
          type: 'radiogroup',
          name: 'channels',
          title: 'Canal',
          isRequired: true,
          choices: ['platform', 'email', 'in_person'],
        },
        { type: 'comment', name: 'notes', title: 'Notas' },
      ],
    },
  ],
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

interface World {
  roundId: string;
  instA: string;
  instB: string;
  tokenA: string;
  tokenB: string;
  adminToken: string;
}

async function seed(t: TestApp, guarantorId: string): Promise<Omit<World, 'adminToken'>> {
  const iq = await seedQuestionnaire(t.ds, guarantorId, { kind: 'institution', definition: QUESTIONNAIRE });
  const cq = await seedQuestionnaire(t.ds, guarantorId, {
    kind: 'citizen',
    definition: { pages: [{ name: 'c', elements: [{ type: 'boolean', name: 'answered' }] }] },
  });
  const institution = (key: string, name: string): Promise<string> =>
    seedInstitution(t.ds, guarantorId, { key, name, email: `${key}@example.org` });
  const instA = await institution('toluca', 'Ayuntamiento de Toluca');
  const instB = await institution('toluca-agua', 'Organismo de Agua de Toluca');
  const roundId = await seedOpenRound(t.ds, guarantorId, {
    institutionQuestionnaireId: iq,
    citizenQuestionnaireId: cq,
    institutionIds: [instA, instB],
    name: 'Ronda 2025',
  });
  const invite = (institutionId: string): Promise<string> =>
    seedInvitation(t.ds, t.env.TOKEN_SECRET, roundId, institutionId);
  return { roundId, instA, instB, tokenA: await invite(instA), tokenB: await invite(instB) };
}

function evidenceForm(content: Buffer, filename: string, type: string, questionName = 'unit_url'): FormData {
  const form = new FormData();
  form.append('questionName', questionName);
  form.append('file', new Blob([content], { type }), filename);
  return form;
}

describe('responses: institutions fill the questionnaire (self-reports)', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let w: World;
  let pdfId: string;
  let responseId: string;
  let latestVersion = 0;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    const staff = await guarantorWithAdmin(t.ds, http);
    w = { ...(await seed(t, staff.guarantorId)), adminToken: staff.adminToken };
  });
  afterAll(() => t.close());

  const asA = (): { invitation: string } => ({ invitation: w.tokenA });

  /** Everything a refused request must leave untouched. */
  async function state(): Promise<unknown> {
    const [counts] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM response) AS responses, (SELECT count(*)::int FROM response_version) AS versions,
              (SELECT count(*)::int FROM outbox_event) AS events, (SELECT count(*)::int FROM audit_log) AS audits,
              (SELECT count(*)::int FROM evidence_file) AS files`,
    );
    const rows = await t.ds.query('SELECT * FROM response WHERE round_id = $1 AND institution_id = $2', [
      w.roundId,
      w.instA,
    ]);
    return { counts, response: rows[0] ?? null };
  }

  it('gives the invitation its round, institution and questionnaire; nothing saved yet', async () => {
    const r = await http.get('/api/respond/context', asA());
    expect(r.status).toBe(200);
    expect(r.body.round).toMatchObject({ id: w.roundId, name: 'Ronda 2025', status: 'open', synthetic: false });
    expect(r.body.institution).toMatchObject({
      id: w.instA,
      name: 'Ayuntamiento de Toluca',
      cvegeo: '15106',
      municipality: 'Toluca',
      state: 'México',
    });
    expect(r.body.questionnaire.definition.pages).toHaveLength(2);
    expect(r.body.response).toEqual({
      status: 'none',
      draft: {},
      currentPage: 0,
      version: 0,
      submittedAt: null,
      submitted: null,
    });
    expect(r.body.readOnly).toBe(false);
    expect(r.body.evidence).toEqual([]);
    expect((await http.get('/api/respond/context', { invitation: 'not-a-token' })).body.code).toBe('INVALID_TOKEN');
  });

  it('autosaves a draft per page and resumes it from another browser with the same link', async () => {
    const saved = await http.put(
      '/api/respond/draft',
      { data: { has_unit: true, unit_url: 'https://toluca.gob.mx/transparencia' }, currentPage: 1 },
      asA(),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.currentPage).toBe(1);
    expect(typeof saved.body.savedAt).toBe('string');
    // A fresh client (no cookies, nothing local): only the link.
    const resumed = await client(t.url).get('/api/respond/context', asA());
    expect(resumed.body.response).toMatchObject({
      status: 'draft',
      draft: { has_unit: true, unit_url: 'https://toluca.gob.mx/transparencia' },
      currentPage: 1,
      version: 0,
    });
    const events = await t.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'response.submitted'`);
    expect(events[0].n).toBe(0);
  });

  it('refuses an invalid draft (types and unknown keys, not completeness) and keeps the saved one', async () => {
    const before = await state();
    const bad = await http.put('/api/respond/draft', { data: { has_unit: true, staff: '30' }, currentPage: 0 }, asA());
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'SUBMISSION_INVALID', field: 'staff' });
    expect(bad.body.details.issues[0]).toMatchObject({ code: 'S_WRONG_TYPE', question: 'staff' });
    expect(await state()).toEqual(before);
    const page = await http.put('/api/respond/draft', { data: {}, currentPage: -1 }, asA());
    expect(page.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'currentPage' });
  });

  it.each([
    [
      'an unknown key',
      { has_unit: true, channels: 'email', favourite_colour: 'blue' },
      'S_UNKNOWN_KEY',
      'favourite_colour',
    ],
    ['a string for a number', { has_unit: true, channels: 'email', staff: '30' }, 'S_WRONG_TYPE', 'staff'],
    ['a value outside the choices', { has_unit: true, channels: 'fax' }, 'S_INVALID_CHOICE', 'channels'],
    ['a missing required answer', { has_unit: true }, 'S_REQUIRED', 'channels'],
  ])('refuses a submission with %s (422) and changes nothing', async (_label, data, code, field) => {
    const before = await state();
    const r = await http.post('/api/respond/submit', { data, idempotencyKey: `bad-${randomUUID()}` }, asA());
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'SUBMISSION_INVALID', field });
    expect(r.body.details.issues.map((i: { code: string }) => i.code)).toContain(code);
    expect(await state()).toEqual(before);
  });

  it('never stores nor honours prototype keys ("__proto__", "constructor")', async () => {
    const raw =
      '{"data":{"has_unit":true,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}},"currentPage":0}';
    const before = await state();
    const r = await http.put('/api/respond/draft', undefined, {
      ...asA(),
      raw,
      headers: { 'content-type': 'application/json' },
    });
    // Refused as a whole (common/request-shape.ts), rather than stripped and half-applied.
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'data.__proto__' });
    expect(await state()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses malformed requests: short key, data not an object', async () => {
    expect(
      (await http.post('/api/respond/submit', { data: { has_unit: true }, idempotencyKey: 'short' }, asA())).body,
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'idempotencyKey',
    });
    expect(
      (await http.post('/api/respond/submit', { data: [1], idempotencyKey: randomUUID() }, asA())).body,
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'data',
    });
  });

  it('stores evidence: upload (sniffed, checksummed) and download round trip', async () => {
    const up = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(PDF, 'Acta de instalación.pdf', 'application/pdf'),
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      questionName: 'unit_url',
      filename: 'Acta de instalación.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    pdfId = up.body.id;
    const res = await fetch(`${t.url}/api/respond/evidence/${pdfId}`, { headers: { 'x-invitation-token': w.tokenA } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Acta de instalacion.pdf"; filename*=UTF-8''Acta%20de%20instalaci%C3%B3n.pdf`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    const ctx = await http.get('/api/respond/context', asA());
    expect(ctx.body.evidence).toEqual([up.body]);
  });

  it('refuses evidence that is not what it claims, too large, malformed, or for an unknown question — storing nothing', async () => {
    const before = await state();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), randomBytes(256)]);
    const wrongType = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(exe, 'informe.pdf', 'application/pdf'),
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const contradicts = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(png, 'a.pdf', 'application/pdf'),
    });
    expect(contradicts.status).toBe(415);

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(big, 'grande.pdf', 'application/pdf'),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');

    const unknownQuestion = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(PDF, 'a.pdf', 'application/pdf', 'nope'),
    });
    expect(unknownQuestion.status).toBe(422);
    expect(unknownQuestion.body).toMatchObject({ code: 'SUBMISSION_INVALID', field: 'questionName' });

    const boundary = 'XyZ123';
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="questionName"\r\n\r\nunit_url\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc`;
    const malformed = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: truncated,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');

    const noFile = await http.post('/api/respond/evidence', { questionName: 'unit_url' }, asA());
    expect(noFile.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    expect(await state()).toEqual(before);
  });

  it("does not let another institution's link read this institution's evidence (404)", async () => {
    const r = await http.get(`/api/respond/evidence/${pdfId}`, { invitation: w.tokenB });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
    expect((await http.get('/api/respond/context', { invitation: w.tokenB })).body.evidence).toEqual([]);
    expect((await http.delete(`/api/respond/evidence/${pdfId}`, { invitation: w.tokenB })).status).toBe(404);
  });

  it('submits: 201, hidden answers cleared, event and audit record written with it', async () => {
    const key = randomUUID();
    const data = {
      has_unit: false,
      unit_url: 'https://hidden.example',
      staff: 3,
      channels: 'email',
      notes: 'Unidad en creación',
    };
    const r = await http.post('/api/respond/submit', { data, idempotencyKey: key }, asA());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ version: 1, cleared: ['unit_url'] });
    responseId = r.body.responseId;
    latestVersion = 1;

    const ctx = await http.get('/api/respond/context', asA());
    const cleaned = { has_unit: false, staff: 3, channels: 'email', notes: 'Unidad en creación' };
    expect(ctx.body.response).toMatchObject({
      status: 'submitted',
      version: 1,
      submitted: cleaned,
      draft: cleaned,
      submittedAt: r.body.submittedAt,
    });

    const events = await t.ds.query(`SELECT payload FROM outbox_event WHERE type = 'response.submitted' ORDER BY id`);
    expect(events.map((e: { payload: unknown }) => e.payload)).toEqual([
      { roundId: w.roundId, institutionId: w.instA, responseId, version: 1 },
    ]);
    const audit = await t.ds.query(
      `SELECT action, actor_role, actor_user_id, entity_id, details FROM audit_log WHERE entity_type = 'response'`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'response.submit',
        actor_role: 'institution',
        actor_user_id: null,
        entity_id: responseId,
      }),
    ]);
    expect(audit[0].details).toMatchObject({ version: 1, idempotencyKey: key, cleared: ['unit_url'] });

    // Same key again: same version, 200, nothing new.
    const before = await state();
    const again = await http.post('/api/respond/submit', { data, idempotencyKey: key }, asA());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(r.body);
    expect(await state()).toEqual(before);
    // Same key, other answers: refused.
    const other = await http.post('/api/respond/submit', { data: { ...data, staff: 4 }, idempotencyKey: key }, asA());
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', field: 'idempotencyKey' });
    expect(await state()).toEqual(before);
  });

  it('keeps a submitted response submitted while a new draft (working copy of an amendment) is saved', async () => {
    const saved = await http.put('/api/respond/draft', { data: { has_unit: true }, currentPage: 0 }, asA());
    expect(saved.status).toBe(200);
    const ctx = await http.get('/api/respond/context', asA());
    expect(ctx.body.response).toMatchObject({
      status: 'submitted',
      version: 1,
      draft: { has_unit: true },
      submitted: { staff: 3 },
    });
  });

  it('stores one version for two simultaneous submits with the same new key', async () => {
    const key = randomUUID();
    const body = {
      data: { has_unit: true, unit_url: 'https://toluca.gob.mx/t', staff: 5, channels: 'platform' },
      idempotencyKey: key,
    };
    const [a, b] = await Promise.all([
      http.post('/api/respond/submit', body, asA()),
      http.post('/api/respond/submit', body, asA()),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
    expect(a.body.version).toBe(latestVersion + 1);
    latestVersion += 1;
    const rows = await t.ds.query('SELECT count(*)::int AS n FROM response_version WHERE idempotency_key = $1', [key]);
    expect(rows[0].n).toBe(1);
  });

  it('serialises simultaneous first submits of an institution that has no response row yet', async () => {
    const body = { data: { has_unit: false, channels: 'platform' }, idempotencyKey: randomUUID() };
    const results = await Promise.all(
      [1, 2, 3].map(() => http.post('/api/respond/submit', body, { invitation: w.tokenB })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const rows = await t.ds.query(
      'SELECT r.version, count(v.id)::int AS versions FROM response r JOIN response_version v ON v.response_id = r.id WHERE r.round_id = $1 AND r.institution_id = $2 GROUP BY r.version',
      [w.roundId, w.instB],
    );
    expect(rows).toEqual([{ version: 1, versions: 1 }]);
  });

  it('turns simultaneous submits with different keys into consecutive versions (no lost update)', async () => {
    const submit = (staffCount: number) =>
      http.post(
        '/api/respond/submit',
        { data: { has_unit: false, staff: staffCount, channels: 'in_person' }, idempotencyKey: randomUUID() },
        asA(),
      );
    const results = await Promise.all([submit(6), submit(7)]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([latestVersion + 1, latestVersion + 2]);
    latestVersion += 2;
    const [row] = await t.ds.query('SELECT version, submitted FROM response WHERE id = $1', [responseId]);
    expect(row.version).toBe(latestVersion);
    const last = results.find((r) => r.body.version === latestVersion);
    expect(row.submitted.staff).toBe(last === results[0] ? 6 : 7);
  });

  it('amends with a new key: a new version, every version kept and audited as an amendment', async () => {
    const r = await http.post(
      '/api/respond/submit',
      {
        data: { has_unit: true, unit_url: 'https://toluca.gob.mx/ut', staff: 9, channels: 'email' },
        idempotencyKey: randomUUID(),
      },
      asA(),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ responseId, version: latestVersion + 1, cleared: [] });
    latestVersion += 1;
    const versions = await http.get('/api/respond/versions', asA());
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: latestVersion }, (_, i) => i + 1),
    );
    expect(versions.body[0].cleared).toEqual(['unit_url']);
    const actions = await t.ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [responseId]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'response.submit',
      ...Array(latestVersion - 1).fill('response.amend'),
    ]);
    const events = await t.ds.query(
      `SELECT payload FROM outbox_event WHERE type = 'response.submitted' AND payload->>'responseId' = $1 ORDER BY id`,
      [responseId],
    );
    expect(
      events.map((e: { payload: { version: number } }) => e.payload.version).sort((a: number, b: number) => a - b),
    ).toEqual(Array.from({ length: latestVersion }, (_, i) => i + 1));
  });

  it('removing evidence a version cites hides it from the working copy but keeps it for that version', async () => {
    const extra = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(Buffer.from('clave,valor\n1,2\n'), 'datos.csv', 'text/csv', 'staff'),
    });
    expect(extra.status).toBe(201);
    expect(extra.body.mimeType).toBe('text/csv');
    expect((await http.delete(`/api/respond/evidence/${extra.body.id}`, asA())).status).toBe(204);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM evidence_file WHERE id = $1', [extra.body.id]))[0].n).toBe(
      0,
    );

    expect((await http.delete(`/api/respond/evidence/${pdfId}`, asA())).status).toBe(204);
    expect((await http.get('/api/respond/context', asA())).body.evidence).toEqual([]);
    expect((await http.get(`/api/respond/evidence/${pdfId}`, asA())).status).toBe(404);
    const v1 = await http.get(`/api/rounds/${w.roundId}/responses/${w.instA}/versions/1`, { token: w.adminToken });
    expect(v1.body.evidence).toEqual([
      expect.objectContaining({ id: pdfId, filename: 'Acta de instalación.pdf', mimeType: 'application/pdf' }),
    ]);
    const file = await fetch(`${t.url}/api/rounds/${w.roundId}/evidence/${pdfId}`, {
      headers: { authorization: `Bearer ${w.adminToken}` },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("shows staff of the round's guarantor the stored response and its versions; others get 404", async () => {
    const analyst = await staffToken(http, w.adminToken, 'analyst');
    const list = await http.get(`/api/rounds/${w.roundId}/responses?pageSize=10`, { token: analyst });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 10 });
    expect(list.body.items).toEqual([
      {
        institution: expect.objectContaining({ id: w.instA, cveEnt: '15' }),
        status: 'submitted',
        version: latestVersion,
        submittedAt: expect.any(String),
      },
      {
        institution: expect.objectContaining({ id: w.instB }),
        status: 'submitted',
        version: 1,
        submittedAt: expect.any(String),
      },
    ]);
    const none = await http.get(`/api/rounds/${w.roundId}/responses?status=none`, { token: analyst });
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const otherState = await http.get(`/api/rounds/${w.roundId}/responses?status=submitted&cveEnt=09`, {
      token: analyst,
    });
    expect(otherState.body).toMatchObject({ items: [], total: 0 });
    const secondPage = await http.get(`/api/rounds/${w.roundId}/responses?pageSize=1&page=2`, { token: analyst });
    expect(secondPage.body.items.map((i: { institution: { id: string } }) => i.institution.id)).toEqual([w.instB]);

    const detail = await http.get(`/api/rounds/${w.roundId}/responses/${w.instA}`, { token: analyst });
    expect(detail.body).toMatchObject({
      status: 'submitted',
      version: latestVersion,
      responseId,
      submitted: { staff: 9, channels: 'email' },
    });
    expect(detail.body.versions).toHaveLength(latestVersion);
    const v1 = await http.get(`/api/rounds/${w.roundId}/responses/${w.instA}/versions/1`, { token: analyst });
    expect(v1.body).toMatchObject({
      version: 1,
      cleared: ['unit_url'],
      data: { has_unit: false, staff: 3, channels: 'email', notes: 'Unidad en creación' },
    });
    expect(
      (await http.get(`/api/rounds/${w.roundId}/responses/${w.instA}/versions/99`, { token: analyst })).status,
    ).toBe(404);

    const other = await guarantorWithAdmin(t.ds, http);
    for (const path of [
      `/api/rounds/${w.roundId}/responses`,
      `/api/rounds/${w.roundId}/responses/${w.instA}`,
      `/api/rounds/${w.roundId}/evidence/${pdfId}`,
    ]) {
      const r = await http.get(path, { token: other.adminToken });
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('NOT_FOUND');
    }
    expect((await http.get(`/api/rounds/${w.roundId}/responses`, { invitation: w.tokenA })).status).toBe(401);
  });

  it('after the round closes: read-only, and submit, draft and evidence are refused with ROUND_CLOSED', async () => {
    const lastKey = randomUUID();
    const lastData = { has_unit: false, staff: 10, channels: 'email' };
    expect((await http.post('/api/respond/submit', { data: lastData, idempotencyKey: lastKey }, asA())).status).toBe(
      201,
    );
    latestVersion += 1;
    const kept = await http.request('POST', '/api/respond/evidence', undefined, {
      ...asA(),
      raw: evidenceForm(PDF, 'kept.pdf', 'application/pdf'),
    });
    expect(kept.status).toBe(201);
    await t.ds.query(`UPDATE round SET status = 'closed', closed_at = now() WHERE id = $1`, [w.roundId]);
    const before = await state();

    const ctx = await http.get('/api/respond/context', asA());
    expect(ctx.body.readOnly).toBe(true);
    expect(ctx.body.response.version).toBe(latestVersion);
    const refused = [
      await http.post(
        '/api/respond/submit',
        { data: { has_unit: false, channels: 'email' }, idempotencyKey: randomUUID() },
        asA(),
      ),
      await http.put('/api/respond/draft', { data: { has_unit: true }, currentPage: 0 }, asA()),
      await http.request('POST', '/api/respond/evidence', undefined, {
        ...asA(),
        raw: evidenceForm(PDF, 'tarde.pdf', 'application/pdf'),
      }),
      await http.put('/api/respond/draft', { data: {}, currentPage: 0 }, { invitation: w.tokenB }),
      // Closed wins over invalid: the respondent learns the round is closed, not what to fix.
      await http.post('/api/respond/submit', { data: { nope: 1 }, idempotencyKey: randomUUID() }, asA()),
      await http.delete(`/api/respond/evidence/${kept.body.id}`, asA()),
    ];
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('ROUND_CLOSED');
    }
    // A retry of the last accepted submission still gets its answer, and changes nothing.
    const replay = await http.post('/api/respond/submit', { data: lastData, idempotencyKey: lastKey }, asA());
    expect(replay.status).toBe(200);
    expect(replay.body.version).toBe(latestVersion);
    expect(await state()).toEqual(before);
  });
});

/** A complete, valid self-report of the default institution instrument (libs/questionnaire institution.v1). */
const DEFAULT_ANSWERS = {
  resp_cargo: 'Titular de la Unidad de Transparencia',
  resp_correo: 'transparencia@toluca.gob.mx',
  ai_unidad: true,
  ai_canales: ['pnt', 'correo'],
  ai_procedimiento: false,
  // Hidden while ai_procedimiento is false: must be cleared, not stored.
  ai_procedimiento_evidencia: 'https://toluca.gob.mx/procedimiento',
  ai_estadisticas: 'no',
  tr_obligaciones_pct: 80,
  tr_actualizacion: 'trimestral',
  tr_portal: false,
  tp_publica: false,
  da_conjuntos: 0,
  da_licencia: 'sin_licencia',
  da_metadatos: ['ninguno'],
  da_actualizacion: 'ninguno',
  mec_existe: false,
  mec_tipos: ['consejo'],
  mec_reglas: false,
  act_sectores: ['academia'],
  act_seleccion: 'invitacion',
  fun_sesiones: 0,
  form_tipo: 'informativo',
  form_vinculante: 'no_vinculante',
  seg_acuerdos: 'sin_acuerdos',
  seg_respuesta: false,
};

describe('responses through the real round flow (default instrument, universe import, open, close)', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
  });
  afterAll(() => t.close());

  it('an invited institution drafts, submits the default questionnaire, and is refused after the guarantor closes the round', async () => {
    const staff = await guarantorWithAdmin(t.ds, http);
    const admin = { token: staff.adminToken };
    const defaults = await http.post('/api/questionnaires/defaults', undefined, admin);
    expect(defaults.status).toBe(200);
    const byKind = (kind: string): string => defaults.body.items.find((q: { kind: string }) => q.kind === kind).id;
    const csv =
      'name,type,level,cve_ent,cvegeo,email\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.gob.mx\n';
    const imported = await http.post('/api/universe/import', undefined, {
      ...admin,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(200);
    const created = await http.post(
      '/api/rounds',
      {
        name: 'Diagnóstico 2025',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        institutionQuestionnaireId: byKind('institution'),
        citizenQuestionnaireId: byKind('citizen'),
      },
      admin,
    );
    expect(created.status).toBe(201);
    const roundId: string = created.body.id;
    expect((await http.post(`/api/rounds/${roundId}/open`, undefined, admin)).status).toBe(200);
    const [inv] = await t.ds.query(
      'SELECT id, institution_id FROM invitation WHERE round_id = $1 AND revoked_at IS NULL',
      [roundId],
    );
    const token = { invitation: deriveToken(t.env.TOKEN_SECRET, 'invitation', inv.id) };

    const ctx = await http.get('/api/respond/context', token);
    expect(ctx.status).toBe(200);
    expect(ctx.body).toMatchObject({
      readOnly: false,
      round: { id: roundId, status: 'open' },
      questionnaire: { id: byKind('institution') },
    });
    expect(
      (await http.put('/api/respond/draft', { data: { resp_cargo: 'Titular' }, currentPage: 1 }, token)).status,
    ).toBe(200);
    const evidence = await http.request('POST', '/api/respond/evidence', undefined, {
      ...token,
      raw: evidenceForm(PDF, 'acta.pdf', 'application/pdf', 'ai_procedimiento'),
    });
    expect(evidence.status).toBe(201);

    const submitted = await http.post(
      '/api/respond/submit',
      { data: DEFAULT_ANSWERS, idempotencyKey: randomUUID() },
      token,
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body.version).toBe(1);
    // Hidden by the instrument's own logic (visibleIf on questions and panels): cleared, never stored.
    expect(submitted.body.cleared).toEqual(expect.arrayContaining(['ai_procedimiento_evidencia', 'mec_tipos']));
    const [stored] = await t.ds.query('SELECT submitted FROM response WHERE id = $1', [submitted.body.responseId]);
    expect(Object.keys(stored.submitted).filter((k) => submitted.body.cleared.includes(k))).toEqual([]);
    expect(stored.submitted).toMatchObject({
      resp_cargo: 'Titular de la Unidad de Transparencia',
      ai_canales: ['pnt', 'correo'],
    });
    const list = await http.get(`/api/rounds/${roundId}/responses`, admin);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        status: 'submitted',
        version: 1,
        institution: expect.objectContaining({ id: inv.institution_id }),
      }),
    ]);

    expect((await http.post(`/api/rounds/${roundId}/close`, undefined, admin)).status).toBe(200);
    expect((await http.get('/api/respond/context', token)).body.readOnly).toBe(true);
    const amend = await http.post(
      '/api/respond/submit',
      { data: DEFAULT_ANSWERS, idempotencyKey: randomUUID() },
      token,
    );
    expect(amend.status).toBe(409);
    expect(amend.body.code).toBe('ROUND_CLOSED');
  });
});
