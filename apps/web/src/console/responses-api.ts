import { api, type Schema } from '../shared/api';

/**
 * Contract of apps/api/src/responses (staff side) and the microdata route of apps/api/src/exports, from
 * the generated OpenAPI types (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export type ResponseState = ResponseListItem['status'];
export type ResponseInstitution = Schema<'ResponseInstitutionDto'>;
export type ResponseListItem = Schema<'ResponseListItemDto'>;
export type ResponsePage = Schema<'ResponsePageDto'>;
export type LabelledAnswer = Schema<'LabelledAnswerDto'>;
export type AnswerChange = Schema<'AnswerChangeDto'>;
export type VersionHistory = Schema<'VersionHistoryDto'>;
export type StaffEvidence = Schema<'StaffEvidenceDto'>;
export type ClaimVerdict = Schema<'ClaimVerdictDto'>;
export type Claim = Schema<'StaffClaimDto'>;
export type StaffResponse = Schema<'StaffResponseDto'>;

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
