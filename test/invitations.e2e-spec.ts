import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { loadEnv } from '@apertura/config';
import { RoundEntity, dataSourceOptions } from '@apertura/db';
import { JOBS, QUEUES, queueToken, type Queue } from '@apertura/queue';
import { deriveToken, hashToken } from '@apertura/config';
import { AuditService } from '../apps/api/src/common/audit/audit.service';
import { GuarantorsService } from '../apps/api/src/guarantors/guarantors.service';
import { ListInvitationsQueryDto, ProgressQueryDto } from '../apps/api/src/invitations/dto/invitation.dto';
import { InvitationsService } from '../apps/api/src/invitations/invitations.service';
import { OutboxService } from '../apps/api/src/common/outbox/outbox.service';
import { RoundsRepository } from '../apps/api/src/common/rounds/rounds.repository';
import { InvitationsRepository } from '../apps/api/src/invitations/invitations.repository';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/db';
import { guarantorWithAdmin, staffToken, Staff } from './support/fixtures';
import { client, Client } from './support/http';
import { ReceivedMail, startSmtp, TestSmtp } from './support/smtp';

const PUBLIC_URL = 'http://apertura.test';
const LINK = /http:\/\/apertura\.test\/responder\/([A-Za-z0-9_-]+)/;

interface Inst {
  id: string;
  email: string;
  name: string;
  cvegeo: string;
}

const tokenOf = (mail: ReceivedMail): string => {
  const m = LINK.exec(mail.text);
  if (!m) throw new Error(`no invitation link in: ${mail.text}`);
  return m[1];
};

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('invitations: mail through the outbox, links, progress, reminders', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let analyst: string;
  let mailQueue: Queue;
  let round: RoundEntity;
  let insts: Inst[];

  /** Waits until the relay and the mail worker have nothing left to do (so "no more mails" is a fact, not a timeout). */
  const settled = async (): Promise<void> => {
    await until(
      async () => {
        const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL');
        const c = await mailQueue.getJobCounts();
        return n + c.waiting + c.active + c.delayed;
      },
      (pending) => pending === 0,
      'outbox and mail queue to drain',
    );
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    mailQueue = t.app.get<Queue>(queueToken(QUEUES.mail));
    staff = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');

    insts = [
      { id: '', email: 'transparencia@toluca.example', name: 'Ayuntamiento de Toluca', cvegeo: '15106' },
      { id: '', email: 'ut@metepec.example', name: 'Ayuntamiento de Metepec', cvegeo: '15054' },
      { id: '', email: 'ut@dif-toluca.example', name: 'DIF Toluca', cvegeo: '15106' },
      { id: '', email: 'ut@cuauhtemoc.example', name: 'Alcaldía Cuauhtémoc', cvegeo: '09015' },
    ];
    const csv = [
      'key,name,type,level,cve_ent,cvegeo,email',
      ...insts.map((i, n) => `k${n},${i.name},ayuntamiento,municipal,${i.cvegeo.slice(0, 2)},${i.cvegeo},${i.email}`),
    ].join('\n');
    const imported = await http.post('/api/universe/import', { csv }, { token: staff.adminToken });
    expect(imported.body.inserted).toBe(4);
    for (const [n, i] of insts.entries()) {
      i.id = (
        await t.ds.query('SELECT id FROM institution WHERE guarantor_id = $1 AND key = $2', [
          staff.guarantorId,
          `k${n}`,
        ])
      )[0].id;
    }
    const defaults = await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken });
    const [institutionQ, citizenQ] = defaults.body.items;
    const created = await http.post(
      '/api/rounds',
      {
        name: 'Diagnóstico de prueba 2026',
        opensAt: new Date(Date.now() - 86400_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        institutionQuestionnaireId: institutionQ.id,
        citizenQuestionnaireId: citizenQ.id,
        universeSelection: { cveEnt: ['15', '09'] },
      },
      { token: staff.adminToken },
    );
    expect(created.status).toBe(201);
    const opened = await http.post(`/api/rounds/${created.body.id}/open`, undefined, { token: staff.adminToken });
    expect(opened.status).toBe(200);
    round = await t.ds.getRepository(RoundEntity).findOneByOrFail({ id: created.body.id });
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('stores only token hashes and mails one invitation per institution with a working link', async () => {
    const rows: Array<{ id: string; token_hash: string }> = await t.ds.query(
      'SELECT id, token_hash FROM invitation WHERE round_id = $1',
      [round.id],
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.token_hash).toBe(hashToken(deriveToken(t.env.TOKEN_SECRET, 'invitation', r.id)));
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'mail.invitation' AND payload::text LIKE '%token%'`,
    );
    expect(n).toBe(0);

    const mails = await smtp.waitFor(4);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(insts.map((i) => i.email).sort());
    const toluca = mails.find((m) => m.to[0] === insts[0].email) as ReceivedMail;
    expect(toluca.subject).toMatch(/^Invitación/);
    expect(toluca.text).toContain('Ayuntamiento de Toluca');
    expect(toluca.text).toContain('Diagnóstico de prueba 2026');
    expect(toluca.html).toContain(`href="${PUBLIC_URL}/responder/${tokenOf(toluca)}"`);

    const opened = await http.post('/api/respond/open', undefined, { invitation: tokenOf(toluca) });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      roundId: round.id,
      institutionId: insts[0].id,
      institutionName: 'Ayuntamiento de Toluca',
      roundStatus: 'open',
    });
    const again = await http.post('/api/respond/open', undefined, { invitation: tokenOf(toluca) });
    expect(again.body.openedAt).toBe(opened.body.openedAt);

    const forged = await http.post('/api/respond/open', undefined, { invitation: tokenOf(toluca).slice(0, -2) + 'xx' });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('INVALID_TOKEN');
  });

  it('shows progress: totals, per state and per municipality', async () => {
    const p = await until(
      () => http.get(`/api/rounds/${round.id}/invitations/progress`, { token: analyst }),
      (r) => r.body?.totals?.mailed === 4,
      'all invitations marked mailed',
    );
    expect(p.status).toBe(200);
    expect(p.body.totals).toEqual({ invited: 4, mailed: 4, opened: 1, draft: 0, submitted: 0 });
    expect(p.body.states).toEqual([
      expect.objectContaining({ cveEnt: '09', invited: 1, opened: 0 }),
      expect.objectContaining({ cveEnt: '15', name: 'México', invited: 3, opened: 1 }),
    ]);
    expect(p.body.municipalities).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(p.body.municipalities.items.map((m: { cvegeo: string }) => m.cvegeo)).toEqual(['09015', '15054', '15106']);
    expect(p.body.municipalities.items[2]).toMatchObject({ name: 'Toluca', invited: 2, mailed: 2, opened: 1 });

    const page2 = await http.get(`/api/rounds/${round.id}/invitations/progress?cveEnt=15&page=2&pageSize=1`, {
      token: analyst,
    });
    expect(page2.body.municipalities).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
      items: [expect.objectContaining({ cvegeo: '15106' })],
    });

    const list = await http.get(`/api/rounds/${round.id}/invitations?status=opened`, { token: analyst });
    expect(list.body).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ institutionId: insts[0].id, status: 'opened', email: insts[0].email })],
    });
    const mailed = await http.get(`/api/rounds/${round.id}/invitations?status=mailed&cveEnt=15`, { token: analyst });
    expect(mailed.body.total).toBe(2);

    const other = await guarantorWithAdmin(t.ds, http);
    expect((await http.get(`/api/rounds/${round.id}/invitations/progress`, { token: other.adminToken })).status).toBe(
      404,
    );
    expect((await http.get(`/api/rounds/${round.id}/invitations?status=nope`, { token: analyst })).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('reminds only institutions that have not submitted', async () => {
    await settled();
    const before = smtp.messages.length;
    // Metepec submitted; DIF Toluca has a draft (still a non-responder).
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
       VALUES ($1, $2, $3, 'submitted', 1, '{}', now())`,
      [round.id, insts[1].id, round.institutionQuestionnaireId],
    );
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status) VALUES ($1, $2, $3, 'draft')`,
      [round.id, insts[2].id, round.institutionQuestionnaireId],
    );

    expect((await http.post(`/api/rounds/${round.id}/reminders`, {}, { token: analyst })).status).toBe(403);
    const sent = await http.post(`/api/rounds/${round.id}/reminders`, {}, { token: staff.adminToken });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ count: 3 });

    await smtp.waitFor(before + 3);
    await settled();
    const reminders = smtp.messages.slice(before);
    expect(reminders).toHaveLength(3);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual([insts[0].email, insts[2].email, insts[3].email].sort());
    for (const m of reminders) {
      expect(m.subject).toMatch(/^Recordatorio/);
      expect(m.text).toMatch(/aún no ha enviado/);
    }
    // The reminder carries the same link as the invitation.
    const first = smtp.messages.slice(0, before).find((m) => m.to[0] === insts[0].email) as ReceivedMail;
    expect(tokenOf(reminders.find((m) => m.to[0] === insts[0].email) as ReceivedMail)).toBe(tokenOf(first));

    const subset = await http.post(
      `/api/rounds/${round.id}/reminders`,
      { institutionIds: [insts[1].id, insts[3].id] },
      { token: staff.adminToken },
    );
    expect(subset.body).toEqual({ count: 1 });
    await smtp.waitFor(before + 4);
    await settled();
    expect(smtp.messages.slice(before + 3).map((m) => m.to[0])).toEqual([insts[3].email]);

    const list = await http.get(`/api/rounds/${round.id}/invitations?cvegeo=09015`, { token: staff.adminToken });
    expect(list.body.items[0]).toMatchObject({ reminderCount: 2, status: 'mailed' });
    expect(list.body.items[0].lastRemindedAt).not.toBeNull();
    const p = await http.get(`/api/rounds/${round.id}/invitations/progress`, { token: staff.adminToken });
    expect(p.body.totals).toEqual({ invited: 4, mailed: 4, opened: 1, draft: 1, submitted: 1 });
    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'invitation.remind' ORDER BY id LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ count: 3 });
  });

  it('sends nothing twice when a mail job is delivered again', async () => {
    await settled();
    const before = smtp.messages.length;
    const delivered: Array<{ event_id: string; invitation_id: string; reminder: boolean }> = await t.ds.query(
      `SELECT d.event_id::text AS event_id, e.payload->>'invitationId' AS invitation_id, (e.payload->>'reminder')::boolean AS reminder
       FROM mail_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE d.outcome = 'sent' ORDER BY d.event_id LIMIT 2`,
    );
    expect(delivered).toHaveLength(2);
    const results: unknown[] = [];
    for (const d of delivered) {
      const job = await mailQueue.add(
        JOBS.sendInvitation,
        { invitationId: d.invitation_id, reminder: d.reminder, eventId: d.event_id },
        { jobId: `redelivery-${d.event_id}` },
      );
      results.push(await job.finished());
    }
    expect(results).toEqual(['duplicate', 'duplicate']);
    // Two copies of one event at the same time: one mail.
    // An event the relay will not touch (already marked), delivered by hand twice.
    const [{ id: fresh }] = await t.ds.query(
      `INSERT INTO outbox_event (type, payload, dispatched_at) VALUES ('mail.invitation', $1, now()) RETURNING id::text AS id`,
      [JSON.stringify({ invitationId: delivered[0].invitation_id, reminder: true })],
    );
    const twins = await Promise.all(
      ['a', 'b'].map((s) =>
        mailQueue.add(
          JOBS.sendInvitation,
          { invitationId: delivered[0].invitation_id, reminder: true, eventId: fresh },
          { jobId: `twin-${s}` },
        ),
      ),
    );
    expect((await Promise.all(twins.map((j) => j.finished()))).sort()).toEqual(['duplicate', 'sent']);
    await settled();
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('revokes and reissues a link: the old one stops working, the new one is mailed', async () => {
    await settled();
    const before = smtp.messages.length;
    const oldToken = tokenOf(smtp.messages.find((m) => m.to[0] === insts[3].email) as ReceivedMail);
    expect(
      (
        await http.post(`/api/rounds/${round.id}/invitations/${insts[3].id}/revoke-and-reissue`, undefined, {
          token: analyst,
        })
      ).status,
    ).toBe(403);
    const r = await http.post(`/api/rounds/${round.id}/invitations/${insts[3].id}/revoke-and-reissue`, undefined, {
      token: staff.adminToken,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ institutionId: insts[3].id, status: 'pending', reminderCount: 0 });

    expect((await http.post('/api/respond/open', undefined, { invitation: oldToken })).body.code).toBe('INVALID_TOKEN');
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to).toEqual([insts[3].email]);
    expect(mail.subject).toMatch(/^Invitación/);
    const newToken = tokenOf(mail);
    expect(newToken).not.toBe(oldToken);
    const opened = await http.post('/api/respond/open', undefined, { invitation: newToken });
    expect(opened.status).toBe(200);
    expect(opened.body.invitationId).toBe(r.body.invitationId);

    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'invitation.reissue' AND entity_id = $1`,
      [r.body.invitationId],
    );
    expect(audit.details).toMatchObject({ institutionId: insts[3].id });
    const missing = await http.post(
      `/api/rounds/${round.id}/invitations/${randomUUID()}/revoke-and-reissue`,
      undefined,
      { token: staff.adminToken },
    );
    expect(missing.status).toBe(404);

    // A job for the revoked invitation is a permanent error: discarded, not retried.
    const revoked: Array<{ id: string }> = await t.ds.query(
      'SELECT id FROM invitation WHERE institution_id = $1 AND revoked_at IS NOT NULL',
      [insts[3].id],
    );
    const job = await mailQueue.add(
      JOBS.sendInvitation,
      { invitationId: revoked[0].id, reminder: false, eventId: '999999' },
      { jobId: 'revoked-1', attempts: 5 },
    );
    await expect(job.finished()).rejects.toThrow(/revoked/);
    expect((await mailQueue.getJob('revoked-1'))?.attemptsMade).toBe(1);
  });

  it('mails e-mail verification links for citizens', async () => {
    await settled();
    const before = smtp.messages.length;
    const [user] = await t.ds.query(
      `INSERT INTO app_user (email, role) VALUES ('ciudadana@example.org', 'citizen_validator') RETURNING id`,
    );
    const verificationId = randomUUID();
    const token = deriveToken(t.env.TOKEN_SECRET, 'verify', verificationId);
    await t.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO email_verification (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
        [verificationId, user.id, hashToken(token)],
      );
      await m.query(`INSERT INTO outbox_event (type, payload) VALUES ('mail.verify-email', $1)`, [
        JSON.stringify({ verificationId }),
      ]);
    });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to).toEqual(['ciudadana@example.org']);
    expect(mail.text).toContain(`${PUBLIC_URL}/verificar/${token}`);
  });
});

describe('invitations at scale', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('invites 15,000 institutions set-based in the opening transaction, and again without duplicates', async () => {
    const env = loadEnv({ NODE_ENV: 'test', DATABASE_URL: db.url });
    const service = new InvitationsService(
      ds,
      new RoundsRepository(ds),
      new InvitationsRepository(),
      new OutboxService(),
      new AuditService(),
      env,
    );
    const { guarantor } = await new GuarantorsService(ds).create({
      slug: 'escala',
      name: 'Escala',
      cveEnt: null,
      adminEmail: 'a@escala.example',
      adminPassword: 'correct horse battery staple',
    });
    const [q] = await ds.query(
      `INSERT INTO questionnaire (guarantor_id, kind, slug, version, title, definition, checksum) VALUES ($1, 'institution', 'q', 1, 'Q', '{}', repeat('a', 64)) RETURNING id`,
      [guarantor.id],
    );
    const ids: Array<{ id: string }> = await ds.query(
      `INSERT INTO institution (guarantor_id, key, name, type, level, cve_ent, cvegeo, email)
       SELECT $1, 'k' || g, 'Institución ' || g, 'ayuntamiento', 'municipal', m.cve_ent, m.cvegeo, 'ut' || g || '@example.org'
       FROM generate_series(1, 15000) g JOIN (SELECT cvegeo, cve_ent, row_number() OVER (ORDER BY cvegeo) AS rn FROM municipality) m ON m.rn = 1 + g % 2469
       RETURNING id`,
      [guarantor.id],
    );
    const round = await ds.getRepository(RoundEntity).save({
      guarantorId: guarantor.id,
      name: 'Escala',
      status: 'open',
      opensAt: new Date(),
      closesAt: new Date(Date.now() + 86400_000),
      institutionQuestionnaireId: q.id,
      citizenQuestionnaireId: q.id,
    });
    const institutionIds = ids.map((r) => r.id);
    await ds.transaction((m) => service.createForRound(m, round, institutionIds));
    await ds.transaction((m) => service.createForRound(m, round, institutionIds.slice(0, 100)));
    const [counts] = await ds.query(
      `SELECT (SELECT count(*)::int FROM invitation WHERE round_id = $1) AS invitations,
              (SELECT count(DISTINCT token_hash)::int FROM invitation WHERE round_id = $1) AS hashes,
              (SELECT count(*)::int FROM outbox_event WHERE type = 'mail.invitation') AS events,
              (SELECT count(DISTINCT payload->>'invitationId')::int FROM outbox_event) AS invited`,
      [round.id],
    );
    expect(counts).toEqual({ invitations: 15000, hashes: 15000, events: 15000, invited: 15000 });

    const actor = { kind: 'user' as const, userId: randomUUID(), role: 'analyst' as const, guarantorId: guarantor.id };
    const progress = await service.progress(actor, round.id, Object.assign(new ProgressQueryDto(), { pageSize: 200 }));
    expect(progress.totals).toEqual({ invited: 15000, mailed: 0, opened: 0, draft: 0, submitted: 0 });
    expect(progress.states.reduce((n, s) => n + s.invited, 0)).toBe(15000);
    expect(progress.municipalities).toMatchObject({ total: 2469, pageSize: 200 });
    expect(progress.municipalities.items).toHaveLength(200);
    const page = await service.list(
      actor,
      round.id,
      Object.assign(new ListInvitationsQueryDto(), { status: 'pending', page: 3 }),
    );
    expect(page).toMatchObject({ total: 15000, page: 3, pageSize: 50 });
    expect(page.items).toHaveLength(50);
  });
});
