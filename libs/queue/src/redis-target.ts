import type { RedisOptions } from 'ioredis';
import { parseSentinels } from '@apertura/config';

/**
 * Where Redis is: one server (`REDIS_URL`), or a Sentinel-managed master (`REDIS_SENTINELS` +
 * `REDIS_SENTINEL_NAME`; `REDIS_URL` then only supplies the credentials, database and TLS). With
 * Sentinel, ioredis asks the sentinels for the current master on every (re)connection, so after a
 * failover the queues, the outbox relay and the rate limiter reconnect to the promoted replica by
 * themselves (docs/scaling.md).
 */
export interface RedisTarget {
  url: string;
  /** `host:port` of each sentinel; empty: no Sentinel. */
  sentinels?: ReadonlyArray<{ host: string; port: number }>;
  sentinelName?: string;
}

/** The Redis settings of an environment (REDIS_URL, REDIS_SENTINELS, REDIS_SENTINEL_NAME). */
export function redisTargetOf(env: {
  REDIS_URL: string;
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_NAME?: string;
}): RedisTarget {
  const parsed = parseSentinels(env.REDIS_SENTINELS ?? '');
  if ('error' in parsed) throw new Error(parsed.error);
  return { url: env.REDIS_URL, sentinels: parsed.value, sentinelName: env.REDIS_SENTINEL_NAME };
}

/** ioredis options for a target (a bare URL string is a single server). */
export function redisOptionsOf(target: string | RedisTarget): RedisOptions {
  const t: RedisTarget = typeof target === 'string' ? { url: target } : target;
  const u = new URL(t.url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`not a Redis URL: ${u.protocol}`);
  const db = u.pathname.replace(/^\//, '');
  const common: RedisOptions = {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  if (t.sentinels && t.sentinels.length > 0) {
    return {
      ...common,
      sentinels: t.sentinels.map((s) => ({ ...s })),
      name: t.sentinelName || 'mymaster',
      ...(u.protocol === 'rediss:' ? { enableTLSForSentinelMode: true } : {}),
    };
  }
  return { ...common, host: u.hostname || '127.0.0.1', port: u.port ? Number(u.port) : 6379 };
}

/**
 * Options of the queue connections (Bull's and the outbox relay's): reconnection retried every ≤ 2 s
 * instead of Bull's default back-off of up to 20 s, so jobs resume promptly when Redis returns.
 */
export function reconnectingOptions(target: string | RedisTarget): RedisOptions {
  return { ...redisOptionsOf(target), retryStrategy: (times: number) => Math.min(times * 200, 2000) };
}
