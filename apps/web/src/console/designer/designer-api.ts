import { api, type Schema } from '../../shared/api';

/**
 * DTOs of apps/api/src/questionnaires used by the designer (issue #16), from the generated OpenAPI types
 * (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type QuestionnaireVersion = Schema<'QuestionnaireDto'>;
export type QuestionnaireKind = QuestionnaireVersion['kind'];

/** The designer saves its rows through the sheet import (JSON rows): one lint, errors placed on rows. */
export type SaveSheetBody = Omit<Schema<'ImportSheetDto'>, 'format' | 'content'> & {
  format: 'json';
  content: ReadonlyArray<Record<string, string>>;
};

/** POST /api/questionnaires/copy: a round's instrument stored as a version of `slug`. */
export type CopyFromRoundBody = Schema<'CopyFromRoundDto'>;

/** One entry of `details.issues` of a 422 QUESTIONNAIRE_SHEET_INVALID. */
export type ServerSheetIssue = Schema<'SheetIssueDto'>;

export const designerApi = {
  versions: (signal?: AbortSignal) =>
    api<Schema<'QuestionnairePageDto'>>('/api/questionnaires', { query: { pageSize: 200 }, signal }),
  version: (id: string, signal?: AbortSignal) => api<QuestionnaireVersion>(`/api/questionnaires/${id}`, { signal }),
  rounds: (signal?: AbortSignal) =>
    api<Schema<'RoundPageDto'>>('/api/rounds', { query: { page: 1, pageSize: 100 }, signal }),
  /** 201 when stored, 200 when identical to the slug's latest version: the same body either way. */
  copy: (body: CopyFromRoundBody) => api<QuestionnaireVersion>('/api/questionnaires/copy', { method: 'POST', body }),
  save: (body: SaveSheetBody) => api<QuestionnaireVersion>('/api/questionnaires/sheet', { method: 'POST', body }),
};
