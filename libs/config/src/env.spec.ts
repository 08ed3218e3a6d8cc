import { loadEnv, parseSentinels, parseTrustProxy, usesMailCatcher } from './env';

describe('loadEnv', () => {
  it('has defaults that work on a local machine', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/apertura');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
  });

  it('lists every problem at once', () => {
    expect(() => loadEnv({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it('refuses development secrets in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
  });
});

describe('SMTP_URL', () => {
  const secrets = { JWT_SECRET: 'x'.repeat(40), TOKEN_SECRET: 'y'.repeat(40) };

  it('is required in production, with a message that says how to set it', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', ...secrets })).toThrow(/SMTP_URL must be set in production/);
    expect(loadEnv({ NODE_ENV: 'production', ...secrets, SMTP_URL: 'smtps://u:p@smtp.example.org:465' }).SMTP_URL).toBe('smtps://u:p@smtp.example.org:465');
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
    expect(loadEnv({}).TRUST_PROXY).toBe('loopback');
    expect(parseTrustProxy('loopback')).toEqual({ value: ['loopback'] });
  });

  it('takes none, a hop count, or a list of addresses, ranges and named ranges', () => {
    expect(parseTrustProxy('false')).toEqual({ value: false });
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7,loopback, fd00::/8')).toEqual({ value: ['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8'] });
  });

  it('refuses to trust everyone, and says what is wrong with a bad entry', () => {
    expect(() => loadEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true would trust any X-Forwarded-For/);
    expect(() => loadEnv({ TRUST_PROXY: 'loopback,balancer.internal' })).toThrow(/"balancer.internal" is not an address/);
    expect(parseTrustProxy('10.0.0.0/33')).toHaveProperty('error');
    expect(parseTrustProxy('10.0.0.1/8/1')).toHaveProperty('error');
  });
});

describe('REDIS_SENTINELS', () => {
  it('is off by default and reads host:port lists (IPv6 in brackets)', () => {
    expect(loadEnv({}).REDIS_SENTINELS).toBe('');
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
    expect(() => loadEnv({ REDIS_SENTINELS: 's1:26379,s2' })).toThrow(/REDIS_SENTINELS: "s2" is not host:port/);
    expect(parseSentinels('s1:70000')).toHaveProperty('error');
  });
});
