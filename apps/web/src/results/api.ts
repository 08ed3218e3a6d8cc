import { api, ApiError, type Page } from '../shared/api';
import { getSession, STAFF_ROLES } from '../shared/auth';
import type { Bilingual } from '../shared/i18n';
import type { Design, Rank, RankingGroup, StateRef } from './present';

export type { Design, Rank, RankingGroup, StateRef } from './present';

/**
 * Mirrors apps/api/src/results/dto/results.dto.ts and apps/api/src/universe/dto/catalogue.dto.ts, with
 * the fields of the apertura-2 contract (/work/shared-notes/contract.md §2): needed sample split into
 * subjects and reports, validated share, method per value, round design and states, ranks and groups.
 */
export type ResultStatus = 'conclusive' | 'caution' | 'inconclusive' | 'not_validated';
/** Best to worst (legends, filters, summaries). */
export const STATUS_ORDER: ResultStatus[] = ['conclusive', 'caution', 'inconclusive', 'not_validated'];
export type Level = 'federal' | 'estatal' | 'municipal' | 'autonomo';
export const LEVELS: readonly Level[] = ['federal', 'estatal', 'municipal', 'autonomo'];
export type AreaScope = 'municipality' | 'state' | 'national' | 'level' | 'type';
export type Aggregation = 'unweighted' | 'mean_of_municipalities' | 'population_weighted' | 'stratified';
/** Indicators with stored rank intervals (the API refuses a ranking of any other: 400 on `indicator`). */
export const RANK_INDICATORS = ['I', 'T', 'P', 'TC', 'PC'] as const;
export type RankIndicator = (typeof RANK_INDICATORS)[number];
/** Indicators the state map may colour by (not a ranking: I_G, TG and PG are shown, labelled). */
export const MAP_INDICATORS = ['I', 'I_G', 'T', 'P', 'TG', 'TC', 'PG', 'PC'] as const;
/** `ranking=ranked`: only ranked values, by position; `unranked`: the rest, by name. */
export type RankingPart = 'ranked' | 'unranked';

export interface ResultValue {
  indicator: string;
  aggregation: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  cv: number | null;
  halfWidth: number | null;
  n: number | null;
  N: number | null;
  df: number | null;
  interval: string;
  status: ResultStatus;
  reasons: string[];
  /** Additional citizen reports for a conclusive value; 0 only when conclusive; null when no citizen addition can help. */
  needed: number | null;
  /** Areas: additional subjects with citizen data needed first; institutions: null. */
  neededSubjects: number | null;
  /** Reports beyond those the new subjects bring. */
  neededReports: number | null;
  /** Aggregates: members with a validated I / members with a value. */
  validatedShare: number | null;
  pendingRefutations: number;
  methodId: string;
  methodVersion: string;
  formula: string | null;
  missing?: string[];
}

export interface Coverage {
  responding: number;
  universe: number;
  citizenReports: number;
  subjectsWithCitizenData: number;
  municipalitiesWithData: number;
  municipalitiesInUniverse: number | null;
  meetsMinimum: boolean;
  neededReports: number | null;
  neededMunicipalities: number | null;
  imputedSE: number;
}

export interface AreaValue extends ResultValue {
  coverage: Coverage | null;
}

export interface ResultRound {
  id: string;
  name: string;
  status: 'draft' | 'open' | 'closed' | 'published';
  synthetic: boolean;
  publishedAt: string | null;
  design: Design;
  /** Method of the round's stored results (null: none computed). */
  methodId: string | null;
  methodVersion: string | null;
  /** States of the round's universe, by code. */
  states: StateRef[];
}

export interface Provenance {
  methodId: string | null;
  methodVersion: string | null;
  watermark: string | null;
  computedAt: string | null;
}

export interface Summary {
  round: ResultRound;
  computed: boolean;
  synthetic: boolean;
  provenance: Provenance;
  notice: Bilingual;
  coverage: {
    institutions: number;
    withSelfReport: number;
    withCitizenData: number;
    municipalities: number | null;
    municipalitiesWithCitizenData: number;
    /** I computable (citizen reports on both TC and PC). */
    validatedInstitutions: number;
    /** At least one counted verdict on the self-report. */
    verifiedInstitutions: number;
    withAnyCitizenReport: number;
    pendingRefutations: number;
  };
  national: AreaValue[];
}

export interface InstitutionRef {
  id: string;
  name: string;
  type: string;
  level: Level;
  cvegeo: string;
  municipality: string;
  cveEnt: string;
  state: string;
}

export interface InstitutionItem {
  institution: InstitutionRef;
  value: ResultValue | null;
  rank: Rank | null;
  group: RankingGroup;
}

export interface InstitutionPage extends Page<InstitutionItem> {
  notice: Bilingual;
}

export interface ItemResult {
  name: string;
  /** Question title in the questionnaire version answered. */
  title: Bilingual | null;
  weight: number;
  verifiable: boolean;
  s: number;
  sValidated: number;
  confirmed: number;
  refuted: number;
  verification: 'not_verifiable' | 'unverified' | 'confirmed' | 'refuted' | 'mixed';
  confirmationRate: { p: number; lo: number; hi: number; n: number } | null;
}

export interface ComponentResult {
  code: string;
  kind: 'government' | 'citizen';
  value: ResultValue;
  raw: number | null;
  items: ItemResult[];
  reports: number | null;
  validators: number | null;
}

export interface InstitutionDetail {
  round: ResultRound;
  institution: InstitutionRef;
  computed: boolean;
  summary: {
    selfReported: boolean;
    citizenReports: number;
    validators: number;
    headline: 'I' | 'I_G' | null;
    neededReports: number | null;
    /** ≥ 1 counted verdict. */
    verified?: boolean;
    /** TC and PC present. */
    validated?: boolean;
    pendingRefutations?: number;
    warnings: string[];
  } | null;
  headline: ResultValue | null;
  values: ResultValue[];
  subIndices: Array<{
    code: string;
    partial: boolean;
    missing: string[];
    weights: Record<string, number>;
    formula: string;
  }>;
  components: ComponentResult[];
  inputs: {
    selfReport: { responseId: string; version: number; submittedAt: string | null } | null;
    evidenceUrls: Array<{ item: string; question: string; url: string }>;
    evidenceFiles: Array<{
      id: string;
      questionName: string | null;
      filename: string;
      mimeType: string;
      size: number;
      sha256: string;
    }>;
    verdicts: { confirmed: number; refuted: number; unverifiable: number };
    citizenReports: number;
    validators: number;
  } | null;
  provenance: Provenance & {
    questionnaires: Array<{
      id: string;
      kind: 'institution' | 'citizen';
      slug: string;
      version: number;
      checksum: string;
    }>;
  };
  notice: Bilingual;
}

export interface AreaItem {
  scope: AreaScope;
  scopeKey: string;
  name: string;
  cveEnt: string | null;
  value: AreaValue;
  rank: Rank | null;
  group: RankingGroup;
}

export interface AreaPage extends Page<AreaItem> {
  notice: Bilingual;
}

export interface PublicRound {
  id: string;
  name: string;
  guarantor: { slug: string; name: string };
  opensAt: string;
  closesAt: string;
  publishedAt: string | null;
  synthetic: boolean;
}

/** GET /api/public/comparison: whether two rounds may be put side by side at all. */
export interface Comparability {
  comparable: boolean;
  reasons: Array<{ code: 'SYNTHETIC_MIXED' | 'SAME_ROUND'; messages: Bilingual }>;
  syntheticA: boolean;
  syntheticB: boolean;
}

export interface StaffRound {
  id: string;
  name: string;
  status: ResultRound['status'];
  synthetic: boolean;
  publishedAt: string | null;
  closesAt: string;
}

export interface State {
  cveEnt: string;
  name: string;
  municipalities: number;
  population: number;
}

export type InstitutionQuery = {
  page?: number;
  pageSize?: number;
  indicator?: string;
  level?: string;
  type?: string;
  cveEnt?: string;
  cvegeo?: string;
  status?: string;
  sort?: 'name' | 'estimate' | '-estimate';
  ranking?: RankingPart;
};

export type AreaQuery = {
  scope: AreaScope;
  aggregation?: Aggregation;
  indicator?: string;
  cveEnt?: string;
  status?: string;
  sort?: 'key' | 'name' | 'estimate' | '-estimate';
  page?: number;
  pageSize?: number;
  ranking?: RankingPart;
};

export const isStaff = (): boolean => {
  const role = getSession()?.user.role;
  return !!role && STAFF_ROLES.includes(role);
};

const enc = encodeURIComponent;

/**
 * Staff read their own guarantor's rounds (any status) through the staff API; a round of another
 * guarantor answers 404 there, so we fall back to the public mirror (published rounds only).
 */
async function read<T>(
  roundId: string,
  path: string,
  query?: Record<string, string | number | undefined>,
  signal?: AbortSignal,
): Promise<T> {
  if (isStaff()) {
    try {
      return await api<T>(`/api/rounds/${enc(roundId)}${path}`, { query, signal });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
  }
  return api<T>(`/api/public/rounds/${enc(roundId)}${path}`, { query, signal });
}

/** Every institution's headline, T and P, one array per field (GET …/results/distribution). */
export interface Distribution {
  total: number;
  id: string[];
  name: string[];
  headline: Array<string | null>;
  estimate: Array<number | null>;
  status: Array<ResultStatus | null>;
  t: Array<number | null>;
  tStatus: Array<ResultStatus | null>;
  p: Array<number | null>;
  pStatus: Array<ResultStatus | null>;
}

export type ExportDataset = 'institutions' | 'municipalities' | 'states' | 'national' | 'levels' | 'types';
export type ExportFile = `${ExportDataset}.${'csv' | 'json'}`;
export const EXPORT_DATASETS: ExportDataset[] = [
  'institutions',
  'municipalities',
  'states',
  'national',
  'levels',
  'types',
];
export const EXPORT_FILES: ExportFile[] = EXPORT_DATASETS.flatMap((d): ExportFile[] => [`${d}.csv`, `${d}.json`]);
/** The CSV with a UTF-8 byte-order mark, which Excel needs to read accents (formula cells are neutralised either way). */
export const excelVariant = (url: string): string => `${url}?bom=1`;

export const resultsApi = {
  publicRounds: (signal?: AbortSignal) =>
    api<Page<PublicRound>>('/api/public/rounds', { query: { pageSize: 200 }, signal }),
  staffRounds: (signal?: AbortSignal) => api<Page<StaffRound>>('/api/rounds', { query: { pageSize: 200 }, signal }),
  states: (signal?: AbortSignal) => api<{ source: string; items: State[] }>('/api/catalogue/states', { signal }),
  summary: (roundId: string, signal?: AbortSignal) => read<Summary>(roundId, '/results/summary', undefined, signal),
  institutions: (roundId: string, query: InstitutionQuery, signal?: AbortSignal) =>
    read<InstitutionPage>(roundId, '/results/institutions', query, signal),
  distribution: (roundId: string, signal?: AbortSignal) =>
    read<Distribution>(roundId, '/results/distribution', undefined, signal),
  institution: (roundId: string, institutionId: string, signal?: AbortSignal) =>
    read<InstitutionDetail>(roundId, `/results/institutions/${enc(institutionId)}`, undefined, signal),
  areas: (roundId: string, query: AreaQuery, signal?: AbortSignal) =>
    read<AreaPage>(roundId, '/results/areas', query, signal),
  /** Null when a round is not public (a staff round in draft or closed): the caller decides from the rounds' flags. */
  comparability: async (a: string, b: string, signal?: AbortSignal): Promise<Comparability | null> => {
    try {
      return await api<Comparability>('/api/public/comparison', { query: { a, b }, signal });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  },
  publicExportUrl: (roundId: string, file: ExportFile) => `/api/public/rounds/${enc(roundId)}/export/${file}`,
  staffExportPath: (roundId: string, file: ExportFile) => `/api/rounds/${enc(roundId)}/export/${file}`,
};
