import { INestApplicationContext } from '@nestjs/common';
import { spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin, Staff, TEST_PASSWORD, userIdByEmail } from '../support/fixtures';
import { client, Client } from '../support/http';
import { mailsTo as mailbox, ReceivedMail, startSmtp, TestSmtp } from '../support/smtp';

/**
 * Issue #13 §4, the attacks of the report against the real API (and the real worker and SMTP path):
 * anyone could lock any account (5 wrong passwords → the right one got 423, ~1 request an hour kept an
 * admin out, unlock only by SQL); registration answered 409 for existing e-mails (enumeration); the CLI
 * took the admin password in argv.
 */
const PUBLIC_URL = 'http://apertura.test';
const RESET_LINK = /http:\/\/apertura\.test\/restablecer\/([A-Za-z0-9_-]+)/;
const ROOT = join(__dirname, '..', '..');
const ATTACKER = { 'x-forwarded-for': '203.0.113.66' };
const OWNER = { 'x-forwarded-for': '198.51.100.20' };

describe('accounts (issue #13 §4)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  let http: Client;
  let staff: Staff;

  const mailsTo = (email: string): ReceivedMail[] => mailbox(smtp).to(email);
  const waitForMails = (email: string, count: number): Promise<ReceivedMail[]> =>
    mailbox(smtp).waitForMails(email, count);
  const login = (email: string, password: string, headers: Record<string, string>) =>
    http.post('/api/auth/login', { email, password }, { headers });

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http, `seca-accounts-${randomBytes(3).toString('hex')}`);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  describe('lockout by (account, client)', () => {
    it("an attacker's wrong passwords lock only the attacker's client; the admin signs in from a client that has not failed", async () => {
      for (let i = 0; i < 12; i++) {
        const r = await login(staff.adminEmail, `wrong-guess-${i}`, ATTACKER);
        expect([401, 423]).toContain(r.status);
      }
      // The attacker's client is locked, even with the right password …
      const locked = await login(staff.adminEmail, TEST_PASSWORD, ATTACKER);
      expect(locked.status).toBe(423);
      expect(locked.body.code).toBe('ACCOUNT_LOCKED');
      // … the owner's is not: the right password is never refused to a client that has not failed.
      const owner = await login(staff.adminEmail, TEST_PASSWORD, OWNER);
      expect(owner.status).toBe(200);
      // One request an hour from the attacker cannot keep the owner out either.
      await t.ds.query(`UPDATE login_failure SET locked_until = now() - interval '1 second'`);
      expect((await login(staff.adminEmail, 'one-more-guess', ATTACKER)).status).toBe(401);
      expect((await login(staff.adminEmail, TEST_PASSWORD, OWNER)).status).toBe(200);
    });

    it('no raw client address is stored', async () => {
      const rows: Array<{ client_key: string }> = await t.ds.query('SELECT client_key FROM login_failure');
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.client_key).toMatch(/^[0-9a-f]{64}$/);
        expect(r.client_key).not.toContain('203.0.113.66');
      }
    });
  });

  describe('password reset by mail (every role), also the self-service unlock', () => {
    it('answers the same for an address with and without an account; only the owner gets a mail', async () => {
      const unknown = await http.post('/api/auth/password-reset', { email: 'nadie-aqui@example.org' });
      const known = await http.post('/api/auth/password-reset', { email: staff.adminEmail.toUpperCase() });
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(known.body).toEqual({ accepted: true });
      await waitForMails(staff.adminEmail, 1);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM password_reset`);
      expect(n).toBe(1);
      expect(mailsTo('nadie-aqui@example.org')).toEqual([]);
    });

    it('the link sets a new password once, ends older sessions, and lifts the lock of every client', async () => {
      const [mail] = await waitForMails(staff.adminEmail, 1);
      const token = RESET_LINK.exec(mail.text)?.[1];
      expect(token).toBeDefined();
      // Only the hash of the token is stored.
      const stored: Array<{ token_hash: string }> = await t.ds.query('SELECT token_hash FROM password_reset');
      expect(JSON.stringify(stored)).not.toContain(token as string);

      const before = await login(staff.adminEmail, TEST_PASSWORD, OWNER);
      expect(before.status).toBe(200);
      // Let the new session be issued in an earlier second than the change (iat has a resolution of one second).
      await new Promise((r) => setTimeout(r, 1100));
      for (let i = 0; i < 6; i++) await login(staff.adminEmail, `again-wrong-${i}`, ATTACKER);
      expect((await login(staff.adminEmail, TEST_PASSWORD, ATTACKER)).status).toBe(423);

      const newPassword = 'una frase nueva y bastante larga';
      const done = await http.post('/api/auth/password-reset/confirm', { token, password: newPassword });
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ reset: true });

      expect((await http.get('/api/users', { token: before.body.accessToken })).status).toBe(401);
      expect((await login(staff.adminEmail, TEST_PASSWORD, OWNER)).status).toBe(401);
      // The former attacker's client is unlocked too (the owner may have been that client).
      const after = await login(staff.adminEmail, newPassword, ATTACKER);
      expect(after.status).toBe(200);
      expect((await http.get('/api/users', { token: after.body.accessToken })).status).toBe(200);

      const reused = await http.post('/api/auth/password-reset/confirm', {
        token,
        password: 'otra frase distinta y larga',
      });
      expect(reused.status).toBe(401);
      expect(reused.body.code).toBe('INVALID_TOKEN');
      // Put the original password back for the other tests.
      await t.ds.query(`UPDATE password_reset SET created_at = created_at - interval '2 minutes'`);
    });

    it('an expired link is refused; a forged one too', async () => {
      expect((await http.post('/api/auth/password-reset', { email: staff.adminEmail })).status).toBe(202);
      const [, second] = await waitForMails(staff.adminEmail, 2);
      const token = RESET_LINK.exec(second.text)?.[1];
      await t.ds.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
      expect(
        (await http.post('/api/auth/password-reset/confirm', { token, password: 'una frase nueva y bastante larga 2' }))
          .status,
      ).toBe(401);
      expect(
        (
          await http.post('/api/auth/password-reset/confirm', {
            token: 'x'.repeat(43),
            password: 'una frase nueva y bastante larga 2',
          })
        ).status,
      ).toBe(401);
    });
  });

  describe('registration does not reveal accounts', () => {
    const registration = (email: string) => ({
      email,
      password: TEST_PASSWORD,
      consent: true,
      privacyNoticeVersion: '2025-01',
    });

    it('a new and an existing address (validator or staff) get the same answer; the owner of an existing one is told by mail', async () => {
      const fresh = await http.post('/api/citizens/register', registration('nueva@example.org'));
      const again = await http.post('/api/citizens/register', registration('NUEVA@example.org'));
      const staffAddress = await http.post('/api/citizens/register', registration(staff.adminEmail));
      for (const r of [fresh, again, staffAddress]) {
        expect(r.status).toBe(202);
        expect(r.body).toEqual({ accepted: true });
      }
      expect(await userIdByEmail(t.ds, 'nueva@example.org')).toEqual(expect.any(String));
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'nueva@example.org'`);
      expect(n).toBe(1);
      const mails = await waitForMails('nueva@example.org', 2);
      expect(mails.map((m) => m.subject).sort()).toEqual([
        'Confirme su correo electrónico — Apertura',
        'Ya tiene una cuenta en Apertura',
      ]);
      const adminMails = await waitForMails(staff.adminEmail, 3);
      expect(
        adminMails.some(
          (m) => m.subject === 'Ya tiene una cuenta en Apertura' && m.text.includes(`${PUBLIC_URL}/restablecer`),
        ),
      ).toBe(true);
      // The staff account is untouched.
      const [admin] = await t.ds.query('SELECT role FROM app_user WHERE email = $1', [staff.adminEmail]);
      expect(admin.role).toBe('guarantor_admin');
    });

    it('repeated attempts do not flood the owner (one notice per 15 minutes)', async () => {
      for (let i = 0; i < 3; i++)
        expect((await http.post('/api/citizens/register', registration('nueva@example.org'))).status).toBe(202);
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'mail.account-exists'`,
      );
      expect(n).toBe(2); // one for nueva@, one for the admin, from the test above
      expect(await t.ds.query('SELECT type, last_error FROM outbox_event WHERE last_error IS NOT NULL')).toEqual([]);
    });
  });

  describe('CLI', () => {
    const cli = (args: string[], stdin?: string) =>
      new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'apps/api/src/cli/cli.ts'), ...args],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              NODE_ENV: 'test',
              DATABASE_URL: t.env.DATABASE_URL,
              JWT_SECRET: t.env.JWT_SECRET,
              TOKEN_SECRET: t.env.TOKEN_SECRET,
            },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        let stderr = '';
        let stdout = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stdin.end(stdin ?? '');
        child.on('exit', (code) => resolve({ code, stderr, stdout }));
      });

    it('refuses a password given on the command line, and creates nothing', async () => {
      const r = await cli([
        'create-guarantor',
        'seca-argv',
        'Garante argv',
        'argv@seca.example',
        'a-password-in-argv-123',
        '15',
      ]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/never taken on the command line/);
      expect(await t.ds.query(`SELECT 1 FROM guarantor WHERE slug = 'seca-argv'`)).toEqual([]);
    });

    it('reads the password from stdin', async () => {
      const password = 'contraseña leída de la entrada estándar';
      const r = await cli(
        ['create-guarantor', 'seca-stdin', 'Garante stdin', 'stdin@seca.example', '15'],
        `${password}\n`,
      );
      expect(r).toMatchObject({ code: 0 });
      expect(r.stdout).not.toContain(password);
      expect((await login('stdin@seca.example', password, OWNER)).status).toBe(200);
    });
  });
});
