/**
 * Rows the users repository reads with SQL, as PostgreSQL answers them (snake_case). They never leave
 * users.repository.ts: it maps each to a camelCase record. (The account row itself is read through
 * UserEntity, which TypeORM maps.)
 */

export interface InvitationExpiryRow {
  user_id: string;
  expires_at: Date;
}

export interface OpenStaffInvitationRow {
  email: string;
  role: string;
  display_name: string | null;
  guarantor_name: string;
  expires_at: Date;
}

export interface SpentStaffInvitationRow {
  user_id: string;
  guarantor_id: string;
}

export interface UserRoleRow {
  id: string;
  role: string;
}

export interface UserIdRow {
  id: string;
}

export interface UserEmailRow {
  email: string | null;
}
