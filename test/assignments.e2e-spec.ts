import { randomUUID } from 'crypto';
import { deriveToken } from '@apertura/config';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken, Staff, TEST_PASSWORD, userIdByEmail } from './support/fixtures';
import { client, Client } from './support/http';
import { seedDefaultQuestionnaires, seedInstitution, seedOpenRound } from './support/seed';

/**
 * Assignments, verdicts and citizen reports against the real API and PostgreSQL. Validators are
 * verified by deriving their token from the email_verification row (the SMTP path is covered by
 * citizens.e2e-spec.ts).
 */

interface Validator {
  id: string;
  token: string;
  email: string;
  displayName: string;
}

const INST = {
  toluca1: { id: randomUUID(), name: 'Ayuntamiento de Toluca', cvegeo: '15106' },
  toluca2: { id: randomUUID(), name: 'DIF Toluca', cvegeo: '15106' },
  metepec: { id: randomUUID(), name: 'Ayuntamiento de Metepec', cvegeo: '15054' },
  naucalpan: { id: randomUUID(), name: 'Ayuntamiento de Naucalpan', cvegeo: '15057' },
  cuauhtemoc: { id: randomUUID(), name: 'Alcaldía Cuauhtémoc', cvegeo: '09015' },
};
const ALL = Object.values(INST);

/** Self-report of Naucalpan: three verifiable claims answered (ai_procedimiento, ai_estadisticas, tr_portal). */
const NAUCALPAN_SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@naucalpan.example',
  ai_unidad: true,
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://naucalpan.example/procedimiento',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://naucalpan.example/estadisticas',
  tr_portal: true,
};
const NAUCALPAN_CLAIMS = ['ai_procedimiento', 'ai_estadisticas', 'tr_portal'];

const VALID_REPORT = {
  tipo_gestion: ['solicitud'],
  folio: 'PNT-2026-0001',
  tc_respuesta: 'si',
  tc_claridad: 4,
  tc_completitud: 'completa',
  tc_dias: 12,
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describe('citizen assignments, verdicts and reports', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let analyst: string;
  let roundId: string;
  let a: Validator;
  let b: Validator;
  let aAssignments: Array<{ id: string; institution: { id: string } }>;
  let bFirstInstitution: string;

  const asA = (): { token: string } => ({ token: a.token });
  const asB = (): { token: string } => ({ token: b.token });

  async function registerVerified(email: string, cvegeo?: string): Promise<Validator> {
    const displayName = `Persona ${email.split('@')[0]}`;
    const reg = await http.post('/api/citizens/register', {
      email,
      password: TEST_PASSWORD,
      displayName,
      cvegeo,
      consent: true,
      privacyNoticeVersion: '2025-01',
    });
    expect(reg.status).toBe(202);
    const id = await userIdByEmail(t.ds, email);
    const [row] = await t.ds.query('SELECT id FROM email_verification WHERE user_id = $1', [id]);
    expect(
      (await http.post('/api/citizens/verify', { token: deriveToken(t.env.TOKEN_SECRET, 'verify', row.id) })).status,
    ).toBe(200);
    const login = await http.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    return { id, token: login.body.accessToken, email, displayName };
  }

  const assignmentOf = (list: Array<{ id: string; institution: { id: string } }>, institutionId: string): string => {
    const found = list.find((x) => x.institution.id === institutionId);
    if (!found) throw new Error(`no assignment for ${institutionId}`);
    return found.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');

    const q = await seedDefaultQuestionnaires(t.ds, staff.guarantorId, {
      institution: 'autoevaluacion',
      citizen: 'ciudadano',
    });
    for (const [n, i] of ALL.entries()) {
      await seedInstitution(t.ds, staff.guarantorId, {
        id: i.id,
        key: `k${n}`,
        name: i.name,
        cvegeo: i.cvegeo,
        email: `ut${n}@example.org`,
      });
    }
    roundId = await seedOpenRound(t.ds, staff.guarantorId, {
      institutionQuestionnaireId: q.institution,
      citizenQuestionnaireId: q.citizen,
      institutionIds: ALL.map((i) => i.id),
      name: 'Diagnóstico 2026',
    });
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
       VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
      [roundId, INST.naucalpan.id, q.institution, JSON.stringify(NAUCALPAN_SELF_REPORT)],
    );
    // Toluca already has three citizen reports (from earlier validators): it is the best covered municipality.
    for (let k = 0; k < 3; k++) {
      const [u] = await t.ds.query(
        `INSERT INTO app_user (email, role, email_verified_at) VALUES ($1, 'citizen_validator', now()) RETURNING id`,
        [`previo${k}@example.org`],
      );
      await t.ds.query(
        `INSERT INTO validator_profile (user_id, pseudonym, consent_at, privacy_notice_version) VALUES ($1, $2, now(), '2025-01')`,
        [u.id, `V-PREV0${k}`],
      );
      await t.ds.query(
        `INSERT INTO citizen_report (round_id, institution_id, validator_id, questionnaire_id, data) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [roundId, INST.toluca1.id, u.id, q.citizen, JSON.stringify(VALID_REPORT)],
      );
    }

    a = await registerVerified('ana@example.org', '15057');
    b = await registerVerified('beto@example.org');
  });

  afterAll(() => t?.close());

  it('refuses work until the guarantor opens validation; only the own guarantor admin can open it', async () => {
    const closed = await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, asA());
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('VALIDATION_CLOSED');
    expect((await http.get('/api/citizens/rounds', asA())).body.total).toBe(0);

    expect((await http.post(`/api/rounds/${roundId}/validation/open`, undefined, { token: analyst })).status).toBe(403);
    const other = await guarantorWithAdmin(t.ds, http);
    expect(
      (await http.post(`/api/rounds/${roundId}/validation/open`, undefined, { token: other.adminToken })).status,
    ).toBe(404);
    expect((await http.post(`/api/rounds/${roundId}/validation/open`, undefined, asA())).status).toBe(403);

    const opened = await http.post(`/api/rounds/${roundId}/validation/open`, undefined, { token: staff.adminToken });
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ roundId, validationOpen: true });
    const [audit] = await t.ds.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'round.validation-open'`,
      [roundId],
    );
    expect(audit).toBeDefined();

    const rounds = await http.get('/api/citizens/rounds', asA());
    expect(rounds.body).toMatchObject({
      total: 1,
      items: [{ id: roundId, name: 'Diagnóstico 2026', acceptingSubmissions: true }],
    });
    expect((await http.post(`/api/citizens/rounds/${randomUUID()}/assignments`, {}, asA())).status).toBe(404);
  });

  it('assigns the least covered municipalities first, never a conflict, never twice', async () => {
    const conflict = await http.put(
      '/api/citizens/me/conflicts',
      { conflicts: [{ institutionId: INST.metepec.id, reason: 'Trabajo en el ayuntamiento.' }] },
      asA(),
    );
    expect(conflict.status).toBe(200);
    expect(conflict.body.conflicts.map((c: { id: string }) => c.id)).toEqual([INST.metepec.id]);

    const first = await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, asA());
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(3);
    aAssignments = first.body.items;
    const got = aAssignments.map((x) => x.institution.id);
    // Issue #13: picks are drawn among the 5 neediest eligible institutions (here: all four that are
    // eligible), so which three is the seeded draw's; Metepec is a conflict and never one of them.
    expect(new Set(got).size).toBe(3);
    for (const id of got)
      expect([INST.cuauhtemoc.id, INST.naucalpan.id, INST.toluca1.id, INST.toluca2.id]).toContain(id);

    const again = await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, asA());
    expect(again.body.created).toBe(0);
    expect(again.body.items.map((x: { id: string }) => x.id).sort()).toEqual(aAssignments.map((x) => x.id).sort());

    const more = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 10 }, asA());
    expect(more.body.created).toBe(1); // only Toluca's town hall is left: Metepec stays out
    expect(more.body.items.map((x: { institution: { id: string } }) => x.institution.id)).not.toContain(
      INST.metepec.id,
    );
    aAssignments = more.body.items;
    expect(aAssignments).toHaveLength(4);

    const bFirst = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 1 }, asB());
    // Drawn among the five neediest (the whole universe here): one institution, B's own.
    expect(bFirst.body.items).toHaveLength(1);
    bFirstInstitution = bFirst.body.items[0].institution.id;

    const [{ dup }] = await t.ds.query(
      `SELECT count(*)::int AS dup FROM (SELECT validator_id, institution_id FROM assignment WHERE round_id = $1
        GROUP BY 1, 2 HAVING count(*) > 1) d`,
      [roundId],
    );
    expect(dup).toBe(0);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM assignment WHERE validator_id = $1 AND institution_id = $2`,
      [a.id, INST.metepec.id],
    );
    expect(n).toBe(0);
  });

  it('shows the claims with the self-report, its evidence and the citizen questionnaire', async () => {
    const list = await http.get(`/api/citizens/assignments?roundId=${roundId}`, asA());
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    const nauc = await http.get(`/api/citizens/assignments/${assignmentOf(aAssignments, INST.naucalpan.id)}`, asA());
    expect(nauc.status).toBe(200);
    expect(nauc.body).toMatchObject({
      status: 'active',
      roundName: 'Diagnóstico 2026',
      selfReportSubmitted: true,
      acceptingSubmissions: true,
      institution: {
        id: INST.naucalpan.id,
        name: 'Ayuntamiento de Naucalpan',
        municipality: { cvegeo: '15057' },
        state: { cveEnt: '15' },
      },
      progress: { claimsToCheck: 3, verdicts: 0, reportSubmitted: false },
      report: null,
    });
    const proc = nauc.body.claims.find((c: { questionName: string }) => c.questionName === 'ai_procedimiento');
    expect(proc).toMatchObject({
      selfReported: true,
      answered: true,
      evidenceUrls: ['https://naucalpan.example/procedimiento'],
      verdict: null,
      component: 'TG.AI',
    });
    expect(proc.title.es.length).toBeGreaterThan(0);
    expect(
      nauc.body.claims
        .filter((c: { answered: boolean }) => c.answered)
        .map((c: { questionName: string }) => c.questionName)
        .sort(),
    ).toEqual([...NAUCALPAN_CLAIMS].sort());
    expect(nauc.body.citizenQuestionnaire.definition.pages).toBeDefined();
    // No contact data of the institution in the validator's view.
    expect(JSON.stringify(nauc.body)).not.toContain('@example.org');
  });

  it('a validator cannot read or write another validator’s assignment (403 NOT_ASSIGNED, no leak)', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    for (const r of [
      await http.get(`/api/citizens/assignments/${nauc}`, asB()),
      await http.put(`/api/citizens/assignments/${nauc}/verdicts/ai_procedimiento`, { verdict: 'confirmed' }, asB()),
      await http.put(`/api/citizens/assignments/${nauc}/report`, { data: VALID_REPORT }, asB()),
      await http.put(`/api/citizens/assignments/${randomUUID()}/report`, { data: VALID_REPORT }, asB()),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('NOT_ASSIGNED');
    }
    const bList = await http.get('/api/citizens/assignments', asB());
    expect(bList.body.items.map((x: { institution: { id: string } }) => x.institution.id)).toEqual([bFirstInstitution]);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM verdict');
    expect(n).toBe(0);
  });

  it('a repeated verdict updates the same row and writes one outbox event per save', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    const first = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/ai_procedimiento`,
      { verdict: 'confirmed', evidenceUrl: 'https://x.example/a' },
      asA(),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      assignmentStatus: 'active',
      verdict: { questionName: 'ai_procedimiento', verdict: 'confirmed', evidenceUrl: 'https://x.example/a' },
    });
    const second = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/ai_procedimiento`,
      { verdict: 'refuted', comment: 'El enlace no existe.' },
      asA(),
    );
    expect(second.status).toBe(200);
    expect(second.body.verdict).toMatchObject({
      id: first.body.verdict.id,
      verdict: 'refuted',
      evidenceUrl: null,
      comment: 'El enlace no existe.',
    });

    const rows = await t.ds.query('SELECT id, verdict FROM verdict WHERE validator_id = $1', [a.id]);
    expect(rows).toEqual([{ id: first.body.verdict.id, verdict: 'refuted' }]);
    const events = await t.ds.query(`SELECT payload FROM outbox_event WHERE type = 'verdict.saved' ORDER BY id`);
    expect(events.map((e: { payload: unknown }) => e.payload)).toEqual([
      { roundId, institutionId: INST.naucalpan.id, verdictId: first.body.verdict.id },
      { roundId, institutionId: INST.naucalpan.id, verdictId: first.body.verdict.id },
    ]);
  });

  it('refuses verdicts on non-verifiable questions and non-https evidence, changing nothing', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    const notClaim = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/resp_cargo`,
      { verdict: 'confirmed' },
      asA(),
    );
    expect(notClaim.status).toBe(422);
    expect(notClaim.body).toMatchObject({ code: 'SUBMISSION_INVALID', field: 'questionName' });
    const http1 = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed', evidenceUrl: 'http://x.example' },
      asA(),
    );
    expect(http1.status).toBe(400);
    expect(http1.body.field).toBe('evidenceUrl');
    const bad = await http.put(`/api/citizens/assignments/${nauc}/verdicts/tr_portal`, { verdict: 'maybe' }, asA());
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'verdict' });
    const long = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed', comment: 'x'.repeat(4001) },
      asA(),
    );
    expect(long.body.field).toBe('comment');
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM verdict WHERE question_name IN ('resp_cargo', 'tr_portal')`,
    );
    expect(n).toBe(0);
  });

  it('validates the citizen report on the server: invalid → 422 and nothing stored', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    const missing = await http.put(
      `/api/citizens/assignments/${nauc}/report`,
      { data: { tipo_gestion: ['solicitud'] } },
      asA(),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('SUBMISSION_INVALID');
    expect(missing.body.details.issues.length).toBeGreaterThan(0);
    const unknown = await http.put(
      `/api/citizens/assignments/${nauc}/report`,
      { data: { ...VALID_REPORT, hacked: 1 } },
      asA(),
    );
    expect(unknown.status).toBe(422);
    const wrongChoice = await http.put(
      `/api/citizens/assignments/${nauc}/report`,
      { data: { ...VALID_REPORT, tc_completitud: 'toda' } },
      asA(),
    );
    expect(wrongChoice.status).toBe(422);
    const notObject = await http.put(`/api/citizens/assignments/${nauc}/report`, { data: 'x' }, asA());
    expect(notObject.status).toBe(400);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM citizen_report WHERE validator_id = $1', [a.id]);
    expect(n).toBe(0);
    const [{ e }] = await t.ds.query(`SELECT count(*)::int AS e FROM outbox_event WHERE type = 'citizen-report.saved'`);
    expect(e).toBe(0);
  });

  it('stores a valid report once (an update on resubmission), clears hidden answers and completes the assignment', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    const saved = await http.put(
      `/api/citizens/assignments/${nauc}/report`,
      { data: { ...VALID_REPORT, pc_medio: 'facil' } },
      asA(),
    );
    expect(saved.status).toBe(200);
    // The proposal page is hidden (tipo_gestion has no 'propuesta'): its answer is cleared, not stored.
    expect(saved.body.cleared).toEqual(['pc_medio']);
    expect(saved.body.report.data).toEqual(VALID_REPORT);
    expect(saved.body.assignmentStatus).toBe('active'); // two claims still lack a verdict

    const updated = await http.put(
      `/api/citizens/assignments/${nauc}/report`,
      { data: { ...VALID_REPORT, tc_claridad: 2 } },
      asA(),
    );
    expect(updated.body.report.id).toBe(saved.body.report.id);
    const rows = await t.ds.query('SELECT data FROM citizen_report WHERE validator_id = $1', [a.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].data.tc_claridad).toBe(2);
    const events = await t.ds.query(`SELECT payload FROM outbox_event WHERE type = 'citizen-report.saved'`);
    expect(events).toEqual([
      { payload: { roundId, institutionId: INST.naucalpan.id, reportId: saved.body.report.id } },
      { payload: { roundId, institutionId: INST.naucalpan.id, reportId: saved.body.report.id } },
    ]);

    await http.put(`/api/citizens/assignments/${nauc}/verdicts/ai_estadisticas`, { verdict: 'unverifiable' }, asA());
    const last = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed' },
      asA(),
    );
    expect(last.body.assignmentStatus).toBe('completed');
    const view = await http.get(`/api/citizens/assignments/${nauc}`, asA());
    expect(view.body).toMatchObject({
      status: 'completed',
      progress: { claimsToCheck: 3, verdicts: 3, reportSubmitted: true },
    });
    expect(view.body.report.data.tc_claridad).toBe(2);
    // Completed work stays editable while the round is open.
    expect(
      (await http.put(`/api/citizens/assignments/${nauc}/verdicts/tr_portal`, { verdict: 'refuted' }, asA())).status,
    ).toBe(200);
  });

  it('takes an evidence file (type from the content) and lets the verdict cite it', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/octet-stream' }), 'captura.pdf');
    form.append('questionName', 'tr_portal');
    const up = await http.post(`/api/citizens/assignments/${nauc}/evidence`, undefined, { ...asA(), raw: form });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ filename: 'captura.pdf', mimeType: 'application/pdf', size: PDF.length });

    const bad = new FormData();
    bad.append('file', new Blob([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])]), 'informe.pdf');
    const refused = await http.post(`/api/citizens/assignments/${nauc}/evidence`, undefined, { ...asA(), raw: bad });
    expect(refused.status).toBe(415);
    expect(refused.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const cited = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed', evidenceFileId: up.body.id },
      asA(),
    );
    expect(cited.status).toBe(200);
    expect(cited.body.verdict.evidenceFileId).toBe(up.body.id);
    const foreign = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed', evidenceFileId: randomUUID() },
      asA(),
    );
    expect(foreign.body).toMatchObject({ code: 'NOT_FOUND', field: 'evidenceFileId' });

    const res = await fetch(`${t.url}/api/citizens/assignments/${nauc}/evidence/${up.body.id}`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    const bMetepec = (await http.get('/api/citizens/assignments', asB())).body.items[0].id;
    expect((await http.get(`/api/citizens/assignments/${bMetepec}/evidence/${up.body.id}`, asB())).status).toBe(404);
  });

  it('a conflict declared later stops work on that institution; expired assignments refuse writes and free the slot', async () => {
    const cuau = assignmentOf(aAssignments, INST.cuauhtemoc.id);
    await http.put(
      '/api/citizens/me/conflicts',
      {
        conflicts: [
          { institutionId: INST.metepec.id, reason: 'Trabajo en el ayuntamiento.' },
          { institutionId: INST.cuauhtemoc.id, reason: 'Mi hermana es la titular.' },
        ],
      },
      asA(),
    );
    const refused = await http.put(`/api/citizens/assignments/${cuau}/report`, { data: VALID_REPORT }, asA());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');
    const [{ status }] = await t.ds.query('SELECT status FROM assignment WHERE id = $1', [cuau]);
    expect(status).toBe('expired');

    const dif = assignmentOf(aAssignments, INST.toluca2.id);
    await t.ds.query(`UPDATE assignment SET expires_at = now() - interval '1 minute' WHERE id = $1`, [dif]);
    const late = await http.put(`/api/citizens/assignments/${dif}/report`, { data: VALID_REPORT }, asA());
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ASSIGNMENT_EXPIRED');
    expect((await http.post(`/api/rounds/${roundId}/assignments/expire`, undefined, { token: analyst })).status).toBe(
      403,
    );
    const expired = await http.post(`/api/rounds/${roundId}/assignments/expire`, undefined, {
      token: staff.adminToken,
    });
    expect(expired.body).toEqual({ expired: 1 });

    // The freed DIF Toluca goes to the next validator who asks (it was nobody else's).
    const bMore = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 5 }, asB());
    expect(bMore.body.items.map((x: { institution: { id: string } }) => x.institution.id)).toContain(INST.toluca2.id);
  });

  it('closing validation or the round stops writes', async () => {
    const nauc = assignmentOf(aAssignments, INST.naucalpan.id);
    await http.post(`/api/rounds/${roundId}/validation/close`, undefined, { token: staff.adminToken });
    const closed = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed' },
      asA(),
    );
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('VALIDATION_CLOSED');
    await http.post(`/api/rounds/${roundId}/validation/open`, undefined, { token: staff.adminToken });

    await t.ds.query(
      `UPDATE round SET closes_at = now() - interval '1 second', opens_at = now() - interval '2 days' WHERE id = $1`,
      [roundId],
    );
    const late = await http.put(
      `/api/citizens/assignments/${nauc}/verdicts/tr_portal`,
      { verdict: 'confirmed' },
      asA(),
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ROUND_CLOSED');
    await t.ds.query(`UPDATE round SET closes_at = now() + interval '30 days' WHERE id = $1`, [roundId]);
  });

  it('shows personal data only to guarantor admins (/validators), never in the recruitment planner', async () => {
    const list = await http.get(`/api/rounds/${roundId}/validators`, { token: staff.adminToken });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    const ana = list.body.items.find((v: { id: string }) => v.id === a.id);
    expect(ana).toMatchObject({
      email: a.email,
      displayName: a.displayName,
      cvegeo: '15057',
      emailVerified: true,
      reports: 1,
    });
    expect(ana.pseudonym).toMatch(/^V-[A-Z0-9]{6}$/);
    expect((await http.get(`/api/rounds/${roundId}/validators`, { token: analyst })).status).toBe(403);
    expect((await http.get(`/api/rounds/${roundId}/validators`, asA())).status).toBe(403);
    const other = await guarantorWithAdmin(t.ds, http);
    expect((await http.get(`/api/rounds/${roundId}/validators`, { token: other.adminToken })).status).toBe(404);
    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'validator.personal-data-read' AND entity_id = $1`,
      [roundId],
    );
    expect(audit.details.validatorIds).toEqual(expect.arrayContaining([a.id, b.id]));

    const rec = await http.get(`/api/rounds/${roundId}/recruitment`, { token: analyst });
    expect(rec.status).toBe(200);
    const text = JSON.stringify(rec.body);
    for (const secret of [a.email, b.email, a.displayName, b.displayName, ana.pseudonym])
      expect(text).not.toContain(secret);
    expect(rec.body).toMatchObject({
      level: 'municipality',
      total: 4,
      source: 'threshold',
      thresholds: { municipalityMinReports: 10 },
    });
    expect(rec.body.notice.es).toMatch(/voluntaria/);
    const toluca = rec.body.items.find((r: { cvegeo: string }) => r.cvegeo === '15106');
    expect(toluca).toMatchObject({
      name: 'Toluca',
      subjects: 2,
      subjectsWithCitizenData: 1,
      reportsReceived: 3,
      needed: 7,
      neededForInstitutions: 2 + 5,
    });
    const naucalpan = rec.body.items.find((r: { cvegeo: string }) => r.cvegeo === '15057');
    expect(naucalpan).toMatchObject({ validatorsRegistered: 1, reportsReceived: 1, needed: 9, neededSubjects: 0 });
    const needs = rec.body.items.map((r: { needed: number }) => r.needed);
    expect(needs).toEqual([...needs].sort((x, y) => y - x));

    const states = await http.get(`/api/rounds/${roundId}/recruitment?level=state`, { token: staff.adminToken });
    expect(states.body.items.map((s: { cveEnt: string }) => s.cveEnt).sort()).toEqual(['09', '15']);
    const mexico = states.body.items.find((s: { cveEnt: string }) => s.cveEnt === '15');
    expect(mexico).toMatchObject({
      municipalities: 3,
      municipalitiesWithCitizenData: 2,
      reportsReceived: 4,
      neededMunicipalities: 0,
    });
    expect((await http.get(`/api/rounds/${roundId}/recruitment`, asA())).status).toBe(403);
  });
});
