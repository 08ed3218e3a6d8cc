import { api, type Schema } from '../shared/api';
import type { Dispute } from '../respond/reply-api';

/**
 * Contract of apps/api/src/due-process (the guarantor's side), from the generated OpenAPI types
 * (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type DisputeQueueItem = Schema<'DisputeQueueItemDto'>;
export type RefutationSummary = Schema<'RefutationSummaryDto'>;
export type DisputePage = Schema<'DisputePageDto'>;
export type OutlierValidator = Schema<'OutlierValidatorDto'>;
export type OutlierList = Schema<'OutlierListDto'>;
export type DueProcessSettings = Schema<'DueProcessSettingsDto'>;

const r = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const dueProcessApi = {
  disputes: (roundId: string, status: 'open' | 'decided', page: number, signal?: AbortSignal) =>
    api<DisputePage>(`${r(roundId)}/disputes`, { query: { status, page, pageSize: 20 }, signal }),
  decide: (roundId: string, disputeId: string, decision: 'uphold' | 'overturn', reason: string) =>
    api<Dispute>(`${r(roundId)}/disputes/${encodeURIComponent(disputeId)}/decision`, {
      method: 'POST',
      body: { decision, reason } satisfies Schema<'DecideDisputeDto'>,
    }),
  outliers: (roundId: string, signal?: AbortSignal) =>
    api<OutlierList>(`${r(roundId)}/validators/outliers`, { signal }),
  settings: (roundId: string, signal?: AbortSignal) => api<DueProcessSettings>(`${r(roundId)}/due-process`, { signal }),
  saveSettings: (roundId: string, body: DueProcessSettings) =>
    api<DueProcessSettings>(`${r(roundId)}/due-process`, { method: 'PUT', body }),
  /** Any evidence file of the round (GET /api/rounds/:roundId/evidence/:id, staff). */
  evidencePath: (roundId: string, fileId: string) => `${r(roundId)}/evidence/${encodeURIComponent(fileId)}`,
};
