import { INestApplicationContext } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, JOBS, jobIds, openQueue, queueConsumers, QUEUES } from '@apertura/queue';
import type { Queue, QueueName } from '@apertura/queue';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { resultSnapshot, until } from './support/metric-helpers';
import { buildRoundFixture } from './support/round-fixture';
import { startSmtp, TestSmtp } from './support/smtp';

/**
 * Workers that consume some of the queues (WORKER_QUEUES, docs/scaling.md): one process takes the area
 * jobs alone, another the institution jobs, rebuilds, mail and imports. A round's changes flow through
 * both — institution jobs on one, the area jobs they schedule on the other — and end with the numbers a
 * full rebuild stores.
 */
describe('workers that consume some of the queues (WORKER_QUEUES)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let general: INestApplicationContext;
  let areasOnly: INestApplicationContext;
  const queues = new Map<QueueName, Queue>();
  let areaJobsCompleted = 0;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    general = await startWorker({ ...t.env, WORKER_QUEUES: 'mail, metric, import' });
    areasOnly = await startWorker({ ...t.env, WORKER_QUEUES: QUEUES.areas });
    for (const name of Object.values(QUEUES)) queues.set(name, openQueue(name, t.env.REDIS_URL, t.env.QUEUE_PREFIX));
    // Completed jobs are removed (DEFAULT_JOB_OPTIONS): the area jobs are counted as Bull announces them.
    const areas = queues.get(QUEUES.areas) as Queue;
    const subscribed = new Promise<void>((resolve) => areas.once('registered:global:completed', () => resolve()));
    areas.on('global:completed', () => (areaJobsCompleted += 1));
    await subscribed;
  });

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await areasOnly?.close();
    await general?.close();
    await t?.close();
    await smtp?.close();
  });

  const queue = (name: QueueName): Queue => queues.get(name) as Queue;

  it('each process consumes the queues it names, and nothing else', async () => {
    await until(
      async () => Promise.all(Object.values(QUEUES).map((name) => queueConsumers(queue(name)))),
      (counts) => counts.every((c) => c === 1),
      'one consumer per queue',
    );
    // Bull's own count matches names by prefix: the area worker would also count as a consumer of `metric`.
    expect((await queue(QUEUES.metric).getWorkers()).length).toBe(2);
  });

  it('refuses to start when WORKER_QUEUES names an unknown queue', async () => {
    await expect(startWorker({ ...t.env, WORKER_QUEUES: 'metric,metrics' })).rejects.toThrow(
      'WORKER_QUEUES: unknown queue "metrics" (known: mail, metric, import, metric-area)',
    );
  });

  it('a round’s changes go through institution jobs on one worker and area jobs on the other, as a rebuild would store them', async () => {
    const fx = await buildRoundFixture(t.ds, {
      seed: 'worker-queues',
      institutions: 24,
      municipalities: 5,
      status: 'open',
      reportsPerInstitution: [0, 4],
      emitEvents: true,
    });
    const busy = async (): Promise<number> => {
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL');
      const counts = await Promise.all([QUEUES.metric, QUEUES.areas].map((name) => queue(name).getJobCounts()));
      return n + counts.reduce((sum, c) => sum + c.waiting + c.active + c.delayed, 0);
    };
    await until(
      async () => {
        const [{ municipalities }] = await t.ds.query(
          `SELECT count(DISTINCT scope_key)::int AS municipalities FROM metric_result WHERE round_id = $1 AND scope = 'municipality'`,
          [fx.roundId],
        );
        return { municipalities, busy: await busy() };
      },
      (s) => s.municipalities === fx.municipalities.length && s.busy === 0,
      'the round’s events processed',
      60_000,
      200,
    );
    expect(areaJobsCompleted).toBeGreaterThan(0);
    const incremental = await resultSnapshot(t.ds, fx.roundId);

    // A full rebuild, requested as the API does: a recompute-round job, taken by the general worker.
    const [{ id: runId }] = await t.ds.query('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [
      fx.roundId,
    ]);
    await queue(QUEUES.metric).add(
      JOBS.recomputeRound,
      { roundId: fx.roundId, runId },
      { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.round(runId) },
    );
    const run = await until(
      async () => (await t.ds.query('SELECT status, error FROM recompute_run WHERE id = $1', [runId]))[0],
      (r: { status: string }) => r.status === 'done' || r.status === 'failed',
      'the rebuild',
      60_000,
    );
    expect(run).toMatchObject({ status: 'done', error: null });
    // The rebuild also writes rows of institutions no event named (no input yet); every other row is the same.
    const rebuilt = await resultSnapshot(t.ds, fx.roundId);
    const named = new Set(incremental.filter((r) => r.scope === 'institution').map((r) => r.scope_key));
    expect(rebuilt.filter((r) => r.scope !== 'institution' || named.has(r.scope_key))).toEqual(incremental);
  });
});
