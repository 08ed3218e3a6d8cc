import { api, type Schema } from '../shared/api';

/**
 * DTOs of apps/api/src/{rounds,questionnaires,universe,invitations,citizens/guarantor}, from the
 * generated OpenAPI types (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type RoundStatus = Round['status'];
export type UniverseSelection = Schema<'UniverseSelectionDto'>;
/** METHOD.md §4: the round's design as the API returns it (census, or a sample with its strata). */
export type RoundDesign = Round['design'];
export type DesignProblem = Schema<'DesignProblemDto'>;
export type Round = Schema<'RoundDto'>;
export type QuestionnaireRef = Schema<'QuestionnaireRefDto'>;
/** The rebuild a publication waits for (issue #13): the round turns published when it is done. */
export type Publication = Schema<'PublicationDto'>;
export type RoundDetail = Schema<'RoundDetailDto'>;
export type CreateRoundBody = Schema<'CreateRoundDto'>;
export type QuestionnaireSummary = Schema<'QuestionnaireSummaryDto'>;
export type UniverseImportResult = Schema<'UniverseImportResultDto'>;
export type UniverseIssue = Schema<'UniverseIssueDto'>;
/** A large import running as a job (202 from the import route; GET /api/universe/imports/:id). */
export type UniverseImportJob = Schema<'UniverseImportJobDto'>;

export const isImportJob = (r: UniverseImportResult | UniverseImportJob): r is UniverseImportJob => 'state' in r;

export type UniverseInvalidDetails = Schema<'UniverseInvalidDetailsDto'>;
/** One institution of the padrón (GET /api/universe/institutions). */
export type UniverseInstitution = Schema<'InstitutionDto'>;

export type PadronStatus = 'active' | 'retired' | 'all';

export type UniverseSummary = Schema<'UniverseSummaryDto'>;
export type ProgressCounts = Schema<'ProgressCountsDto'>;
export type InvitationProgress = Schema<'InvitationProgressDto'>;
export type RecruitmentCounts = Schema<'RecruitmentCountsDto'>;
export type MunicipalityRecruitment = Schema<'MunicipalityRecruitmentDto'>;
export type StateRecruitment = Schema<'StateRecruitmentDto'>;
/** GET …/recruitment: the rows are municipalities or states, as the `level` asked for says. */
export type Recruitment<Row extends MunicipalityRecruitment | StateRecruitment> = Omit<
  Schema<'RecruitmentDto'>,
  'items'
> & { items: Row[] };

const r = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const consoleApi = {
  rounds: (page: number, signal?: AbortSignal) =>
    api<Schema<'RoundPageDto'>>('/api/rounds', { query: { page, pageSize: 20 }, signal }),
  round: (id: string, signal?: AbortSignal) => api<RoundDetail>(r(id), { signal }),
  createRound: (body: CreateRoundBody) => api<Round>('/api/rounds', { method: 'POST', body }),
  updateDesign: (id: string, design: RoundDesign) =>
    api<RoundDetail>(r(id), { method: 'PATCH', body: { design } satisfies Schema<'UpdateRoundDto'> }),
  transition: (id: string, action: 'open' | 'close' | 'publish') =>
    api<RoundDetail>(`${r(id)}/${action}`, { method: 'POST' }),
  setValidation: (id: string, open: boolean) =>
    api<Schema<'ValidationStateDto'>>(`${r(id)}/validation/${open ? 'open' : 'close'}`, {
      method: 'POST',
    }),
  questionnaires: (kind: 'institution' | 'citizen', signal?: AbortSignal) =>
    api<Schema<'QuestionnairePageDto'>>('/api/questionnaires', { query: { kind, pageSize: 200 }, signal }),
  installDefaults: () => api<Schema<'InstalledDefaultsDto'>>('/api/questionnaires/defaults', { method: 'POST' }),
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
    api<Schema<'InstitutionPageDto'>>('/api/universe/institutions', { query: { ...query, pageSize: 20 }, signal }),
  setRetired: (institutionId: string, retired: boolean) =>
    api<UniverseInstitution>(
      `/api/universe/institutions/${encodeURIComponent(institutionId)}/${retired ? 'retire' : 'reactivate'}`,
      { method: 'POST', body: {} },
    ),
  progress: (id: string, page: number, signal?: AbortSignal) =>
    api<InvitationProgress>(`${r(id)}/invitations/progress`, { query: { page, pageSize: 20 }, signal }),
  remind: (id: string) => api<Schema<'RemindersResultDto'>>(`${r(id)}/reminders`, { method: 'POST', body: {} }),
  recruitment: <Row extends MunicipalityRecruitment | StateRecruitment>(
    id: string,
    level: 'municipality' | 'state',
    page: number,
    signal?: AbortSignal,
  ) => api<Recruitment<Row>>(`${r(id)}/recruitment`, { query: { level, page, pageSize: 20 }, signal }),
};
