import type { AssignmentStatus, JsonObject, RoundStatus } from '@apertura/db';

/**
 * Rows the work repository reads, as PostgreSQL answers them (snake_case). They never leave
 * work.repository.ts: it maps each to a camelCase record.
 */

export interface WorkAssignmentRow {
  id: string;
  round_id: string;
  guarantor_id: string;
  institution_id: string;
  validator_id: string;
  status: AssignmentStatus;
  expires_at: Date;
  round_status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  institution_questionnaire_id: string;
  citizen_questionnaire_id: string;
}

export interface VerdictContentRow {
  verdict: string;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
}

export interface CitizenReportRow {
  id: string;
  data: JsonObject;
  updated_at: Date;
}

export interface CompletionStateRow {
  submitted: JsonObject | null;
  has_report: boolean;
  verdicts: string[];
}
