import { createHmac } from 'crypto';
import { EntityManager } from 'typeorm';
import { lockoutMinutes } from './lockout';

/**
 * Failed sign-ins per (account, client). The lock an attacker earns by guessing applies to the
 * attacker's own client only: the owner, signing in from a client that has not failed, is never
 * refused the right password. Failures older than FAILURE_MEMORY_MS are forgotten, so the backoff
 * does not grow forever from a trickle of attempts.
 */
export const FAILURE_MEMORY_MS = 24 * 3600 * 1000;

/** The client as stored: an HMAC of its address (no raw IP addresses in the database). */
export function clientKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`login-client:${address}`).digest('hex');
}

export async function lockedUntil(m: EntityManager, userId: string, client: string, now: Date): Promise<Date | null> {
  const rows: Array<{ locked_until: Date | null }> = await m.query(
    'SELECT locked_until FROM login_failure WHERE user_id = $1 AND client_key = $2',
    [userId, client],
  );
  const until = rows[0]?.locked_until ?? null;
  return until && until > now ? until : null;
}

export async function recordFailure(m: EntityManager, userId: string, client: string, now: Date): Promise<void> {
  const [row]: Array<{ failures: number }> = await m.query(
    `INSERT INTO login_failure (user_id, client_key, failures, last_failed_at) VALUES ($1, $2, 1, $3)
     ON CONFLICT (user_id, client_key) DO UPDATE
       SET failures = CASE WHEN login_failure.last_failed_at < $4 THEN 1 ELSE login_failure.failures + 1 END, last_failed_at = $3
     RETURNING failures`,
    [userId, client, now, new Date(now.getTime() - FAILURE_MEMORY_MS)],
  );
  const minutes = lockoutMinutes(row.failures);
  if (minutes > 0) {
    await m.query('UPDATE login_failure SET locked_until = $3 WHERE user_id = $1 AND client_key = $2', [
      userId,
      client,
      new Date(now.getTime() + minutes * 60_000),
    ]);
  }
}

/** A successful sign-in clears that client's failures; a password reset clears every client's (self-service unlock). */
export async function clearFailures(m: EntityManager, userId: string, client?: string): Promise<void> {
  if (client) await m.query('DELETE FROM login_failure WHERE user_id = $1 AND client_key = $2', [userId, client]);
  else await m.query('DELETE FROM login_failure WHERE user_id = $1', [userId]);
}
