import type { EntityManager } from 'typeorm';

/**
 * Caches of things computed from a round's result rows (the co-signature record's results hash, the
 * overview's distribution) are valid while the count this returns stays the same: the result writes
 * that concern the round, as the caller's snapshot sees them — the rows of result_write and the tally
 * of those pruned (migration 1765400000001). Migration 1765300000000 (result_write) says why the same
 * count means that no result row of the round changed. Read it first in a REPEATABLE READ
 * transaction, then compute in the same snapshot, so a kept pair is always true.
 */
export async function resultWritesSeen(m: Pick<EntityManager, 'query'>, roundId: string): Promise<string> {
  const [{ writes }]: Array<{ writes: string }> = await m.query(`SELECT (${RESULT_WRITES_SEEN_SQL})::text AS writes`, [
    roundId,
  ]);
  return writes;
}

/** The count of resultWritesSeen as an SQL expression of the round id `$1` (a bigint), to read beside other values. */
export const RESULT_WRITES_SEEN_SQL = `(SELECT count(*) FROM result_write WHERE round_id = $1 OR round_id IS NULL)
  + (SELECT coalesce(sum("rows"), 0) FROM result_write_pruned WHERE round_id = $1 OR round_id IS NULL)`;

/**
 * Moves the result_write rows into their per-round tally, in one statement: its single snapshot
 * deletes exactly the rows it counts, so resultWritesSeen gives every later snapshot the same number
 * as before, and rows inserted meanwhile stay for the next run. Several workers may run it at once
 * (a row is deleted, hence counted, once). Returns the rows moved.
 */
export async function pruneResultWrites(m: Pick<EntityManager, 'query'>): Promise<number> {
  const [{ moved }]: Array<{ moved: string }> = await m.query(
    `WITH gone AS (DELETE FROM result_write RETURNING round_id),
          tally AS (SELECT round_id, count(*) AS n FROM gone GROUP BY round_id),
          kept AS (
            INSERT INTO result_write_pruned AS p (round_id, "rows") SELECT round_id, n FROM tally
            ON CONFLICT (round_id) DO UPDATE SET "rows" = p."rows" + EXCLUDED."rows"
            RETURNING 1)
     SELECT coalesce(sum(n), 0)::text AS moved FROM tally`,
  );
  return Number(moved);
}
