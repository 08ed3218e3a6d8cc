import Redis, { RedisOptions } from 'ioredis';
import { reconnectingOptions, RedisTarget } from './redis-target';

type ClientType = 'client' | 'subscriber' | 'bclient';

/** Listeners a Bull connection may hold at once while it connects (one pair per named processor, see below). */
const BULL_CLIENT_MAX_LISTENERS = 64;

export interface BullConnections {
  /** Pass as Bull's `createClient` option. */
  createClient(type: ClientType, redisOpts?: RedisOptions): Redis;
  /** Bull does not close connections it did not create: call this after the queues are closed. */
  closeAll(): void;
}

/**
 * Redis connections for the queues of the API and the worker, tuned for outages (see relay-queues.ts
 * for the ioredis behaviour behind this):
 *  - the command connection keeps the ready check ON, so a connection cut during its handshake is
 *    noticed and re-established instead of sitting "ready" on a dead socket;
 *  - reconnection is retried every ≤ 2 s instead of Bull's default back-off of up to 20 s, so jobs resume
 *    promptly when Redis returns;
 *  - blocking and subscriber connections keep the options Bull requires (no ready check, no retry limit).
 */
export function bullConnections(redis: string | RedisTarget): BullConnections {
  const base: RedisOptions = reconnectingOptions(redis);
  const clients: Redis[] = [];
  return {
    createClient(type: ClientType): Redis {
      const client =
        type === 'client'
          ? new Redis({ ...base, enableReadyCheck: true })
          : new Redis({ ...base, enableReadyCheck: false, maxRetriesPerRequest: null });
      // Errors surface through the commands that fail; without a listener ioredis prints every reconnect.
      client.on('error', () => undefined);
      // Bull waits for a connection once per named processor of a queue, with one 'ready' and one 'error'
      // listener each until it is ready (OptimalBits/bull#1494): the mail queue's dozen job names
      // made Node warn of a "possible memory leak" at every start. They are removed once connected.
      client.setMaxListeners(BULL_CLIENT_MAX_LISTENERS);
      clients.push(client);
      return client;
    },
    closeAll(): void {
      for (const c of clients.splice(0)) c.disconnect();
    },
  };
}
