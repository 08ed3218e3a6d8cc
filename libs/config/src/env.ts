import { z } from 'zod';

/**
 * Environment of the API and the worker, validated once at boot (fail fast with every problem listed).
 * Defaults work on a developer machine with PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.
 */
const DEV_SECRET = 'apertura-development-secret-change-me-000000';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/apertura'),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    /** Prefix of every Bull key; lets several test runs share one Redis. */
    QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i).default('apertura'),
    /** Signs session JWTs. */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must have at least 32 characters').default(DEV_SECRET),
    JWT_TTL_SECONDS: z.coerce.number().int().positive().default(8 * 3600),
    /** Derives invitation and e-mail verification tokens (HMAC); only their hashes are stored. */
    TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must have at least 32 characters').default(DEV_SECRET),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    SMTP_URL: z.string().default('smtp://127.0.0.1:1025'),
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
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    /** Bull job lock (renewed at half this while a job runs) and stalled-job check: how soon a job of a dead worker runs again. Tests shorten them. */
    QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
    QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'TOKEN_SECRET'] as const) {
        if (env[key] === DEV_SECRET) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `${key} must be set in production` });
        }
      }
    }
  });

export type Env = z.infer<typeof schema>;

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
