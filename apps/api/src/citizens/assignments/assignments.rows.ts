import type { AssignmentStatus, JsonObject, RoundStatus, VerdictValue } from '@apertura/db';
import type { InstitutionRefRow } from '../institution-ref';

/**
 * Rows the assignments repository reads, as PostgreSQL answers them (snake_case). They never leave
 * assignments.repository.ts: it maps each to a camelCase record.
 */

export interface AssignmentRow {
  id: string;
  round_id: string;
  institution_id: string;
  status: AssignmentStatus;
  expires_at: Date;
  created_at: Date;
}

export interface CitizenRoundRow {
  id: string;
  name: string;
  guarantor_name: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  active: number;
  completed: number;
  expired: number;
  total: number;
}

export interface RoundForAssignmentRow {
  id: string;
  institution_questionnaire_id: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  settings: unknown;
}

export interface CandidateRow {
  id: string;
  cvegeo: string;
  reports: number;
  pending: number;
  with_data: boolean;
  /** The institution submitted a self-report with at least one answered verifiable claim. */
  has_claims: boolean;
}

export interface MetricNeedRow {
  scope: string;
  scope_key: string;
  needed: number | null;
  needed_subjects: number | null;
}

export interface HistoryRow extends InstitutionRefRow {
  assignment_id: string;
  round_id: string;
  round_name: string;
  round_status: string;
  status: AssignmentStatus;
  created_at: Date;
  expires_at: Date;
  questionnaire_id: string;
  definition: JsonObject;
  submitted: JsonObject | null;
  verdicts: string[];
  report_at: Date | null;
  seen: boolean;
  first_estimate: number | null;
  first_status: string | null;
  now_estimate: number | null;
  now_status: string | null;
}

export interface ViewRoundRow {
  id: string;
  name: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  institution_questionnaire_id: string;
  citizen_questionnaire_id: string;
}

export interface QuestionnaireRow {
  id: string;
  title: string;
  definition: JsonObject;
}

export interface SubmittedRow {
  round_id: string;
  institution_id: string;
  submitted: JsonObject;
}

export interface VerdictRow {
  id: string;
  round_id: string;
  institution_id: string;
  question_name: string;
  verdict: VerdictValue;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  updated_at: Date;
}

export interface ReportRow {
  id: string;
  round_id: string;
  institution_id: string;
  data: JsonObject;
  updated_at: Date;
}

export interface EvidenceSnapshotRow {
  round_id: string;
  institution_id: string;
  evidence: unknown;
}
