import { api } from '../shared/api';

/** Contract of apps/api/src/due-process (the institution's side, invitation token). */
export type RefutationStanding = 'pending' | 'disputed' | 'counted' | 'overturned';

export interface Dispute {
  id: string;
  text: string;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  status: 'open' | 'upheld' | 'overturned';
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface Refutation {
  verdictId: string;
  questionName: string;
  /** Issue #18: set when the refuted claim is one of the institution's commitment milestones. */
  milestoneTitle?: string | null;
  evidenceUrl: string | null;
  hasEvidenceFile: boolean;
  comment: string | null;
  notifiedAt: string;
  replyDeadline: string;
  standing: RefutationStanding;
  canDispute: boolean;
  dispute: Dispute | null;
}

export interface RefutationList {
  items: Refutation[];
  replyWindowDays: number;
}

export interface DisputeBody {
  text: string;
  evidenceUrl?: string;
  evidenceFileId?: string;
}

const base = '/api/respond/refutations';

export const replyApi = {
  list: (token: string, signal?: AbortSignal) => api<RefutationList>(base, { invitation: token, signal }),
  evidencePath: (verdictId: string) => `${base}/${encodeURIComponent(verdictId)}/evidence`,
  dispute: (token: string, verdictId: string, body: DisputeBody) =>
    api<Refutation>(`${base}/${encodeURIComponent(verdictId)}/dispute`, { method: 'POST', invitation: token, body }),
};

/** The same rule as the API's DTO (http/https, with the scheme): checked here only to place the message. */
export function isEvidenceUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
