/**
 * Rows the auth repository reads with SQL, as PostgreSQL answers them (snake_case). They never leave
 * auth.repository.ts: it maps each to a camelCase value.
 */

export interface LoginFailureLockRow {
  locked_until: Date | null;
}

export interface LoginFailureCountRow {
  failures: number;
}

export interface SpentResetRow {
  user_id: string;
}

export interface ActiveInvitationRow {
  id: string;
  round_id: string;
  institution_id: string;
}
