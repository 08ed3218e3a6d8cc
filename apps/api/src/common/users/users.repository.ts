import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '@apertura/db';
import { lockClause, mutateReturning, mutateReturningOne, queryOne, queryRows } from '../persistence';
import type { Queryable, RowLock } from '../persistence';
import type {
  InvitationExpiryRow,
  OpenStaffInvitationRow,
  SpentStaffInvitationRow,
  UserEmailRow,
  UserIdRow,
  UserRoleRow,
} from './users.rows';

/** The account record services see (TypeORM maps the row). */
export type UserRecord = UserEntity;

/** A staff invitation as stored: only the token's hash (the mail job derives the token from the id). */
export interface NewStaffInvitation {
  id: string;
  userId: string;
  guarantorId: string;
  invitedBy: string | null;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What an unspent, unexpired staff invitation shows before the invitee chooses a password. */
export interface OpenStaffInvitation {
  email: string;
  role: string;
  displayName: string | null;
  guarantorName: string;
  expiresAt: Date;
}

export interface SpentStaffInvitation {
  userId: string;
  guarantorId: string;
}

export interface NewPassword {
  passwordHash: string;
  /** When the password changed (and the address counts as verified, if it was not yet). */
  at: Date;
  /** Kept as it is when null. */
  displayName?: string | null;
  /** Only an account that has no password yet (an invitee): a spent invitation cannot overwrite a chosen one. */
  onlyWithoutPassword?: boolean;
}

/** TypeORM's names for the PostgreSQL row locks (RowLock). */
const TYPEORM_LOCK = { update: 'pessimistic_write', share: 'pessimistic_read', key_share: 'for_key_share' } as const;

/**
 * The account aggregate in PostgreSQL: app_user (staff of a guarantor, and every other role's
 * sign-in) and the staff invitations that let an invitee choose a password.
 */
@Injectable()
export class UsersRepository {
  /** Whether an account already has exactly this address (callers lower-case it first). */
  emailExists(m: EntityManager, email: string): Promise<boolean> {
    return m.exists(UserEntity, { where: { email } });
  }

  /** Whether an account has this address in any letter case. */
  async emailExistsAnyCase(q: Queryable, email: string): Promise<boolean> {
    return (await queryOne(q, 'SELECT 1 FROM app_user WHERE lower(email) = lower($1)', [email])) !== undefined;
  }

  /** The address of an account (undefined when the account or its address is gone). */
  async emailOf(q: Queryable, userId: string): Promise<string | undefined> {
    const row = await queryOne<UserEmailRow>(q, 'SELECT email FROM app_user WHERE id = $1', [userId]);
    return row?.email ?? undefined;
  }

  /** Inserts a new account; returns it as stored. */
  insert(m: EntityManager, fields: Partial<UserRecord>): Promise<UserRecord> {
    return m.save(m.create(UserEntity, fields));
  }

  /** Writes the changes of a loaded account. */
  save(m: EntityManager, user: UserRecord): Promise<UserRecord> {
    return m.save(user);
  }

  /** Every account scoped to a guarantor (deleted ones and co-signers included: the caller filters), oldest first. */
  ofGuarantor(m: EntityManager, guarantorId: string): Promise<UserRecord[]> {
    return m.find(UserEntity, { where: { guarantorId }, order: { createdAt: 'ASC' } });
  }

  /** An account of `guarantorId` by id (deleted ones included), optionally row-locked; null when there is none. */
  ofGuarantorById(m: EntityManager, guarantorId: string, id: string, lock?: RowLock): Promise<UserRecord | null> {
    return m.findOne(UserEntity, {
      where: { id, guarantorId },
      ...(lock ? { lock: { mode: TYPEORM_LOCK[lock] } } : {}),
    });
  }

  /**
   * Ids of the guarantor's active admins (with a password, not deactivated nor deleted), row-locked in
   * id order: callers take this lock before the target's, so concurrent changes queue instead of deadlocking.
   */
  async lockActiveAdmins(m: EntityManager, guarantorId: string): Promise<string[]> {
    const rows = await queryRows<UserIdRow>(
      m,
      `SELECT id FROM app_user WHERE guarantor_id = $1 AND role = 'guarantor_admin' AND deleted_at IS NULL AND deactivated_at IS NULL
         AND password_hash IS NOT NULL ORDER BY id ${lockClause('update')}`,
      [guarantorId],
    );
    return rows.map((r) => r.id);
  }

  /** The id of the usable (not deleted, not deactivated) account with this address, row-locked. */
  async lockUsableByEmail(m: EntityManager, email: string): Promise<string | undefined> {
    const row = await queryOne<UserIdRow>(
      m,
      `SELECT id FROM app_user WHERE email = $1 AND deleted_at IS NULL AND deactivated_at IS NULL ${lockClause('update')}`,
      [email],
    );
    return row?.id;
  }

  /**
   * Sets the password of a usable account; following a mailed link proves control of the address, so
   * it also counts as verified. Returns the account's id and role, or undefined when nothing matched.
   */
  setPassword(m: Queryable, userId: string, p: NewPassword): Promise<UserRoleRow | undefined> {
    return mutateReturningOne<UserRoleRow>(
      m,
      `UPDATE app_user SET password_hash = $2, password_changed_at = $3, email_verified_at = COALESCE(email_verified_at, $3),
         display_name = COALESCE($4, display_name), updated_at = now()
       WHERE id = $1 AND deleted_at IS NULL AND deactivated_at IS NULL${p.onlyWithoutPassword ? ' AND password_hash IS NULL' : ''}
       RETURNING id, role`,
      [userId, p.passwordHash, p.at, p.displayName ?? null],
    );
  }

  /** The newest expiry of each account's staff invitations in a guarantor. */
  async invitationExpiries(q: Queryable, guarantorId: string): Promise<Map<string, Date>> {
    const rows = await queryRows<InvitationExpiryRow>(
      q,
      `SELECT user_id, max(expires_at) AS expires_at FROM staff_invitation WHERE guarantor_id = $1 GROUP BY user_id`,
      [guarantorId],
    );
    return new Map(rows.map((r) => [r.user_id, r.expires_at]));
  }

  async insertInvitation(m: EntityManager, inv: NewStaffInvitation): Promise<void> {
    await m.query(
      'INSERT INTO staff_invitation (id, user_id, guarantor_id, invited_by, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [inv.id, inv.userId, inv.guarantorId, inv.invitedBy, inv.tokenHash, inv.createdAt, inv.expiresAt],
    );
  }

  /** Spends every unused invitation of an account (a new link replaces them, or the account no longer needs one). */
  async spendInvitationsOf(m: EntityManager, userId: string, at: Date): Promise<void> {
    await m.query('UPDATE staff_invitation SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, at]);
  }

  /** The unspent, unexpired invitation with this token hash, of an invitee who still has no password. */
  async openInvitation(q: Queryable, tokenHash: string, now: Date): Promise<OpenStaffInvitation | undefined> {
    const r = await queryOne<OpenStaffInvitationRow>(
      q,
      `SELECT u.email, u.role, u.display_name, g.name AS guarantor_name, si.expires_at
       FROM staff_invitation si JOIN app_user u ON u.id = si.user_id JOIN guarantor g ON g.id = si.guarantor_id
       WHERE si.token_hash = $1 AND si.used_at IS NULL AND si.expires_at > $2
         AND u.deleted_at IS NULL AND u.deactivated_at IS NULL AND u.password_hash IS NULL`,
      [tokenHash, now],
    );
    return r
      ? {
          email: r.email,
          role: r.role,
          displayName: r.display_name,
          guarantorName: r.guarantor_name,
          expiresAt: r.expires_at,
        }
      : undefined;
  }

  /** Spends the unspent, unexpired invitation with this token hash; undefined when there is none. */
  async spendInvitation(m: EntityManager, tokenHash: string, now: Date): Promise<SpentStaffInvitation | undefined> {
    const [r] = await mutateReturning<SpentStaffInvitationRow>(
      m,
      `UPDATE staff_invitation SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id, guarantor_id`,
      [tokenHash, now],
    );
    return r ? { userId: r.user_id, guarantorId: r.guarantor_id } : undefined;
  }
}
