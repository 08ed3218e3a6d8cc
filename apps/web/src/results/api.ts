import { api, ApiError, type Schema } from '../shared/api';
import { getSession, STAFF_ROLES } from '../shared/auth';

export type { Design, Rank, RankingGroup, StateRef } from './present';

/**
 * The shapes of apps/api/src/results/dto/results.dto.ts and apps/api/src/universe/dto/catalogue.dto.ts,
 * from the generated OpenAPI types (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type ResultValue = Schema<'ResultValueDto'>;
export type ResultStatus = ResultValue['status'];
/** Best to worst (legends, filters, summaries). */
export const STATUS_ORDER: ResultStatus[] = ['conclusive', 'caution', 'inconclusive', 'not_validated'];
export type Level = InstitutionRef['level'];
export const LEVELS: readonly Level[] = ['federal', 'estatal', 'municipal', 'autonomo'];
export type AreaScope = AreaItem['scope'];
export type Aggregation = ResultValue['aggregation'];
/** Indicators with stored rank intervals (the API refuses a ranking of any other: 400 on `indicator`). */
export const RANK_INDICATORS = ['I', 'T', 'P', 'TC', 'PC'] as const;
export type RankIndicator = (typeof RANK_INDICATORS)[number];
/** Indicators the state map may colour by (not a ranking: I_G, TG and PG are shown, labelled). */
export const MAP_INDICATORS = ['I', 'I_G', 'T', 'P', 'TG', 'TC', 'PG', 'PC'] as const;
/** `ranking=ranked`: only ranked values, by position; `unranked`: the rest, by name. */
export type RankingPart = 'ranked' | 'unranked';

export type Coverage = Schema<'CoverageDto'>;
export type AreaValue = Schema<'AreaValueDto'>;
export type ResultRound = Schema<'ResultRoundDto'>;
export type Provenance = Schema<'ProvenanceDto'>;
export type Summary = Schema<'ResultsSummaryDto'>;
export type InstitutionRef = Schema<'ResultInstitutionRefDto'>;
export type InstitutionItem = Schema<'InstitutionResultItemDto'>;
export type InstitutionPage = Schema<'InstitutionResultPageDto'>;
export type ItemResult = Schema<'ItemResultDto'>;
export type ComponentResult = Schema<'ComponentResultDto'>;
export type InstitutionDetail = Schema<'InstitutionResultDetailDto'>;
export type AreaItem = Schema<'AreaResultItemDto'>;
export type AreaPage = Schema<'AreaResultPageDto'>;
export type PublicRound = Schema<'PublicRoundDto'>;
/** GET /api/public/comparison: whether two rounds may be put side by side at all. */
export type Comparability = Schema<'ComparabilityDto'>;
/** A round of the staff list (GET /api/rounds): the results pages read its name, status and dates. */
export type StaffRound = Schema<'RoundDto'>;
export type State = Schema<'StateDto'>;

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
export type Distribution = Schema<'InstitutionDistributionDto'>;

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
    api<Schema<'PublicRoundPageDto'>>('/api/public/rounds', { query: { pageSize: 200 }, signal }),
  staffRounds: (signal?: AbortSignal) =>
    api<Schema<'RoundPageDto'>>('/api/rounds', { query: { pageSize: 200 }, signal }),
  states: (signal?: AbortSignal) => api<Schema<'StatesDto'>>('/api/catalogue/states', { signal }),
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
