import type { EntityManager } from 'typeorm';
import { mutateReturning } from '../../common/persistence';

/** Assignments are held for 14 days; then the institution returns to the pool. */
export const ASSIGNMENT_TTL_MS = 14 * 24 * 3600 * 1000;

/**
 * Marks overdue active assignments expired (one set-based UPDATE), so their institutions count as
 * available again. Called before every assignment request and by the guarantor's endpoint.
 * Returns how many were expired.
 */
export async function expireAssignments(m: Pick<EntityManager, 'query'>, now: Date, roundId?: string): Promise<number> {
  const params: unknown[] = [now];
  let scope = '';
  if (roundId) {
    params.push(roundId);
    scope = 'AND round_id = $2';
  }
  const rows = await mutateReturning<{ id: string }>(
    m,
    `UPDATE assignment SET status = 'expired', updated_at = now()
     WHERE status = 'active' AND expires_at < $1 ${scope} RETURNING id`,
    params,
  );
  return rows.length;
}
