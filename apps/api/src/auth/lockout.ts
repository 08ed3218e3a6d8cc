/** Login lockout with exponential backoff: after 5 failures, 1 min, then 2, 4, … up to 60 minutes. */
export const LOCKOUT_THRESHOLD = 5;

export function lockoutMinutes(failedLogins: number): number {
  if (failedLogins < LOCKOUT_THRESHOLD) return 0;
  return Math.min(60, 2 ** (failedLogins - LOCKOUT_THRESHOLD));
}
