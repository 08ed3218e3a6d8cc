import { api, type Schema } from '../shared/api';

/**
 * Contract of apps/api/src/due-process (the institution's side, invitation token), from the generated
 * OpenAPI types (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type RefutationStanding = Refutation['standing'];
export type Dispute = Schema<'DisputeDto'>;
export type Refutation = Schema<'RefutationDto'>;
export type RefutationList = Schema<'RefutationListDto'>;
export type DisputeBody = Schema<'CreateDisputeDto'>;

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
