import Queue from 'bull';
import type { RedisOptions } from 'ioredis';
import { QUEUES, QueueName } from './queues';

/** ioredis options from a redis:// or rediss:// URL (user, password, database number, TLS). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`not a Redis URL: ${u.protocol}`);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Producer-only queues for the outbox relay, with their own connection tuned for outages: a command
 * sent while Redis is down fails after one reconnection attempt instead of waiting in ioredis' offline
 * queue (and running late), and reconnection is retried every ≤ 2 s (Bull's default grows to 20 s), so
 * the relay notices quickly when Redis is back.
 */
export function relayQueues(redisUrl: string, prefix: string): Record<QueueName, Queue.Queue> {
  const redis: RedisOptions = {
    ...redisOptionsFromUrl(redisUrl),
    maxRetriesPerRequest: 1,
    enableReadyCheck: false,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
  return {
    mail: new Queue(QUEUES.mail, { prefix, redis }),
    metric: new Queue(QUEUES.metric, { prefix, redis }),
  };
}
