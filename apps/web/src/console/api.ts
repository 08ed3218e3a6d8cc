import { api, type Page } from '../shared/api';
import type { Bilingual } from '../shared/i18n';

/** DTOs of apps/api/src/{rounds,questionnaires,universe,invitations,citizens/guarantor}. */
export type RoundStatus = 'draft' | 'open' | 'closed' | 'published';

export interface UniverseSelection {
  cveEnt?: string[];
  cvegeo?: string[];
  levels?: string[];
  types?: string[];
  institutionIds?: string[];
}

/** METHOD.md §4 (apps/api/src/rounds/dto/round-design.dto.ts). */
export type RoundDesign =
  | { kind: 'census' }
  | {
      kind: 'sample';
      states: { cveEnt: string; population: number }[];
      municipalities?: { cvegeo: string; population: number }[];
    };

export interface DesignProblem extends Bilingual {
  /** e.g. `design.states[0].population` */
  path: string;
}

export interface Round {
  id: string;
  name: string;
  status: RoundStatus;
  opensAt: string;
  closesAt: string;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  universeSelection: UniverseSelection;
  settings: Record<string, unknown>;
  design: RoundDesign;
  validationOpen: boolean;
  synthetic: boolean;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface QuestionnaireRef {
  id: string;
  kind: string;
  slug: string;
  version: number;
  title: string;
}

/** The rebuild a publication waits for (issue #13): the round turns published when it is done. */
export interface Publication {
  runId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  finishedAt: string | null;
}

export interface RoundDetail extends Round {
  publication: Publication | null;
  universeSize: number;
  universeFrozen: boolean;
  institutionQuestionnaire: QuestionnaireRef;
  citizenQuestionnaire: QuestionnaireRef;
  counts: { invitations: number; drafts: number; submitted: number };
  /** States of the round universe with its institutions there, by code. */
  universeStates: { cveEnt: string; name: string; institutions: number }[];
  /** Where the design no longer matches the universe (opening is refused until fixed). */
  designProblems: DesignProblem[];
}

export interface CreateRoundBody {
  name: string;
  opensAt: string;
  closesAt: string;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
  universeSelection?: UniverseSelection;
}

export interface QuestionnaireSummary {
  id: string;
  kind: 'institution' | 'citizen';
  slug: string;
  version: number;
  title: string;
  checksum: string;
  versions: number;
  latest: boolean;
  createdAt: string;
}

export interface UniverseImportResult {
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  total: number;
  notInFile: number;
}

export interface UniverseIssue {
  line: number;
  column: string | null;
  code: string;
  message: Bilingual;
}

/** A large import running as a job (202 from the import route; GET /api/universe/imports/:id). */
export interface UniverseImportJob {
  id: string;
  state: 'receiving' | 'queued' | 'parsing' | 'validating' | 'importing' | 'done' | 'failed';
  dryRun: boolean;
  progress: { bytesProcessed: number; totalBytes: number; rowsProcessed: number; errorCount: number; percent: number };
  result?: UniverseImportResult;
  error?: {
    code: string;
    message: string;
    messages: { es: string; en: string };
    field?: string;
    details?: UniverseInvalidDetails;
  };
}

export const isImportJob = (r: UniverseImportResult | UniverseImportJob): r is UniverseImportJob => 'state' in r;

export interface UniverseInvalidDetails {
  errors: UniverseIssue[];
  errorCount: number;
  rowsRead: number;
}

/** One institution of the padrón (GET /api/universe/institutions). */
export interface UniverseInstitution {
  id: string;
  key: string;
  name: string;
  type: string;
  level: string;
  cveEnt: string;
  stateName: string;
  cvegeo: string;
  municipalityName: string;
  email: string;
  retiredAt: string | null;
}

export type PadronStatus = 'active' | 'retired' | 'all';

export interface UniverseSummary {
  total: number;
  retired: number;
  municipalities: number;
  byState: { cveEnt: string; name: string; count: number }[];
  byLevel: { level: string; count: number }[];
  byType: { type: string; count: number }[];
}

export interface ProgressCounts {
  invited: number;
  mailed: number;
  opened: number;
  draft: number;
  submitted: number;
}

export interface InvitationProgress {
  roundId: string;
  totals: ProgressCounts;
  states: (ProgressCounts & { cveEnt: string; name: string | null })[];
  municipalities: Page<ProgressCounts & { cvegeo: string; cveEnt: string; name: string | null }>;
}

export interface RecruitmentCounts {
  subjects: number;
  subjectsWithCitizenData: number;
  validatorsRegistered: number;
  activeAssignments: number;
  reportsReceived: number;
  needed: number;
}

export interface MunicipalityRecruitment extends RecruitmentCounts {
  cvegeo: string;
  name: string;
  cveEnt: string;
  stateName: string;
  neededSubjects: number;
  neededForInstitutions: number;
}

export interface StateRecruitment extends RecruitmentCounts {
  cveEnt: string;
  name: string;
  municipalities: number;
  municipalitiesWithCitizenData: number;
  neededMunicipalities: number;
}

export interface Recruitment<Row> extends Page<Row> {
  level: 'municipality' | 'state';
  source: 'threshold' | 'metric';
  thresholds: {
    institutionMinReports: number;
    municipalityMinReports: number;
    municipalityMinSubjects: number;
    areaMinMunicipalities: number;
    areaMinMunicipalityShare: number;
  };
  totals: RecruitmentCounts;
  notice: Bilingual;
}

const r = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const consoleApi = {
  rounds: (page: number, signal?: AbortSignal) =>
    api<Page<Round>>('/api/rounds', { query: { page, pageSize: 20 }, signal }),
  round: (id: string, signal?: AbortSignal) => api<RoundDetail>(r(id), { signal }),
  createRound: (body: CreateRoundBody) => api<Round>('/api/rounds', { method: 'POST', body }),
  updateDesign: (id: string, design: RoundDesign) => api<RoundDetail>(r(id), { method: 'PATCH', body: { design } }),
  transition: (id: string, action: 'open' | 'close' | 'publish') =>
    api<RoundDetail>(`${r(id)}/${action}`, { method: 'POST' }),
  setValidation: (id: string, open: boolean) =>
    api<{ roundId: string; validationOpen: boolean }>(`${r(id)}/validation/${open ? 'open' : 'close'}`, {
      method: 'POST',
    }),
  questionnaires: (kind: 'institution' | 'citizen', signal?: AbortSignal) =>
    api<Page<QuestionnaireSummary>>('/api/questionnaires', { query: { kind, pageSize: 200 }, signal }),
  installDefaults: () =>
    api<{ items: (QuestionnaireSummary & { created: boolean; instrument: string })[] }>(
      '/api/questionnaires/defaults',
      { method: 'POST' },
    ),
  importUniverse: (csv: string, dryRun: boolean) =>
    // Files above 256 KB come back as a job (202) to poll with universeImport.
    api<UniverseImportResult | UniverseImportJob>('/api/universe/import', {
      method: 'POST',
      raw: csv,
      contentType: 'text/csv; charset=utf-8',
      query: { dryRun },
    }),
  universeImport: (id: string, signal?: AbortSignal) =>
    api<UniverseImportJob>(`/api/universe/imports/${encodeURIComponent(id)}`, { signal }),
  universeSummary: (signal?: AbortSignal) => api<UniverseSummary>('/api/universe/summary', { signal }),
  institutions: (query: { page: number; status: PadronStatus; q?: string }, signal?: AbortSignal) =>
    api<Page<UniverseInstitution>>('/api/universe/institutions', { query: { ...query, pageSize: 20 }, signal }),
  setRetired: (institutionId: string, retired: boolean) =>
    api<UniverseInstitution>(
      `/api/universe/institutions/${encodeURIComponent(institutionId)}/${retired ? 'retire' : 'reactivate'}`,
      { method: 'POST', body: {} },
    ),
  progress: (id: string, page: number, signal?: AbortSignal) =>
    api<InvitationProgress>(`${r(id)}/invitations/progress`, { query: { page, pageSize: 20 }, signal }),
  remind: (id: string) => api<{ count: number }>(`${r(id)}/reminders`, { method: 'POST', body: {} }),
  recruitment: <Row>(id: string, level: 'municipality' | 'state', page: number, signal?: AbortSignal) =>
    api<Recruitment<Row>>(`${r(id)}/recruitment`, { query: { level, page, pageSize: 20 }, signal }),
};
