/**
 * Rows the setup repository reads with SQL, as PostgreSQL answers them (snake_case). They never leave
 * setup.repository.ts: it maps each to a camelCase record.
 */

export interface SetupCodeRow {
  id: string;
  expires_at: Date;
  used_at: Date | null;
}
