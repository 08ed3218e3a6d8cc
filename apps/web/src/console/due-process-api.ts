import { api } from '../shared/api';
import type { Dispute } from '../respond/reply-api';

/** Contract of apps/api/src/due-process (the guarantor's side). */
export interface DisputeQueueItem {
  dispute: Dispute;
  verdictId: string;
  institutionId: string;
  institutionName: string;
  questionName: string;
  /** The question's title in both languages (null: the questionnaire no longer has it). */
  questionTitle: { es: string; en: string } | null;
  refutationEvidenceUrl: string | null;
  refutationEvidenceFileId: string | null;
  refutationComment: string | null;
  validatorPseudonym: string;
  notifiedAt: string;
}

export interface RefutationSummary {
  notNotified: number;
  pending: number;
  disputed: number;
  counted: number;
  overturned: number;
}

export interface DisputePage {
  items: DisputeQueueItem[];
  total: number;
  page: number;
  pageSize: number;
  summary: RefutationSummary;
}

export interface OutlierValidator {
  validatorId: string;
  pseudonym: string;
  cvegeo: string;
  verdicts: number;
  refuted: number;
  rate: number;
  expectedRate: number;
  pValue: number;
  basis: 'municipality' | 'round';
}

export interface OutlierList {
  items: OutlierValidator[];
  alpha: number;
  minVerdicts: number;
}

export interface DueProcessSettings {
  replyWindowDays: number;
  maxConflicts: number;
}

const r = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const dueProcessApi = {
  disputes: (roundId: string, status: 'open' | 'decided', page: number, signal?: AbortSignal) =>
    api<DisputePage>(`${r(roundId)}/disputes`, { query: { status, page, pageSize: 20 }, signal }),
  decide: (roundId: string, disputeId: string, decision: 'uphold' | 'overturn', reason: string) =>
    api<Dispute>(`${r(roundId)}/disputes/${encodeURIComponent(disputeId)}/decision`, {
      method: 'POST',
      body: { decision, reason },
    }),
  outliers: (roundId: string, signal?: AbortSignal) =>
    api<OutlierList>(`${r(roundId)}/validators/outliers`, { signal }),
  settings: (roundId: string, signal?: AbortSignal) => api<DueProcessSettings>(`${r(roundId)}/due-process`, { signal }),
  saveSettings: (roundId: string, body: DueProcessSettings) =>
    api<DueProcessSettings>(`${r(roundId)}/due-process`, { method: 'PUT', body }),
  /** Any evidence file of the round (GET /api/rounds/:roundId/evidence/:id, staff). */
  evidencePath: (roundId: string, fileId: string) => `${r(roundId)}/evidence/${encodeURIComponent(fileId)}`,
};
