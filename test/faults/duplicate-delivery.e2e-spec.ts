import { INestApplicationContext } from '@nestjs/common';
import { JOBS, QUEUES, openQueue, type Queue } from '@apertura/queue';
import { startWorker } from '../../apps/worker/src/main';
import { startTestApp, TestApp } from '../support/app';
import { guarantorWithAdmin } from '../support/fixtures';
import { client } from '../support/http';
import { resultSnapshot, ResultNumbers, unfinishedJobs, until } from '../support/metric-helpers';
import { buildRoundFixture, RoundFixture } from '../support/round-fixture';
import { startSmtp, TestSmtp } from '../support/smtp';
import { seedInvitedRound } from '../support/seed';

/**
 * At-least-once delivery means a job can run twice (a relay retry after a lost acknowledgement, a
 * stalled job re-run). Deterministic job ids collapse duplicates only while a job waits; here each
 * copy gets its own id, so both really run — and the effects must still happen once: the same result
 * rows (no double counting), one e-mail.
 */

/**
 * How long a step may take before the test calls it a hang. Not a speed assertion: on a shared two-core
 * machine these recoveries took 40 s to more than 90 s (CI, 2026-12-06); only a hang should fail (issue #17).
 */
const LONG = 6 * 60_000;

describe('fault: duplicate delivery of jobs', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let metric: Queue;
  let areas: Queue;
  let mail: Queue;
  let fx: RoundFixture;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    worker = await startWorker(t.env);
    metric = openQueue(QUEUES.metric, t.env.REDIS_URL, t.env.QUEUE_PREFIX);
    areas = openQueue(QUEUES.areas, t.env.REDIS_URL, t.env.QUEUE_PREFIX);
    mail = openQueue(QUEUES.mail, t.env.REDIS_URL, t.env.QUEUE_PREFIX);
    fx = await buildRoundFixture(t.ds, {
      seed: 'duplicate-delivery',
      institutions: 40,
      municipalities: 8,
      status: 'closed',
      validators: 12,
    });
  }, LONG);

  afterAll(async () => {
    await metric?.close();
    await areas?.close();
    await mail?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  }, LONG);

  /** Adds the same payload under two job ids at once and waits for both copies to finish. */
  async function twice<T extends object>(queue: Queue, name: string, data: T, tag: string): Promise<unknown[]> {
    const jobs = await Promise.all(
      [1, 2].map((n) => queue.add(name, data, { jobId: `dup:${tag}:${n}`, attempts: 3, removeOnComplete: false })),
    );
    return Promise.all(jobs.map((j) => j.finished()));
  }

  const rowsAndKeys = async (): Promise<{ rows: number; keys: number }> =>
    (
      await t.ds.query(
        `SELECT count(*)::int AS rows, count(DISTINCT (scope, scope_key, aggregation, indicator))::int AS keys FROM metric_result WHERE round_id = $1`,
        [fx.roundId],
      )
    )[0];

  const newRun = async (): Promise<string> =>
    (await t.ds.query('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [fx.roundId]))[0].id;

  it(
    'a full rebuild, an institution recompute and an area recompute delivered twice give the same rows, none doubled',
    async () => {
      const runId = await newRun();
      await twice(metric, JOBS.recomputeRound, { roundId: fx.roundId, runId }, 'round');
      const [run] = await t.ds.query('SELECT status FROM recompute_run WHERE id = $1', [runId]);
      expect(run.status).toBe('done');
      const afterRound: ResultNumbers[] = await resultSnapshot(t.ds, fx.roundId);
      expect(afterRound.length).toBeGreaterThan(fx.counts.institutions);
      expect(await rowsAndKeys()).toEqual({ rows: afterRound.length, keys: afterRound.length });

      const institutionId = fx.institutionIds[0];
      await twice(metric, JOBS.recomputeInstitution, { roundId: fx.roundId, institutionId }, 'institution');
      await twice(areas, JOBS.recomputeArea, { roundId: fx.roundId }, 'area');
      // Wait for any area job the institution recomputes scheduled.
      await until(
        () => unfinishedJobs([metric, areas]),
        (n) => n === 0,
        'the metric queues to be idle',
        LONG,
      );
      expect(await resultSnapshot(t.ds, fx.roundId)).toEqual(afterRound);
      expect(await rowsAndKeys()).toEqual({ rows: afterRound.length, keys: afterRound.length });

      // Validator counts come from the inputs, once each: a fresh rebuild agrees.
      const again = await newRun();
      await twice(metric, JOBS.recomputeRound, { roundId: fx.roundId, runId: again }, 'round-again');
      expect(await resultSnapshot(t.ds, fx.roundId)).toEqual(afterRound);
    },
    LONG * 2,
  );

  it(
    'an invitation mail delivered twice (even at the same time) is sent once',
    async () => {
      const staff = await guarantorWithAdmin(t.ds, client(t.url));
      const round = await seedInvitedRound(t.ds, staff.guarantorId, t.env.TOKEN_SECRET, 1, 'Ronda bajo fallas');
      const [{ id: invitationId }] = await t.ds.query('SELECT id FROM invitation WHERE round_id = $1', [round.roundId]);
      // The outbox event the job comes from (already relayed, so only our two copies exist).
      const [event] = await t.ds.query(
        `INSERT INTO outbox_event (type, payload, dispatched_at) VALUES ('mail.invitation', $1::jsonb, now()) RETURNING id::text AS id`,
        [JSON.stringify({ invitationId, reminder: false })],
      );
      const before = smtp.messages.length;
      const outcomes = await twice(
        mail,
        JOBS.sendInvitation,
        { invitationId, reminder: false, eventId: event.id },
        'mail',
      );
      expect([...outcomes].sort()).toEqual(['duplicate', 'sent']);
      expect(smtp.messages.length - before).toBe(1);
      const [institution] = await t.ds.query(
        'SELECT i.email FROM institution i JOIN invitation v ON v.institution_id = i.id WHERE v.id = $1',
        [invitationId],
      );
      expect(smtp.messages[before].to).toEqual([institution.email]);
      expect(await t.ds.query('SELECT kind, outcome FROM mail_delivery WHERE event_id = $1', [event.id])).toEqual([
        { kind: 'invitation', outcome: 'sent' },
      ]);

      // A third, later copy is a duplicate too.
      const late = await mail.add(
        JOBS.sendInvitation,
        { invitationId, reminder: false, eventId: event.id },
        { jobId: 'dup:mail:3', removeOnComplete: false },
      );
      expect(await late.finished()).toBe('duplicate');
      expect(smtp.messages.length - before).toBe(1);
    },
    LONG,
  );
});
