import { api } from '../shared/api';
import type { Bilingual } from '../shared/i18n';
import type { ResultStatus } from '../results/api';

/** Mirrors apps/api/src/commitments/dto/commitments.dto.ts. */
export type MilestoneState = 'unverified' | 'confirmed' | 'refuted' | 'mixed';
export type MovementVerdict = 'improved' | 'worsened' | 'within_uncertainty' | 'not_comparable';

export interface Milestone {
  id: string;
  claimName: string;
  position: number;
  title: string;
  dueDate: string;
  declaredDone: boolean;
  verification: { confirmed: number; refuted: number; pending: number; state: MilestoneState };
}

export interface Progress {
  declared: number | null;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  halfWidth: number | null;
  milestones: number;
  verifiedMilestones: number;
  verdicts: number;
  pendingRefutations: number;
  status: ResultStatus;
  reasons: string[];
  reasonTexts: Bilingual[];
}

export interface Commitment {
  id: string;
  roundId: string;
  institutionId: string;
  institutionName: string;
  key: string;
  title: string;
  owner: string;
  outcomeIndicator: string;
  components: string[];
  createdBy: 'institution' | 'operator';
  updatedAt: string;
  milestones: Milestone[];
  progress: Progress;
}

export interface ComponentMovement {
  component: string;
  label: Bilingual;
  before: number | null;
  after: number | null;
  verdict: MovementVerdict;
  delta: number | null;
  threshold: number | null;
  reasons: string[];
}

export interface CommitmentList {
  roundId: string;
  roundName: string;
  published: boolean;
  nextRound: { id: string; name: string } | null;
  items: Commitment[];
  movements: Array<{ institutionId: string; institutionName: string; components: ComponentMovement[] }>;
  componentCodes: string[];
  notice: Bilingual;
  institutions?: Array<{ id: string; key: string; name: string }>;
}

export interface CommitmentInput {
  title: string;
  owner: string;
  outcomeIndicator: string;
  components: string[];
  milestones: Array<{ title: string; dueDate: string; declaredDone: boolean }>;
}

export interface CsvRowError {
  line: number;
  column: string | null;
  code: string;
  message: Bilingual;
}

export interface MilestoneToVerify {
  claimName: string;
  milestoneId: string;
  title: string;
  dueDate: string;
  declaredDone: boolean;
  commitmentTitle: string;
  outcomeIndicator: string;
  owner: string;
  commitmentRoundName: string;
  myVerdict: 'confirmed' | 'refuted' | 'unverifiable' | null;
  myComment: string | null;
  myEvidenceUrl: string | null;
}

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
      ? api<{ created: number; updated: number; milestones: number }>(`/api/rounds/${w.roundId}/commitments/import`, {
          method: 'POST',
          body: { csv },
        })
      : api<{ created: number; updated: number; milestones: number }>('/api/respond/commitments/import', {
          method: 'POST',
          body: { csv },
          invitation: w.invitation,
        }),
  toVerify: (assignmentId: string, signal?: AbortSignal) =>
    api<{ items: MilestoneToVerify[] }>(`/api/citizens/assignments/${assignmentId}/milestones`, { signal }),
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
