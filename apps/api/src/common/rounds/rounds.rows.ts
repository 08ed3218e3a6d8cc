import type { RoundStatus } from '@apertura/db';

/**
 * Rows the rounds repository reads with SQL, as PostgreSQL answers them (snake_case). They never
 * leave rounds.repository.ts: it maps each to a camelCase record. (The round row itself is read
 * through RoundEntity, which TypeORM maps.)
 */

export interface LockedRoundRow {
  id: string;
  guarantor_id: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  now: Date;
  max_versions_per_response: number;
}

export interface ActivityCountsRow {
  invitations: number;
  drafts: number;
  submitted: number;
}

export interface CoverageRow {
  submitted: number;
  validated: number;
  conclusive: number;
  caution: number;
  inconclusive: number;
  not_validated: number;
  computed_at: Date | null;
}

export interface RecomputeRunRow {
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  finished_at: Date | null;
}

export interface AreaCountRow {
  cveEnt: string;
  cvegeo: string;
  n: number;
}
