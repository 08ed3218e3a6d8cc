import { randomBytes } from 'crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { deriveToken } from '@apertura/config';
import { startWorker } from '../../apps/worker/src/main';
import { DueProcessSweepService } from '../../apps/worker/src/due-process/due-process-sweep.service';
import { MetricInputsRepository } from '../../apps/worker/src/metric/metric-inputs.repository';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin, staffToken, Staff, TEST_PASSWORD, userIdByEmail } from '../support/fixtures';
import { client, Client } from '../support/http';
import { seedDefaultQuestionnaires, seedInstitution, seedInvitation, seedOpenRound } from '../support/seed';
import { until } from '../support/metric-helpers';
import { ReceivedMail, startSmtp, TestSmtp } from '../support/smtp';

/**
 * Issue #13 regression tests against the real API, PostgreSQL, Redis, worker and an SMTP server:
 *  - right of reply (METHOD.md §3.1): a refutation is mailed to the institution, listed on its
 *    respond link without the validator's identity, disputable within the window, decided by the
 *    guarantor; only final refutations reach the metric inputs, pending ones are reported;
 *  - no steering: conflicts need a reason and are bounded per round (the attack of declaring a
 *    conflict with every other institution is refused); outlier validators are flagged.
 */
const SELF_REPORT = {
  resp_cargo: 'Titular de la UT',
  resp_correo: 'ut@naucalpan.example',
  ai_unidad: true,
  ai_procedimiento: true,
  ai_procedimiento_evidencia: 'https://naucalpan.example/procedimiento',
  ai_estadisticas: 'anual',
  ai_estadisticas_evidencia: 'https://naucalpan.example/estadisticas',
  tr_portal: true,
};
const PUBLIC_URL = 'https://apertura.example';

describe('due process and no steering (issue #13)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let analyst: string;
  let qi: string;
  let qc: string;

  async function registerVerified(email: string): Promise<{ id: string; token: string; pseudonym: string }> {
    const reg = await http.post('/api/citizens/register', {
      email,
      password: TEST_PASSWORD,
      displayName: 'Valeria Secreta',
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
    const [p] = await t.ds.query('SELECT pseudonym FROM validator_profile WHERE user_id = $1', [id]);
    return { id, token: login.body.accessToken, pseudonym: p.pseudonym };
  }

  async function institutions(n: number, cvegeo: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        await seedInstitution(t.ds, staff.guarantorId, {
          name: `Institución ${i} ${cvegeo}`,
          cvegeo,
          email: `ut-${cvegeo}-${i}@example.org`,
        }),
      );
    }
    return ids;
  }

  const openRound = (name: string, members: string[]): Promise<string> =>
    seedOpenRound(t.ds, staff.guarantorId, {
      institutionQuestionnaireId: qi,
      citizenQuestionnaireId: qc,
      institutionIds: members,
      name,
      validationOpen: true,
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      env: { SMTP_URL: smtp.url, PUBLIC_URL, QUEUE_PREFIX: `apt-test-secb-${randomBytes(3).toString('hex')}` },
    });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');
    ({ institution: qi, citizen: qc } = await seedDefaultQuestionnaires(t.ds, staff.guarantorId, {
      institution: 'autoevaluacion',
      citizen: 'ciudadano',
    }));
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  describe('right of reply', () => {
    let roundId: string;
    let inst: string;
    let invitation: string;
    let validator: { id: string; token: string; pseudonym: string };
    let assignmentId: string;
    const asV = (): { token: string } => ({ token: validator.token });
    const asInst = (): { invitation: string } => ({ invitation });
    const counts = async (): Promise<Record<string, { confirmed: number; refuted: number; pending?: number }>> => {
      const loaded = await worker.get(MetricInputsRepository).load(roundId, [inst]);
      if (!loaded) throw new Error('round missing');
      return loaded.collector.institution(inst).input.verifications;
    };
    const notices = (): ReceivedMail[] => smtp.messages.filter((m) => m.subject.startsWith('Aviso de refutación'));
    const refutationNotices = (n: number): Promise<ReceivedMail[]> =>
      until(
        async () => notices(),
        (l) => l.length >= n,
        `${n} refutation notice(s)`,
      );
    const verdictOf = async (question: string): Promise<{ id: string; notified_at: Date | null }> =>
      (
        await t.ds.query('SELECT id, notified_at FROM verdict WHERE round_id = $1 AND question_name = $2', [
          roundId,
          question,
        ])
      )[0];

    beforeAll(async () => {
      [inst] = await institutions(1, '15057');
      roundId = await openRound('Réplica 2026', [inst]);
      await t.ds.query(
        `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
         VALUES ($1, $2, $3, 'submitted', 1, $4::jsonb, now())`,
        [roundId, inst, qi, JSON.stringify(SELF_REPORT)],
      );
      invitation = await seedInvitation(t.ds, t.env.TOKEN_SECRET, roundId, inst, { sent: true });
      validator = await registerVerified(`valeria-${randomBytes(3).toString('hex')}@example.org`);
      const assigned = await http.post(`/api/citizens/rounds/${roundId}/assignments`, {}, asV());
      expect(assigned.status).toBe(200);
      assignmentId = assigned.body.items[0].id;
    });

    it('mails each new refutation to the institution once, without the validator, and starts the window when the mail left', async () => {
      const put = (q: string, body: Record<string, unknown>): Promise<{ status: number }> =>
        http.put(`/api/citizens/assignments/${assignmentId}/verdicts/${q}`, body, asV());
      expect(
        (
          await put('ai_procedimiento', {
            verdict: 'refuted',
            comment: 'El enlace lleva a una página vacía.',
            evidenceUrl: 'https://archive.example/vacio',
          })
        ).status,
      ).toBe(200);
      expect((await put('ai_estadisticas', { verdict: 'confirmed' })).status).toBe(200);
      expect((await put('tr_portal', { verdict: 'refuted', comment: 'No hay portal propio.' })).status).toBe(200);
      // A repeated verdict is an update of the same row: one vote per (validator, item).
      expect((await put('tr_portal', { verdict: 'refuted', comment: 'No hay portal propio.' })).status).toBe(200);
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM verdict WHERE round_id = $1 AND validator_id = $2 AND question_name = 'tr_portal'`,
        [roundId, validator.id],
      );
      expect(n).toBe(1);

      // Before notification a refutation is pending, never counted.
      expect(await counts()).toMatchObject({
        ai_procedimiento: { confirmed: 0, refuted: 0, pending: 1 },
        ai_estadisticas: { confirmed: 1, refuted: 0 },
      });

      const sweep = worker.get(DueProcessSweepService);
      expect(await sweep.sweep()).toEqual({ noticesQueued: 1, windowsClosed: 0 });
      expect(await sweep.sweep()).toEqual({ noticesQueued: 0, windowsClosed: 0 });
      // Only the notices count here: the validator also got a (separate) new-assignment mail (issue #16).
      const [mail] = await refutationNotices(1);
      expect(mail.to).toEqual(['ut-15057-0@example.org']);
      expect(mail.subject).toContain('2 afirmaciones');
      expect(mail.text).toContain('ai_procedimiento');
      expect(mail.text).toContain('tr_portal');
      expect(mail.text).toContain(`${PUBLIC_URL}/responder/${invitation}`);
      for (const secret of [validator.pseudonym, 'Valeria', 'valeria-'])
        expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(secret);
      await until(
        () => verdictOf('tr_portal'),
        (v) => v.notified_at !== null,
        'notified_at',
      );
      expect(notices()).toHaveLength(1);
    });

    it('lists the refutations on the respond link with the evidence and never the validator', async () => {
      const list = await http.get('/api/respond/refutations', asInst());
      expect(list.status).toBe(200);
      expect(list.body.replyWindowDays).toBe(10);
      expect(list.body.items.map((i: { questionName: string }) => i.questionName)).toEqual([
        'ai_procedimiento',
        'tr_portal',
      ]);
      expect(list.body.items[0]).toMatchObject({
        standing: 'pending',
        canDispute: true,
        evidenceUrl: 'https://archive.example/vacio',
        comment: 'El enlace lleva a una página vacía.',
        dispute: null,
      });
      const body = JSON.stringify(list.body);
      for (const secret of [validator.id, validator.pseudonym, 'Valeria']) expect(body).not.toContain(secret);
      expect((await http.get('/api/respond/refutations')).status).toBe(401);
      expect((await http.get('/api/respond/refutations', { token: staff.adminToken })).status).toBe(401);
      const noFile = await http.get(`/api/respond/refutations/${list.body.items[0].verdictId}/evidence`, asInst());
      expect(noFile.status).toBe(404);
    });

    it('takes a dispute within the window (once), refuses one after it, and counts an undisputed refutation when its window ends', async () => {
      const procedimiento = await verdictOf('ai_procedimiento');
      const short = await http.post(`/api/respond/refutations/${procedimiento.id}/dispute`, { text: 'no' }, asInst());
      expect(short.status).toBe(400);
      expect(short.body.code).toBe('VALIDATION_FAILED');
      const disputed = await http.post(
        `/api/respond/refutations/${procedimiento.id}/dispute`,
        {
          text: 'El procedimiento está publicado en la fracción XX desde enero.',
          evidenceUrl: 'https://naucalpan.example/fraccion-xx',
        },
        asInst(),
      );
      expect(disputed.status).toBe(201);
      expect(disputed.body).toMatchObject({ standing: 'disputed', canDispute: false, dispute: { status: 'open' } });
      const twice = await http.post(
        `/api/respond/refutations/${procedimiento.id}/dispute`,
        { text: 'Otra vez la misma impugnación.' },
        asInst(),
      );
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('DISPUTE_EXISTS');
      expect(twice.body.messages.es).toBeTruthy();
      const [audit] = await t.ds.query(`SELECT actor_role, details FROM audit_log WHERE action = 'verdict.dispute'`);
      expect(audit).toMatchObject({ actor_role: 'institution', details: { verdictId: procedimiento.id } });

      // The reply window of tr_portal ends (the notice is moved back 11 days instead of waiting).
      await t.ds.query(
        `UPDATE verdict SET notified_at = notified_at - interval '11 days' WHERE round_id = $1 AND question_name = 'tr_portal'`,
        [roundId],
      );
      const portal = await verdictOf('tr_portal');
      const late = await http.post(
        `/api/respond/refutations/${portal.id}/dispute`,
        { text: 'Sí tenemos portal, ver la liga.' },
        asInst(),
      );
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('REPLY_WINDOW_CLOSED');

      const before = Number((await t.ds.query('SELECT coalesce(max(id), 0) AS id FROM outbox_event'))[0].id);
      expect(await worker.get(DueProcessSweepService).sweep()).toEqual({ noticesQueued: 0, windowsClosed: 1 });
      const events = await t.ds.query(
        `SELECT type, payload FROM outbox_event WHERE id > $1 AND type = 'verdict.saved'`,
        [before],
      );
      expect(events).toEqual([
        { type: 'verdict.saved', payload: { roundId, institutionId: inst, verdictId: portal.id } },
      ]);
      expect(await counts()).toMatchObject({
        tr_portal: { confirmed: 0, refuted: 1 },
        ai_procedimiento: { refuted: 0, pending: 1 },
      });
      expect((await counts()).tr_portal.pending ?? 0).toBe(0);
    });

    it('lets only the guarantor decide a dispute, with a reason, once, audited; an overturned refutation never counts', async () => {
      const queue = await http.get(`/api/rounds/${roundId}/disputes`, { token: staff.adminToken });
      expect(queue.status).toBe(200);
      expect(queue.body.total).toBe(1);
      expect(queue.body.items[0]).toMatchObject({
        questionName: 'ai_procedimiento',
        validatorPseudonym: validator.pseudonym,
        institutionId: inst,
      });
      expect(queue.body.summary).toEqual({ notNotified: 0, pending: 0, disputed: 1, counted: 1, overturned: 0 });
      expect((await http.get(`/api/rounds/${roundId}/disputes`, { token: analyst })).status).toBe(403);
      const other = await guarantorWithAdmin(t.ds, http);
      expect((await http.get(`/api/rounds/${roundId}/disputes`, { token: other.adminToken })).status).toBe(404);

      const disputeId = queue.body.items[0].dispute.id;
      const noReason = await http.post(
        `/api/rounds/${roundId}/disputes/${disputeId}/decision`,
        { decision: 'overturn' },
        { token: staff.adminToken },
      );
      expect(noReason.status).toBe(400);
      const decided = await http.post(
        `/api/rounds/${roundId}/disputes/${disputeId}/decision`,
        { decision: 'overturn', reason: 'La fracción XX muestra el procedimiento desde enero.' },
        { token: staff.adminToken },
      );
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({
        status: 'overturned',
        decisionReason: 'La fracción XX muestra el procedimiento desde enero.',
      });
      const again = await http.post(
        `/api/rounds/${roundId}/disputes/${disputeId}/decision`,
        { decision: 'uphold', reason: 'Cambio de opinión sin motivo.' },
        { token: staff.adminToken },
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DISPUTE_DECIDED');
      const [audit] = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'verdict.dispute-decide'`);
      expect(audit.details).toMatchObject({ decision: 'overturn', institutionId: inst });

      const c = await counts();
      expect(c.ai_procedimiento).toEqual({ confirmed: 0, refuted: 0 });
      const view = await http.get('/api/respond/refutations', asInst());
      expect(
        view.body.items.find((i: { questionName: string }) => i.questionName === 'ai_procedimiento'),
      ).toMatchObject({
        standing: 'overturned',
        dispute: { status: 'overturned', decisionReason: 'La fracción XX muestra el procedimiento desde enero.' },
      });
    });

    it('a refutation the validator changes is notified again and pending again', async () => {
      const changed = await http.put(
        `/api/citizens/assignments/${assignmentId}/verdicts/tr_portal`,
        { verdict: 'refuted', comment: 'Tampoco hay liga en la PNT.' },
        asV(),
      );
      expect(changed.status).toBe(200);
      expect((await verdictOf('tr_portal')).notified_at).toBeNull();
      expect(await counts()).toMatchObject({ tr_portal: { confirmed: 0, refuted: 0, pending: 1 } });
      expect((await worker.get(DueProcessSweepService).sweep()).noticesQueued).toBe(1);
      const all = await refutationNotices(2);
      expect(all[1].subject).toContain('1 afirmación');
    });

    it('the reply window is a round setting changed only in draft, audited', async () => {
      const got = await http.get(`/api/rounds/${roundId}/due-process`, { token: analyst });
      expect(got.body).toEqual({ replyWindowDays: 10, maxConflicts: 5 });
      const refused = await http.put(
        `/api/rounds/${roundId}/due-process`,
        { replyWindowDays: 1, maxConflicts: 5 },
        { token: staff.adminToken },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('ROUND_NOT_DRAFT');
      await t.ds.query(`UPDATE round SET status = 'draft' WHERE id = $1`, [roundId]);
      const bad = await http.put(
        `/api/rounds/${roundId}/due-process`,
        { replyWindowDays: 0, maxConflicts: 5 },
        { token: staff.adminToken },
      );
      expect(bad.status).toBe(400);
      const ok = await http.put(
        `/api/rounds/${roundId}/due-process`,
        { replyWindowDays: 15, maxConflicts: 3 },
        { token: staff.adminToken },
      );
      expect(ok.body).toEqual({ replyWindowDays: 15, maxConflicts: 3 });
      await t.ds.query(`UPDATE round SET status = 'open' WHERE id = $1`, [roundId]);
      const [audit] = await t.ds.query(
        `SELECT details FROM audit_log WHERE action = 'round.due-process-settings' AND entity_id = $1`,
        [roundId],
      );
      expect(audit.details.to).toEqual({ replyWindowDays: 15, maxConflicts: 3 });
    });
  });

  describe('no steering', () => {
    let roundId: string;
    let members: string[];
    let attacker: { id: string; token: string; pseudonym: string };

    beforeAll(async () => {
      members = [...(await institutions(6, '15106')), ...(await institutions(6, '15054'))];
      roundId = await openRound('Sin dirección 2026', members);
      attacker = await registerVerified(`atacante-${randomBytes(3).toString('hex')}@example.org`);
    });

    it('refuses conflicts without a reason (also the old form) and the attack of declaring every other institution', async () => {
      const [target, ...others] = members;
      const noReason = await http.put(
        '/api/citizens/me/conflicts',
        { conflicts: [{ institutionId: others[0] }] },
        { token: attacker.token },
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body).toMatchObject({ code: 'CONFLICT_REASON_REQUIRED', field: 'conflicts[0].reason' });
      const blank = await http.put(
        '/api/citizens/me/conflicts',
        { conflicts: [{ institutionId: others[0], reason: '   ' }] },
        { token: attacker.token },
      );
      expect(blank.body.code).toBe('CONFLICT_REASON_REQUIRED');
      const legacy = await http.put(
        '/api/citizens/me/conflicts',
        { institutionIds: [others[0]] },
        { token: attacker.token },
      );
      expect(legacy.status).toBe(400);
      expect(legacy.body.code).toBe('CONFLICT_REASON_REQUIRED');

      const attack = await http.put(
        '/api/citizens/me/conflicts',
        { conflicts: others.map((institutionId) => ({ institutionId, reason: 'Trabajo ahí.' })) },
        { token: attacker.token },
      );
      expect(attack.status).toBe(400);
      expect(attack.body).toMatchObject({ code: 'TOO_MANY_CONFLICTS', details: { declared: 11, max: 5 } });
      expect(attack.body.messages.es).toContain('máximo es 5');
      expect((await http.get('/api/citizens/me', { token: attacker.token })).body.conflicts).toEqual([]);

      const allowed = others.slice(0, 5).map((institutionId) => ({ institutionId, reason: 'Trabajo ahí.' }));
      const ok = await http.put('/api/citizens/me/conflicts', { conflicts: allowed }, { token: attacker.token });
      expect(ok.status).toBe(200);
      expect(Object.values(ok.body.conflictReasons)).toEqual([
        'Trabajo ahí.',
        'Trabajo ahí.',
        'Trabajo ahí.',
        'Trabajo ahí.',
        'Trabajo ahí.',
      ]);
      const got = await http.post(`/api/citizens/rounds/${roundId}/assignments`, { max: 3 }, { token: attacker.token });
      expect(got.status).toBe(200);
      for (const a of got.body.items as Array<{ institution: { id: string } }>)
        expect(others.slice(0, 5)).not.toContain(a.institution.id);
      void target;
    });

    it('a round whose limit is lower than the declared conflicts refuses assignments until they are trimmed', async () => {
      const other = await openRound('Límite bajo 2026', members);
      await t.ds.query('UPDATE round SET max_conflicts = 2 WHERE id = $1', [other]);
      const refused = await http.post(`/api/citizens/rounds/${other}/assignments`, {}, { token: attacker.token });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('TOO_MANY_CONFLICTS');
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM assignment WHERE round_id = $1', [other]);
      expect(n).toBe(0);
    });

    it('flags to the guarantor a validator whose refutation rate is an outlier for the municipality', async () => {
      const peers = [];
      for (let k = 0; k < 3; k++)
        peers.push(await registerVerified(`par-${k}-${randomBytes(3).toString('hex')}@example.org`));
      const insert = (
        validatorId: string,
        institutionId: string,
        question: string,
        verdict: string,
      ): Promise<unknown> =>
        t.ds.query(
          'INSERT INTO verdict (round_id, institution_id, validator_id, question_name, verdict) VALUES ($1, $2, $3, $4, $5)',
          [roundId, institutionId, validatorId, question, verdict],
        );
      const toluca = members.slice(0, 6);
      for (const p of peers)
        for (const [i, id] of toluca.entries())
          for (const q of ['q1', 'q2']) await insert(p.id, id, q, i === 0 && q === 'q1' ? 'refuted' : 'confirmed');
      for (const id of toluca) for (const q of ['q1', 'q2']) await insert(attacker.id, id, q, 'refuted');

      expect((await http.get(`/api/rounds/${roundId}/validators/outliers`, { token: analyst })).status).toBe(403);
      const flagged = await http.get(`/api/rounds/${roundId}/validators/outliers`, { token: staff.adminToken });
      expect(flagged.status).toBe(200);
      expect(flagged.body.items).toHaveLength(1);
      expect(flagged.body.items[0]).toMatchObject({
        validatorId: attacker.id,
        pseudonym: attacker.pseudonym,
        cvegeo: '15106',
        verdicts: 12,
        refuted: 12,
        basis: 'municipality',
      });
    });
  });
});
