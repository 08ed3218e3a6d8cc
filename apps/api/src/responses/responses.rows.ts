import type { JsonObject, ResponseStatus, RoundStatus } from '@apertura/db';
import type { ResponseState } from './dto/respond.dto';

/**
 * Rows the responses repository reads, as PostgreSQL answers them (snake_case). They never leave
 * responses.repository.ts: it maps each to a camelCase record.
 */

/** The respondent's view: round, institution, questionnaire, and the response if there is one (LEFT JOIN). */
export interface RespondContextRow {
  round_id: string;
  round_name: string;
  round_status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  synthetic: boolean;
  now: Date;
  institution_id: string;
  institution_name: string;
  type: string;
  level: string;
  cvegeo: string;
  municipality: string | null;
  state: string | null;
  questionnaire_id: string;
  questionnaire_version: number;
  definition: JsonObject;
  response_status: ResponseStatus | null;
  draft: JsonObject | null;
  current_page: number | null;
  version: number | null;
  submitted_at: Date | null;
  submitted: JsonObject | null;
}

export interface RoundQuestionnaireRow {
  id: string;
  version: number;
  checksum: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  now: Date;
}

export interface DraftSavedRow {
  updated_at: Date;
  current_page: number;
}

export interface ResponseHeadRow {
  id: string;
  version: number;
}

/** The columns of response_version every read of one version takes. */
export interface VersionDataRow {
  response_id: string;
  version: number;
  submitted_at: Date;
  data: JsonObject;
}

/** A stored version found by its idempotency key. */
export interface KeyedVersionRow extends VersionDataRow {
  cleared: string[];
}

export interface SubmittedCopyRow extends VersionDataRow {
  evidence: JsonObject[] | null;
  definition: JsonObject;
  round_name: string;
  institution_name: string;
}

export interface PreviousSubmissionRow {
  round_id: string;
  round_name: string;
  submitted_at: Date;
  submitted: JsonObject;
}

export interface VersionSummaryRow {
  version: number;
  submitted_at: Date;
  cleared: string[];
}

// ── Staff views ─────────────────────────────────────────────────────────────────────────────────

export interface MemberInstitutionRow {
  id: string;
  name: string;
  type: string;
  level: string;
  cve_ent: string;
  cvegeo: string;
}

export interface MemberResponseRow extends MemberInstitutionRow {
  status: ResponseState;
  version: number;
  submitted_at: Date | null;
}

export interface MemberDetailRow extends MemberInstitutionRow {
  response_id: string | null;
  status: ResponseStatus | null;
  version: number | null;
  submitted_at: Date | null;
  submitted: JsonObject | null;
  questionnaire_version: number | null;
  definition: unknown;
}

export interface VersionHistoryRow extends VersionSummaryRow {
  data: JsonObject;
  evidence_count: number;
}

export interface VersionSnapshotRow extends VersionDataRow {
  cleared: string[];
  evidence: JsonObject[];
}

export interface ClaimVerdictRow {
  question_name: string;
  validator: string;
  verdict: string;
  standing: string;
  evidence_url: string | null;
  evidence_file_id: string | null;
  comment: string | null;
  created_at: Date;
}
