import type { DataSource } from 'typeorm';

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
