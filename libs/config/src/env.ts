import { Logger } from '@nestjs/common';
import { isIP } from 'net';
import { z } from 'zod';
import {
  DEFAULT_SECRETS_FILE,
  loadOrCreateSecretsFile,
  processTestSecrets,
  SECRET_KEYS,
  secretWeakness,
} from './secrets';

/**
 * Environment of the API and the worker, validated once at boot (fail fast with every problem listed).
 * Defaults work on a developer machine with PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.
 */
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
  if (v === 'true')
    return {
      error:
        'TRUST_PROXY=true would trust any X-Forwarded-For; list the proxies (addresses, CIDR ranges, loopback/linklocal/uniquelocal) or give a hop count',
    };
  const parts = v.split(',').map((p) => p.trim());
  for (const p of parts) {
    const [address, bits, ...rest] = p.split('/');
    const family = isIP(address);
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_RANGES.has(p) && (family === 0 || !validBits || rest.length > 0)) {
      return {
        error: `TRUST_PROXY: "${p}" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal`,
      };
    }
  }
  return { value: parts };
}

/** `host:port,host:port` → sentinel addresses, or an error message (used to validate the setting). */
export function parseSentinels(raw: string): { value: Array<{ host: string; port: number }> } | { error: string } {
  const value: Array<{ host: string; port: number }> = [];
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
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
    REDIS_SENTINEL_NAME: z
      .string()
      .regex(/^[\w.-]+$/)
      .default('mymaster'),
    /** Prefix of every Bull key; lets several test runs share one Redis. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/i)
      .default('apertura'),
    /**
     * Signs session JWTs. Required in production; a development install generates one at first start
     * and keeps it in SECRETS_FILE; tests get a random one per process. Never a value from the source.
     */
    JWT_SECRET: z.string().optional(),
    /** Longest session a JWT may grant: tokens whose exp − iat exceeds it are refused (docs/security.md §3). */
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .max(7 * 24 * 3600)
      .default(8 * 3600),
    /** Derives invitation and e-mail verification tokens (HMAC); only their hashes are stored. Same rules as JWT_SECRET. */
    TOKEN_SECRET: z.string().optional(),
    /** Development only: where generated secrets are kept (gitignored). */
    SECRETS_FILE: z.string().min(1).default(DEFAULT_SECRETS_FILE),
    /** Where users reach the platform (links in mail, the allowed origin); by default http://localhost:<PORT> (see loadEnv). */
    PUBLIC_URL: z.string().url(),
    /**
     * Outgoing mail server (smtp:// or smtps://, credentials in the URL). Empty, or the former default
     * smtp://127.0.0.1:1025, outside production: the worker runs an embedded mail catcher and the console
     * lists what it caught (see usesMailCatcher). Required in production.
     */
    SMTP_URL: z
      .string()
      .trim()
      .default('')
      .refine(
        (v) => v === '' || /^smtps?:\/\/[^\s/]+/i.test(v),
        'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465',
      ),
    MAIL_FROM: z.string().default('Apertura <no-reply@apertura.local>'),
    CORS_ORIGINS: z.string().default(''),
    /** Serve the built web app (apps/web/dist) from the API. */
    SERVE_WEB: z.enum(['true', 'false']).default('true'),
    /**
     * Global budget: requests per minute per client IP across all routes together, refused before the
     * body is read (Redis-backed, shared by API replicas).
     */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    /** Requests per minute per client IP on any one route (on top of the global budget). */
    ROUTE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
    /** Stricter limit per IP for sign-in, registration and verification routes (credential stuffing). */
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    /** Requests per minute per signed-in account (session) or invitation link, from any IP. */
    ACCOUNT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
    /**
     * Live results pages (issue #17, item 3): open results streams (SSE) per client IP and API process,
     * all streams of one API process, and how often an idle stream sends a heartbeat comment (proxies
     * close silent connections; tests shorten it).
     */
    RESULTS_STREAMS_PER_CLIENT: z.coerce.number().int().positive().default(6),
    RESULTS_STREAMS_MAX: z.coerce.number().int().positive().default(2000),
    RESULTS_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
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
     * The queues a worker process consumes, comma-separated (`mail`, `metric`, `metric-area`, `import`;
     * names checked by the worker at start): every queue when empty. A deployment with several workers
     * gives area jobs to one of them (docs/scaling.md says why and what it buys).
     */
    WORKER_QUEUES: z.string().default(''),
    /**
     * Open-data downloads (issue #13): a download whose client reads nothing for this long is cut and
     * its slot freed; no download lasts longer than the deadline, however slowly it is read.
     */
    EXPORT_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    EXPORT_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(15 * 60_000),
  })
  .superRefine((env, ctx) => {
    for (const key of SECRET_KEYS) {
      const value = env[key];
      if (value === undefined || value === '') {
        if (env.NODE_ENV === 'production') {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [key],
            message: `${key} must be set in production (generate one with: openssl rand -base64 48)`,
          });
        }
        continue;
      }
      // Checked in every environment: a weak value set by hand is never used to sign, not even in development.
      const weakness = secretWeakness(value);
      if (weakness)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `${key} ${weakness}; generate one with: openssl rand -base64 48`,
        });
    }
    if (env.JWT_SECRET && env.JWT_SECRET === env.TOKEN_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TOKEN_SECRET'],
        message: 'TOKEN_SECRET must differ from JWT_SECRET',
      });
    }
    // Without a real server, invitations would be caught locally and never reach anybody.
    if (env.NODE_ENV === 'production' && env.SMTP_URL === '') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SMTP_URL'],
        message:
          'SMTP_URL must be set in production (e.g. smtp://user:password@smtp.example.org:587); the embedded mail catcher runs only in development',
      });
    }
  });

type ParsedEnv = z.infer<typeof schema>;
export type Env = Omit<ParsedEnv, 'JWT_SECRET' | 'TOKEN_SECRET'> & { JWT_SECRET: string; TOKEN_SECRET: string };

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

/**
 * Fills in the secrets that were not set: production never gets here (refused above); tests get random
 * per-process values; a development install reads or creates SECRETS_FILE and says so in the log.
 */
function withSecrets(env: ParsedEnv): Env {
  if (env.JWT_SECRET && env.TOKEN_SECRET) return { ...env, JWT_SECRET: env.JWT_SECRET, TOKEN_SECRET: env.TOKEN_SECRET };
  let generated;
  if (env.NODE_ENV === 'test') {
    generated = processTestSecrets();
  } else {
    let stored;
    try {
      stored = loadOrCreateSecretsFile(env.SECRETS_FILE);
    } catch (err) {
      throw new EnvError(`Invalid environment:\n  - SECRETS_FILE: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (stored.created) {
      new Logger('Secrets').warn(
        `Generated random development secrets in ${stored.path} (kept for the next starts). In production set JWT_SECRET and TOKEN_SECRET instead.`,
      );
    }
    generated = stored.secrets;
  }
  return {
    ...env,
    JWT_SECRET: env.JWT_SECRET || generated.JWT_SECRET,
    TOKEN_SECRET: env.TOKEN_SECRET || generated.TOKEN_SECRET,
  };
}

/**
 * PUBLIC_URL when it is not set: the local address of the port the API listens on, so that a
 * development install on another port (3000 taken) prints, mails and accepts its own address.
 */
function withDefaultPublicUrl(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (source.PUBLIC_URL !== undefined) return source;
  const port = source.PORT !== undefined && /^\d{1,5}$/.test(source.PORT) ? source.PORT : '3000';
  return { ...source, PUBLIC_URL: `http://localhost:${port}` };
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(withDefaultPublicUrl(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return withSecrets(parsed.data);
}

/** Injection token for the validated environment. */
export const ENV = Symbol('ENV');
