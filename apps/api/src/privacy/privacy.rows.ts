/**
 * Rows the privacy repository reads, as PostgreSQL answers them (snake_case). They never leave
 * privacy.repository.ts: it maps each to a camelCase record.
 */

export interface ValidatorAccountRow {
  id: string;
  pseudonym: string;
  password_hash: string | null;
  deleted_at: Date | null;
}

export interface RetentionDueRow {
  id: string;
  reason: 'unverified' | 'inactive';
}

export interface KeptWorkRow {
  verdicts: number;
  reports: number;
}
