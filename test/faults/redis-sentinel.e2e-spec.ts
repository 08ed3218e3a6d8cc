import { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin } from '../support/fixtures';
import { client, Client } from '../support/http';
import { until } from '../support/metric-helpers';
import { TEST_REDIS_URL } from '../support/redis';
import { ThrowawayRedis, ThrowawaySentinel } from './support/redis';
import { seedInvitedRound, type SeededRound } from '../support/seed';
import { answersFor } from './support/round';

/**
 * Redis through Sentinel (docs/scaling.md): the API and the worker are given the sentinel's address
 * and the master's name; REDIS_URL points at the machine's shared Redis on purpose, so the test shows
 * that every connection — Bull queues of the API and worker, the outbox relay, the rate limiter —
 * found its server through the sentinel and none used the URL's host.
 */

/**
 * How long a step may take before the test calls it a hang. Not a speed assertion: on a shared two-core
 * machine these recoveries took 40 s to more than 90 s (CI, 2026-12-06); only a hang should fail (issue #17).
 */
const LONG = 6 * 60_000;
const MASTER = 'apertura-test';

describe('Redis Sentinel', () => {
  let master: ThrowawayRedis;
  let sentinel: ThrowawaySentinel;
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let http: Client;
  let round: SeededRound;

  beforeAll(async () => {
    master = await ThrowawayRedis.start();
    sentinel = await ThrowawaySentinel.start(master, MASTER);
    t = await startTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`, REDIS_SENTINEL_NAME: MASTER },
    });
    worker = await startWorker(t.env);
    http = client(t.url);
    const staff = await guarantorWithAdmin(t.ds, http);
    round = await seedInvitedRound(t.ds, staff.guarantorId, t.env.TOKEN_SECRET, 1, 'Ronda bajo fallas');
  }, LONG);

  afterAll(async () => {
    try {
      await worker?.close();
      await t?.close();
    } finally {
      await sentinel?.stop();
      await master?.stopAll();
    }
  }, LONG);

  it(
    'runs submissions through the outbox, the queues and the worker on the master the sentinel names',
    async () => {
      const submitted = await http.post(
        '/api/respond/submit',
        { data: answersFor(0), idempotencyKey: 'sentinel-0001' },
        { invitation: round.institutions[0].token },
      );
      expect(submitted.status).toBe(201);
      await until(
        async () =>
          (
            await t.ds.query(
              `SELECT count(*)::int AS n FROM metric_result WHERE round_id = $1 AND scope = 'institution'`,
              [round.roundId],
            )
          )[0].n,
        (n) => n > 0,
        'the institution results computed by the worker',
        LONG,
        200,
      );

      const keys = async (url: string, pattern: string): Promise<string[]> => {
        const r = new Redis(url, { lazyConnect: true });
        try {
          await r.connect();
          return await r.keys(pattern);
        } finally {
          r.disconnect();
        }
      };
      const prefix = t.env.QUEUE_PREFIX;
      const onMaster = await keys(master.url, `${prefix}:*`);
      expect(onMaster.some((k) => k.startsWith(`${prefix}:metric:`))).toBe(true); // worker jobs
      expect(onMaster.some((k) => k.startsWith(`${prefix}:throttle:`))).toBe(true); // API rate limiter
      expect(await keys(TEST_REDIS_URL, `${prefix}:*`)).toEqual([]);
    },
    LONG,
  );
});
