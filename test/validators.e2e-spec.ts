import { randomUUID } from 'crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { deriveToken } from '@apertura/config';
import { QUEUES, queueToken, type Queue } from '@apertura/queue';
import { startWorker } from '../apps/worker/src/main';
import { ValidatorSweepService } from '../apps/worker/src/validators/validator-sweep.service';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff, TEST_PASSWORD, userIdByEmail } from './support/fixtures';
import { client, Client } from './support/http';
import { seedDefaultQuestionnaires, seedInstitution, seedOpenRound } from './support/seed';
import { until } from './support/metric-helpers';
import { ReceivedMail, startSmtp, TestSmtp } from './support/smtp';

/**
 * Issue #16 item 3, against the real API, worker, PostgreSQL, Redis and an SMTP test server:
 * assignment preference (claims first, citizen-report-only labelled), batch verdicts (all or nothing,
 * per-claim errors), new-assignment mails, the expiry-reminder sweep (idempotent, injected clock),
 * the digest of result changes (no other validator's data) and the validator's history.
 */

const DAY = 86_400_000;
const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@inst.example',
  ai_unidad: true,
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://inst.example/procedimiento',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://inst.example/estadisticas',
  tr_portal: true,
};
const CLAIMS = ['ai_estadisticas', 'ai_procedimiento', 'tr_portal'];
const VALID_REPORT = {
  tipo_gestion: ['solicitud'],
  folio: 'PNT-2026-0001',
  tc_respuesta: 'si',
  tc_claridad: 4,
  tc_completitud: 'completa',
  tc_dias: 12,
};

const WITH_CLAIMS = [
  { id: randomUUID(), name: 'Ayuntamiento de Naucalpan', cvegeo: '15057' },
  { id: randomUUID(), name: 'Ayuntamiento de Toluca', cvegeo: '15106' },
  { id: randomUUID(), name: 'Ayuntamiento de Metepec', cvegeo: '15054' },
];
const WITHOUT = [
  { id: randomUUID(), name: 'DIF Naucalpan', cvegeo: '15057' },
  { id: randomUUID(), name: 'DIF Toluca', cvegeo: '15106' },
  { id: randomUUID(), name: 'DIF Metepec', cvegeo: '15054' },
];
const PUBLIC_URL = 'https://apertura.example.org';

interface Validator {
  id: string;
  token: string;
  email: string;
  displayName: string;
}
interface AssignmentView {
  id: string;
  kind: string;
  institution: { id: string; name: string };
  progress: { claimsToCheck: number };
  status: string;
}

describe('validators: preference, batch verdicts, mails, history (issue #16)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let roundId: string;
  let mailQueue: Queue;
  let metricQueue: Queue;
  let areaQueue: Queue;
  let ana: Validator;
  let beto: Validator;
  let caro: Validator;
  let anaItems: AssignmentView[] = [];

  const as = (v: Validator): { token: string } => ({ token: v.token });
  const mailsTo = (email: string): ReceivedMail[] => smtp.messages.filter((m) => m.to.includes(email));
  const settled = async (): Promise<void> => {
    await until(
      async () => {
        const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL');
        const c = await mailQueue.getJobCounts();
        const mc = await metricQueue.getJobCounts();
        const ac = await areaQueue.getJobCounts();
        return (
          n +
          c.waiting +
          c.active +
          c.delayed +
          mc.waiting +
          mc.active +
          mc.delayed +
          ac.waiting +
          ac.active +
          ac.delayed
        );
      },
      (pending) => pending === 0,
      'outbox, mail, metric and area queues to drain',
      40_000,
    );
  };

  async function registerVerified(email: string, displayName: string): Promise<Validator> {
    const reg = await http.post('/api/citizens/register', {
      email,
      password: TEST_PASSWORD,
      displayName,
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

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ tag: 'validators', env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    mailQueue = t.app.get<Queue>(queueToken(QUEUES.mail));
    metricQueue = t.app.get<Queue>(queueToken(QUEUES.metric));
    areaQueue = t.app.get<Queue>(queueToken(QUEUES.areas));
    staff = await guarantorWithAdmin(t.ds, http);
    const q = await seedDefaultQuestionnaires(t.ds, staff.guarantorId, {
      institution: 'autoevaluacion',
      citizen: 'ciudadano',
    });
    for (const [n, i] of [...WITH_CLAIMS, ...WITHOUT].entries()) {
      await seedInstitution(t.ds, staff.guarantorId, {
        id: i.id,
        key: `k${n}`,
        name: i.name,
        cvegeo: i.cvegeo,
        email: `ut${n}@inst.example`,
      });
    }
    roundId = await seedOpenRound(t.ds, staff.guarantorId, {
      institutionQuestionnaireId: q.institution,
      citizenQuestionnaireId: q.citizen,
      institutionIds: [...WITH_CLAIMS, ...WITHOUT].map((i) => i.id),
      name: 'Diagnóstico 2026',
      validationOpen: true,
    });
    for (const i of WITH_CLAIMS) {
      await t.ds.query(
        `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
         VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
        [roundId, i.id, q.institution, JSON.stringify(SELF_REPORT)],
      );
    }
    // A draft self-report without a submission is not a claim to verify.
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, draft) VALUES ($1, $2, $3, 'draft', 0, $4::jsonb)`,
      [roundId, WITHOUT[0].id, q.institution, JSON.stringify(SELF_REPORT)],
    );
    ana = await registerVerified('ana@validadores.example', 'Ana Validadora');
    beto = await registerVerified('beto@validadores.example', 'Beto Validador');
    caro = await registerVerified('caro@validadores.example', 'Caro Validadora');
    await settled();
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('gives the institutions with claims to verify first; the rest only as labelled citizen-report-only tasks', async () => {
    const first = await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, as(ana));
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(3);
    const items: AssignmentView[] = first.body.items;
    expect(items.map((a) => a.institution.id).sort()).toEqual(WITH_CLAIMS.map((i) => i.id).sort());
    for (const a of items) {
      expect(a.kind).toBe('claims');
      expect(a.progress.claimsToCheck).toBe(3);
    }
    const more = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 5 }, as(ana));
    expect(more.body.created).toBe(2);
    anaItems = more.body.items;
    const extra = anaItems.filter((a) => !WITH_CLAIMS.some((i) => i.id === a.institution.id));
    expect(extra).toHaveLength(2);
    for (const a of extra) {
      expect(WITHOUT.map((i) => i.id)).toContain(a.institution.id);
      expect(a.kind).toBe('citizen_report_only');
      expect(a.progress.claimsToCheck).toBe(0);
    }

    // Conflicts still hold: Beto declared one with Naucalpan; he gets the other two claim institutions first.
    expect(
      (
        await http.put(
          '/api/citizens/me/conflicts',
          { conflicts: [{ institutionId: WITH_CLAIMS[0].id, reason: 'Trabajo ahí.' }] },
          as(beto),
        )
      ).status,
    ).toBe(200);
    const b = await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, as(beto));
    expect(b.body.created).toBe(3);
    const bItems: AssignmentView[] = b.body.items;
    expect(bItems.map((a) => a.institution.id)).not.toContain(WITH_CLAIMS[0].id);
    expect(
      bItems
        .filter((a) => a.kind === 'claims')
        .map((a) => a.institution.id)
        .sort(),
    ).toEqual([WITH_CLAIMS[1].id, WITH_CLAIMS[2].id].sort());
    expect(bItems.filter((a) => a.kind === 'citizen_report_only')).toHaveLength(1);
  });

  it('mails the validator about new assignments, naming citizen-report-only tasks as such', async () => {
    await settled();
    const mails = await until(
      async () => mailsTo(ana.email).filter((m) => /asignaci/i.test(m.subject)),
      (list) => list.length >= 2,
      'two new-assignment mails for Ana',
    );
    // One mail per request (3, then 2 assignments); the mail queue promises no delivery order between them.
    const first = mails.find((m) => m.subject.includes('3 nuevas asignaciones'));
    const second = mails.find((m) => m.subject.includes('2 nuevas asignaciones'));
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first?.text).toContain(WITH_CLAIMS[0].name);
    expect(first?.text).toContain(`${PUBLIC_URL}/validador`);
    expect(second?.text).toContain('solo reporte ciudadano');
    const ledger = await t.ds.query(`SELECT outcome FROM mail_delivery WHERE kind = 'validator-assignments'`);
    expect(ledger.every((r: { outcome: string }) => r.outcome === 'sent')).toBe(true);
  });

  it('saves every verdict of an assignment at once: all or nothing, with one error per offending claim', async () => {
    const target = anaItems.find((a) => a.institution.id === WITH_CLAIMS[0].id);
    if (!target) throw new Error('no Naucalpan assignment');
    // Baseline of the result before Ana's work: the digest compares with it later.
    await t.ds.query(
      `INSERT INTO metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, n, status, method_id, method_version, watermark, computed_at)
       VALUES ($1, 'institution', $2, 'unweighted', 'I', 40, 1, 'inconclusive', 'apertura', '2', 0, now())`,
      [roundId, WITH_CLAIMS[0].id],
    );
    const bad = await http.put(
      `/api/citizens/assignments/${target.id}/verdicts`,
      {
        verdicts: [
          { questionName: 'ai_procedimiento', verdict: 'confirmed', evidenceUrl: 'https://ok.example/a' },
          { questionName: 'ai_estadisticas', verdict: 'refuted', evidenceUrl: 'http://insecure.example' },
          { questionName: 'resp_cargo', verdict: 'maybe' },
        ],
      },
      as(ana),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const errors: Array<{ questionName: string | null; field: string; messages: { es: string; en: string } }> =
      bad.body.details.errors;
    expect(errors.map((e) => `${e.questionName}:${e.field}`).sort()).toEqual([
      'ai_estadisticas:evidenceUrl',
      'resp_cargo:questionName',
      'resp_cargo:verdict',
    ]);
    for (const e of errors) expect(e.messages.es.length).toBeGreaterThan(0);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM verdict WHERE validator_id = $1', [ana.id]);
    expect(n).toBe(0);

    const ok = await http.put(
      `/api/citizens/assignments/${target.id}/verdicts`,
      {
        verdicts: [
          { questionName: 'ai_procedimiento', verdict: 'confirmed', evidenceUrl: 'https://ok.example/a' },
          { questionName: 'ai_estadisticas', verdict: 'refuted', comment: 'La estadística no está publicada.' },
          { questionName: 'tr_portal', verdict: 'unverifiable' },
        ],
      },
      as(ana),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.verdicts.map((v: { questionName: string }) => v.questionName).sort()).toEqual(CLAIMS);
    expect(ok.body.assignmentStatus).toBe('active'); // the report is still missing
    const [{ events }] = await t.ds.query(
      `SELECT count(*)::int AS events FROM outbox_event WHERE type = 'verdict.saved' AND payload->>'institutionId' = $1`,
      [WITH_CLAIMS[0].id],
    );
    expect(events).toBe(3);
    const [seen] = await t.ds.query(
      'SELECT first_status, first_estimate FROM validator_result_seen WHERE user_id = $1 AND institution_id = $2',
      [ana.id, WITH_CLAIMS[0].id],
    );
    expect(seen).toEqual({ first_status: 'inconclusive', first_estimate: 40 });

    const report = await http.put(`/api/citizens/assignments/${target.id}/report`, { data: VALID_REPORT }, as(ana));
    expect(report.body.assignmentStatus).toBe('completed');
    // Beto works on Toluca too (his identity must never reach Ana).
    const bList = await http.get(`/api/citizens/assignments?roundId=${roundId}`, as(beto));
    const bToluca = bList.body.items.find((a: AssignmentView) => a.institution.id === WITH_CLAIMS[1].id);
    expect(
      (
        await http.put(
          `/api/citizens/assignments/${bToluca.id}/verdicts`,
          { verdicts: CLAIMS.map((q) => ({ questionName: q, verdict: 'refuted', comment: 'Beto dice que no.' })) },
          as(beto),
        )
      ).status,
    ).toBe(200);
    const aToluca = anaItems.find((a) => a.institution.id === WITH_CLAIMS[1].id);
    if (!aToluca) throw new Error('no Toluca assignment');
    expect(
      (
        await http.put(
          `/api/citizens/assignments/${aToluca.id}/verdicts`,
          { verdicts: [{ questionName: 'tr_portal', verdict: 'confirmed' }] },
          as(ana),
        )
      ).status,
    ).toBe(200);
  });

  it('queues one expiry reminder per active assignment shortly before it expires (idempotent, injected clock, opt-out honoured)', async () => {
    await settled();
    const optOut = await http.patch('/api/citizens/me', { mailOptOut: true }, as(caro));
    expect(optOut.status).toBe(200);
    expect(optOut.body.mailOptOut).toBe(true);
    expect((await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 1 }, as(caro))).body.created).toBe(1);
    const sweeper = worker.get(ValidatorSweepService);
    const now = Date.now();
    expect((await sweeper.sweep(new Date(now + DAY))).remindersQueued).toBe(0);
    const [{ active }] = await t.ds.query(
      `SELECT count(*)::int AS active FROM assignment WHERE status = 'active' AND validator_id <> $1`,
      [caro.id],
    );
    const first = await sweeper.sweep(new Date(now + 13 * DAY));
    expect(first.remindersQueued).toBe(active);
    expect((await sweeper.sweep(new Date(now + 13 * DAY + 3600_000))).remindersQueued).toBe(0);
    const [{ caroQueued }] = await t.ds.query(
      'SELECT count(*)::int AS "caroQueued" FROM assignment WHERE validator_id = $1 AND expiry_reminder_queued_at IS NOT NULL',
      [caro.id],
    );
    expect(caroQueued).toBe(0);
    await settled();
    const reminders = mailsTo(ana.email).filter((m) => /vence pronto/.test(m.subject));
    // Ana: 5 assignments, one completed → 4 reminders.
    expect(reminders).toHaveLength(4);
    const toluca = reminders.find((m) => m.subject.includes(WITH_CLAIMS[1].name));
    expect(toluca?.text).toContain('2 dictámenes');
    expect(mailsTo(caro.email).filter((m) => /vence pronto|asignaci/i.test(m.subject))).toHaveLength(0);
  });

  it('sends a digest of how the results of her institutions moved, without other validators’ data, once', async () => {
    await settled();
    // The worker recomputed the institutions; then the round's results change and are published.
    await t.ds.query(
      `UPDATE metric_result SET estimate = 55, status = 'conclusive' WHERE round_id = $1 AND scope = 'institution' AND scope_key = $2 AND aggregation = 'unweighted' AND indicator = 'I'`,
      [roundId, WITH_CLAIMS[0].id],
    );
    await t.ds.query(`UPDATE round SET status = 'published', published_at = now(), closed_at = now() WHERE id = $1`, [
      roundId,
    ]);
    const sweeper = worker.get(ValidatorSweepService);
    const now = new Date(Date.now() + 14 * DAY);
    const r = await sweeper.sweep(now);
    expect(r.digestsQueued).toBeGreaterThanOrEqual(1);
    expect((await sweeper.sweep(new Date(now.getTime() + 3600_000))).digestsQueued).toBe(0);
    await settled();
    const digests = mailsTo(ana.email).filter((m) => /cambiaron los resultados/.test(m.subject));
    expect(digests).toHaveLength(1);
    const d = digests[0];
    expect(d.text).toContain(WITH_CLAIMS[0].name);
    expect(d.text).toContain('pasó de no concluyente a concluyente');
    expect(d.text).toContain(`${PUBLIC_URL}/validador/historial`);
    const [bProfile] = await t.ds.query('SELECT pseudonym FROM validator_profile WHERE user_id = $1', [beto.id]);
    for (const leak of [beto.email, beto.displayName, bProfile.pseudonym, 'Beto dice que no', caro.email]) {
      expect(d.text).not.toContain(leak);
      expect(d.html).not.toContain(leak);
    }
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM validator_digest WHERE user_id = $1', [ana.id]);
    expect(n).toBe(1);
    expect(mailsTo(caro.email).filter((m) => /cambiaron/.test(m.subject))).toHaveLength(0);
  });

  it('lists the validator’s own history with verdicts, report and the result before and after', async () => {
    const h = await http.get('/api/citizens/history', as(ana));
    expect(h.status).toBe(200);
    expect(h.body.total).toBe(5);
    const nauc = h.body.items.find((x: { institution: { id: string } }) => x.institution.id === WITH_CLAIMS[0].id);
    expect(nauc).toMatchObject({
      roundId,
      roundName: 'Diagnóstico 2026',
      kind: 'claims',
      status: 'completed',
      claimsToCheck: 3,
      verdicts: { confirmed: 1, refuted: 1, unverifiable: 1 },
      result: { before: { estimate: 40, status: 'inconclusive' }, after: { estimate: 55, status: 'conclusive' } },
    });
    expect(nauc.reportUpdatedAt).not.toBeNull();
    const reportOnly = h.body.items.filter((x: { kind: string }) => x.kind === 'citizen_report_only');
    expect(reportOnly).toHaveLength(2);
    const body = JSON.stringify(h.body);
    expect(body).not.toContain(beto.id);
    expect(body).not.toContain('Beto');
    const [bTotal] = [(await http.get('/api/citizens/history', as(beto))).body.total];
    expect(bTotal).toBe(3);
    expect((await http.get('/api/citizens/history')).status).toBe(401);
  });
});
