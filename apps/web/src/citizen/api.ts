import { api, upload, type Schema } from '../shared/api';
import type { Bilingual } from '../shared/i18n';

/**
 * Contract: docs/citizen-api.md (apps/api/src/citizens), from the generated OpenAPI types
 * (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type InstitutionRef = Schema<'InstitutionRefDto'>;
export type CitizenProfile = Schema<'ValidatorProfileDto'>;

/** Demo round: not in the contract yet (asked for); the banner shows when the API sends it. */
interface MaybeSynthetic {
  synthetic?: boolean;
}

export type ValidationRound = Schema<'CitizenRoundDto'> & MaybeSynthetic;

export type VerdictValue = Verdict['verdict'];
export const VERDICTS: readonly VerdictValue[] = ['confirmed', 'refuted', 'unverifiable'];

export type Verdict = Schema<'VerdictDto'>;
export type Claim = Schema<'ClaimDto'>;
export type CitizenReport = Schema<'CitizenReportDto'>;
export type Assignment = Schema<'AssignmentDto'> & MaybeSynthetic;
export type VerdictInput = Schema<'BatchVerdictItemDto'>;

/** One problem of a batch save (details.errors of VALIDATION_FAILED). */
export interface VerdictItemError {
  index: number;
  questionName: string | null;
  field: 'questionName' | 'verdict' | 'evidenceUrl' | 'evidenceFileId' | 'comment' | 'item';
  messages: Bilingual;
}

export type ResultPoint = Schema<'ResultPointDto'>;
export type HistoryItem = Schema<'HistoryItemDto'>;
export type RegisterBody = Schema<'RegisterValidatorDto'>;
export type UploadedFile = Schema<'EvidenceFileDto'>;

const a = (id: string) => `/api/citizens/assignments/${encodeURIComponent(id)}`;

export const citizenApi = {
  /** Always 202 { accepted: true }: the same answer whether or not the address already has an account. */
  register: (body: RegisterBody) => api<Schema<'AcceptedDto'>>('/api/citizens/register', { method: 'POST', body }),
  /** Also signs the validator in (the server sets the session cookie; `session` says who). */
  verify: (token: string) =>
    api<Schema<'VerifiedDto'>>('/api/citizens/verify', {
      method: 'POST',
      body: { token } satisfies Schema<'VerifyEmailDto'>,
    }),
  resend: (email: string) =>
    api<Schema<'AcceptedDto'>>('/api/citizens/resend-verification', {
      method: 'POST',
      body: { email } satisfies Schema<'ResendVerificationDto'>,
    }),
  me: (signal?: AbortSignal) => api<CitizenProfile>('/api/citizens/me', { signal }),
  updateMe: (body: Schema<'UpdateProfileDto'>) => api<CitizenProfile>('/api/citizens/me', { method: 'PATCH', body }),
  setConflicts: (conflicts: Schema<'ConflictDeclarationDto'>[]) =>
    api<CitizenProfile>('/api/citizens/me/conflicts', {
      method: 'PUT',
      body: { conflicts } satisfies Schema<'ConflictsDto'>,
    }),
  searchInstitutions: (q: string, signal?: AbortSignal) =>
    api<Schema<'InstitutionSearchPageDto'>>('/api/citizens/institutions', { query: { q, pageSize: 10 }, signal }),
  rounds: (signal?: AbortSignal) =>
    api<Omit<Schema<'CitizenRoundPageDto'>, 'items'> & { items: ValidationRound[] }>('/api/citizens/rounds', {
      query: { pageSize: 50 },
      signal,
    }),
  requestAssignments: (roundId: string, max: number) =>
    api<Schema<'RequestAssignmentsResultDto'>>(`/api/citizens/rounds/${encodeURIComponent(roundId)}/assignments`, {
      method: 'POST',
      body: { max } satisfies Schema<'RequestAssignmentsDto'>,
    }),
  assignments: (page: number, status?: string, signal?: AbortSignal) =>
    api<Omit<Schema<'AssignmentPageDto'>, 'items'> & { items: Assignment[] }>('/api/citizens/assignments', {
      query: { page, pageSize: 20, status },
      signal,
    }),
  assignment: (id: string, signal?: AbortSignal) => api<Assignment>(a(id), { signal }),
  saveVerdict: (id: string, questionName: string, body: Schema<'SaveVerdictDto'>) =>
    api<Schema<'SaveVerdictResultDto'>>(`${a(id)}/verdicts/${encodeURIComponent(questionName)}`, {
      method: 'PUT',
      body,
    }),
  saveVerdicts: (id: string, verdicts: VerdictInput[]) =>
    api<Schema<'SaveVerdictsResultDto'>>(`${a(id)}/verdicts`, {
      method: 'PUT',
      body: { verdicts } satisfies Schema<'SaveVerdictsDto'>,
    }),
  history: (page: number, signal?: AbortSignal) =>
    api<Schema<'HistoryPageDto'>>('/api/citizens/history', { query: { page, pageSize: 50 }, signal }),
  saveReport: (id: string, data: Record<string, unknown>) =>
    api<Schema<'SaveReportResultDto'>>(`${a(id)}/report`, {
      method: 'PUT',
      body: { data } satisfies Schema<'SaveReportDto'>,
    }),
  uploadEvidence: (id: string, file: File, questionName: string, onProgress: (f: number) => void) => {
    const form = new FormData();
    form.append('questionName', questionName);
    form.append('file', file, file.name);
    return upload<UploadedFile>(`${a(id)}/evidence`, form, { onProgress });
  },
  evidencePath: (id: string, fileId: string) => `${a(id)}/evidence/${encodeURIComponent(fileId)}`,
};
