/**
 * Rows the recruitment repository reads, as PostgreSQL answers them (snake_case). They never leave
 * recruitment.repository.ts: it maps each to a camelCase record.
 */

export interface MunicipalityLoadRow {
  cvegeo: string;
  name: string;
  cve_ent: string;
  state_name: string;
  subjects: number;
  with_data: number;
  reports: number;
  active: number;
  shortfall: number;
}

export interface MunicipalityNeedRow {
  scope_key: string;
  needed: number | null;
  needed_subjects: number | null;
}
