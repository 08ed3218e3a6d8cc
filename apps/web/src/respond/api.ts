import { api, upload } from '../shared/api';

/** Contract of apps/api/src/respond (GET /api/respond/context). */
export interface RespondContext {
  round: { id: string; name: string; status: 'draft' | 'open' | 'closed' | 'published'; opensAt: string; closesAt: string; synthetic: boolean };
  institution: { id: string; name: string; type: string; level: string; cvegeo: string; municipality: string; state: string };
  questionnaire: { id: string; version: number; definition: Record<string, unknown> };
  response: {
    status: 'none' | 'draft' | 'submitted';
    /** Working copy: the last draft, or else the last submission. */
    draft: Record<string, unknown> | null;
    currentPage: number;
    /** Number of submitted versions (0 = never submitted). */
    version: number;
    submittedAt: string | null;
    /** Last submitted answers. */
    submitted: Record<string, unknown> | null;
  };
  readOnly: boolean;
  evidence: EvidenceFile[];
}

export interface EvidenceFile {
  id: string;
  questionName: string | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface DraftSaved {
  savedAt: string;
  currentPage: number;
}

export interface Submitted {
  responseId: string;
  version: number;
  submittedAt: string;
  /** Names of answers removed because the questionnaire logic hid their questions. */
  cleared: string[];
}

export const respondApi = {
  context: (token: string, signal?: AbortSignal) => api<RespondContext>('/api/respond/context', { invitation: token, signal }),
  open: (token: string) => api<unknown>('/api/respond/open', { method: 'POST', invitation: token }),
  saveDraft: (token: string, data: Record<string, unknown>, currentPage: number, keepalive = false) =>
    api<DraftSaved>('/api/respond/draft', { method: 'PUT', invitation: token, body: { data, currentPage }, keepalive }),
  submit: (token: string, data: Record<string, unknown>, idempotencyKey: string) =>
    api<Submitted>('/api/respond/submit', { method: 'POST', invitation: token, body: { data, idempotencyKey } }),
  uploadEvidence: (token: string, file: File, questionName: string, onProgress: (f: number) => void, signal?: AbortSignal) => {
    const form = new FormData();
    // questionName first: multipart parsers see fields in order and can reject before reading the file.
    form.append('questionName', questionName);
    form.append('file', file, file.name);
    return upload<EvidenceFile>('/api/respond/evidence', form, { invitation: token, onProgress, signal });
  },
  deleteEvidence: (token: string, id: string) => api<void>(`/api/respond/evidence/${encodeURIComponent(id)}`, { method: 'DELETE', invitation: token }),
  evidencePath: (id: string) => `/api/respond/evidence/${encodeURIComponent(id)}`,
};

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
