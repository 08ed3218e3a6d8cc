import { api, upload, type Page } from '../shared/api';
import type { Bilingual } from '../shared/i18n';
import type { SessionDto } from '../shared/auth';

/** Contract: docs/citizen-api.md (apps/api/src/citizens). */
export interface InstitutionRef {
  id: string;
  name: string;
  type: string;
  level: string;
  municipality: { cvegeo: string; name: string };
  state: { cveEnt: string; name: string };
}

export interface CitizenProfile {
  id: string;
  email: string;
  displayName: string | null;
  pseudonym: string;
  emailVerified: boolean;
  cvegeo: string | null;
  municipality: { cvegeo: string; name: string; cveEnt: string; stateName: string } | null;
  consentAt: string;
  privacyNoticeVersion: string;
  registeredAt: string;
  conflicts: InstitutionRef[];
  /** Reason of each declared conflict by institution id (null: declared before reasons were required). */
  conflictReasons?: Record<string, string | null>;
  /** True: no optional mails (new assignments, expiry reminders, digests). */
  mailOptOut: boolean;
}

export interface ValidationRound {
  id: string;
  name: string;
  guarantorName: string;
  status: string;
  opensAt: string;
  closesAt: string;
  acceptingSubmissions: boolean;
  myAssignments: { active: number; completed: number; expired: number };
  /** Demo round: not in the contract yet (asked for); the banner shows when the API sends it. */
  synthetic?: boolean;
}

export type VerdictValue = 'confirmed' | 'refuted' | 'unverifiable';
export const VERDICTS: readonly VerdictValue[] = ['confirmed', 'refuted', 'unverifiable'];

export interface Verdict {
  id: string;
  questionName: string;
  verdict: VerdictValue;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  comment: string | null;
  updatedAt: string;
}

export interface Claim {
  questionName: string;
  title: Bilingual;
  component: string;
  selfReported: unknown;
  answered: boolean;
  evidenceUrls: string[];
  evidenceFiles: { id: string; filename: string; mimeType: string; size: number }[];
  verdict: Verdict | null;
}

export interface CitizenReport {
  id: string;
  data: Record<string, unknown>;
  updatedAt: string;
}

export interface Assignment {
  id: string;
  roundId: string;
  roundName: string;
  status: 'active' | 'completed' | 'expired';
  expiresAt: string;
  createdAt: string;
  acceptingSubmissions: boolean;
  institution: InstitutionRef;
  selfReportSubmitted: boolean;
  /** 'citizen_report_only': no claims to verify (no submitted self-report), only the citizen report. */
  kind: 'claims' | 'citizen_report_only';
  claims: Claim[];
  citizenQuestionnaire: { id: string; title: string; definition: Record<string, unknown> };
  report: CitizenReport | null;
  progress: { claimsToCheck: number; verdicts: number; reportSubmitted: boolean };
  /** Demo round: not in the contract yet (asked for); the banner shows when the API sends it. */
  synthetic?: boolean;
}

export interface VerdictInput {
  questionName: string;
  verdict: VerdictValue;
  evidenceUrl?: string;
  evidenceFileId?: string;
  comment?: string;
}

/** One problem of a batch save (details.errors of VALIDATION_FAILED). */
export interface VerdictItemError {
  index: number;
  questionName: string | null;
  field: 'questionName' | 'verdict' | 'evidenceUrl' | 'evidenceFileId' | 'comment' | 'item';
  messages: Bilingual;
}

export interface ResultPoint {
  estimate: number | null;
  status: string | null;
}

export interface HistoryItem {
  assignmentId: string;
  roundId: string;
  roundName: string;
  roundStatus: string;
  institution: InstitutionRef;
  kind: 'claims' | 'citizen_report_only';
  status: 'active' | 'completed' | 'expired';
  assignedAt: string;
  expiresAt: string;
  claimsToCheck: number;
  verdicts: { confirmed: number; refuted: number; unverifiable: number };
  reportUpdatedAt: string | null;
  result: { before: ResultPoint | null; after: ResultPoint | null } | null;
}

export interface RegisterBody {
  email: string;
  password: string;
  displayName?: string;
  cvegeo?: string;
  consent: true;
  privacyNoticeVersion: string;
}

export interface UploadedFile {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

const a = (id: string) => `/api/citizens/assignments/${encodeURIComponent(id)}`;

export const citizenApi = {
  /** Always 202 { accepted: true }: the same answer whether or not the address already has an account. */
  register: (body: RegisterBody) => api<{ accepted: boolean }>('/api/citizens/register', { method: 'POST', body }),
  /** Also signs the validator in (the server sets the session cookie; `session` says who). */
  verify: (token: string) =>
    api<{ verified: boolean; session: SessionDto }>('/api/citizens/verify', { method: 'POST', body: { token } }),
  resend: (email: string) =>
    api<{ accepted: boolean }>('/api/citizens/resend-verification', { method: 'POST', body: { email } }),
  me: (signal?: AbortSignal) => api<CitizenProfile>('/api/citizens/me', { signal }),
  updateMe: (body: { displayName?: string | null; cvegeo?: string | null; mailOptOut?: boolean }) =>
    api<CitizenProfile>('/api/citizens/me', { method: 'PATCH', body }),
  setConflicts: (conflicts: Array<{ institutionId: string; reason: string }>) =>
    api<CitizenProfile>('/api/citizens/me/conflicts', { method: 'PUT', body: { conflicts } }),
  searchInstitutions: (q: string, signal?: AbortSignal) =>
    api<Page<InstitutionRef>>('/api/citizens/institutions', { query: { q, pageSize: 10 }, signal }),
  rounds: (signal?: AbortSignal) =>
    api<Page<ValidationRound>>('/api/citizens/rounds', { query: { pageSize: 50 }, signal }),
  requestAssignments: (roundId: string, max: number) =>
    api<{ created: number; items: Assignment[] }>(`/api/citizens/rounds/${encodeURIComponent(roundId)}/assignments`, {
      method: 'POST',
      body: { max },
    }),
  assignments: (page: number, status?: string, signal?: AbortSignal) =>
    api<Page<Assignment>>('/api/citizens/assignments', { query: { page, pageSize: 20, status }, signal }),
  assignment: (id: string, signal?: AbortSignal) => api<Assignment>(a(id), { signal }),
  saveVerdict: (
    id: string,
    questionName: string,
    body: { verdict: VerdictValue; evidenceUrl?: string; evidenceFileId?: string; comment?: string },
  ) =>
    api<{ verdict: Verdict; assignmentStatus: 'active' | 'completed' }>(
      `${a(id)}/verdicts/${encodeURIComponent(questionName)}`,
      { method: 'PUT', body },
    ),
  saveVerdicts: (id: string, verdicts: VerdictInput[]) =>
    api<{ verdicts: Verdict[]; assignmentStatus: 'active' | 'completed' }>(`${a(id)}/verdicts`, {
      method: 'PUT',
      body: { verdicts },
    }),
  history: (page: number, signal?: AbortSignal) =>
    api<Page<HistoryItem>>('/api/citizens/history', { query: { page, pageSize: 50 }, signal }),
  saveReport: (id: string, data: Record<string, unknown>) =>
    api<{ report: CitizenReport; cleared: string[]; assignmentStatus: 'active' | 'completed' }>(`${a(id)}/report`, {
      method: 'PUT',
      body: { data },
    }),
  uploadEvidence: (id: string, file: File, questionName: string, onProgress: (f: number) => void) => {
    const form = new FormData();
    form.append('questionName', questionName);
    form.append('file', file, file.name);
    return upload<UploadedFile>(`${a(id)}/evidence`, form, { onProgress });
  },
  evidencePath: (id: string, fileId: string) => `${a(id)}/evidence/${encodeURIComponent(fileId)}`,
};
