import { api } from '../shared/api';
import type { Bilingual } from '../shared/i18n';

/** Contract of apps/api/src/responses (staff side) and the microdata route of apps/api/src/exports. */
export type ResponseState = 'none' | 'draft' | 'submitted';

export interface ResponseInstitution {
  id: string;
  name: string;
  type: string;
  level: string;
  cveEnt: string;
  cvegeo: string;
}

export interface ResponseListItem {
  institution: ResponseInstitution;
  status: ResponseState;
  version: number;
  submittedAt: string | null;
}

export interface ResponsePage {
  items: ResponseListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LabelledAnswer {
  name: string;
  title: Bilingual;
  type: string;
  value: unknown;
  label: Bilingual | null;
}

export interface AnswerChange {
  name: string;
  title: Bilingual;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface VersionHistory {
  version: number;
  submittedAt: string;
  cleared: string[];
  changes: AnswerChange[];
  evidenceCount: number;
  href: string;
}

export interface StaffEvidence {
  id: string;
  questionName: string | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  href: string;
}

export interface ClaimVerdict {
  validator: string;
  verdict: 'confirmed' | 'refuted' | 'unverifiable';
  standing: 'counted' | 'pending' | 'disputed' | 'overturned' | 'ignored';
  evidenceUrl: string | null;
  evidenceHref: string | null;
  comment: string | null;
  recordedAt: string;
}

export interface Claim {
  questionName: string;
  title: Bilingual;
  claimed: unknown;
  verdicts: ClaimVerdict[];
}

export interface StaffResponse {
  institution: ResponseInstitution;
  status: ResponseState;
  responseId: string | null;
  version: number;
  submittedAt: string | null;
  questionnaireVersion: number | null;
  answers: LabelledAnswer[];
  versions: VersionHistory[];
  evidence: StaffEvidence[];
  claims: Claim[];
}

export type MicrodataFile = 'answers.csv' | 'verdicts.csv' | 'citizen_reports.csv' | 'codebook.csv' | 'microdata.xlsx';

const r = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const responsesApi = {
  list: (roundId: string, status: ResponseState | undefined, page: number, signal?: AbortSignal) =>
    api<ResponsePage>(`${r(roundId)}/responses`, { query: { status, page, pageSize: 50 }, signal }),
  detail: (roundId: string, institutionId: string, signal?: AbortSignal) =>
    api<StaffResponse>(`${r(roundId)}/responses/${encodeURIComponent(institutionId)}`, { signal }),
  microdataPath: (roundId: string, file: MicrodataFile, bom: boolean) =>
    `${r(roundId)}/microdata/${file}${bom && file.endsWith('.csv') ? '?bom=1' : ''}`,
};
