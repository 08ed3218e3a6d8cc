import { Logger } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadEnv, parseSentinels, parseTrustProxy, usesMailCatcher } from './env';
import { generateSecret, secretWeakness } from './secrets';

describe('loadEnv', () => {
  it('has defaults that work on a local machine', () => {
    const env = loadEnv({ NODE_ENV: 'test' });
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/apertura');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
  });

  it('addresses the platform at the port it listens on unless PUBLIC_URL says otherwise', () => {
    expect(loadEnv({ NODE_ENV: 'test' }).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadEnv({ NODE_ENV: 'test', PORT: '3111' }).PUBLIC_URL).toBe('http://localhost:3111');
    expect(loadEnv({ NODE_ENV: 'test', PORT: '3111', PUBLIC_URL: 'https://apertura.example.org' }).PUBLIC_URL).toBe(
      'https://apertura.example.org',
    );
    // A bad PORT is reported as such, not as a bad PUBLIC_URL made from it.
    expect(() => loadEnv({ NODE_ENV: 'test', PORT: '3000x' })).toThrow(/PORT/);
    expect(() => loadEnv({ NODE_ENV: 'test', PORT: '3000x' })).not.toThrow(/PUBLIC_URL/);
    expect(() => loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'localhost' })).toThrow(/PUBLIC_URL/);
  });

  it('lists every problem at once', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it('refuses to start in production without secrets', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET must be set in production[\s\S]*TOKEN_SECRET must be set in production/,
    );
  });

  it.each([
    ['short', 'a1B2c3D4e5F6g7H8'],
    ['the old compose placeholder', 'change-me-change-me-change-me-change-me'],
    ['the old source default', 'apertura-development-secret-change-me-000000'],
    ['a placeholder word', 'our-Example-key-for-the-API-2026-Qz7xW'],
    ['a repeated pattern', 'k3J9k3J9k3J9k3J9k3J9k3J9k3J9k3J9k3J9'],
    ['low entropy', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'],
  ])('refuses a %s JWT_SECRET with a clear boot error', (_label, value) => {
    expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: value, TOKEN_SECRET: generateSecret() })).toThrow(
      /JWT_SECRET (has|looks like|is a repeated)/,
    );
  });

  it('refuses the same value for both secrets', () => {
    const one = generateSecret();
    expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: one, TOKEN_SECRET: one })).toThrow(
      /TOKEN_SECRET must differ/,
    );
  });

  it('accepts generated secrets in production', () => {
    const env = loadEnv({
      NODE_ENV: 'production',
      JWT_SECRET: generateSecret(),
      TOKEN_SECRET: generateSecret(),
      SMTP_URL: 'smtp://smtp.example.org:587',
    });
    expect(env.JWT_SECRET).toHaveLength(64);
  });

  it('gives a test process random secrets, the same on every load', () => {
    const a = loadEnv({ NODE_ENV: 'test' });
    const b = loadEnv({ NODE_ENV: 'test' });
    expect(a.JWT_SECRET).toBe(b.JWT_SECRET);
    expect(a.JWT_SECRET).not.toBe(a.TOKEN_SECRET);
    expect(secretWeakness(a.JWT_SECRET)).toBeUndefined();
  });

  it('generates development secrets once, keeps them in SECRETS_FILE (0600) and logs it once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apt-seca-secrets-'));
    const file = join(dir, 'nested', 'dev-secrets.json');
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const first = loadEnv({ NODE_ENV: 'development', SECRETS_FILE: file });
      const second = loadEnv({ NODE_ENV: 'development', SECRETS_FILE: file });
      expect(second.JWT_SECRET).toBe(first.JWT_SECRET);
      expect(second.TOKEN_SECRET).toBe(first.TOKEN_SECRET);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        JWT_SECRET: first.JWT_SECRET,
        TOKEN_SECRET: first.TOKEN_SECRET,
      });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain(file);
      // Another install (another file) gets other secrets: nothing is shared through the source.
      const other = loadEnv({ NODE_ENV: 'development', SECRETS_FILE: join(dir, 'other.json') });
      expect(other.JWT_SECRET).not.toBe(first.JWT_SECRET);
    } finally {
      warn.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a tampered development secrets file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apt-seca-secrets-'));
    const file = join(dir, 'dev-secrets.json');
    try {
      writeFileSync(
        file,
        JSON.stringify({ JWT_SECRET: 'change-me-change-me-change-me-change-me', TOKEN_SECRET: generateSecret() }),
      );
      expect(() => loadEnv({ NODE_ENV: 'development', SECRETS_FILE: file })).toThrow(
        /SECRETS_FILE: .*JWT_SECRET is missing or weak/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SMTP_URL', () => {
  const secrets = { JWT_SECRET: generateSecret(), TOKEN_SECRET: generateSecret() };

  it('is required in production, with a message that says how to set it', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', ...secrets })).toThrow(/SMTP_URL must be set in production/);
    expect(loadEnv({ NODE_ENV: 'production', ...secrets, SMTP_URL: 'smtps://u:p@smtp.example.org:465' }).SMTP_URL).toBe(
      'smtps://u:p@smtp.example.org:465',
    );
  });

  it('must be an smtp:// or smtps:// address when set', () => {
    expect(() => loadEnv({ SMTP_URL: 'mail.example.org' })).toThrow(/SMTP_URL must look like/);
  });

  it('sends development mail to the embedded catcher when empty or at the default local address, never in production', () => {
    expect(usesMailCatcher(loadEnv({}))).toBe(true);
    expect(usesMailCatcher({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:1025' })).toBe(true);
    expect(usesMailCatcher({ NODE_ENV: 'test', SMTP_URL: 'smtp://localhost:1025/' })).toBe(true);
    expect(usesMailCatcher({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525' })).toBe(false);
    expect(usesMailCatcher({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:1025' })).toBe(false);
  });
});

describe('TRUST_PROXY', () => {
  it('defaults to loopback only', () => {
    expect(loadEnv({ NODE_ENV: 'test' }).TRUST_PROXY).toBe('loopback');
    expect(parseTrustProxy('loopback')).toEqual({ value: ['loopback'] });
  });

  it('takes none, a hop count, or a list of addresses, ranges and named ranges', () => {
    expect(parseTrustProxy('false')).toEqual({ value: false });
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7,loopback, fd00::/8')).toEqual({
      value: ['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8'],
    });
  });

  it('refuses to trust everyone, and says what is wrong with a bad entry', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY=true would trust any X-Forwarded-For/,
    );
    expect(() => loadEnv({ NODE_ENV: 'test', TRUST_PROXY: 'loopback,balancer.internal' })).toThrow(
      /"balancer.internal" is not an address/,
    );
    expect(parseTrustProxy('10.0.0.0/33')).toHaveProperty('error');
    expect(parseTrustProxy('10.0.0.1/8/1')).toHaveProperty('error');
  });
});

describe('REDIS_SENTINELS', () => {
  it('is off by default and reads host:port lists (IPv6 in brackets)', () => {
    expect(loadEnv({ NODE_ENV: 'test' }).REDIS_SENTINELS).toBe('');
    expect(parseSentinels('')).toEqual({ value: [] });
    expect(parseSentinels('s1.internal:26379, 10.0.0.5:26380,[::1]:26381')).toEqual({
      value: [
        { host: 's1.internal', port: 26379 },
        { host: '10.0.0.5', port: 26380 },
        { host: '::1', port: 26381 },
      ],
    });
  });

  it('names the entry it cannot read', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', REDIS_SENTINELS: 's1:26379,s2' })).toThrow(
      /REDIS_SENTINELS: "s2" is not host:port/,
    );
    expect(parseSentinels('s1:70000')).toHaveProperty('error');
  });
});
