import { INestApplicationContext } from '@nestjs/common';
import { QUEUES, queueToken, type Queue } from '@apertura/queue';
import { startWorker } from '../apps/worker/src/main';
import { startTestApp, TestApp } from './support/app';
import { guarantorWithAdmin, Staff } from './support/fixtures';
import { client } from './support/http';
import { undispatchedEvents, unfinishedJobs, until } from './support/metric-helpers';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';
import { openSse, SseEvent, SseStream } from './support/sse';

interface Changed {
  roundId: string;
  version: string;
  watermark: string;
  scope: 'institution' | 'areas' | 'all';
  institutionId?: string;
  catchUp?: boolean;
}

const data = (e: SseEvent): Changed => JSON.parse(e.data) as Changed;

/**
 * Live results (issue #17, item 3) end to end: the real worker commits results and NOTIFYs in the
 * same transaction, the real API streams them (SSE). Writes are the outbox events the API's write
 * routes commit with a submission or a citizen report; the worker takes them from there.
 */
describe('live results events (SSE)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: Staff;
  let other: Staff;
  let published: RoundFixture;
  let closed: RoundFixture;
  let othersPublished: RoundFixture;
  const open: SseStream[] = [];

  const url = (roundId: string) => `${t.url}/api/rounds/${roundId}/results/events`;
  const sse = async (roundId: string, headers: Record<string, string> = {}, base = t.url): Promise<SseStream> => {
    const s = await openSse(`${base}/api/rounds/${roundId}/results/events`, headers);
    open.push(s);
    return s;
  };
  const version = async (roundId: string): Promise<bigint> => {
    const [row]: Array<{ v: string }> = await t.ds.query(
      'SELECT version::text AS v FROM result_change WHERE round_id = $1',
      [roundId],
    );
    return BigInt(row?.v ?? '0');
  };
  /** What the API commits with a new citizen report of an institution (the worker recomputes it and its areas). */
  const write = async (roundId: string, institutionId: string): Promise<void> => {
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('citizen-report.saved', $1::jsonb)`, [
      JSON.stringify({ roundId, institutionId }),
    ]);
  };
  const rebuilt = async (roundId: string): Promise<void> => {
    const [{ id: runId }] = await t.ds.query('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [
      roundId,
    ]);
    await t.ds.query(`INSERT INTO outbox_event (type, payload) VALUES ('round.recompute', $1::jsonb)`, [
      JSON.stringify({ roundId, runId }),
    ]);
    await until(
      async () => (await t.ds.query('SELECT status FROM recompute_run WHERE id = $1', [runId]))[0].status as string,
      (s) => s === 'done',
      'rebuild',
      45_000,
    );
  };

  beforeAll(async () => {
    t = await startTestApp({
      tag: 'sse',
      env: { RESULTS_STREAM_HEARTBEAT_MS: '200', RESULTS_STREAMS_PER_CLIENT: '4' },
    });
    worker = await startWorker(t.env);
    const http = client(t.url);
    staff = await guarantorWithAdmin(t.ds, http);
    other = await guarantorWithAdmin(t.ds, http);
    published = await buildRoundFixture(t.ds, {
      seed: 'sse-published',
      institutions: 8,
      guarantorId: staff.guarantorId,
      status: 'published',
    });
    closed = await buildRoundFixture(t.ds, {
      seed: 'sse-closed',
      institutions: 4,
      guarantorId: staff.guarantorId,
      status: 'closed',
    });
    othersPublished = await buildRoundFixture(t.ds, {
      seed: 'sse-other',
      institutions: 4,
      guarantorId: other.guarantorId,
      status: 'published',
    });
    await rebuilt(published.roundId);
  }, 120_000);

  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await worker?.close();
    await t?.close();
  });

  it('a committed result write reaches an open stream: the institution, then its areas', async () => {
    const s = await sse(published.roundId);
    expect(s.status).toBe(200);
    expect(s.contentType).toMatch(/^text\/event-stream/);
    const ready = await s.next((e) => e.event === 'ready');
    // The rebuild above announced itself: the stream starts from the round's current version.
    expect(BigInt(ready.id ?? '0')).toBe(await version(published.roundId));
    expect(s.retry).toBeGreaterThan(0);

    const institutionId = published.institutionIds[2];
    await write(published.roundId, institutionId);
    const inst = data(await s.next((e) => e.event === 'results' && data(e).scope === 'institution'));
    expect(inst).toMatchObject({ roundId: published.roundId, institutionId });
    expect(BigInt(inst.version)).toBeGreaterThan(BigInt(ready.id ?? '0'));
    const areas = data(await s.next((e) => e.event === 'results' && data(e).scope === 'areas'));
    expect(BigInt(areas.version)).toBeGreaterThan(BigInt(inst.version));
    // Heartbeats keep an idle stream open through proxies.
    await until(
      async () => s.comments,
      (n) => n > 0,
      'a heartbeat',
      5000,
      50,
    );
  }, 60_000);

  it('a reconnect with Last-Event-ID catches up once when the round moved on meanwhile', async () => {
    const first = await sse(published.roundId);
    const ready = await first.next((e) => e.event === 'ready');
    first.close();
    const before = BigInt(ready.id ?? '0');
    await write(published.roundId, published.institutionIds[3]);
    // Every job the write caused has ended (an area job announces its area rows, then its rankings and
    // re-finalised institutions when it wrote any), so the counter no longer moves.
    await until(
      async () =>
        (await undispatchedEvents((sql) => t.ds.query(sql))) +
        (await unfinishedJobs([QUEUES.metric, QUEUES.areas].map((name) => t.app.get<Queue>(queueToken(name))))),
      (pending) => pending === 0,
      'the institution and area jobs to end',
      30_000,
    );
    expect(await version(published.roundId)).toBeGreaterThanOrEqual(before + 2n);
    const again = await sse(published.roundId, { 'last-event-id': String(before) });
    const catchUp = await again.next((e) => e.event === 'results');
    expect(data(catchUp)).toMatchObject({ roundId: published.roundId, scope: 'all', catchUp: true });
    expect(BigInt(catchUp.id ?? '0')).toBe(await version(published.roundId));

    // Up to date: nothing to catch up; the next event is the next write's, not a catch-up.
    const current = catchUp.id ?? '0';
    again.close();
    const third = await sse(published.roundId, { 'last-event-id': current });
    await write(published.roundId, published.institutionIds[4]);
    const next = await third.next((e) => e.event === 'results');
    expect(data(next).catchUp).toBeUndefined();
    expect(data(next).scope).toBe('institution');
    expect(third.events.filter((e) => e.event === 'ready')).toHaveLength(0);
  }, 60_000);

  it('follows the results routes’ access rules', async () => {
    const anonymous = await sse(closed.roundId);
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).toMatchObject({ code: 'NOT_FOUND' });
    const own = await sse(closed.roundId, { authorization: `Bearer ${staff.adminToken}` });
    expect(own.status).toBe(200);
    await own.next((e) => e.event === 'ready');
    const stranger = await sse(closed.roundId, { authorization: `Bearer ${other.adminToken}` });
    expect(stranger.status).toBe(404);
    // Another guarantor's published round is public, for staff too.
    const theirs = await sse(othersPublished.roundId, { authorization: `Bearer ${staff.adminToken}` });
    expect(theirs.status).toBe(200);
    const bad = await sse(published.roundId, { 'last-event-id': 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const notUuid = await fetch(url('not-a-round'));
    expect(notUuid.status).toBe(400);
  }, 30_000);

  it('limits the open streams of one client', async () => {
    const streams = await Promise.all([1, 2, 3, 4].map(() => sse(published.roundId)));
    for (const s of streams) expect(s.status).toBe(200);
    await Promise.all(streams.map((s) => s.next((e) => e.event === 'ready')));
    const fifth = await sse(published.roundId);
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({ code: 'RATE_LIMITED' });
    // A closed stream frees its place.
    streams[0].close();
    await until(
      async () => {
        const s = await sse(published.roundId);
        s.close();
        return s.status;
      },
      (status) => status === 200,
      'a free stream slot',
      5000,
    );
  }, 30_000);

  it('keeps streaming when its LISTEN connection is lost: reconnects and catches up', async () => {
    const s = await sse(published.roundId);
    await s.next((e) => e.event === 'ready');
    const [{ n }]: Array<{ n: number }> = await t.ds.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'apertura-results-listen' AND datname = current_database()`,
    );
    expect(n).toBe(1);
    await write(published.roundId, published.institutionIds[5]);
    const e = data(await s.next((x) => x.event === 'results'));
    expect(e.roundId).toBe(published.roundId);
    // The next write comes through the new LISTEN connection as an ordinary notification.
    const from = s.events.length;
    await until(
      async () =>
        (
          await t.ds.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'apertura-results-listen' AND datname = current_database()`,
          )
        )[0].n as number,
      (k) => k === 1,
      'the LISTEN connection back',
      20_000,
    );
    await write(published.roundId, published.institutionIds[6]);
    expect(
      data(await s.next((x) => x.event === 'results' && data(x).scope === 'institution', from)).institutionId,
    ).toBe(published.institutionIds[6]);
  }, 60_000);

  it('an API restart loses nothing: a new process streams, and catches a reconnecting browser up', async () => {
    // A second API process on the same database (a restarted one, or another replica).
    const second = await startTestApp({ db: t.db, tag: 'sse', env: { RESULTS_STREAM_HEARTBEAT_MS: '200' } });
    try {
      const s = await sse(published.roundId, {}, second.url);
      const ready = await s.next((e) => e.event === 'ready');
      await second.app.close();
      await until(
        async () => s.ended,
        (ended) => ended,
        'the stream to end with its process',
        10_000,
        50,
      );
      await write(published.roundId, published.institutionIds[1]);
      await until(
        () => version(published.roundId),
        (v) => v >= BigInt(ready.id ?? '0') + 2n,
        'the writes',
        30_000,
      );
      // The browser reconnects (to the restarted process, here the first one) with its Last-Event-ID.
      const back = await sse(published.roundId, { 'last-event-id': ready.id ?? '0' });
      expect(data(await back.next((e) => e.event === 'results'))).toMatchObject({ catchUp: true });
      await write(published.roundId, published.institutionIds[0]);
      expect(
        data(await back.next((e) => e.event === 'results' && !data(e).catchUp && data(e).scope === 'institution'))
          .institutionId,
      ).toBe(published.institutionIds[0]);
    } finally {
      await second.app.close().catch(() => undefined);
    }
  }, 90_000);
});
