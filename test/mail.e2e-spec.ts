import { INestApplicationContext } from '@nestjs/common';
import { spawn } from 'child_process';
import { join } from 'path';
import { JOBS, QUEUES, queueToken, type Queue } from '@apertura/queue';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, staffToken, Staff, TEST_PASSWORD } from './support/fixtures';
import { client, Client } from './support/http';
import { startSmtp, TestSmtp } from './support/smtp';

/**
 * Issue #15, item 1 — mail never vanishes: every message ends in a visible state (sent, or failed and
 * given up with the SMTP server's reason), the console and /health/ready show the failures, development
 * mail is caught and listed, and production refuses to start without a real SMTP server.
 */

const ROOT = join(__dirname, '..');
const PUBLIC_URL = 'http://apertura.test';

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Imports `emails.length` institutions of the state of México, opens a round with them; returns the round id. */
async function openRoundFor(http: Client, staff: Staff, emails: string[]): Promise<string> {
  const csv = [
    'key,name,type,level,cve_ent,cvegeo,email',
    ...emails.map((e, n) => `m${n},Institución ${n},ayuntamiento,municipal,15,15106,${e}`),
  ].join('\n');
  expect((await http.post('/api/universe/import', { csv }, { token: staff.adminToken })).status).toBe(200);
  const defaults = await http.post('/api/questionnaires/defaults', undefined, { token: staff.adminToken });
  const [institutionQ, citizenQ] = defaults.body.items;
  const created = await http.post(
    '/api/rounds',
    {
      name: 'Ronda de correo',
      opensAt: new Date(Date.now() - 86400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      institutionQuestionnaireId: institutionQ.id,
      citizenQuestionnaireId: citizenQ.id,
      universeSelection: { cveEnt: ['15'] },
    },
    { token: staff.adminToken },
  );
  expect(created.status).toBe(201);
  expect((await http.post(`/api/rounds/${created.body.id}/open`, undefined, { token: staff.adminToken })).status).toBe(
    200,
  );
  return created.body.id;
}

describe('mail: a refusing SMTP server leaves failed and given-up rows with its reason', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;

  beforeAll(async () => {
    smtp = await startSmtp({ code: 550, message: '5.1.1 Mailbox unavailable (test server)' });
    t = await startTestApp({ tag: 'mail', env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('a permanent refusal gives up at once, with the answer, in the console and in /health/ready', async () => {
    const roundId = await openRoundFor(http, staff, ['ut@uno.example', 'ut@dos.example']);
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    const page = await until(
      async () => (await http.get(`/api/mail/deliveries?roundId=${roundId}`, { token: analyst })).body,
      (b) => b.counts?.given_up === 2,
      'both invitations to be given up',
    );
    expect(page.counts).toMatchObject({ queued: 0, sent: 0, failed: 0, given_up: 2 });
    expect(page.items.map((d: { recipient: string }) => d.recipient).sort()).toEqual([
      'ut@dos.example',
      'ut@uno.example',
    ]);
    for (const d of page.items) {
      expect(d).toMatchObject({ kind: 'invitation', outcome: 'given_up', attempts: 1, roundId, sentAt: null });
      expect(d.lastError).toMatch(/550.*Mailbox unavailable \(test server\)/);
      expect(d.institutionName).toMatch(/^Institución/);
    }
    expect(smtp.messages).toHaveLength(0);

    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.mail).toMatchObject({ status: 'up', givenUp24h: 2 });
    expect(ready.body.details.mail.warning).toMatch(/mail failures/);

    // Another guarantor's staff see none of it.
    const other = await guarantorWithAdmin(t.ds, http);
    expect((await http.get(`/api/mail/deliveries?roundId=${roundId}`, { token: other.adminToken })).status).toBe(404);
    expect((await http.get('/api/mail/deliveries', { token: other.adminToken })).body.total).toBe(0);
  });

  it('a temporary refusal is retried, recorded on each attempt, and given up with its reason when Bull stops', async () => {
    smtp.refuse = { code: 451, message: '4.7.1 Try again later (test server)' };
    // A test mail whose job we add ourselves with two quick attempts (the relay's default is eight over a minute).
    const [event] = await t.ds.query(
      `INSERT INTO outbox_event (type, payload, dispatched_at) VALUES ('mail.test', $1::jsonb, now()) RETURNING id::text AS id`,
      [JSON.stringify({ to: 'prueba@uno.example', guarantorId: staff.guarantorId })],
    );
    expect(
      await t.ds.query('SELECT kind, outcome, recipient, guarantor_id FROM mail_delivery WHERE event_id = $1', [
        event.id,
      ]),
    ).toEqual([{ kind: 'test', outcome: 'queued', recipient: 'prueba@uno.example', guarantor_id: staff.guarantorId }]);
    const mailQueue = t.app.get<Queue>(queueToken(QUEUES.mail));
    await mailQueue.add(
      JOBS.sendTestMail,
      { to: 'prueba@uno.example', guarantorId: staff.guarantorId, eventId: event.id },
      { jobId: `mail:${event.id}`, attempts: 2, backoff: 50 },
    );
    const [row] = await until(
      () => t.ds.query('SELECT outcome, attempts, last_error FROM mail_delivery WHERE event_id = $1', [event.id]),
      (rows: Array<{ outcome: string; attempts: number; last_error: string }>) => rows[0]?.outcome === 'given_up',
      'the test mail to be given up',
    );
    expect(row.attempts).toBe(2);
    expect(row.last_error).toMatch(/451.*Try again later/);
    expect((await http.get('/health/ready')).body.details.mail.givenUp24h).toBe(3);

    // Once the server accepts, the console's test mail goes through and ends sent.
    smtp.refuse = null;
    const queued = await http.post('/api/mail/test', {}, { token: staff.adminToken });
    expect(queued.status).toBe(202);
    expect(queued.body.to).toBe(staff.adminEmail);
    const mails = await smtp.waitFor(1);
    expect(mails[0]).toMatchObject({ to: [staff.adminEmail], subject: 'Correo de prueba — Apertura' });
    await until(
      () =>
        t.ds.query('SELECT outcome, attempts, sent_at IS NOT NULL AS sent FROM mail_delivery WHERE event_id = $1', [
          queued.body.eventId,
        ]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'sent',
      'the test mail to be sent',
    );
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    expect((await http.post('/api/mail/test', {}, { token: analyst })).status).toBe(403);
  });

  it('a mail event the relay cannot turn into a job ends given up with the reason', async () => {
    const [event] = await t.ds.query(
      `INSERT INTO outbox_event (type, payload) VALUES ('mail.test', $1::jsonb) RETURNING id::text AS id`,
      [
        // `to` misspelt: the relay's mapping refuses it.
        JSON.stringify({ recipient: 'x@uno.example', guarantorId: staff.guarantorId }),
      ],
    );
    const [row] = await until(
      () => t.ds.query('SELECT outcome, last_error FROM mail_delivery WHERE event_id = $1', [event.id]),
      (rows: Array<{ outcome: string; last_error: string }>) => rows[0]?.outcome === 'given_up',
      'the malformed event to be given up',
    );
    expect(row.last_error).toBe('not sent: malformed payload for mail.test');
  });

  it('staff re-send a given-up mail once the server accepts: a new delivery row, the old one ends resent', async () => {
    smtp.refuse = { code: 550, message: '5.1.1 Mailbox unavailable (test server)' };
    const queued = await http.post('/api/mail/test', { to: 'reenvio@uno.example' }, { token: staff.adminToken });
    expect(queued.status).toBe(202);
    const oldId: string = queued.body.eventId;
    await until(
      () => t.ds.query('SELECT outcome FROM mail_delivery WHERE event_id = $1', [oldId]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'given_up',
      'the test mail to be given up',
    );
    const givenUpBefore: number = (await http.get('/health/ready')).body.details.mail.givenUp24h;

    // Who may: the guarantor's admin only; another guarantor does not see the mail.
    const analyst = await staffToken(http, staff.adminToken, 'analyst');
    expect((await http.post(`/api/mail/deliveries/${oldId}/resend`, undefined, { token: analyst })).status).toBe(403);
    const other = await guarantorWithAdmin(t.ds, http);
    expect(
      (await http.post(`/api/mail/deliveries/${oldId}/resend`, undefined, { token: other.adminToken })).body.code,
    ).toBe('NOT_FOUND');
    expect((await http.post('/api/mail/deliveries/abc/resend', undefined, { token: staff.adminToken })).body.code).toBe(
      'VALIDATION_FAILED',
    );

    smtp.refuse = null;
    const before = smtp.messages.length;
    const resent = await http.post(`/api/mail/deliveries/${oldId}/resend`, undefined, { token: staff.adminToken });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ resentFrom: oldId, to: 'reenvio@uno.example' });
    const newId: string = resent.body.eventId;
    expect(newId).not.toBe(oldId);
    await smtp.waitFor(before + 1);
    expect(smtp.messages[before]).toMatchObject({
      to: ['reenvio@uno.example'],
      subject: 'Correo de prueba — Apertura',
    });
    await until(
      () => t.ds.query('SELECT outcome FROM mail_delivery WHERE event_id = $1', [newId]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'sent',
      'the re-sent mail to be sent',
    );
    const list = await http.get('/api/mail/deliveries?outcome=resent', { token: staff.adminToken });
    expect(list.body.items).toEqual([
      expect.objectContaining({ eventId: oldId, outcome: 'resent', resentAs: newId, attempts: 1 }),
    ]);
    expect(list.body.items[0].lastError).toMatch(/550.*Mailbox unavailable/);
    const sent = await http.get('/api/mail/deliveries?outcome=sent', { token: staff.adminToken });
    expect(sent.body.items.find((d: { eventId: string }) => d.eventId === newId)).toMatchObject({
      resentFrom: oldId,
      recipient: 'reenvio@uno.example',
    });
    // No longer trouble: the readiness probe counts one given-up mail less.
    expect((await http.get('/health/ready')).body.details.mail.givenUp24h).toBe(givenUpBefore - 1);

    // Audited; and neither the re-sent nor the sent one can be re-sent again.
    const [audit] = await t.ds.query(`SELECT action, entity_id, details FROM audit_log WHERE action = 'mail.resend'`);
    expect(audit).toMatchObject({
      action: 'mail.resend',
      entity_id: newId,
      details: { resentFrom: oldId, kind: 'test', previousOutcome: 'given_up' },
    });
    const again = await http.post(`/api/mail/deliveries/${oldId}/resend`, undefined, { token: staff.adminToken });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'MAIL_NOT_RESENDABLE' });
    const ofSent = await http.post(`/api/mail/deliveries/${newId}/resend`, undefined, { token: staff.adminToken });
    expect(ofSent.status).toBe(409);
    expect(ofSent.body.code).toBe('MAIL_ALREADY_SENT');
  });

  it('a staff invitation that did not leave is re-sent to the same guarantor, with its link', async () => {
    smtp.refuse = { code: 550, message: '5.1.1 Mailbox unavailable (test server)' };
    const invited = await http.post(
      '/api/users/invite',
      { email: 'nuevo.analista@uno.example', role: 'analyst' },
      { token: staff.adminToken },
    );
    expect(invited.status).toBeLessThan(300);
    const failed = await until(
      async () => (await http.get('/api/mail/deliveries?outcome=given_up', { token: staff.adminToken })).body,
      (b) => b.items?.some((d: { kind: string }) => d.kind === 'staff-invite'),
      'the staff invitation to be given up',
    );
    const old = failed.items.find((d: { kind: string }) => d.kind === 'staff-invite');
    smtp.refuse = null;
    const before = smtp.messages.length;
    const resent = await http.post(`/api/mail/deliveries/${old.eventId}/resend`, undefined, {
      token: staff.adminToken,
    });
    expect(resent.status).toBe(202);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to).toEqual(['nuevo.analista@uno.example']);
    expect(mail.text).toMatch(/\/activar\/[A-Za-z0-9_-]+/);
    // The copy belongs to the same guarantor (the trigger scopes staff invitations), so it is listed and sent.
    const row = await until(
      () =>
        t.ds.query('SELECT outcome, guarantor_id, recipient FROM mail_delivery WHERE event_id = $1', [
          resent.body.eventId,
        ]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'sent',
      'the re-sent staff invitation to be sent',
    );
    expect(row[0]).toEqual({
      outcome: 'sent',
      guarantor_id: staff.guarantorId,
      recipient: 'nuevo.analista@uno.example',
    });
  });

  it('re-sending a mail that is still being retried: the pending retry of the old one sends nothing', async () => {
    smtp.refuse = { code: 451, message: '4.7.1 Try again later (test server)' };
    const [event] = await t.ds.query(
      `INSERT INTO outbox_event (type, payload, dispatched_at) VALUES ('mail.test', $1::jsonb, now()) RETURNING id::text AS id`,
      [JSON.stringify({ to: 'reintento@uno.example', guarantorId: staff.guarantorId })],
    );
    const mailQueue = t.app.get<Queue>(queueToken(QUEUES.mail));
    // A long enough backoff that the re-send happens between the two attempts; kept when done, to read its state.
    const job = await mailQueue.add(
      JOBS.sendTestMail,
      { to: 'reintento@uno.example', guarantorId: staff.guarantorId, eventId: event.id },
      { jobId: `mail:${event.id}`, attempts: 2, backoff: 3000, removeOnComplete: false },
    );
    await until(
      () => t.ds.query('SELECT outcome FROM mail_delivery WHERE event_id = $1', [event.id]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'failed',
      'the first attempt to fail',
    );
    const before = smtp.messages.length;
    const resent = await http.post(`/api/mail/deliveries/${event.id}/resend`, undefined, { token: staff.adminToken });
    expect(resent.status).toBe(202);
    // Only now does the server accept: whenever the old job's retry runs, it cannot have sent the old row.
    smtp.refuse = null;
    await until(
      () => job.getState(),
      (state) => state === 'completed' || state === 'failed',
      'the old job’s retry to finish',
    );
    await until(
      () => t.ds.query('SELECT outcome FROM mail_delivery WHERE event_id = $1', [resent.body.eventId]),
      (rows: Array<{ outcome: string }>) => rows[0]?.outcome === 'sent',
      'the re-sent mail to be sent',
    );
    expect(smtp.messages.slice(before).filter((m) => m.to.includes('reintento@uno.example'))).toHaveLength(1);
    expect(
      await t.ds.query('SELECT outcome, resent_as::text AS resent_as FROM mail_delivery WHERE event_id = $1', [
        event.id,
      ]),
    ).toEqual([{ outcome: 'resent', resent_as: resent.body.eventId }]);
  });
});

describe('mail: the development catcher', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;

  beforeAll(async () => {
    // No SMTP_URL outside production: the worker runs the embedded catcher.
    t = await startTestApp({ tag: 'mail', env: { SMTP_URL: '', PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('catches an invitation, and staff of its guarantor read it with its link', async () => {
    const staff = await guarantorWithAdmin(t.ds, http);
    const roundId = await openRoundFor(http, staff, ['ut@atrapado.example']);
    const captured = await until(
      async () => (await http.get('/api/mail/captured', { token: staff.adminToken })).body,
      (b) => b.items?.length === 1,
      'the invitation to be caught',
    );
    expect(captured.catcher).toBe(true);
    const [mail] = captured.items;
    expect(mail.to).toEqual(['ut@atrapado.example']);
    expect(mail.subject).toMatch(/^Invitación a responder el cuestionario Ronda de correo/);
    expect(mail.links).toEqual([expect.stringMatching(/^http:\/\/apertura\.test\/responder\/[A-Za-z0-9_-]+$/)]);
    expect(mail.text).toContain(mail.links[0]);
    // The link works: it opens the invitation.
    const token = mail.links[0].split('/').pop();
    expect((await http.post('/api/respond/open', undefined, { headers: { 'X-Invitation-Token': token } })).status).toBe(
      200,
    );

    const deliveries = await until(
      async () => (await http.get(`/api/mail/deliveries?roundId=${roundId}`, { token: staff.adminToken })).body,
      (b) => b.counts?.sent === 1,
      'the delivery to be sent',
    );
    expect(deliveries.items[0]).toMatchObject({
      outcome: 'sent',
      recipient: 'ut@atrapado.example',
      eventId: mail.eventId,
    });

    // Another guarantor's staff do not see it.
    const other = await guarantorWithAdmin(t.ds, http);
    expect((await http.get('/api/mail/captured', { token: other.adminToken })).body.items).toEqual([]);
    expect((await http.get('/api/mail/captured')).status).toBe(401);
  });

  it("shows mail of no guarantor (password resets, a citizen's verification) only to the account it was sent to", async () => {
    const staff = await guarantorWithAdmin(t.ds, http);
    const other = await guarantorWithAdmin(t.ds, http);
    const vecina = 'vecina.atrapada@example.org';
    expect(
      (
        await http.post('/api/citizens/register', {
          email: vecina,
          password: TEST_PASSWORD,
          consent: true,
          privacyNoticeVersion: '2025-01',
        })
      ).status,
    ).toBe(202);
    expect((await http.post('/api/auth/password-reset', { email: staff.adminEmail })).status).toBe(202);
    expect((await http.post('/api/auth/password-reset', { email: other.adminEmail })).status).toBe(202);
    // Wait until all three are caught (read straight from the table: no staff member may list them all).
    await until(
      async () =>
        (await t.ds.query(
          `SELECT recipients FROM mail_capture WHERE $1 = ANY(recipients) OR $2 = ANY(recipients) OR $3 = ANY(recipients)`,
          [vecina, staff.adminEmail, other.adminEmail],
        )) as unknown[],
      (rows) => rows.length === 3,
      'the verification and both resets to be caught',
    );
    const seenBy = async (token: string): Promise<string[]> =>
      ((await http.get('/api/mail/captured?pageSize=100', { token })).body.items as Array<{ to: string[] }>).flatMap(
        (m) => m.to,
      );
    const mine = await seenBy(staff.adminToken);
    const theirs = await seenBy(other.adminToken);
    // Each admin reads their own reset link; nobody reads another's, nor the citizen's verification.
    expect(mine).toContain(staff.adminEmail);
    expect(theirs).toContain(other.adminEmail);
    for (const seen of [mine, theirs]) expect(seen).not.toContain(vecina);
    expect(mine).not.toContain(other.adminEmail);
    expect(theirs).not.toContain(staff.adminEmail);
  });
});

describe('mail: production needs a real SMTP server', () => {
  const boot = (entry: string): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(40),
        TOKEN_SECRET: 't'.repeat(40),
      };
      const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, entry)], {
        cwd: ROOT,
        env,
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it.each(['apps/worker/src/main.ts', 'apps/api/src/main.ts'])(
    '%s refuses to start without SMTP_URL and says why',
    async (entry) => {
      const { code, stderr } = await boot(entry);
      expect(code).toBe(1);
      expect(stderr).toMatch(/SMTP_URL: SMTP_URL must be set in production/);
    },
    60000,
  );
});
