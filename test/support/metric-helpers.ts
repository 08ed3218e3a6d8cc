import type { DataSource } from 'typeorm';
import type { Queue } from '@apertura/queue';

/** Polls `probe` until `ok` (every `intervalMs`); fails with the last value after `timeoutMs`. */
export async function until<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Jobs of these queues that have not ended (waiting, delayed or running): 0 when all are idle. */
export async function unfinishedJobs(queues: readonly Queue[]): Promise<number> {
  let busy = 0;
  for (const q of queues) {
    const c = await q.getJobCounts();
    busy += c.waiting + c.delayed + c.active;
  }
  return busy;
}

/** Outbox events the relay has not handed to a queue yet (`query`: any client's query function). */
export async function undispatchedEvents(
  query: (sql: string) => Promise<Array<{ n: number }> | { rows: Array<{ n: number }> }>,
): Promise<number> {
  const answer = await query('SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL');
  return (Array.isArray(answer) ? answer : answer.rows)[0].n;
}

export interface ResultNumbers {
  scope: string;
  scope_key: string;
  aggregation: string;
  indicator: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  cv: number | null;
  n: number;
  population_size: number | null;
  status: string;
  needed: number;
}

/**
 * Every number of a round's results in key order. float8 values come back from PostgreSQL in their
 * shortest exact form, so equal snapshots mean bit-identical numbers.
 */
export async function resultSnapshot(ds: DataSource, roundId: string): Promise<ResultNumbers[]> {
  return ds.query(
    `SELECT scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, population_size, status, needed
     FROM metric_result WHERE round_id = $1 ORDER BY scope, scope_key, aggregation, indicator`,
    [roundId],
  );
}
