/**
 * Assignments are held for 14 days; then the institution returns to the pool. Overdue ones are
 * marked expired (AssignmentsRepository.expireOverdue) before every assignment request and by the
 * guarantor's endpoint, so their institutions count as available again.
 */
export const ASSIGNMENT_TTL_MS = 14 * 24 * 3600 * 1000;
