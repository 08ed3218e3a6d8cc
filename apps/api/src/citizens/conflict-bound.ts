import type { Queryable } from '../common/persistence';
import { DueProcessErrors } from '../due-process/due-process.errors';
import type { ValidatorsRepository } from './validators.repository';

/**
 * Throws TOO_MANY_CONFLICTS when some open round would see more of these institutions than its
 * `max_conflicts` (issue #13). `roundId` restricts the check to one round (assignment requests).
 */
export async function assertConflictBound(
  validators: ValidatorsRepository,
  m: Queryable,
  institutionIds: readonly string[],
  roundId: string | null = null,
): Promise<void> {
  if (institutionIds.length === 0) return;
  const worst = await validators.conflictOverflow(m, institutionIds, roundId);
  if (worst) throw DueProcessErrors.tooManyConflicts(worst.roundName, worst.declared, worst.max);
}
