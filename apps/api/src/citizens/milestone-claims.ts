import type { DataSource, EntityManager } from 'typeorm';

/*
 * Milestones of commitments (commitments/) are verified by citizens through the ordinary verdict engine
 * (claim kind `milestone`); what the verdict engine needs of them lives here, below commitments.
 */

/** Verdict name of a milestone: the claim kind `milestone` of the verdict engine (see the migration). */
export const MILESTONE_CLAIM_PREFIX = 'milestone:';
export const milestoneClaimName = (milestoneId: string): string => `${MILESTONE_CLAIM_PREFIX}${milestoneId}`;

/**
 * Milestones citizens may verify on an assignment of round `roundId` for `institutionId`: those of
 * the institution's commitments made after an earlier *published* round of the same operator, once
 * due or declared met. Verification rides on the next round's assignments, so the assignment,
 * evidence and reply-window rules of that round apply unchanged.
 */
export const MILESTONES_TO_VERIFY_SQL = `
  SELECT ms.id, ms.title, ms.due_date::text AS due_date, ms.declared_done, c.title AS commitment_title,
         c.outcome_indicator, c.owner, cr.name AS commitment_round_name
  FROM commitment_milestone ms
  JOIN commitment c ON c.id = ms.commitment_id
  JOIN round cr ON cr.id = c.round_id
  JOIN round ar ON ar.id = $1
  WHERE c.institution_id = $2 AND cr.guarantor_id = ar.guarantor_id AND cr.id <> ar.id AND cr.status = 'published'
    AND (ms.declared_done OR ms.due_date <= current_date)
  ORDER BY cr.published_at, c.key, ms.position, ms.id`;

/** Names of the milestone claims a validator may give a verdict on (used by the verdict engine). */
export async function milestoneClaimNames(
  m: EntityManager | DataSource,
  roundId: string,
  institutionId: string,
): Promise<Set<string>> {
  const rows: Array<{ id: string }> = await m.query(MILESTONES_TO_VERIFY_SQL, [roundId, institutionId]);
  return new Set(rows.map((r) => milestoneClaimName(r.id)));
}
