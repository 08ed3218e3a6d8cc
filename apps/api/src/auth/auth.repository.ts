import { Injectable } from '@nestjs/common';
import { mutateReturningOne, queryOne, type Queryable } from '../common/persistence';
import type { ActiveInvitationRow, LoginFailureCountRow, LoginFailureLockRow, SpentResetRow } from './auth.rows';

/** A password reset link as stored: only the token's hash (the mail job derives the token from the id). */
export interface NewPasswordReset {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** An invitation link that still opens its institution's questionnaire. */
export interface ActiveInvitation {
  id: string;
  roundId: string;
  institutionId: string;
}

/**
 * The credentials' by-products in PostgreSQL: failed sign-ins per (account, client) (login_failure)
 * and password reset links (password_reset). The accounts themselves are UsersRepository's.
 */
@Injectable()
export class AuthRepository {
  /**
   * The unrevoked invitation with this token hash. Asked on every request an institution makes
   * (autosaves, submissions): three columns by the unique index, without the entity path.
   */
  async activeInvitation(q: Queryable, tokenHash: string): Promise<ActiveInvitation | null> {
    const row = await queryOne<ActiveInvitationRow>(
      q,
      'SELECT id, round_id, institution_id FROM invitation WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return row === undefined ? null : { id: row.id, roundId: row.round_id, institutionId: row.institution_id };
  }

  /** Until when this client is locked out of this account, as stored (null: never locked, or no failures). */
  async lockedUntil(q: Queryable, userId: string, client: string): Promise<Date | null> {
    const row = await queryOne<LoginFailureLockRow>(
      q,
      'SELECT locked_until FROM login_failure WHERE user_id = $1 AND client_key = $2',
      [userId, client],
    );
    return row?.locked_until ?? null;
  }

  /**
   * Counts one more failure of this client on this account, starting again from one when the last
   * failure was before `forgetBefore`. Returns the count.
   */
  async addFailure(q: Queryable, userId: string, client: string, at: Date, forgetBefore: Date): Promise<number> {
    const row = await mutateReturningOne<LoginFailureCountRow>(
      q,
      `INSERT INTO login_failure (user_id, client_key, failures, last_failed_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (user_id, client_key) DO UPDATE
         SET failures = CASE WHEN login_failure.last_failed_at < $4 THEN 1 ELSE login_failure.failures + 1 END, last_failed_at = $3
       RETURNING failures`,
      [userId, client, at, forgetBefore],
    );
    if (!row) throw new Error('login_failure upsert returned no row');
    return row.failures;
  }

  async lockClient(q: Queryable, userId: string, client: string, until: Date): Promise<void> {
    await q.query('UPDATE login_failure SET locked_until = $3 WHERE user_id = $1 AND client_key = $2', [
      userId,
      client,
      until,
    ]);
  }

  /** Forgets the failures of one client on the account, or of every client without one. */
  async clearFailures(q: Queryable, userId: string, client?: string): Promise<void> {
    if (client) await q.query('DELETE FROM login_failure WHERE user_id = $1 AND client_key = $2', [userId, client]);
    else await q.query('DELETE FROM login_failure WHERE user_id = $1', [userId]);
  }

  /** Whether the account was sent a reset link after `since`. */
  async resetRequestedSince(q: Queryable, userId: string, since: Date): Promise<boolean> {
    const row = await queryOne(q, 'SELECT 1 FROM password_reset WHERE user_id = $1 AND created_at > $2 LIMIT 1', [
      userId,
      since,
    ]);
    return row !== undefined;
  }

  async insertReset(q: Queryable, r: NewPasswordReset): Promise<void> {
    await q.query(
      'INSERT INTO password_reset (id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [r.id, r.userId, r.tokenHash, r.createdAt, r.expiresAt],
    );
  }

  /** Spends the unspent, unexpired link with this token hash; returns its account, or undefined when there is none. */
  async spendReset(q: Queryable, tokenHash: string, now: Date): Promise<string | undefined> {
    const row = await mutateReturningOne<SpentResetRow>(
      q,
      `UPDATE password_reset SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [tokenHash, now],
    );
    return row?.user_id;
  }

  /** Spends every unused link of the account. */
  async spendResetsOf(q: Queryable, userId: string, at: Date): Promise<void> {
    await q.query('UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, at]);
  }
}
