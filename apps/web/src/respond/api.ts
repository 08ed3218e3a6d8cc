import { api, upload, type Schema } from '../shared/api';

/**
 * Contract of apps/api/src/respond (GET /api/respond/context and the rest), from the generated OpenAPI
 * types (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type RespondContext = Schema<'RespondContextDto'>;
export type EvidenceFile = Schema<'EvidenceDto'>;
/** An answer the draft autosave left out (every other answer was saved). */
export type DraftIssue = Schema<'DraftIssueDto'>;
export type DraftSaved = Schema<'DraftSavedDto'>;
export type SubmittedCopy = Schema<'SubmittedCopyDto'>;
export type PreviousRound = Schema<'PreviousRoundDto'>;
export type Submitted = Schema<'SubmitResultDto'>;

export const respondApi = {
  context: (token: string, signal?: AbortSignal) =>
    api<RespondContext>('/api/respond/context', { invitation: token, signal }),
  open: (token: string) => api<unknown>('/api/respond/open', { method: 'POST', invitation: token }),
  saveDraft: (token: string, data: Record<string, unknown>, currentPage: number, keepalive = false) =>
    api<DraftSaved>('/api/respond/draft', {
      method: 'PUT',
      invitation: token,
      body: { data, currentPage } satisfies Schema<'SaveDraftDto'>,
      keepalive,
    }),
  submit: (token: string, data: Record<string, unknown>, idempotencyKey: string) =>
    api<Submitted>('/api/respond/submit', {
      method: 'POST',
      invitation: token,
      body: { data, idempotencyKey } satisfies Schema<'SubmitDto'>,
    }),
  copy: (token: string, version: number | null, signal?: AbortSignal) =>
    api<SubmittedCopy>(`/api/respond/copy${version ? `?version=${version}` : ''}`, { invitation: token, signal }),
  previous: (token: string, signal?: AbortSignal) =>
    api<PreviousRound>('/api/respond/previous', { invitation: token, signal }),
  uploadEvidence: (
    token: string,
    file: File,
    questionName: string,
    onProgress: (f: number) => void,
    signal?: AbortSignal,
  ) => {
    const form = new FormData();
    // questionName first: multipart parsers see fields in order and can reject before reading the file.
    form.append('questionName', questionName);
    form.append('file', file, file.name);
    return upload<EvidenceFile>('/api/respond/evidence', form, { invitation: token, onProgress, signal });
  },
  deleteEvidence: (token: string, id: string) =>
    api<void>(`/api/respond/evidence/${encodeURIComponent(id)}`, { method: 'DELETE', invitation: token }),
  evidencePath: (id: string) => `/api/respond/evidence/${encodeURIComponent(id)}`,
};

/** The folio of a submitted version, as the API and the confirmation mail write it (A1B2C3D4-v2). */
export function folioOf(responseId: string, version: number): string {
  return `${responseId.replace(/-/g, '').slice(0, 8).toUpperCase()}-v${version}`;
}

/** Key-order-independent JSON, to tell whether a working copy differs from the submitted answers. */
export function sameAnswers(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
