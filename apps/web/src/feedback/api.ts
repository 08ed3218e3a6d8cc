import { api } from '../shared/api';

/** Mirrors apps/api/src/feedback/dto/feedback.dto.ts (issue #18 item 4). */
export const REPORT_TARGETS = ['value', 'evidence', 'other'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_STATUSES = ['open', 'acknowledged', 'fixed', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface PublicReport {
  id: string;
  roundId: string;
  roundName: string;
  institutionId: string | null;
  institutionName: string | null;
  targetKind: ReportTarget;
  targetRef: string;
  description: string;
  status: ReportStatus;
  publicReply: string;
  createdAt: string;
  updatedAt: string;
}

export interface StaffReport extends PublicReport {
  contactEmail: string | null;
}

export interface NewReport {
  targetKind: ReportTarget;
  targetRef?: string;
  institutionId?: string;
  description: string;
  contactEmail?: string;
  website?: string;
}

const enc = encodeURIComponent;

export const feedbackApi = {
  create: (roundId: string, body: NewReport) =>
    api<{ id: string; status: ReportStatus; statusPath: string }>(`/api/public/rounds/${enc(roundId)}/reports`, {
      method: 'POST',
      body,
    }),
  status: (id: string, signal?: AbortSignal) => api<PublicReport>(`/api/public/reports/${enc(id)}`, { signal }),
  queue: (status: ReportStatus | undefined, signal?: AbortSignal) =>
    api<StaffReport[]>('/api/feedback', { query: { status }, signal }),
  triage: (id: string, body: { status: Exclude<ReportStatus, 'open'>; publicReply?: string }) =>
    api<StaffReport>(`/api/feedback/${enc(id)}`, { method: 'PATCH', body }),
};
