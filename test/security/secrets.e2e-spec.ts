import { JwtService } from '@nestjs/jwt';
import { createHmac, randomBytes, randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { join } from 'path';
import { loadEnv } from '@apertura/config';
import { startTestApp, TestApp } from '../support/app';
import { staffToken } from '../support/fixtures';
import { client, Client } from '../support/http';
import { invitedRound } from './support/world';

/**
 * Issue #13 §3, "no known secrets": the attacks of the report, performed against the real API.
 * Secrets that used to be in the source (and the compose file's placeholders) sign nothing, a JWT
 * without `exp`/`iat` or with a lifetime beyond JWT_TTL_SECONDS is refused, and docker-compose.yml
 * publishes neither PostgreSQL nor Redis and gives both a password.
 */
const KNOWN_SECRETS = [
  'apertura-development-secret-change-me-000000', // the former default in libs/config
  'change-me-change-me-change-me-change-me', // the former docker-compose.yml JWT_SECRET
  'change-me-too-change-me-too-change-me-too', // the former docker-compose.yml TOKEN_SECRET
];

/** What an attacker computes from a public invitation id and a secret they know. */
const forgeInvitation = (secret: string, id: string): string =>
  createHmac('sha256', secret).update(`invitation:${id}`).digest('base64url');

describe('no known secrets (issue #13 §3)', () => {
  let t: TestApp;
  let http: Client;
  let admin: { guarantorId: string; adminToken: string };
  let analyst: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    http = client(t.url);
    const world = await invitedRound(t, http, `seca-secrets-${randomBytes(3).toString('hex')}`);
    admin = world.staff;
    roundId = world.roundId;
    analyst = await staffToken(http, admin.adminToken, 'analyst');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('the running API signs with none of the secrets that were ever in the source', () => {
    for (const known of KNOWN_SECRETS) {
      expect(t.env.JWT_SECRET).not.toBe(known);
      expect(t.env.TOKEN_SECRET).not.toBe(known);
    }
  });

  it('an analyst cannot compute an invitation token from the id it can read', async () => {
    const list = await http.get(`/api/rounds/${roundId}/invitations`, { token: analyst });
    expect(list.status).toBe(200);
    const id: string = list.body.items[0].invitationId;
    for (const secret of KNOWN_SECRETS) {
      const forged = forgeInvitation(secret, id);
      const context = await http.get('/api/respond/context', { invitation: forged });
      expect(context.status).toBe(401);
      expect(context.body.code).toBe('INVALID_TOKEN');
      const submit = await http.post(
        '/api/respond/submit',
        { data: {}, idempotencyKey: `forged-${randomUUID()}` },
        { invitation: forged },
      );
      expect(submit.status).toBe(401);
    }
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM response_version');
    expect(n).toBe(0);
  });

  it('a JWT signed with a known secret gets 401', async () => {
    const me = (await http.get('/api/auth/me', { token: admin.adminToken })).body;
    for (const secret of KNOWN_SECRETS) {
      const forged = new JwtService({ secret }).sign(
        { sub: me.id, role: 'guarantor_admin', gid: admin.guarantorId },
        { expiresIn: 600 },
      );
      const r = await http.get('/api/users', { token: forged });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a JWT with the right secret but without exp, without iat or living longer than JWT_TTL_SECONDS gets 401', async () => {
    const me = (await http.get('/api/auth/me', { token: admin.adminToken })).body;
    const claims = { sub: me.id, role: 'guarantor_admin', gid: admin.guarantorId };
    const jwt = new JwtService({ secret: t.env.JWT_SECRET });
    const now = Math.floor(Date.now() / 1000);
    const attacks = {
      'no exp': jwt.sign(claims),
      'a 100-year exp': jwt.sign(claims, { expiresIn: 100 * 365 * 24 * 3600 }),
      'no iat': jwt.sign({ ...claims, exp: now + 600 }, { noTimestamp: true }),
      'one second over the cap': jwt.sign({ ...claims, iat: now, exp: now + t.env.JWT_TTL_SECONDS + 1 }),
      'issued in the future': jwt.sign({ ...claims, iat: now + 3600, exp: now + 3600 + 60 }),
    };
    for (const [name, token] of Object.entries(attacks)) {
      const r = await http.get('/api/users', { token });
      expect({ name, status: r.status, code: r.body.code }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
    }
    // The same claims with a lifetime within the cap are a valid session (the refusals above are not a broken check).
    const fine = jwt.sign(claims, { expiresIn: t.env.JWT_TTL_SECONDS });
    expect((await http.get('/api/users', { token: fine })).status).toBe(200);
  });

  it('sessions issued by sign-in carry iat and an exp within JWT_TTL_SECONDS', async () => {
    const payload = JSON.parse(Buffer.from(admin.adminToken.split('.')[1], 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(t.env.JWT_TTL_SECONDS);
  });

  it('production refuses to boot with the former placeholders, short or low-entropy secrets', () => {
    const good = randomBytes(48).toString('base64url');
    for (const bad of [...KNOWN_SECRETS, 'x'.repeat(40), 'short-secret']) {
      expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: bad, TOKEN_SECRET: good })).toThrow(
        /Invalid environment:[\s\S]*JWT_SECRET/,
      );
      expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: good, TOKEN_SECRET: bad })).toThrow(
        /Invalid environment:[\s\S]*TOKEN_SECRET/,
      );
    }
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
  });
});

interface ComposeService {
  image?: string;
  ports?: unknown[];
  expose?: unknown[];
  network_mode?: string;
  networks?: string[] | Record<string, unknown>;
  environment?: Record<string, unknown> | string[];
  command?: string | string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean } | null>;
}

const envOf = (s: ComposeService): Record<string, string> => {
  if (Array.isArray(s.environment))
    return Object.fromEntries(s.environment.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));
};
/** A value that compose must take from the environment, refusing to start without it (`${VAR:?message}`). */
const REQUIRED_VARIABLE = /^\$\{[A-Z_][A-Z0-9_]*:\?[^}]*\}$/;

describe('docker-compose.yml (issue #13 §3)', () => {
  // YAML 1.1, as Compose reads it: the workers' environments extend the API's with a merge key (`<<: *env`).
  const compose = load(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), {
    schema: YAML11_SCHEMA,
  }) as ComposeFile;
  const stores = Object.entries(compose.services).filter(
    ([name, s]) => /postgres|redis/i.test(`${name} ${s.image ?? ''}`) && !/^(api|worker|area-worker)$/.test(name),
  );

  it('has a PostgreSQL and a Redis service', () => {
    expect(stores.map(([, s]) => s.image?.split(':')[0]).sort()).toEqual(['postgres', 'redis']);
  });

  it.each(['postgres', 'redis'])('%s publishes no port and sits only on internal networks', (image) => {
    const [, s] = stores.find(([, svc]) => svc.image?.startsWith(image)) as [string, ComposeService];
    expect(s.ports ?? []).toEqual([]);
    expect(s.network_mode).toBeUndefined();
    const networks = Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? {});
    expect(networks.length).toBeGreaterThan(0);
    for (const n of networks)
      expect({ network: n, internal: compose.networks?.[n]?.internal }).toEqual({ network: n, internal: true });
  });

  it('PostgreSQL requires a password from the environment and never trusts', () => {
    const [, pg] = stores.find(([, s]) => s.image?.startsWith('postgres')) as [string, ComposeService];
    const env = envOf(pg);
    expect(env.POSTGRES_PASSWORD).toMatch(REQUIRED_VARIABLE);
    expect(env.POSTGRES_HOST_AUTH_METHOD ?? '').not.toMatch(/trust/i);
    expect(JSON.stringify(pg)).not.toMatch(/trust/i);
  });

  it('Redis requires a password from the environment', () => {
    const [, redis] = stores.find(([, s]) => s.image?.startsWith('redis')) as [string, ComposeService];
    const command = Array.isArray(redis.command) ? redis.command.join(' ') : (redis.command ?? '');
    expect(command).toMatch(/--requirepass/);
    expect(envOf(redis).REDIS_PASSWORD).toMatch(REQUIRED_VARIABLE);
  });

  it('the application gets its secrets from the environment, with no fallback value', () => {
    for (const name of ['api', 'worker', 'area-worker']) {
      const env = envOf(compose.services[name]);
      expect(env.JWT_SECRET).toMatch(REQUIRED_VARIABLE);
      expect(env.TOKEN_SECRET).toMatch(REQUIRED_VARIABLE);
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^:]+:\$\{POSTGRES_PASSWORD\}@/);
      expect(env.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD\}@/);
    }
  });

  it('.env.example names every variable the compose file requires', () => {
    const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    const required = new Set([...JSON.stringify(compose).matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => m[1]));
    for (const name of required) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
