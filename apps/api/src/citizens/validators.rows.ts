import type { InstitutionRefRow } from './institution-ref';

/**
 * Rows the validators repository reads, as PostgreSQL answers them (snake_case). They never leave
 * validators.repository.ts: it maps each to a camelCase record.
 */

export interface ProfileRow {
  id: string;
  email: string | null;
  display_name: string | null;
  email_verified_at: Date | null;
  created_at: Date;
  pseudonym: string;
  cvegeo: string | null;
  consent_at: Date;
  privacy_notice_version: string;
  mail_opt_out: boolean;
  nom_mun: string | null;
  cve_ent: string | null;
  nom_ent: string | null;
}

export interface ConflictRow extends InstitutionRefRow {
  conflict_reason: string | null;
}

export interface ConflictOverflowRow {
  name: string;
  declared: number;
  max: number;
}

export interface RoundValidatorRow {
  id: string;
  pseudonym: string;
  email: string | null;
  display_name: string | null;
  cvegeo: string | null;
  email_verified_at: Date | null;
  created_at: Date;
  consent_at: Date;
  privacy_notice_version: string;
  active: number;
  completed: number;
  expired: number;
  verdicts: number;
  reports: number;
  total: number;
}
