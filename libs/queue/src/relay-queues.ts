import Queue from 'bull';
import Redis, { RedisOptions } from 'ioredis';
import { QUEUES, RelayQueueName } from './queues';
import { reconnectingOptions, RedisTarget } from './redis-target';

export interface RelayQueues {
  queues: Record<RelayQueueName, Queue.Queue>;
  close(): Promise<void>;
}

/**
 * Producer-only queues for the outbox relay, with connections tuned for outages:
 *  - a command sent while Redis is down fails after one reconnection attempt instead of waiting in
 *    ioredis' offline queue (and running late);
 *  - reconnection is retried every ≤ 2 s (Bull's default grows to 20 s), so the relay notices quickly
 *    when Redis is back;
 *  - the ready check is ON: with Bull's default (off), a connection cut during its handshake can leave
 *    ioredis "ready" on a dead socket that never reconnects (seen with ioredis 5.11), and the relay
 *    would stall until the worker restarts.
 */
export function relayQueues(redis: string | RedisTarget, prefix: string): RelayQueues {
  const base: RedisOptions = reconnectingOptions(redis);
  const clients: Redis[] = [];
  const createClient = (type: 'client' | 'subscriber' | 'bclient'): Redis => {
    // Blocking and subscriber connections (never used by a producer, but Bull may ask) must wait forever.
    const client =
      type === 'client'
        ? new Redis({ ...base, enableReadyCheck: true, maxRetriesPerRequest: 1 })
        : new Redis({ ...base, enableReadyCheck: false, maxRetriesPerRequest: null });
    clients.push(client);
    return client;
  };
  const queues = {
    mail: new Queue(QUEUES.mail, { prefix, createClient }),
    metric: new Queue(QUEUES.metric, { prefix, createClient }),
    import: new Queue(QUEUES.imports, { prefix, createClient }),
  };
  return {
    queues,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      // Bull does not close connections it did not create.
      for (const c of clients) c.disconnect();
    },
  };
}
