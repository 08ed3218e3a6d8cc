import { api, type Page } from '../shared/api';
import { getSession, STAFF_ROLES } from '../shared/auth';

/** One stored value with its uncertainty and conclusiveness status (METHOD.md §5–6). */
export interface ResultValue {
  indicator: string;
  aggregation: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  n: number | null;
  N: number | null;
  status: ResultStatus;
  needed: number;
  formula: string | null;
}

export type ResultStatus = 'conclusive' | 'caution' | 'inconclusive' | 'not_validated';

export interface Notice {
  es: string;
  en: string;
}

export interface ResultRound {
  id: string;
  name: string;
  status: string;
  synthetic: boolean;
  publishedAt: string | null;
}

export interface Summary {
  round: ResultRound;
  computed: boolean;
  synthetic: boolean;
  provenance: { methodId: string | null; methodVersion: string | null; watermark: string | null; computedAt: string | null };
  notice: Notice;
  coverage: { institutions: number; withSelfReport: number; withCitizenData: number; municipalities: number | null; municipalitiesWithCitizenData: number };
  national: ResultValue[];
}

export interface InstitutionRef {
  id: string;
  name: string;
  type: string;
  level: string;
  cvegeo: string;
  municipality: string;
  cveEnt: string;
  state: string;
}

export interface InstitutionItem {
  institution: InstitutionRef;
  value: ResultValue | null;
}

export interface AreaItem {
  scope: string;
  scopeKey: string;
  name: string;
  cveEnt: string | null;
  value: ResultValue;
}

export interface InstitutionDetail {
  round: ResultRound;
  institution: InstitutionRef;
  computed: boolean;
  headline: ResultValue | null;
  values: ResultValue[];
  subIndices: Array<{ code: string; partial: boolean; missing: string[]; formula: string }>;
  components: Array<{ code: string; kind: 'government' | 'citizen'; value: ResultValue; raw: number | null; reports: number | null }>;
  inputs: { evidenceUrls: Array<{ item: string; question: string; url: string }>; citizenReports: number; validators: number } | null;
  provenance: { methodId: string | null; methodVersion: string | null; watermark: string | null; computedAt: string | null };
  notice: Notice;
}

export interface PublicRound {
  id: string;
  name: string;
  guarantor: { name: string };
  publishedAt: string | null;
  synthetic: boolean;
}

/** Staff read any round of their guarantor; everyone else reads the public mirror (published rounds). */
function base(roundId: string): string {
  const role = getSession()?.user.role;
  return role && STAFF_ROLES.includes(role) ? `/api/rounds/${roundId}` : `/api/public/rounds/${roundId}`;
}

export const resultsApi = {
  publicRounds: (signal?: AbortSignal) => api<Page<PublicRound>>('/api/public/rounds', { query: { pageSize: 100 }, signal }),
  summary: (roundId: string, signal?: AbortSignal) => api<Summary>(`${base(roundId)}/results/summary`, { signal }),
  institutions: (roundId: string, query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    api<Page<InstitutionItem>>(`${base(roundId)}/results/institutions`, { query, signal }),
  institution: (roundId: string, institutionId: string, signal?: AbortSignal) =>
    api<InstitutionDetail>(`${base(roundId)}/results/institutions/${institutionId}`, { signal }),
  areas: (roundId: string, query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    api<Page<AreaItem>>(`${base(roundId)}/results/areas`, { query, signal }),
  exportUrl: (roundId: string, file: string) => `${base(roundId)}/export/${file}`,
};
