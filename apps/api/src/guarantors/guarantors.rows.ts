/**
 * Rows the guarantors repository reads with SQL, as PostgreSQL answers them (snake_case). They never
 * leave guarantors.repository.ts.
 */

export interface GuarantorCountRow {
  n: number;
}
