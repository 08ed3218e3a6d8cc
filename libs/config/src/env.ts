import { isIP } from 'net';
import { z } from 'zod';

/**
 * Environment of the API and the worker, validated once at boot (fail fast with every problem listed).
 * Defaults work on a developer machine with PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.
 */
const DEV_SECRET = 'apertura-development-secret-change-me-000000';

/** Express's names for address ranges (https://expressjs.com/en/guide/behind-proxies.html). */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY → Express's `trust proxy`: which hops may tell the client address in X-Forwarded-For.
 * `false` (none), a number of hops, or a comma-separated list of addresses, CIDR ranges and the
 * names above. Never `true`: trusting every hop lets any client pick its own address and escape the
 * per-IP rate limits. Returns the value for Express, or an error message.
 */
export function parseTrustProxy(raw: string): { value: false | number | string[] } | { error: string } {
  const v = raw.trim();
  if (v === 'false') return { value: false };
  if (/^\d+$/.test(v)) return { value: Number(v) };
  if (v === 'true') return { error: 'TRUST_PROXY=true would trust any X-Forwarded-For; list the proxies (addresses, CIDR ranges, loopback/linklocal/uniquelocal) or give a hop count' };
  const parts = v.split(',').map((p) => p.trim());
  for (const p of parts) {
    const [address, bits, ...rest] = p.split('/');
    const family = isIP(address);
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_RANGES.has(p) && (family === 0 || !validBits || rest.length > 0)) {
      return { error: `TRUST_PROXY: "${p}" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal` };
    }
  }
  return { value: parts };
}

/** `host:port,host:port` → sentinel addresses, or an error message (used to validate the setting). */
export function parseSentinels(raw: string): { value: Array<{ host: string; port: number }> } | { error: string } {
  const value: Array<{ host: string; port: number }> = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(part);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) return { error: `REDIS_SENTINELS: "${part}" is not host:port` };
    value.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
  }
  return { value };
}

/** A string setting whose parser's error message becomes the validation error. */
function parsedSetting(fallback: string, parse: (raw: string) => { error: string } | object) {
  return z
    .string()
    .default(fallback)
    .superRefine((v, ctx) => {
      const parsed = parse(v);
      if ('error' in parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
    });
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/apertura'),
    /**
     * Optional read replica (streaming replication of DATABASE_URL) for the read-only result and
     * open-data endpoints (dashboards, exports); empty: they read the primary (docs/scaling.md).
     */
    DATABASE_READ_URL: z.union([z.literal(''), z.string().url()]).default(''),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    /**
     * Redis Sentinel: `host:port,host:port` of the sentinels and the master's name. When set, the
     * master is found through them (REDIS_URL then gives only credentials, database and TLS).
     */
    REDIS_SENTINELS: parsedSetting('', parseSentinels),
    REDIS_SENTINEL_NAME: z.string().regex(/^[\w.-]+$/).default('mymaster'),
    /** Prefix of every Bull key; lets several test runs share one Redis. */
    QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i).default('apertura'),
    /** Signs session JWTs. */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must have at least 32 characters').default(DEV_SECRET),
    JWT_TTL_SECONDS: z.coerce.number().int().positive().default(8 * 3600),
    /** Derives invitation and e-mail verification tokens (HMAC); only their hashes are stored. */
    TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must have at least 32 characters').default(DEV_SECRET),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    /**
     * Outgoing mail server (smtp:// or smtps://, credentials in the URL). Empty, or the former default
     * smtp://127.0.0.1:1025, outside production: the worker runs an embedded mail catcher and the console
     * lists what it caught (see usesMailCatcher). Required in production.
     */
    SMTP_URL: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || /^smtps?:\/\/[^\s/]+/i.test(v), 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465'),
    MAIL_FROM: z.string().default('Apertura <no-reply@apertura.local>'),
    CORS_ORIGINS: z.string().default(''),
    /** Serve the built web app (apps/web/dist) from the API. */
    SERVE_WEB: z.enum(['true', 'false']).default('true'),
    /** Requests per minute per client IP on every route (Redis-backed, shared by API replicas). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    /** Stricter limit per IP for sign-in, registration and verification routes (credential stuffing). */
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    /** Requests per minute per signed-in account (session) or invitation link, from any IP. */
    ACCOUNT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
    /**
     * Proxies whose X-Forwarded-For is believed (client IPs for rate limits and the audit log):
     * loopback by default; behind a load balancer on another host, its addresses (see parseTrustProxy).
     */
    TRUST_PROXY: parsedSetting('loopback', parseTrustProxy),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    /** Bull job lock (renewed at half this while a job runs) and stalled-job check: how soon a job of a dead worker runs again. Tests shorten them. */
    QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
    QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
    /**
     * Open-data downloads (issue #13): a download whose client reads nothing for this long is cut and
     * its slot freed; no download lasts longer than the deadline, however slowly it is read.
     */
    EXPORT_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    EXPORT_DEADLINE_MS: z.coerce.number().int().min(100).default(15 * 60_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'TOKEN_SECRET'] as const) {
        if (env[key] === DEV_SECRET) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `${key} must be set in production` });
        }
      }
      // Without a real server, invitations would be caught locally and never reach anybody.
      if (env.SMTP_URL === '') {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['SMTP_URL'],
          message: 'SMTP_URL must be set in production (e.g. smtp://user:password@smtp.example.org:587); the embedded mail catcher runs only in development',
        });
      }
    }
  });

export type Env = z.infer<typeof schema>;

/** Addresses that mean "the local development catcher" (the former SMTP_URL default among them). */
const CATCHER_URLS = new Set(['', 'smtp://127.0.0.1:1025', 'smtp://localhost:1025']);

/**
 * Whether mail goes to the embedded catcher of the worker instead of a real SMTP server: never in
 * production; otherwise when SMTP_URL is empty or names the default local catcher address, which on a
 * fresh clone has nothing listening (mail used to fail there and vanish after its retries).
 */
export function usesMailCatcher(env: Pick<Env, 'NODE_ENV' | 'SMTP_URL'>): boolean {
  return env.NODE_ENV !== 'production' && CATCHER_URLS.has(env.SMTP_URL.replace(/\/+$/, '').toLowerCase());
}

export class EnvError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Injection token for the validated environment. */
export const ENV = Symbol('ENV');
