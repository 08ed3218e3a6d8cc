import { INestApplicationContext } from '@nestjs/common';
import { QUEUES, openQueue } from '@apertura/queue';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin, Staff } from '../support/fixtures';
import { client, Client } from '../support/http';
import { resultSnapshot, unfinishedJobs, until } from '../support/metric-helpers';
import { ThrowawayRedis } from './support/redis';
import { seedInvitedRound, type SeededRound } from '../support/seed';
import { answersFor } from './support/round';

/**
 * Redis dies while institutions submit. Submissions only need PostgreSQL: the rate limiter fails open,
 * each response is stored with its outbox event in one transaction, and the events wait there. When
 * Redis returns (empty: no persistence) the worker's relay drains the outbox by itself and the
 * incremental results converge to what a full rebuild computes from the stored inputs.
 */

const N = 20;
/**
 * How long a step may take before the test calls it a hang. Not a speed assertion: on a shared two-core
 * machine these recoveries took 40 s to more than 90 s (CI, 2026-12-06); only a hang should fail (issue #17).
 */
const LONG = 6 * 60_000;

describe('fault: Redis outage during submissions', () => {
  let redis: ThrowawayRedis;
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let http: Client;
  let staff: Staff;
  let round: SeededRound;

  const undispatched = async (): Promise<number> =>
    (await t.ds.query('SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL'))[0].n;
  const institutionsWithResults = async (): Promise<number> =>
    (
      await t.ds.query(
        `SELECT count(DISTINCT scope_key)::int AS n FROM metric_result WHERE round_id = $1 AND scope = 'institution'`,
        [round.roundId],
      )
    )[0].n;

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    // A low per-IP limit: were the limiter to need Redis, the burst below would be refused.
    t = await startTestApp({ env: { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '10' } });
    worker = await startWorker(t.env);
    http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    round = await seedInvitedRound(t.ds, staff.guarantorId, t.env.TOKEN_SECRET, N + 1, 'Ronda bajo fallas');
  }, LONG);

  afterAll(async () => {
    try {
      await worker?.close();
      await t?.close();
    } finally {
      await redis?.stopAll();
    }
  }, LONG);

  it(
    'stores every submission while Redis is down, drains the outbox when it returns, and converges to a full rebuild',
    async () => {
      // Warm-up with Redis up: one institution's submission goes all the way to its results.
      const warm = round.institutions[N];
      expect(
        (
          await http.post(
            '/api/respond/submit',
            { data: answersFor(N), idempotencyKey: 'warm-up-0001' },
            { invitation: warm.token },
          )
        ).status,
      ).toBe(201);
      await until(institutionsWithResults, (n) => n === 1, 'the warm-up result', LONG);

      await redis.kill();
      const results = await Promise.all(
        round.institutions
          .slice(0, N)
          .map((inst, i) =>
            http.post(
              '/api/respond/submit',
              { data: answersFor(i), idempotencyKey: `outage-${i}-submission` },
              { invitation: inst.token },
            ),
          ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
      const [stored] = await t.ds.query(
        `SELECT (SELECT count(*)::int FROM response WHERE round_id = $1 AND status = 'submitted') AS responses,
                (SELECT count(*)::int FROM response_version v JOIN response r ON r.id = v.response_id WHERE r.round_id = $1) AS versions,
                (SELECT count(*)::int FROM outbox_event WHERE type = 'response.submitted' AND payload->>'roundId' = $1::text) AS events`,
        [round.roundId],
      );
      expect(stored).toEqual({ responses: N + 1, versions: N + 1, events: N + 1 });
      // Nothing can leave PostgreSQL while Redis is down.
      expect(await undispatched()).toBeGreaterThanOrEqual(N);

      await redis.restart();
      await until(undispatched, (n) => n === 0, 'the outbox to drain after Redis returned', LONG, 200);
      await until(institutionsWithResults, (n) => n === N + 1, 'results of every institution', LONG, 200);

      // Quiet: no metric job left (institution recomputes and the area recomputes they schedule).
      const queues = [QUEUES.metric, QUEUES.areas].map((q) => openQueue(q, redis.url, t.env.QUEUE_PREFIX));
      try {
        await until(
          () => unfinishedJobs(queues),
          (n) => n === 0,
          'the metric queues to be idle',
          LONG,
          200,
        );
      } finally {
        await Promise.all(queues.map((q) => q.close()));
      }
      const incremental = await resultSnapshot(t.ds, round.roundId);
      expect(incremental.length).toBeGreaterThan(N);

      // The reference: a full rebuild from the stored inputs.
      const requested = await http.post(`/api/rounds/${round.roundId}/recompute`, undefined, {
        token: staff.adminToken,
      });
      expect(requested.status).toBe(202);
      const run = await until(
        async () => (await t.ds.query('SELECT status FROM recompute_run WHERE id = $1', [requested.body.runId]))[0],
        (r) => r.status === 'done' || r.status === 'failed',
        'the full rebuild',
        LONG,
        200,
      );
      expect(run.status).toBe('done');
      expect(await resultSnapshot(t.ds, round.roundId)).toEqual(incremental);
    },
    LONG * 3,
  );
});
