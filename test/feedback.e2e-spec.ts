import { randomBytes } from 'crypto';
import { CITIZEN_V1, INSTITUTION_V1 } from '@apertura/questionnaire';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, staffToken } from './support/fixtures';
import { client, Client } from './support/http';

/**
 * Issue #18 item 4 against the real API, PostgreSQL and Redis: anyone reports an error in a published
 * value or evidence link; the operator triages it with a public reply; each report has a public status
 * that never shows who reported it; budgets and a honeypot keep the form from being turned on anyone.
 */
describe('public feedback (issue #18 item 4)', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let other: Staff;
  let analyst: string;
  let published: string;
  let draft: string;
  let inst: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp({ tag: 'feedback' });
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');
    const [{ id: qi }] = await t.ds.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
       VALUES ($1, 'institution', 'autoevaluacion', 1, 'Autoevaluación', $2::jsonb, repeat('a', 64)) RETURNING id`,
      [staff.guarantorId, JSON.stringify(INSTITUTION_V1)],
    );
    const [{ id: qc }] = await t.ds.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum)
       VALUES ($1, 'citizen', 'ciudadano', 1, 'Reporte ciudadano', $2::jsonb, repeat('b', 64)) RETURNING id`,
      [staff.guarantorId, JSON.stringify(CITIZEN_V1)],
    );
    const institution = async (name: string): Promise<string> => {
      const [row] = await t.ds.query(
        `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email) VALUES ($1, $2, $3, 'ayuntamiento', 'municipal', '15', '15057', 'ut@example.org') RETURNING id`,
        [staff.guarantorId, `k-${randomBytes(4).toString('hex')}`, name],
      );
      return row.id;
    };
    inst = await institution('Ayuntamiento de Naucalpan');
    outsider = await institution('Fuera de la ronda');
    const round = async (name: string, status: string): Promise<string> => {
      const [r] = await t.ds.query(
        `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, published_at)
         VALUES ($1, $2, $3, now() - interval '30 days', now() - interval '1 day', $4, $5, CASE WHEN $3::varchar = 'published' THEN now() END) RETURNING id`,
        [staff.guarantorId, name, status, qi, qc],
      );
      await t.ds.query('INSERT INTO round_institution (round_id, institution_id) VALUES ($1, $2)', [r.id, inst]);
      return r.id;
    };
    published = await round('Ronda publicada', 'published');
    draft = await round('Ronda cerrada', 'closed');
  });

  afterAll(() => t?.close());

  const report = (roundId: string, body: Record<string, unknown>, ip = '203.0.113.10') =>
    http.post(`/api/public/rounds/${roundId}/reports`, body, { headers: { 'x-forwarded-for': ip } });

  it('anyone reports an error; the public status never shows the contact; the queue does', async () => {
    const res = await report(published, {
      targetKind: 'evidence',
      targetRef: 'https://transparencia.example/acta.pdf',
      institutionId: inst,
      description: 'El enlace de la evidencia lleva a un documento de otro municipio.',
      contactEmail: 'Persona@Example.org',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'open', statusPath: `/reportes/${res.body.id}` });
    const id = res.body.id as string;

    const pub = await http.get(`/api/public/reports/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({
      id,
      roundId: published,
      roundName: 'Ronda publicada',
      institutionName: 'Ayuntamiento de Naucalpan',
      targetKind: 'evidence',
      status: 'open',
      publicReply: '',
    });
    expect(JSON.stringify(pub.body)).not.toMatch(/persona@example\.org/i);
    const list = await http.get(`/api/public/rounds/${published}/reports`);
    expect(list.body.map((r: { id: string }) => r.id)).toContain(id);
    expect(JSON.stringify(list.body)).not.toMatch(/persona@example\.org/i);

    const queue = await http.get('/api/feedback', { token: analyst });
    expect(queue.status).toBe(200);
    expect(queue.body.find((r: { id: string }) => r.id === id)).toMatchObject({
      contactEmail: 'persona@example.org',
      status: 'open',
    });
    // Another operator's queue does not have it, and cannot triage it.
    expect((await http.get('/api/feedback', { token: other.adminToken })).body).toEqual([]);
    expect(
      (await http.patch(`/api/feedback/${id}`, { status: 'acknowledged' }, { token: other.adminToken })).status,
    ).toBe(404);
  });

  it('triage: open → acknowledged → fixed with a public reply; closed reports do not move', async () => {
    const { body } = await report(published, {
      targetKind: 'value',
      targetRef: 'TG.AI',
      description: 'El valor del componente no coincide con la evidencia publicada.',
    });
    const id = body.id as string;
    const ack = await http.patch(
      `/api/feedback/${id}`,
      { status: 'acknowledged', publicReply: 'Lo revisamos.' },
      { token: staff.adminToken },
    );
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', publicReply: 'Lo revisamos.', contactEmail: null });
    // Analysts read the queue; triage is an admin's (analysts are read-only everywhere).
    expect(
      (await http.patch(`/api/feedback/${id}`, { status: 'fixed', publicReply: 'x' }, { token: analyst })).status,
    ).toBe(403);
    const noReply = await http.patch(
      `/api/feedback/${id}`,
      { status: 'fixed', publicReply: '  ' },
      { token: staff.adminToken },
    );
    expect(noReply.status).toBe(400);
    expect(noReply.body.code).toBe('REPORT_REPLY_REQUIRED');
    expect(noReply.body.messages.es).toMatch(/respuesta pública/);
    const fixed = await http.patch(
      `/api/feedback/${id}`,
      { status: 'fixed', publicReply: 'Se corrigió el valor; la evidencia era de la versión 2.' },
      { token: staff.adminToken },
    );
    expect(fixed.status).toBe(200);
    const back = await http.patch(`/api/feedback/${id}`, { status: 'acknowledged' }, { token: staff.adminToken });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('REPORT_TRANSITION_INVALID');
    const pub = await http.get(`/api/public/reports/${id}`);
    expect(pub.body).toMatchObject({
      status: 'fixed',
      publicReply: 'Se corrigió el valor; la evidencia era de la versión 2.',
    });
    const audit = await t.ds.query(
      `SELECT action, details->>'to' AS "to" FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([
      { action: 'report.create', to: null },
      { action: 'report.triage', to: 'acknowledged' },
      { action: 'report.triage', to: 'fixed' },
    ]);
  });

  it('only published rounds and their own institutions; bounded input', async () => {
    const body = { targetKind: 'value', description: 'Un valor que parece incorrecto en la tabla.' };
    expect((await report(draft, body, '203.0.113.20')).status).toBe(404);
    expect((await report(published, { ...body, institutionId: outsider }, '203.0.113.20')).status).toBe(404);
    const long = await report(published, { ...body, description: 'x'.repeat(2001) }, '203.0.113.20');
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('VALIDATION_FAILED');
    expect((await report(published, { ...body, description: 'corto' }, '203.0.113.20')).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await http.get(`/api/public/rounds/${draft}/reports`)).status).toBe(404);
  });

  it('a filled honeypot looks accepted but stores nothing', async () => {
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM public_report');
    const res = await report(
      published,
      { targetKind: 'other', description: 'Compre relojes baratos aquí mismo hoy.', website: 'http://spam.example' },
      '203.0.113.30',
    );
    expect(res.status).toBe(201);
    expect((await http.get(`/api/public/reports/${res.body.id}`)).status).toBe(404);
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM public_report');
    expect(after).toBe(before);
  });

  it('one connection files at most 5 reports an hour', async () => {
    const body = { targetKind: 'value', description: 'Otro valor que parece incorrecto en la tabla.' };
    for (let i = 0; i < 5; i++) expect((await report(published, body, '203.0.113.40')).status).toBe(201);
    const sixth = await report(published, body, '203.0.113.40');
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('RATE_LIMITED');
    // Someone else is not affected.
    expect((await report(published, body, '203.0.113.41')).status).toBe(201);
  });
});
