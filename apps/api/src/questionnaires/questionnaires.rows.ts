/**
 * Rows the questionnaires repository reads with SQL, as PostgreSQL answers them (snake_case). They never
 * leave questionnaires.repository.ts: it maps each to a camelCase record.
 */

/** A questionnaire version as PostgreSQL answers the summary columns. */
export interface SummaryRow {
  id: string;
  kind: string;
  slug: string;
  version: number;
  title: string;
  checksum: string;
  created_at: Date;
  versions: number;
  latest_version: number;
}

export interface VersionRow extends SummaryRow {
  definition: Record<string, unknown>;
}

export interface TotalRow {
  total: number;
}
