import { api } from '../shared/api';

/** Mirrors apps/api/src/cosign/dto/cosign.dto.ts (issue #18 item 2). */
export const OPERATOR_KINDS = [
  'guarantor_body',
  'transparency_authority',
  'comptroller',
  'civil_society',
  'academia',
] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];
export const ORGANISATION_KINDS = ['civil_society', 'academia', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type CosignerState = 'pending' | 'approved' | 'approved_stale' | 'objected';
export type Decision = 'approve' | 'object';
export type Part = 'settings' | 'instrument' | 'results';

export interface Operator {
  name: string;
  kind: OperatorKind;
}

export interface CosignParts {
  settingsHash: string;
  instrumentHash: string;
  resultsHash: string;
  fingerprint: string;
}

export interface Cosigner {
  id: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  state: CosignerState;
  invitedAt: string;
  removedAt: string | null;
}

export interface StaffCosigner extends Cosigner {
  email: string | null;
  displayName: string | null;
  activated: boolean;
}

export interface CosignDecision {
  id: string;
  cosignerId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  decision: Decision;
  reason: string;
  parts: CosignParts;
  changedSince: Part[];
  current: boolean;
  decidedAt: string;
}

export interface CosignSummary {
  roundId: string;
  roundName: string;
  status: string;
  operator: Operator;
  coSignQuorum: number;
  approvals: number;
  quorumMet: boolean;
  current: CosignParts;
  cosigners: Cosigner[];
  decisions: CosignDecision[];
}

export interface StaffCosignSummary extends CosignSummary {
  cosigners: StaffCosigner[];
  publicationHeld: boolean;
}

export interface CosignReview extends CosignSummary {
  myCosignerId: string;
  organisationName: string;
  decisionsOpen: boolean;
  settings: Record<string, unknown>;
  design: Record<string, unknown>;
  questionnaires: Array<{ id: string; kind: string; title: string; version: number; checksum: string }>;
  institutionStatuses: Array<{ status: string; n: number }>;
  headline: Array<{
    indicator: string;
    aggregation: string;
    estimate: number | null;
    lo: number | null;
    hi: number | null;
    status: string;
  }>;
}

export interface CosignRoundItem {
  roundId: string;
  roundName: string;
  status: string;
  operator: Operator;
  organisationName: string;
  state: CosignerState;
}

const enc = encodeURIComponent;

export const cosignApi = {
  publicSummary: (roundId: string, signal?: AbortSignal) =>
    api<CosignSummary>(`/api/public/rounds/${enc(roundId)}/co-signatures`, { signal }),
  publicCsvUrl: (roundId: string) => `/api/public/rounds/${enc(roundId)}/co-signatures.csv`,
  staffSummary: (roundId: string, signal?: AbortSignal) =>
    api<StaffCosignSummary>(`/api/rounds/${enc(roundId)}/cosign`, { signal }),
  setQuorum: (roundId: string, coSignQuorum: number) =>
    api<StaffCosignSummary>(`/api/rounds/${enc(roundId)}/cosign/quorum`, { method: 'PUT', body: { coSignQuorum } }),
  invite: (
    roundId: string,
    body: { email: string; organisationName: string; organisationKind: OrganisationKind; displayName?: string },
  ) => api<StaffCosignSummary>(`/api/rounds/${enc(roundId)}/cosigners`, { method: 'POST', body }),
  remove: (roundId: string, cosignerId: string) =>
    api<StaffCosignSummary>(`/api/rounds/${enc(roundId)}/cosigners/${enc(cosignerId)}`, { method: 'DELETE' }),
  mine: (signal?: AbortSignal) => api<CosignRoundItem[]>('/api/cosign/rounds', { signal }),
  review: (roundId: string, signal?: AbortSignal) =>
    api<CosignReview>(`/api/cosign/rounds/${enc(roundId)}`, { signal }),
  decide: (roundId: string, body: { decision: Decision; reason?: string; fingerprint: string }) =>
    api<CosignReview>(`/api/cosign/rounds/${enc(roundId)}/decisions`, { method: 'POST', body }),
  reviewExportPath: (roundId: string) => `/api/cosign/rounds/${enc(roundId)}/export/institutions.csv`,
  operator: (signal?: AbortSignal) => api<Operator>('/api/operator', { signal }),
  updateOperator: (body: Partial<Operator>) => api<Operator>('/api/operator', { method: 'PATCH', body }),
};
