import { api, upload } from '../shared/api';

/** Contract of apps/api/src/respond (GET /api/respond/context). */
export interface RespondContext {
  round: {
    id: string;
    name: string;
    status: 'draft' | 'open' | 'closed' | 'published';
    opensAt: string;
    closesAt: string;
    synthetic: boolean;
  };
  institution: {
    id: string;
    name: string;
    type: string;
    level: string;
    cvegeo: string;
    municipality: string;
    state: string;
  };
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

/** An answer the draft autosave left out (every other answer was saved). */
export interface DraftIssue {
  question: string;
  title: { es: string; en: string };
  code: string;
  message: { es: string; en: string };
}

export interface DraftSaved {
  savedAt: string;
  currentPage: number;
  issues: DraftIssue[];
  /** Addresses the server completed with https://, by question. */
  normalized: Record<string, string>;
}

export interface SubmittedCopy {
  folio: string;
  responseId: string;
  version: number;
  submittedAt: string;
  roundName: string;
  institutionName: string;
  definition: Record<string, unknown>;
  data: Record<string, unknown>;
  evidence: Array<{ questionName: string | null; filename: string; size: number; sha256: string }>;
}

export interface PreviousRound {
  previous: { roundId: string; roundName: string; submittedAt: string; data: Record<string, unknown> } | null;
}

export interface Submitted {
  responseId: string;
  version: number;
  submittedAt: string;
  /** Names of answers removed because the questionnaire logic hid their questions. */
  cleared: string[];
}

export const respondApi = {
  context: (token: string, signal?: AbortSignal) =>
    api<RespondContext>('/api/respond/context', { invitation: token, signal }),
  open: (token: string) => api<unknown>('/api/respond/open', { method: 'POST', invitation: token }),
  saveDraft: (token: string, data: Record<string, unknown>, currentPage: number, keepalive = false) =>
    api<DraftSaved>('/api/respond/draft', { method: 'PUT', invitation: token, body: { data, currentPage }, keepalive }),
  submit: (token: string, data: Record<string, unknown>, idempotencyKey: string) =>
    api<Submitted>('/api/respond/submit', { method: 'POST', invitation: token, body: { data, idempotencyKey } }),
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
