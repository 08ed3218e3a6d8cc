import { Injectable } from '@nestjs/common';
import { createHmac } from 'crypto';
import type { Queryable } from '../common/persistence';
import { AuthRepository } from './auth.repository';
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

/** The backoff rules over the stored failures (AuthRepository holds the SQL). */
@Injectable()
export class LoginFailures {
  constructor(private readonly repo: AuthRepository) {}

  /** Until when this client is still locked out of the account, or null. */
  async lockedUntil(q: Queryable, userId: string, client: string, now: Date): Promise<Date | null> {
    const until = await this.repo.lockedUntil(q, userId, client);
    return until && until > now ? until : null;
  }

  async record(q: Queryable, userId: string, client: string, now: Date): Promise<void> {
    const failures = await this.repo.addFailure(q, userId, client, now, new Date(now.getTime() - FAILURE_MEMORY_MS));
    const minutes = lockoutMinutes(failures);
    if (minutes > 0) await this.repo.lockClient(q, userId, client, new Date(now.getTime() + minutes * 60_000));
  }

  /** A successful sign-in clears that client's failures; a password reset clears every client's (self-service unlock). */
  clear(q: Queryable, userId: string, client?: string): Promise<void> {
    return this.repo.clearFailures(q, userId, client);
  }
}
