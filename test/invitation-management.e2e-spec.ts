import { INestApplicationContext } from '@nestjs/common';
import { QUEUES, queueToken, type Queue } from '@apertura/queue';
import { startWorker } from '../apps/worker/src/main';
import { ReminderSweepService } from '../apps/worker/src/invitations/reminder-sweep.service';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken, Staff } from './support/fixtures';
import { client, Client } from './support/http';
import { ReceivedMail, startSmtp, TestSmtp } from './support/smtp';

/**
 * Issue #15, item 2 — invitations per institution as LimeSurvey users know them: the funnel per
 * institution with its mail state, resend, re-issue a link shown once, the round's address of an
 * institution, revoke; scheduled reminders (minimum days, maximum count, only non-submitters,
 * idempotent); the guarantor's own mail templates (validated, previewed, used by the worker).
 * Time is moved by handing the sweep a clock, never by waiting.
 */

const PUBLIC_URL = 'http://apertura.test';
const LINK = /http:\/\/apertura\.test\/responder\/([A-Za-z0-9_-]+)/;
const DAY = 86_400_000;

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

interface Inst {
  id: string;
  key: string;
  email: string;
  name: string;
  cvegeo: string;
}

describe('invitations per institution: funnel, resend, re-issue, address, revoke, reminders, templates', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;
  let other: Staff;
  let analyst: string;
  let mailQueue: Queue;
  let roundA: string;
  let roundB: string;
  const insts: Inst[] = [
    { id: '', key: 'a0', email: 'ut@toluca.example', name: 'Ayuntamiento de Toluca', cvegeo: '15106' },
    { id: '', key: 'a1', email: 'ut@metepec.example', name: 'Ayuntamiento de Metepec', cvegeo: '15054' },
    { id: '', key: 'a2', email: 'ut@dif-toluca.example', name: 'DIF Toluca', cvegeo: '15106' },
    { id: '', key: 'a3', email: 'ut@lerma.example', name: 'Ayuntamiento de Lerma', cvegeo: '15051' },
    { id: '', key: 'b0', email: 'ut@cuauhtemoc.example', name: 'Alcaldía Cuauhtémoc', cvegeo: '09015' },
    { id: '', key: 'b1', email: 'ut@coyoacan.example', name: 'Alcaldía Coyoacán', cvegeo: '09003' },
    { id: '', key: 'b2', email: 'ut@tlalpan.example', name: 'Alcaldía Tlalpan', cvegeo: '09012' },
  ];
  const [toluca, metepec, dif, lerma, cuauhtemoc, coyoacan, tlalpan] = insts;
  const admin = () => ({ token: staff.adminToken });
  const inv = (round: string, inst: Inst, action = '') => `/api/rounds/${round}/invitations/${inst.id}${action}`;

  /** Relay and mail queue have nothing left to do, so "no further mail" is a fact, not a timeout. */
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
  const mailsTo = (email: string): ReceivedMail[] => smtp.messages.filter((m) => m.to.includes(email));

  async function openRound(name: string, cveEnt: string): Promise<string> {
    const defaults = await http.post('/api/questionnaires/defaults', undefined, admin());
    const [institutionQ, citizenQ] = defaults.body.items;
    const created = await http.post(
      '/api/rounds',
      {
        name,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        institutionQuestionnaireId: institutionQ.id,
        citizenQuestionnaireId: citizenQ.id,
        universeSelection: { cveEnt: [cveEnt] },
      },
      admin(),
    );
    expect(created.status).toBe(201);
    expect((await http.post(`/api/rounds/${created.body.id}/open`, undefined, admin())).status).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ tag: 'invmgmt', env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    mailQueue = t.app.get<Queue>(queueToken(QUEUES.mail));
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
    analyst = await staffToken(http, staff.adminToken, 'analyst');
    const csv = [
      'key,name,type,level,cve_ent,cvegeo,email',
      ...insts.map((i) => `${i.key},${i.name},ayuntamiento,municipal,${i.cvegeo.slice(0, 2)},${i.cvegeo},${i.email}`),
    ].join('\n');
    expect((await http.post('/api/universe/import', { csv }, admin())).body.inserted).toBe(7);
    for (const i of insts)
      i.id = (
        await t.ds.query('SELECT id FROM institution WHERE guarantor_id = $1 AND key = $2', [staff.guarantorId, i.key])
      )[0].id;
    roundA = await openRound('Ronda de invitaciones', '15');
    roundB = await openRound('Ronda de recordatorios', '09');
    await smtp.waitFor(7);
    await settled();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('lists every institution with its funnel status and the state of its last mail, filtered and paginated', async () => {
    const page = await until(
      () => http.get(`/api/rounds/${roundA}/invitations`, { token: analyst }),
      (r) => r.body.items?.every((i: { mailOutcome: string }) => i.mailOutcome === 'sent'),
      'the four invitations to be sent',
    );
    expect(page.body.total).toBe(4);
    expect(page.body.items[0]).toMatchObject({
      status: 'mailed',
      mailOutcome: 'sent',
      mailError: null,
      revokedAt: null,
      emailOverridden: false,
      remindersQueued: 0,
    });

    expect(
      (await http.post('/api/respond/open', undefined, { invitation: tokenOf(mailsTo(toluca.email)[0]) })).status,
    ).toBe(200);
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status) SELECT $1, $2, institution_questionnaire_id, 'draft' FROM round WHERE id = $1`,
      [roundA, dif.id],
    );
    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
       SELECT $1, $2, institution_questionnaire_id, 'submitted', 1, '{}', now() FROM round WHERE id = $1`,
      [roundA, metepec.id],
    );
    const byStatus = async (status: string) =>
      (await http.get(`/api/rounds/${roundA}/invitations?status=${status}`, admin())).body.items.map(
        (i: { institutionId: string }) => i.institutionId,
      );
    expect(await byStatus('opened')).toEqual([toluca.id]);
    expect(await byStatus('draft')).toEqual([dif.id]);
    expect(await byStatus('submitted')).toEqual([metepec.id]);
    expect(await byStatus('mailed')).toEqual([lerma.id]);

    const search = await http.get(`/api/rounds/${roundA}/invitations?search=TOLUCA`, admin());
    expect(search.body.items.map((i: { institutionId: string }) => i.institutionId).sort()).toEqual(
      [toluca.id, dif.id].sort(),
    );
    // % and _ are taken literally.
    expect((await http.get(`/api/rounds/${roundA}/invitations?search=%25`, admin())).body.total).toBe(0);
    expect((await http.get(`/api/rounds/${roundA}/invitations?mail=sent`, admin())).body.total).toBe(4);
    expect((await http.get(`/api/rounds/${roundA}/invitations?mail=given_up`, admin())).body.total).toBe(0);
    const p2 = await http.get(`/api/rounds/${roundA}/invitations?page=2&pageSize=3`, admin());
    expect(p2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.body.items).toHaveLength(1);
    expect((await http.get(`/api/rounds/${roundA}/invitations?mail=nope`, admin())).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await http.get(`/api/rounds/${roundA}/invitations`, { token: other.adminToken })).status).toBe(404);
  });

  it('resends the same link to the institution, and only admins may', async () => {
    const before = mailsTo(lerma.email);
    expect(before).toHaveLength(1);
    expect((await http.post(inv(roundA, lerma, '/resend'), undefined, { token: analyst })).status).toBe(403);
    const r = await http.post(inv(roundA, lerma, '/resend'), undefined, admin());
    expect(r.status).toBe(202);
    expect(r.body.email).toBe(lerma.email);
    await until(
      async () => mailsTo(lerma.email).length,
      (n) => n === 2,
      'the resent invitation',
    );
    const [first, again] = mailsTo(lerma.email);
    expect(again.subject).toMatch(/^Invitación/);
    expect(tokenOf(again)).toBe(tokenOf(first));
    const [delivery] = await until(
      () =>
        t.ds.query('SELECT outcome, recipient, institution_id FROM mail_delivery WHERE event_id = $1', [
          r.body.eventId,
        ]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'sent',
      'the delivery row',
    );
    expect(delivery).toEqual({ outcome: 'sent', recipient: lerma.email, institution_id: lerma.id });
    const [audit] = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'invitation.resend'`);
    expect(audit.details).toMatchObject({ roundId: roundA, institutionId: lerma.id, email: lerma.email });
    // Another guarantor: 404 for every action on this round.
    expect((await http.post(inv(roundA, lerma, '/resend'), undefined, { token: other.adminToken })).status).toBe(404);
  });

  it("corrects an institution's address for this round only, validated and audited; mails follow it", async () => {
    const bad = await http.patch(inv(roundA, lerma), { email: 'no es correo' }, admin());
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    expect((await http.patch(inv(roundA, lerma), { email: 'nueva@lerma.example' }, { token: analyst })).status).toBe(
      403,
    );
    expect(
      (await http.patch(inv(roundA, lerma), { email: 'nueva@lerma.example' }, { token: other.adminToken })).status,
    ).toBe(404);

    const r = await http.patch(inv(roundA, lerma), { email: 'nueva@lerma.example' }, admin());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ institutionId: lerma.id, email: 'nueva@lerma.example', emailOverridden: true });
    // The universe keeps the institution's own address.
    expect((await t.ds.query('SELECT email FROM institution WHERE id = $1', [lerma.id]))[0].email).toBe(lerma.email);
    const [audit] = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'invitation.email'`);
    expect(audit.details).toMatchObject({ from: lerma.email, to: 'nueva@lerma.example' });

    await http.post(inv(roundA, lerma, '/resend'), undefined, admin());
    const [mail] = await until(
      async () => mailsTo('nueva@lerma.example'),
      (m) => m.length === 1,
      'the mail to the corrected address',
    );
    expect(tokenOf(mail)).toBe(tokenOf(mailsTo(lerma.email)[0]));
  });

  it('re-issues a link shown once: the old one stops working, the new one opens, nothing is mailed unless asked', async () => {
    await settled();
    const before = smtp.messages.length;
    const oldToken = tokenOf(mailsTo(lerma.email)[0]);
    expect((await http.post(inv(roundA, lerma, '/reissue'), {}, { token: analyst })).status).toBe(403);
    expect((await http.post(inv(roundA, lerma, '/reissue'), {}, { token: other.adminToken })).status).toBe(404);

    const r = await http.post(inv(roundA, lerma, '/reissue'), {}, admin());
    expect(r.status).toBe(201);
    expect(r.body.link).toMatch(/^http:\/\/apertura\.test\/responder\/[A-Za-z0-9_-]+$/);
    // The correction of the address goes with the new link.
    expect(r.body.invitation).toMatchObject({
      institutionId: lerma.id,
      status: 'pending',
      email: 'nueva@lerma.example',
      emailOverridden: true,
      mailOutcome: null,
    });
    const newToken = r.body.link.split('/').pop() as string;
    expect(newToken).not.toBe(oldToken);
    expect((await http.post('/api/respond/open', undefined, { invitation: oldToken })).body.code).toBe('INVALID_TOKEN');
    const opened = await http.post('/api/respond/open', undefined, { invitation: newToken });
    expect(opened.body.invitationId).toBe(r.body.invitation.invitationId);

    // Never stored in clear: not in the outbox, the audit log or the invitation rows.
    for (const [sql, what] of [
      ['SELECT count(*)::int AS n FROM outbox_event WHERE payload::text LIKE $1', 'outbox'],
      ['SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE $1', 'audit'],
      ['SELECT count(*)::int AS n FROM invitation WHERE token_hash LIKE $1', 'invitation'],
    ]) {
      expect({ what, n: (await t.ds.query(sql, [`%${newToken}%`]))[0].n }).toEqual({ what, n: 0 });
    }
    await settled();
    expect(smtp.messages.length).toBe(before);

    // Asked to mail it: the institution receives the new link.
    const mailed = await http.post(inv(roundA, lerma, '/reissue'), { sendMail: true }, admin());
    const [mail] = await until(
      async () => mailsTo('nueva@lerma.example').slice(1),
      (m) => m.length === 1,
      'the re-issued link by mail',
    );
    expect(mail.text).toContain(mailed.body.link);
    const [audit] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'invitation.reissue-link' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ institutionId: lerma.id, mailed: true });
  });

  it('revokes a link: status revoked, the link dead, resend and address refused with INVITATION_REVOKED until a new link', async () => {
    const token = tokenOf(mailsTo(toluca.email)[0]);
    expect((await http.post(inv(roundA, toluca, '/revoke'), undefined, { token: analyst })).status).toBe(403);
    expect((await http.post(inv(roundA, toluca, '/revoke'), undefined, { token: other.adminToken })).status).toBe(404);
    const r = await http.post(inv(roundA, toluca, '/revoke'), undefined, admin());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ institutionId: toluca.id, status: 'revoked' });
    expect(r.body.revokedAt).not.toBeNull();
    expect((await http.post('/api/respond/open', undefined, { invitation: token })).body.code).toBe('INVALID_TOKEN');
    const revoked = await http.get(`/api/rounds/${roundA}/invitations?status=revoked`, admin());
    expect(revoked.body.items.map((i: { institutionId: string }) => i.institutionId)).toEqual([toluca.id]);
    // Progress counts active invitations only.
    expect((await http.get(`/api/rounds/${roundA}/invitations/progress`, admin())).body.totals.invited).toBe(3);

    for (const res of [
      await http.post(inv(roundA, toluca, '/revoke'), undefined, admin()),
      await http.post(inv(roundA, toluca, '/resend'), undefined, admin()),
      await http.patch(inv(roundA, toluca), { email: 'x@toluca.example' }, admin()),
    ]) {
      expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({
        status: 409,
        code: 'INVITATION_REVOKED',
        field: 'institutionId',
      });
      expect(res.body.message).toBeTruthy();
    }
    // An institution the round never invited: 404.
    expect((await http.post(inv(roundA, cuauhtemoc, '/revoke'), undefined, admin())).status).toBe(404);

    const again = await http.post(inv(roundA, toluca, '/reissue'), {}, admin());
    expect(again.status).toBe(201);
    // The institution keeps what it did with the old link (it had opened it; the new link is fresh).
    expect(again.body.invitation).toMatchObject({ status: 'pending', revokedAt: null });
    const [audit] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'invitation.revoke' AND details->>'institutionId' = $1`,
      [toluca.id],
    );
    expect(audit.n).toBe(1);
  });

  it('scheduled reminders respect the minimum days and the maximum count, skip submitters, and queue each once', async () => {
    const sweeper = worker.get(ReminderSweepService);
    const settings = `/api/rounds/${roundB}/reminder-settings`;
    expect((await http.get(settings, { token: analyst })).body).toEqual({
      roundId: roundB,
      enabled: false,
      minDays: 7,
      maxCount: 3,
    });
    expect((await http.put(settings, { enabled: true, minDays: 7, maxCount: 2 }, { token: analyst })).status).toBe(403);
    expect(
      (await http.put(settings, { enabled: true, minDays: 7, maxCount: 2 }, { token: other.adminToken })).status,
    ).toBe(404);
    for (const bad of [
      { enabled: true, minDays: 0, maxCount: 2 },
      { enabled: true, minDays: 7, maxCount: 21 },
      { enabled: 'yes', minDays: 7, maxCount: 2 },
      { enabled: true, minDays: 1.5, maxCount: 2 },
    ]) {
      expect((await http.put(settings, bad, admin())).body.code).toBe('VALIDATION_FAILED');
    }
    // Disabled: nothing, however late.
    expect(await sweeper.sweep(new Date(Date.now() + 20 * DAY))).toBe(0);
    const saved = await http.put(settings, { enabled: true, minDays: 7, maxCount: 2 }, admin());
    expect(saved.body).toEqual({ roundId: roundB, enabled: true, minDays: 7, maxCount: 2 });
    expect(
      (await t.ds.query(`SELECT details FROM audit_log WHERE action = 'round.reminder-settings'`))[0].details,
    ).toMatchObject({ to: { enabled: true, maxCount: 2 } });

    await t.ds.query(
      `INSERT INTO response (round_id, institution_id, questionnaire_id, status, version, submitted, submitted_at)
       SELECT $1, $2, institution_questionnaire_id, 'submitted', 1, '{}', now() FROM round WHERE id = $1`,
      [roundB, coyoacan.id],
    );
    await settled();
    const now = Date.now();
    expect(await sweeper.sweep(new Date(now))).toBe(0);
    expect(await sweeper.sweep(new Date(now + 6 * DAY))).toBe(0);
    expect(await sweeper.sweep(new Date(now + 8 * DAY))).toBe(2);
    // The same moment again, in this worker and in a freshly started one (a restart): already counted.
    expect(await sweeper.sweep(new Date(now + 8 * DAY))).toBe(0);
    const restarted = await startWorker(t.env);
    try {
      expect(await restarted.get(ReminderSweepService).sweep(new Date(now + 8 * DAY))).toBe(0);
    } finally {
      await restarted.close();
    }
    await until(
      async () =>
        [...mailsTo(cuauhtemoc.email), ...mailsTo(tlalpan.email)].filter((m) => /^Recordatorio/.test(m.subject)).length,
      (n) => n === 2,
      'two reminders',
    );
    await settled();
    expect(mailsTo(coyoacan.email)).toHaveLength(1);
    const reminder = mailsTo(cuauhtemoc.email)[1];
    expect(tokenOf(reminder)).toBe(tokenOf(mailsTo(cuauhtemoc.email)[0]));
    const ledger = await t.ds.query(
      `SELECT outcome, count(*)::int AS n FROM mail_delivery WHERE round_id = $1 AND kind = 'invitation-reminder' GROUP BY outcome`,
      [roundB],
    );
    expect(ledger).toEqual([{ outcome: 'sent', n: 2 }]);

    // Too soon after the last reminder.
    expect(await sweeper.sweep(new Date(now + 14 * DAY))).toBe(0);
    // Two workers at the same moment: each reminder queued once.
    const both = await Promise.all([sweeper.sweep(new Date(now + 16 * DAY)), sweeper.sweep(new Date(now + 16 * DAY))]);
    expect(both[0] + both[1]).toBe(2);
    expect(await sweeper.sweep(new Date(now + 16 * DAY))).toBe(0);
    // Maximum reached.
    expect(await sweeper.sweep(new Date(now + 25 * DAY))).toBe(0);
    await settled();
    const list = await http.get(`/api/rounds/${roundB}/invitations?cvegeo=09015`, admin());
    expect(list.body.items[0]).toMatchObject({ remindersQueued: 2, reminderCount: 2, mailOutcome: 'sent' });
    // After the round's window nothing is scheduled.
    expect(await sweeper.sweep(new Date(now + 31 * DAY))).toBe(0);
  });

  it('refuses reminder settings on a closed or published round (nothing would be sent), changing nothing', async () => {
    const settings = `/api/rounds/${roundB}/reminder-settings`;
    const before = (await http.get(settings, admin())).body;
    const audits = async (): Promise<number> =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'round.reminder-settings'`))[0].n;
    const auditsBefore = await audits();
    try {
      for (const status of ['closed', 'published']) {
        await t.ds.query('UPDATE round SET status = $2 WHERE id = $1', [roundB, status]);
        const res = await http.put(settings, { enabled: !before.enabled, minDays: 9, maxCount: 1 }, admin());
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'ROUND_CLOSED', field: 'id' });
        expect(res.body.messages.es).toMatch(/recordatorios/);
        expect(res.body.messages.en).toMatch(/reminders/);
      }
      expect((await http.get(settings, admin())).body).toEqual(before);
      expect(await audits()).toBe(auditsBefore);
    } finally {
      await t.ds.query(`UPDATE round SET status = 'open' WHERE id = $1`, [roundB]);
    }
  });

  it("uses the guarantor's own templates: only whitelisted variables, no markup, previewed, escaped, and isolated per guarantor", async () => {
    const list = await http.get('/api/mail/templates', { token: analyst });
    expect(list.status).toBe(200);
    expect(list.body.variables).toEqual(['institution', 'round', 'guarantor', 'link', 'opens', 'deadline']);
    expect(
      list.body.items.map(
        (i: { kind: string; locale: string; custom: boolean }) => `${i.kind}:${i.locale}:${i.custom}`,
      ),
    ).toEqual(['invitation:es:false', 'invitation:en:false', 'reminder:es:false', 'reminder:en:false']);

    const base = {
      kind: 'invitation',
      locale: 'es',
      subject: 'Invitación {{round}} para {{institution}}',
      body: 'Hola {{institution}} & equipo "UT":\n\n{{link}}\n\nFecha límite: {{deadline}}.',
    };
    const refused: Array<[Record<string, string>, string, string]> = [
      [{ body: 'Hola {{nombre}} {{link}}' }, 'TEMPLATE_UNKNOWN_VARIABLE', 'body'],
      [{ subject: 'Hola {{token}}' }, 'TEMPLATE_UNKNOWN_VARIABLE', 'subject'],
      [{ body: '<script>alert(1)</script> {{link}}' }, 'TEMPLATE_UNSAFE', 'body'],
      [{ body: 'Vea <a href="https://mal.example">aquí</a> {{link}}' }, 'TEMPLATE_UNSAFE', 'body'],
      [{ subject: 'Su enlace {{link}}' }, 'TEMPLATE_UNSAFE', 'subject'],
      [{ body: 'Hola {{institution} {{link}}' }, 'TEMPLATE_UNSAFE', 'body'],
      [{ body: 'Hola {{institution}}, responda pronto.' }, 'TEMPLATE_LINK_REQUIRED', 'body'],
    ];
    for (const [change, code, field] of refused) {
      for (const path of ['/api/mail/templates/preview', '/api/mail/templates']) {
        const r = await http.request(path.endsWith('preview') ? 'POST' : 'PUT', path, { ...base, ...change }, admin());
        expect({ change, path, status: r.status, code: r.body.code, field: r.body.field }).toEqual({
          change,
          path,
          status: 400,
          code,
          field,
        });
      }
    }
    expect((await http.put('/api/mail/templates', { ...base, kind: 'welcome' }, admin())).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await http.put('/api/mail/templates', base, { token: analyst })).status).toBe(403);
    expect((await http.post('/api/mail/templates/preview', base, { token: analyst })).status).toBe(403);

    const preview = await http.post('/api/mail/templates/preview', base, admin());
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Invitación Diagnóstico de apertura 2026 para Ayuntamiento de Ejemplo');
    expect(preview.body.text).toContain('Hola Ayuntamiento de Ejemplo & equipo "UT":');
    expect(preview.body.html).toContain('Hola Ayuntamiento de Ejemplo &amp; equipo &quot;UT&quot;:');
    expect(preview.body.html).toContain('href="https://apertura.example/responder/ENLACE-DE-EJEMPLO"');
    // The English part is the built-in one until the guarantor saves its own.
    expect(preview.body.text).toContain('English: Invitation to answer the questionnaire');
    // A preview saves nothing.
    expect((await http.get('/api/mail/templates', admin())).body.items[0].custom).toBe(false);

    const saved = await http.put('/api/mail/templates', base, admin());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ kind: 'invitation', locale: 'es', custom: true, subject: base.subject });
    expect(
      (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'mail.template.save'`))[0].n,
    ).toBe(1);
    expect(
      (await http.get('/api/mail/templates', { token: other.adminToken })).body.items.every(
        (i: { custom: boolean }) => !i.custom,
      ),
    ).toBe(true);

    // The worker sends with it: the next invitation of this guarantor.
    await settled();
    await http.post(inv(roundB, tlalpan, '/resend'), undefined, admin());
    const mail = await until(
      async () => mailsTo(tlalpan.email).find((m) => m.subject.startsWith('Invitación Ronda de recordatorios')),
      Boolean,
      'the templated mail',
    );
    expect(mail?.subject).toBe('Invitación Ronda de recordatorios para Alcaldía Tlalpan');
    expect(mail?.text).toContain('Hola Alcaldía Tlalpan & equipo "UT":');
    expect(mail?.html).toContain('&amp; equipo &quot;UT&quot;');
    expect(tokenOf(mail as ReceivedMail)).toBe(tokenOf(mailsTo(tlalpan.email)[0]));

    const reset = await http.post('/api/mail/templates/reset', { kind: 'invitation', locale: 'es' }, admin());
    expect(reset.body).toMatchObject({ custom: false, updatedAt: null });
    expect(reset.body.subject).toMatch(/^Invitación a responder el cuestionario/);
    expect((await http.get('/api/mail/templates', admin())).body.items[0].custom).toBe(false);
  });
});
