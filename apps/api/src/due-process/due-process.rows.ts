import type { DisputeStatus, VerdictStanding } from '@apertura/db';

/**
 * Rows the due-process repository reads, as PostgreSQL answers them (snake_case). They never leave
 * due-process.repository.ts: it maps each to a camelCase record.
 */

/** A verdict_dispute `d` joined to its verdict, its columns prefixed `d_` (null: no dispute). */
export interface DisputeRow {
  d_id: string | null;
  d_text: string | null;
  d_evidence_url: string | null;
  d_evidence_file_id: string | null;
  d_status: DisputeStatus | null;
  d_decision_reason: string | null;
  d_decided_at: Date | null;
  d_created_at: Date | null;
}

export interface RefutationRow extends DisputeRow {
  id: string;
  question_name: string;
  /** Issue #18: the milestone's title when the refuted claim is a commitment milestone. */
  milestone_title: string | null;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  notified_at: Date;
  deadline: Date;
  standing: VerdictStanding;
}

export interface QueueRow extends DisputeRow {
  verdict_id: string;
  institution_id: string;
  institution_name: string;
  question_name: string;
  milestone_title: string | null;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  pseudonym: string;
  notified_at: Date;
  total: number;
}

export interface StandingSummaryRow {
  not_notified: number;
  pending: number;
  disputed: number;
  counted: number;
  overturned: number;
}

export interface LockedRefutationRow {
  id: string;
  deadline: Date;
  guarantor_id: string;
  open: boolean;
}

export interface LockedDisputeRow {
  id: string;
  status: DisputeStatus;
  verdict_id: string;
  institution_id: string;
}

export interface VerdictCountsRow {
  validator_id: string;
  pseudonym: string;
  cvegeo: string;
  confirmed: number;
  refuted: number;
}
