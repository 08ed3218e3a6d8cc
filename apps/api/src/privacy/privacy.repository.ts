import { Injectable } from '@nestjs/common';
import { lockClause, mutateReturning, queryOne, queryRows, type Queryable, type RowLock } from '../common/persistence';
import type { KeptWorkRow, RetentionDueRow, ValidatorAccountRow } from './privacy.rows';

/** A citizen validator's account as erasure needs it. */
export interface ValidatorAccount {
  id: string;
  pseudonym: string;
  passwordHash: string | null;
  /** Set once the account was erased. */
  deletedAt: Date | null;
}

/** An account the retention schedule says to erase now, and why. */
export type RetentionDue = RetentionDueRow;

/** The validator's work that erasure keeps (under the pseudonym). */
export type KeptWork = KeptWorkRow;

/** Rounds holding a validator's work (assignments, verdicts, citizen reports). Parameter: the validator. */
const WORKED_ROUNDS = (validator: string): string => `SELECT round_id FROM assignment WHERE validator_id = ${validator}
                        UNION SELECT round_id FROM verdict WHERE validator_id = ${validator}
                        UNION SELECT round_id FROM citizen_report WHERE validator_id = ${validator}`;

/**
 * Erasure of citizen validators in PostgreSQL: the account (app_user, validator_profile), the personal
 * data around it that goes with it, the work that stays, and the retention schedule's candidates.
 */
@Injectable()
export class PrivacyRepository {
  /** A citizen validator's account (any other role: undefined), optionally row-locked. */
  async validatorAccount(m: Queryable, userId: string, lock?: RowLock): Promise<ValidatorAccount | undefined> {
    const r = await queryOne<ValidatorAccountRow>(
      m,
      `SELECT u.id, p.pseudonym, u.password_hash, u.deleted_at FROM app_user u JOIN validator_profile p ON p.user_id = u.id
       WHERE u.id = $1 AND u.role = 'citizen_validator' ${lockClause(lock, 'u')}`,
      [userId],
    );
    return r && { id: r.id, pseudonym: r.pseudonym, passwordHash: r.password_hash, deletedAt: r.deleted_at };
  }

  /** Guarantors whose rounds hold the validator's work (assignments, verdicts or reports), sorted. */
  async guarantorsOf(m: Queryable, userId: string): Promise<string[]> {
    const rows = await queryRows<{ guarantor_id: string }>(
      m,
      `SELECT DISTINCT r.guarantor_id FROM round r
       WHERE r.id IN (${WORKED_ROUNDS('$1')})
       ORDER BY r.guarantor_id`,
      [userId],
    );
    return rows.map((r) => r.guarantor_id);
  }

  /** Verdicts and citizen reports of the validator (kept by erasure). */
  async keptWork(m: Queryable, userId: string): Promise<KeptWork> {
    const r = await queryOne<KeptWorkRow>(
      m,
      `SELECT (SELECT count(*) FROM verdict WHERE validator_id = $1)::int AS verdicts,
              (SELECT count(*) FROM citizen_report WHERE validator_id = $1)::int AS reports`,
      [userId],
    );
    return r ?? { verdicts: 0, reports: 0 };
  }

  /** Clears the account's credentials and personal fields and marks it erased; returns when. */
  async pseudonymiseAccount(m: Queryable, userId: string): Promise<Date> {
    const [r] = await mutateReturning<{ deleted_at: Date }>(
      m,
      `UPDATE app_user SET email = NULL, password_hash = NULL, display_name = NULL, failed_logins = 0, locked_until = NULL,
              deleted_at = now(), updated_at = now()
       WHERE id = $1 RETURNING deleted_at`,
      [userId],
    );
    if (!r) throw new Error(`app_user ${userId} not found`);
    return r.deleted_at;
  }

  /** Removes the personal data kept around the account (the profile keeps only the pseudonym). */
  async deletePersonalData(m: Queryable, userId: string): Promise<void> {
    await m.query('UPDATE validator_profile SET cvegeo = NULL WHERE user_id = $1', [userId]);
    // Where someone works is personal data too; the conflicts only mattered for future assignments.
    await m.query('DELETE FROM validator_conflict WHERE user_id = $1', [userId]);
    // Optional demographics (issue #18) are deleted with the account, not kept for statistics.
    await m.query('DELETE FROM validator_demographics WHERE user_id = $1', [userId]);
    await m.query('DELETE FROM email_verification WHERE user_id = $1', [userId]);
    // Reset links and sign-in failures (keyed by an HMAC of the client address) go with the account's credentials.
    await m.query('DELETE FROM password_reset WHERE user_id = $1', [userId]);
    await m.query('DELETE FROM login_failure WHERE user_id = $1', [userId]);
  }

  /** Expires the validator's active assignments (their institutions return to the pool); returns how many. */
  async expireActiveAssignments(m: Queryable, userId: string): Promise<number> {
    const expired = await mutateReturning<{ id: string }>(
      m,
      `UPDATE assignment SET status = 'expired', updated_at = now() WHERE validator_id = $1 AND status = 'active' RETURNING id`,
      [userId],
    );
    return expired.length;
  }

  /**
   * Validators due for erasure at `now` (aviso de privacidad §7): unconfirmed e-mail after 30 days;
   * two years after the close of the last round they worked on (or after registering, if they never
   * worked), while none of their rounds is still open.
   */
  async dueForRetention(m: Queryable, now: Date): Promise<RetentionDue[]> {
    return queryRows<RetentionDueRow>(
      m,
      `SELECT u.id, CASE WHEN u.email_verified_at IS NULL THEN 'unverified' ELSE 'inactive' END AS reason
       FROM app_user u
       LEFT JOIN LATERAL (
         SELECT max(r.closed_at) AS last_closed, bool_or(r.closed_at IS NULL) AS still_open
         FROM round r
         WHERE r.id IN (${WORKED_ROUNDS('u.id')})) w ON true
       WHERE u.role = 'citizen_validator' AND u.deleted_at IS NULL
         AND ((u.email_verified_at IS NULL AND u.created_at < $1::timestamptz - interval '30 days')
           OR (u.email_verified_at IS NOT NULL AND NOT coalesce(w.still_open, false)
               AND coalesce(w.last_closed, u.created_at) < $1::timestamptz - interval '2 years'))
       ORDER BY u.id`,
      [now],
    );
  }

  /**
   * Credentials' by-products of every role: spent or expired reset links, and sign-in failures
   * already forgotten (auth/login-failures.ts).
   */
  async purgeStaleCredentials(m: Queryable, now: Date): Promise<void> {
    await m.query(`DELETE FROM password_reset WHERE expires_at < $1::timestamptz - interval '1 day'`, [now]);
    await m.query(
      `DELETE FROM login_failure WHERE last_failed_at < $1::timestamptz - interval '1 day' AND (locked_until IS NULL OR locked_until < $1::timestamptz)`,
      [now],
    );
  }
}
