import { api, type Schema } from '../shared/api';
import type { Bilingual } from '../shared/i18n';

/**
 * Contract of apps/api/src/commitments, from the generated OpenAPI types (shared/api-schema.d.ts): a
 * changed DTO is a compile error here.
 */
export type Milestone = Schema<'MilestoneDto'> & {
  verification: Schema<'MilestoneVerificationDto'> & { state: MilestoneState };
};
export type MilestoneState = 'unverified' | 'confirmed' | 'refuted' | 'mixed';
export type Progress = Schema<'ProgressDto'>;
export type Commitment = Omit<Schema<'CommitmentDto'>, 'milestones'> & { milestones: Milestone[] };
export type ComponentMovement = Schema<'ComponentMovementDto'>;
export type CommitmentList = Omit<Schema<'CommitmentListDto'>, 'items'> & { items: Commitment[] };
export type CommitmentInput = Schema<'CommitmentInputDto'>;
export type CsvRowError = { line: number; column: string | null; code: string; message: Bilingual };
export type MilestoneToVerify = Schema<'MilestoneToVerifyDto'>;
type ImportResult = Schema<'ImportResultDto'>;

/**
 * Who writes: the round's operator staff (signed in) or the institution (its invitation link).
 * The same editor serves both; only the paths differ.
 */
export type Writer = { kind: 'staff'; roundId: string } | { kind: 'institution'; invitation: string };

export const commitmentsApi = {
  publicList: (roundId: string, institutionId?: string, signal?: AbortSignal) =>
    api<CommitmentList>(`/api/public/rounds/${roundId}/commitments`, { query: { institutionId }, signal }),
  list: (w: Writer, signal?: AbortSignal) =>
    w.kind === 'staff'
      ? api<CommitmentList>(`/api/rounds/${w.roundId}/commitments`, { signal })
      : api<CommitmentList>('/api/respond/commitments', { invitation: w.invitation, signal }),
  create: (w: Writer, input: CommitmentInput, institutionId?: string) =>
    w.kind === 'staff'
      ? api<Commitment>(`/api/rounds/${w.roundId}/commitments`, { method: 'POST', body: { ...input, institutionId } })
      : api<Commitment>('/api/respond/commitments', { method: 'POST', body: input, invitation: w.invitation }),
  update: (w: Writer, id: string, input: CommitmentInput) =>
    w.kind === 'staff'
      ? api<Commitment>(`/api/commitments/${id}`, { method: 'PUT', body: input })
      : api<Commitment>(`/api/respond/commitments/${id}`, { method: 'PUT', body: input, invitation: w.invitation }),
  importCsv: (w: Writer, csv: string) =>
    w.kind === 'staff'
      ? api<ImportResult>(`/api/rounds/${w.roundId}/commitments/import`, {
          method: 'POST',
          body: { csv },
        })
      : api<ImportResult>('/api/respond/commitments/import', {
          method: 'POST',
          body: { csv },
          invitation: w.invitation,
        }),
  toVerify: (assignmentId: string, signal?: AbortSignal) =>
    api<Schema<'MilestonesToVerifyDto'>>(`/api/citizens/assignments/${assignmentId}/milestones`, { signal }),
  saveVerdict: (
    assignmentId: string,
    claimName: string,
    body: { verdict: string; evidenceUrl?: string; comment?: string },
  ) =>
    api<unknown>(`/api/citizens/assignments/${assignmentId}/verdicts/${encodeURIComponent(claimName)}`, {
      method: 'PUT',
      body,
    }),
};
