import type { EntityManager } from 'typeorm';

/**
 * Caches of things computed from a round's result rows (the co-signature record's results hash, the
 * overview's distribution) are valid while the count this returns stays the same: the result writes
 * that concern the round, as the caller's snapshot sees them. Migration 1765300000000 (result_write)
 * says why the same count means that no result row of the round changed. Read it first in a
 * REPEATABLE READ transaction, then compute in the same snapshot, so a kept pair is always true.
 */
export async function resultWritesSeen(m: Pick<EntityManager, 'query'>, roundId: string): Promise<string> {
  const [{ writes }]: Array<{ writes: string }> = await m.query(
    'SELECT count(*)::text AS writes FROM result_write WHERE round_id = $1 OR round_id IS NULL',
    [roundId],
  );
  return writes;
}
