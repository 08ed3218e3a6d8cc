import { ChildProcess, spawn } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import { connect, createServer } from 'net';
import { DataSource } from 'typeorm';
import { loadEnv } from '@apertura/config';
import { dataSourceOptions } from '@apertura/db';
import {
  JobSink,
  OutboxEvent,
  OutboxRelay,
  QUEUES,
  RelayQueueName,
  bullSink,
  jobIds,
  relayQueues,
  openQueue,
  type Queue,
} from '@apertura/queue';
import { OutboxService } from '../apps/api/src/common/outbox/outbox.service';
import { startWorker } from '../apps/worker/src/main';
import { createTestDatabase, TestDatabase } from './support/db';
import { deleteRedisPrefix, TEST_REDIS_URL } from './support/redis';

type Queues = Record<RelayQueueName, Queue>;

const R = randomUUID();
const I = randomUUID();

function queuesOn(redisUrl: string, prefix: string): Queues {
  return {
    mail: openQueue(QUEUES.mail, redisUrl, prefix),
    metric: openQueue(QUEUES.metric, redisUrl, prefix),
    import: openQueue(QUEUES.imports, redisUrl, prefix),
  };
}

async function closeQueues(q: Queues): Promise<void> {
  await Promise.all([q.mail.close(), q.metric.close(), q.import.close()]);
}

/** Records every add, to prove that no event became two jobs. */
function recording(sink: JobSink, added: string[]): JobSink {
  return {
    add: async (queue, name, data, opts) => {
      await sink.add(queue, name, data, opts);
      added.push(`${queue}/${opts.jobId}`);
    },
    state: (queue, jobId) => sink.state(queue, jobId),
  };
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** True when a Redis server answers PING on this port (raw RESP, no client library timers). */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => finish(d.toString().startsWith('+PONG')));
  });
}

/** Every throwaway Redis started here, so afterAll can stop them even after a failed test. */
const children = new Set<ChildProcess>();

/** A throwaway Redis (never the machine's shared one), started and stopped by the test. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  children.add(child);
  for (let i = 0; i < 100; i++) {
    if (await pings(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('outbox relay (PostgreSQL → Bull)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const outbox = new OutboxService();
  const prefixes: string[] = [];

  const emit = (events: OutboxEvent[]) => outbox.emitMany(ds.manager, events);
  const undispatched = async (): Promise<Array<{ id: string; attempts: number; last_error: string | null }>> =>
    ds.query('SELECT id::text AS id, attempts, last_error FROM outbox_event WHERE dispatched_at IS NULL ORDER BY id');
  const newPrefix = (): string => {
    const p = `apt-test-outbox-${randomBytes(4).toString('hex')}`;
    prefixes.push(p);
    return p;
  };
  const mailEvent = (reminder = false): OutboxEvent => ({
    type: 'mail.invitation',
    payload: { invitationId: randomUUID(), reminder },
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });

  afterEach(async () => {
    // Each test starts with an empty outbox.
    await ds.query('DELETE FROM outbox_event');
  });

  afterAll(async () => {
    for (const child of children) await stopRedis(child);
    await ds.destroy();
    await db.drop();
    for (const p of prefixes) await deleteRedisPrefix(p);
  });

  it('turns events into jobs with deterministic ids, collapses debounced bursts and marks rows dispatched', async () => {
    const queues = queuesOn(TEST_REDIS_URL, newPrefix());
    try {
      const relay = new OutboxRelay(ds, bullSink(queues));
      await emit([
        mailEvent(),
        { type: 'mail.verify-email', payload: { verificationId: randomUUID() } },
        { type: 'response.submitted', payload: { roundId: R, institutionId: I, responseId: randomUUID(), version: 1 } },
        { type: 'verdict.saved', payload: { roundId: R, institutionId: I, verdictId: randomUUID() } },
        { type: 'citizen-report.saved', payload: { roundId: R, institutionId: I, reportId: randomUUID() } },
        { type: 'round.recompute', payload: { roundId: R, runId: 'run-1' } },
      ]);
      await ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('no.such.type', '{}'::jsonb)`);
      const ids: string[] = (await undispatched()).map((r) => r.id);

      const result = await relay.drainOnce();
      expect(result).toEqual({ selected: 7, dispatched: 6, rejected: 1, failed: 0 });
      expect(await undispatched()).toEqual([]);
      const [unknown] = await ds.query(`SELECT last_error FROM outbox_event WHERE type = 'no.such.type'`);
      expect(unknown.last_error).toMatch(/no job for event type/);

      expect((await queues.mail.getJob(jobIds.mail(ids[0])))?.name).toBe('send-invitation');
      expect((await queues.mail.getJob(jobIds.mail(ids[1])))?.data).toEqual({
        verificationId: expect.any(String),
        eventId: ids[1],
      });
      // Three changes of one institution → one delayed recompute; plus the round rebuild.
      expect(await queues.metric.getDelayedCount()).toBe(1);
      const inst = await queues.metric.getJob(jobIds.institution(R, I));
      expect(inst?.data).toEqual({ roundId: R, institutionId: I });
      expect(await inst?.getState()).toBe('delayed');
      expect(await queues.metric.getJob(jobIds.round('run-1'))).not.toBeNull();

      expect(await relay.drainOnce()).toEqual({ selected: 0, dispatched: 0, rejected: 0, failed: 0 });
    } finally {
      await closeQueues(queues);
    }
  });

  it('gives a change its own job when the debounced job is already running', async () => {
    const queues = queuesOn(TEST_REDIS_URL, newPrefix());
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let calls = 0;
    // Holds the first job active; later ones (the event's own job) finish at once, so close() never waits on them.
    const running = new Promise<void>((resolve) => {
      void queues.metric.process('recompute-institution', () => {
        if (calls++ > 0) return Promise.resolve();
        resolve();
        return held;
      });
    });
    try {
      const relay = new OutboxRelay(ds, bullSink(queues));
      await emit([{ type: 'verdict.saved', payload: { roundId: R, institutionId: I, verdictId: randomUUID() } }]);
      await relay.drainOnce();
      await running; // the debounced job left its delay and is active now
      await emit([{ type: 'verdict.saved', payload: { roundId: R, institutionId: I, verdictId: randomUUID() } }]);
      const [{ id }] = await undispatched();
      expect(await relay.drainOnce()).toMatchObject({ dispatched: 1, failed: 0 });
      const own = await queues.metric.getJob(`${jobIds.institution(R, I)}:${id}`);
      expect(own).not.toBeNull();
      expect(own?.data).toEqual({ roundId: R, institutionId: I });
    } finally {
      release();
      await closeQueues(queues);
    }
  });

  it('lets several relays drain at once without handing out an event twice', async () => {
    const queues = queuesOn(TEST_REDIS_URL, newPrefix());
    try {
      const count = 1200;
      await emit(Array.from({ length: count }, () => mailEvent()));
      const added: string[] = [];
      const relays = [0, 1, 2].map(() => new OutboxRelay(ds, recording(bullSink(queues), added)));
      const drainAll = async (relay: OutboxRelay): Promise<number> => {
        let n = 0;
        for (;;) {
          const r = await relay.drainOnce(100);
          n += r.dispatched;
          if (r.selected === 0) return n;
        }
      };
      const perRelay = await Promise.all(relays.map(drainAll));
      expect(perRelay.reduce((a, b) => a + b, 0)).toBe(count);
      expect(perRelay.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(new Set(added).size).toBe(count);
      expect(added.length).toBe(count);
      expect(await queues.mail.getWaitingCount()).toBe(count);
      expect(await undispatched()).toEqual([]);
    } finally {
      await closeQueues(queues);
    }
  });

  it('keeps events in PostgreSQL while Redis is down and dispatches each exactly once when it returns', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    // The worker's relay connections: fail fast while Redis is down, reconnect within 2 s.
    const relayConnections = relayQueues(`redis://127.0.0.1:${port}`, 'apt-test-outbox');
    const queues = relayConnections.queues;
    try {
      const relay = new OutboxRelay(ds, bullSink(queues, 1000));
      await emit([mailEvent()]);
      expect(await relay.drainOnce()).toMatchObject({ dispatched: 1 });

      await stopRedis(redis);
      await emit([
        mailEvent(),
        mailEvent(true),
        mailEvent(),
        { type: 'round.recompute', payload: { roundId: R, runId: 'run-down' } },
      ]);
      const down1 = await relay.drainOnce();
      expect(down1).toMatchObject({ selected: 4, dispatched: 0, failed: 4 });
      expect(down1.error).toBeDefined();
      const waiting = await undispatched();
      expect(waiting).toHaveLength(4);
      expect(waiting.every((r) => r.attempts === 1 && r.last_error)).toBe(true);
      await relay.drainOnce();
      expect((await undispatched()).every((r) => r.attempts === 2)).toBe(true);

      redis = await startRedis(port);
      let dispatched = 0;
      for (let i = 0; i < 200 && dispatched < 4; i++) {
        const r = await relay.drainOnce();
        dispatched += r.dispatched;
        if (r.selected === 0) break;
        if (r.error) await new Promise((res) => setTimeout(res, 100));
      }
      expect(dispatched).toBe(4);
      expect(await undispatched()).toEqual([]);
      // The restarted Redis is empty (no persistence): exactly the 3 mail jobs of the outage, none twice.
      expect(await queues.mail.getWaitingCount()).toBe(3);
      expect(await queues.metric.getWaitingCount()).toBe(1);
    } finally {
      try {
        await relayConnections.close();
      } finally {
        await stopRedis(redis);
      }
    }
  });

  it('runs in the worker: events wait out a Redis outage and drain by themselves when it returns', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      QUEUE_PREFIX: 'apt-test-relay',
    });
    const worker = await startWorker(env);
    const probe = openQueue(QUEUES.mail, env.REDIS_URL, env.QUEUE_PREFIX);
    try {
      // Let the worker's connections finish their handshakes first: one event relayed and processed.
      await emit([{ type: 'mail.verify-email', payload: { verificationId: randomUUID() } }]);
      await until(
        () => probe.getFailedCount(),
        (n) => n === 1,
        'the worker to process a first job',
      );
      await probe.close();
      await ds.query('DELETE FROM outbox_event');

      await stopRedis(redis);
      // Verification mails of unknown ids: the mail worker discards them once they arrive; what matters is the outbox.
      await emit(
        Array.from({ length: 5 }, (): OutboxEvent => ({
          type: 'mail.verify-email',
          payload: { verificationId: randomUUID() },
        })),
      );
      const tried = async () => (await undispatched()).filter((r) => r.attempts > 0 && r.last_error).length;
      await until(tried, (n) => n === 5, 'the relay to try and fail while Redis is down');
      expect(await undispatched()).toHaveLength(5);

      redis = await startRedis(port);
      await until(
        async () => (await undispatched()).length,
        (n) => n === 0,
        'the relay to catch up after Redis returned',
      );
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NOT NULL');
      expect(n).toBe(5);
    } finally {
      await probe.close();
      try {
        await worker.close();
      } finally {
        await stopRedis(redis);
      }
    }
  });
});
