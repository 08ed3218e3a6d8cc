import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { CITIZEN_V1, INSTITUTION_V1 } from '@apertura/questionnaire';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, TEST_PASSWORD } from './support/fixtures';
import { client, Client } from './support/http';
import { until } from './support/metric-helpers';

/**
 * Issue #18 item 2 against the real API, PostgreSQL, Redis and worker: an operator (configured kind)
 * invites co-signing organisations by mail; each approves or objects to one fingerprint of the method
 * settings, instrument and results; publication needs a quorum of current approvals, in the API and
 * again in the worker after the rebuild; the record is public with the results.
 */
const PUBLIC_URL = 'http://apertura.test';
const ACTIVATE_LINK = /^http:\/\/apertura\.test\/activar\/([A-Za-z0-9_-]+)$/;
const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@example.org',
  ai_unidad: true,
  ai_procedimiento: false,
  ai_estadisticas: 'nunca',
  tr_portal: true,
};

interface Summary {
  coSignQuorum: number;
  approvals: number;
  quorumMet: boolean;
  status: string;
  operator: { name: string; kind: string };
  current: { fingerprint: string; settingsHash: string; instrumentHash: string; resultsHash: string };
  cosigners: Array<{ id: string; organisationName: string; state: string; email?: string }>;
  decisions: Array<{
    organisationName: string;
    decision: string;
    reason: string;
    current: boolean;
    changedSince: string[];
  }>;
  publicationHeld?: boolean;
}

describe('co-signed rounds (issue #18 item 2)', () => {
  let t: TestApp;
  let http: Client;
  let staff: Staff;
  let other: Staff;
  let worker: INestApplicationContext;
  let roundId: string;
  const cosignerTokens: Record<string, string> = {};
  const admin = (): { token: string } => ({ token: staff.adminToken });

  beforeAll(async () => {
    t = await startTestApp({ tag: 'cosign', env: { SMTP_URL: '', PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
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
    const institutions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [row] = await t.ds.query(
        `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email) VALUES ($1, $2, $3, 'ayuntamiento', 'municipal', '15', '15057', 'ut@example.org') RETURNING id`,
        [staff.guarantorId, `k-${randomBytes(4).toString('hex')}`, `Institución ${i}`],
      );
      institutions.push(row.id);
    }
    const [r] = await t.ds.query(
      `INSERT INTO round (guarantor_id, name, status, opens_at, closes_at, institution_questionnaire_id, citizen_questionnaire_id, opened_at, closed_at)
       VALUES ($1, 'Ronda co-firmada', 'closed', now() - interval '30 days', now() - interval '1 day', $2, $3, now() - interval '30 days', now() - interval '1 day') RETURNING id`,
      [staff.guarantorId, qi, qc],
    );
    roundId = r.id;
    await t.ds.query('INSERT INTO round_institution (round_id, institution_id) SELECT $1, unnest($2::uuid[])', [
      roundId,
      institutions,
    ]);
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at) VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
      [roundId, institutions[0], qi, JSON.stringify(SELF_REPORT)],
    );
    // Results exist before co-signers review them: a full rebuild.
    const run = await http.post<{ runId: string }>(`/api/rounds/${roundId}/recompute`, undefined, admin());
    expect(run.status).toBe(202);
    await until(
      () => http.get<{ status: string }>(`/api/rounds/${roundId}/recompute/${run.body.runId}`, admin()),
      (x) => x.body.status === 'done',
      'rebuild',
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const summary = async (): Promise<Summary> => {
    const res = await http.get<Summary>(`/api/rounds/${roundId}/cosign`, admin());
    expect(res.status).toBe(200);
    return res.body;
  };

  it('the operator sets its name and kind; public pages show them', async () => {
    const patched = await http.patch(
      '/api/operator',
      { name: 'Colectivo por la Transparencia', kind: 'civil_society' },
      admin(),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ name: 'Colectivo por la Transparencia', kind: 'civil_society' });
    expect((await http.patch('/api/operator', { kind: 'autonomous' }, admin())).body.code).toBe('VALIDATION_FAILED');
    const [{ slug }] = await t.ds.query('SELECT slug FROM guarantor WHERE id = $1', [staff.guarantorId]);
    expect((await http.get(`/api/public/operators/${slug}`)).body).toEqual({
      slug,
      name: 'Colectivo por la Transparencia',
      kind: 'civil_society',
    });
    const audit = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'operator.update' AND guarantor_id = $1`,
      [staff.guarantorId],
    );
    expect(audit).toHaveLength(1);
  });

  it('a quorum is raised until publication and never lowered after the draft', async () => {
    const set = await http.put<Summary>(`/api/rounds/${roundId}/cosign/quorum`, { coSignQuorum: 2 }, admin());
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ coSignQuorum: 2, approvals: 0, quorumMet: false });
    const lower = await http.put(`/api/rounds/${roundId}/cosign/quorum`, { coSignQuorum: 1 }, admin());
    expect(lower.status).toBe(409);
    expect(lower.body.code).toBe('COSIGN_QUORUM_LOCKED');
    expect(lower.body.messages.es).toMatch(/borrador/);
    // Another operator's staff: not found.
    expect(
      (await http.put(`/api/rounds/${roundId}/cosign/quorum`, { coSignQuorum: 3 }, { token: other.adminToken })).status,
    ).toBe(404);
  });

  it('invites co-signers by mail; each activates a least-privilege account', async () => {
    for (const [key, name, kind] of [
      ['uni', 'Universidad Autónoma', 'academia'],
      ['osc', 'Observatorio Ciudadano', 'civil_society'],
    ] as const) {
      const email = `${key}@cofirma.example`;
      const res = await http.post<Summary>(
        `/api/rounds/${roundId}/cosigners`,
        { email, organisationName: name, organisationKind: kind, displayName: `Contacto ${key}` },
        admin(),
      );
      expect(res.status).toBe(200);
      expect(res.body.cosigners.find((c) => c.organisationName === name)).toMatchObject({ state: 'pending', email });
      const captured = await until(
        async () => (await http.get('/api/mail/captured', admin())).body,
        (b) => b.items?.some((m: { to: string[] }) => m.to.includes(email)),
        'the co-sign invitation to be caught',
      );
      const mail = captured.items.find((m: { to: string[] }) => m.to.includes(email));
      expect(mail.subject).toBe('Invitación a co-firmar «Ronda co-firmada» — Apertura');
      expect(mail.text).toContain('Colectivo por la Transparencia (organización de la sociedad civil)');
      const token = ACTIVATE_LINK.exec(mail.links[0])?.[1] as string;
      expect(token).toBeDefined();
      const info = await http.post('/api/auth/staff-invite', { token });
      expect(info.body).toMatchObject({ email, role: 'cosigner' });
      const accepted = await http.post('/api/auth/staff-invite/accept', { token, password: TEST_PASSWORD });
      expect(accepted.status).toBe(200);
      cosignerTokens[key] = accepted.body.accessToken;
    }
    // The same address twice: refused; staff addresses are never turned into co-signers.
    expect(
      (
        await http.post(
          `/api/rounds/${roundId}/cosigners`,
          { email: 'uni@cofirma.example', organisationName: 'Otra', organisationKind: 'academia' },
          admin(),
        )
      ).body.code,
    ).toBe('CONFLICT');
    expect(
      (
        await http.post(
          `/api/rounds/${roundId}/cosigners`,
          { email: other.adminEmail, organisationName: 'Otra', organisationKind: 'academia' },
          admin(),
        )
      ).body.code,
    ).toBe('EMAIL_TAKEN');
    // Co-signers are not the operator's staff.
    const users = (await http.get('/api/users', admin())).body as Array<{ email: string }>;
    expect(users.map((u) => u.email)).not.toContain('uni@cofirma.example');
    // Least privilege: nothing of the operator's console.
    const uni = { token: cosignerTokens.uni };
    expect((await http.get(`/api/rounds/${roundId}`, uni)).status).toBe(403);
    expect((await http.get(`/api/rounds/${roundId}/cosign`, uni)).status).toBe(403);
    expect((await http.get('/api/users', uni)).status).toBe(403);
    expect((await http.get('/api/feedback', uni)).status).toBe(403);
    const mine = await http.get<Array<{ roundId: string; state: string; operator: { kind: string } }>>(
      '/api/cosign/rounds',
      uni,
    );
    expect(mine.body).toEqual([expect.objectContaining({ roundId, state: 'pending', operator: expect.anything() })]);
  });

  it('publishing without quorum is refused with a clear code (es/en)', async () => {
    const res = await http.post(`/api/rounds/${roundId}/publish`, { acknowledgeInconclusive: true }, admin());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COSIGN_QUORUM_NOT_MET');
    expect(res.body.messages.es).toMatch(/requiere la aprobación vigente de 2/);
    expect(res.body.messages.en).toMatch(/needs the current approval of 2/);
    expect(res.body.details).toMatchObject({ coSignQuorum: 2, approvals: 0, pending: 2 });
  });

  it('approvals cover one fingerprint; objections need reasons; a change makes approvals stale', async () => {
    const uni = { token: cosignerTokens.uni };
    const osc = { token: cosignerTokens.osc };
    const review = await http.get<Summary & { decisionsOpen: boolean; questionnaires: unknown[] }>(
      `/api/cosign/rounds/${roundId}`,
      uni,
    );
    expect(review.status).toBe(200);
    expect(review.body.decisionsOpen).toBe(true);
    expect(review.body.questionnaires).toHaveLength(2);
    const f1 = review.body.current.fingerprint;
    expect(f1).toMatch(/^[0-9a-f]{64}$/);

    expect(
      (await http.post(`/api/cosign/rounds/${roundId}/decisions`, { decision: 'approve', fingerprint: f1 }, uni))
        .status,
    ).toBe(200);
    const noReason = await http.post(
      `/api/cosign/rounds/${roundId}/decisions`,
      { decision: 'object', fingerprint: f1 },
      osc,
    );
    expect(noReason.body.code).toBe('COSIGN_REASON_REQUIRED');
    const objected = await http.post(
      `/api/cosign/rounds/${roundId}/decisions`,
      { decision: 'object', reason: 'Falta la justificación del umbral de cobertura.', fingerprint: f1 },
      osc,
    );
    expect(objected.status).toBe(200);
    let s = await summary();
    expect(s).toMatchObject({ approvals: 1, quorumMet: false });
    expect(s.cosigners.map((c) => c.state).sort()).toEqual(['approved', 'objected']);
    // An objection cannot be made to disappear by removing whoever made it.
    const osc1 = s.cosigners.find((c) => c.organisationName === 'Observatorio Ciudadano');
    expect((await http.delete(`/api/rounds/${roundId}/cosigners/${osc1?.id}`, admin())).body.code).toBe(
      'COSIGNER_HAS_DECIDED',
    );
    const refused = await http.post(`/api/rounds/${roundId}/publish`, { acknowledgeInconclusive: true }, admin());
    expect(refused.body.details).toMatchObject({ approvals: 1, objections: 1 });

    // The results change (as after late verdicts): the approval goes stale and says what changed.
    await t.ds.query(
      `UPDATE metric_result SET estimate = coalesce(estimate, 0.5) + 0.01 WHERE round_id = $1 AND scope = 'institution'`,
      [roundId],
    );
    s = await summary();
    expect(s.current.fingerprint).not.toBe(f1);
    expect(s.cosigners.find((c) => c.organisationName === 'Universidad Autónoma')?.state).toBe('approved_stale');
    expect(s.decisions[0]).toMatchObject({ decision: 'approve', changedSince: ['results'] });
    const late = await http.post(
      `/api/cosign/rounds/${roundId}/decisions`,
      { decision: 'approve', fingerprint: f1 },
      uni,
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('COSIGN_FINGERPRINT_CHANGED');

    // Both approve the changed round: the API lets the publication through, but its rebuild restores the
    // computed numbers — not what the quorum approved — so the worker keeps the round closed.
    const f2 = s.current.fingerprint;
    for (const who of [uni, osc])
      expect(
        (
          await http.post(
            `/api/cosign/rounds/${roundId}/decisions`,
            { decision: 'approve', reason: 'Revisado.', fingerprint: f2 },
            who,
          )
        ).status,
      ).toBe(200);
    expect((await summary()).quorumMet).toBe(true);
    const requested = await http.post<{ publication: { runId: string } }>(
      `/api/rounds/${roundId}/publish`,
      { acknowledgeInconclusive: true },
      admin(),
    );
    expect(requested.status).toBe(200);
    const held = await until(summary, (x) => x.publicationHeld === true, 'the publication to be held', 60_000);
    expect(held.status).toBe('closed');
    expect(held.current.fingerprint).toBe(f1);
    expect(held.cosigners.every((c) => c.state === 'approved_stale')).toBe(true);
    expect((await http.get(`/api/public/rounds/${roundId}/co-signatures`)).status).toBe(404);

    // They approve the rebuilt numbers; publishing again publishes.
    for (const who of [uni, osc])
      await http.post(
        `/api/cosign/rounds/${roundId}/decisions`,
        { decision: 'approve', reason: 'Cifras reconstruidas revisadas.', fingerprint: f1 },
        who,
      );
    expect((await http.post(`/api/rounds/${roundId}/publish`, { acknowledgeInconclusive: true }, admin())).status).toBe(
      200,
    );
    const published = await until(summary, (x) => x.status === 'published', 'the round to be published', 60_000);
    expect(published).toMatchObject({ approvals: 2, quorumMet: true });
    // Final: no more decisions.
    expect(
      (await http.post(`/api/cosign/rounds/${roundId}/decisions`, { decision: 'approve', fingerprint: f1 }, uni)).body
        .code,
    ).toBe('COSIGN_DECISIONS_CLOSED');
  }, 150_000);

  it('the record is public with the results: every decision and reason, no contact data', async () => {
    const pub = await http.get<Summary>(`/api/public/rounds/${roundId}/co-signatures`);
    expect(pub.status).toBe(200);
    expect(pub.body.operator).toEqual({ name: 'Colectivo por la Transparencia', kind: 'civil_society' });
    expect(pub.body.decisions).toHaveLength(6);
    expect(pub.body.decisions[1]).toMatchObject({
      organisationName: 'Observatorio Ciudadano',
      decision: 'object',
      reason: 'Falta la justificación del umbral de cobertura.',
      current: false,
    });
    expect(JSON.stringify(pub.body)).not.toContain('@cofirma.example');
    const csv = await http.get<string>(`/api/public/rounds/${roundId}/co-signatures.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^round_id,operator_name,operator_kind,co_sign_quorum,organisation_name/);
    expect(csv.body).toContain('Falta la justificación del umbral de cobertura.');
    expect(csv.body).not.toContain('@cofirma.example');
  });

  it('a co-signer that decided stays; one that did not can be removed; strangers see nothing', async () => {
    const s = await summary();
    const uni = s.cosigners.find((c) => c.organisationName === 'Universidad Autónoma');
    const removed = await http.delete(`/api/rounds/${roundId}/cosigners/${uni?.id}`, admin());
    expect(removed.body.code).toBe('COSIGN_DECISIONS_CLOSED');
    // A co-signer of another operator cannot read this round.
    await t.ds.query(
      `INSERT INTO app_user (email, password_hash, role, guarantor_id, email_verified_at)
       SELECT 'ajeno@cofirma.example', password_hash, 'cosigner', $1, now() FROM app_user WHERE email = 'uni@cofirma.example'`,
      [other.guarantorId],
    );
    const stranger = await http.post('/api/auth/login', { email: 'ajeno@cofirma.example', password: TEST_PASSWORD });
    expect((await http.get(`/api/cosign/rounds/${roundId}`, { token: stranger.body.accessToken })).status).toBe(404);
    expect((await http.get('/api/cosign/rounds', { token: stranger.body.accessToken })).body).toEqual([]);
    const actions = await t.ds.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'round.cosign%' GROUP BY action ORDER BY action`,
      [roundId],
    );
    expect(actions).toEqual([
      { action: 'round.cosign-approve', n: 5 },
      { action: 'round.cosign-object', n: 1 },
      { action: 'round.cosign-quorum', n: 1 },
      { action: 'round.cosigner-invite', n: 2 },
    ]);
  });
});
