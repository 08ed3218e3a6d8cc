import { api, type Page } from '../../shared/api';
import type { QuestionnaireSummary, Round } from '../api';

/** DTOs of apps/api/src/questionnaires used by the designer (issue #16). */
export type QuestionnaireKind = 'institution' | 'citizen';

export interface QuestionnaireVersion extends QuestionnaireSummary {
  definition: Record<string, unknown>;
}

/** The designer saves its rows through the sheet import: one lint, errors placed on rows. */
export interface SaveSheetBody {
  kind: QuestionnaireKind;
  slug: string;
  title?: string;
  format: 'json';
  content: ReadonlyArray<Record<string, string>>;
}

/** POST /api/questionnaires/copy: a round's instrument stored as a version of `slug`. */
export interface CopyFromRoundBody {
  roundId: string;
  kind: QuestionnaireKind;
  slug: string;
  title?: string;
}

/** One entry of `details.issues` of a 422 QUESTIONNAIRE_SHEET_INVALID. */
export interface ServerSheetIssue {
  code: string;
  row?: number;
  line?: number;
  column?: string;
  question?: string;
  message: { es: string; en: string };
  path?: string;
}

export const designerApi = {
  versions: (signal?: AbortSignal) =>
    api<Page<QuestionnaireSummary>>('/api/questionnaires', { query: { pageSize: 200 }, signal }),
  version: (id: string, signal?: AbortSignal) => api<QuestionnaireVersion>(`/api/questionnaires/${id}`, { signal }),
  rounds: (signal?: AbortSignal) => api<Page<Round>>('/api/rounds', { query: { page: 1, pageSize: 100 }, signal }),
  copy: (body: CopyFromRoundBody) =>
    api<QuestionnaireVersion & { created: boolean }>('/api/questionnaires/copy', { method: 'POST', body }),
  save: (body: SaveSheetBody) => api<QuestionnaireVersion>('/api/questionnaires/sheet', { method: 'POST', body }),
};
