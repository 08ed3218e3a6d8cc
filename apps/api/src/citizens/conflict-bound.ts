import type { EntityManager } from 'typeorm';
import { DueProcessErrors } from '../due-process/due-process.errors';

/**
 * Throws TOO_MANY_CONFLICTS when some open round would see more of these institutions than its
 * `max_conflicts` (issue #13). `roundId` restricts the check to one round (assignment requests).
 */
export async function assertConflictBound(
  m: EntityManager,
  institutionIds: readonly string[],
  roundId: string | null = null,
): Promise<void> {
  if (institutionIds.length === 0) return;
  const [worst]: Array<{ name: string; declared: number; max: number }> = await m.query(
    `SELECT r.name, count(*)::int AS declared, r.max_conflicts AS max
     FROM round r JOIN round_institution ri ON ri.round_id = r.id
     WHERE ri.institution_id = ANY($1::uuid[]) AND ($2::uuid IS NULL AND r.status = 'open' OR r.id = $2::uuid)
     GROUP BY r.id HAVING count(*) > r.max_conflicts
     ORDER BY count(*) - r.max_conflicts DESC, r.id LIMIT 1`,
    [institutionIds, roundId],
  );
  if (worst) throw DueProcessErrors.tooManyConflicts(worst.name, worst.declared, worst.max);
}
