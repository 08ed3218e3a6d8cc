/**
 * @apertura/questionnaire — survey-core adapter: custom properties, default instruments, lint,
 * server-side submission validation and extraction of scored items (DESIGN.md, METHOD.md §2, §8).
 * No Nest/TypeORM imports: usable from the API, the worker and (except validate) the browser.
 */
export { COMPONENTS, isComponentOf } from './components';
export { extractScoredItems, scoredAnswers, titleOf, verifiableItems } from './extract';
export { questionTitles } from './titles';
export { checkScoreIfHiddenGate, CompiledScoring, compileScoring } from './gates';
export type { VerifiableItem } from './extract';
export {
  CITIZEN_V1,
  CITIZEN_V2,
  DEFAULT_INSTRUMENTS,
  defaultInstrument,
  INSTITUTION_V1,
  INSTITUTION_V2,
  scoringDefinitionFor,
} from './instruments';
export type { InstrumentInfo } from './instruments';
export { LintCode, QuestionnaireError } from './issues';
export type { LintIssue, TextPosition } from './issues';
export { LINT_LIMITS, lintQuestionnaire } from './lint';
export type { LintResult } from './lint';
export {
  APERTURA_DEFAULT_LOCALE,
  APERTURA_PROPERTIES,
  APERTURA_PROPERTY_CATEGORY,
  registerAperturaProperties,
  setAperturaDefaultLocale,
} from './properties';
export type { LocalizedText, QuestionnaireKind, SurveyJson } from './types';
export { sanitizeDefinitionHtml, sanitizeHtml } from './sanitize-html';
export { SUBMISSION_LIMITS, SubmissionCode, validateSubmissionWithModel } from './validate';
export {
  CompiledValidator,
  CompiledValidatorCache,
  compiledValidatorFor,
  validateSubmission,
} from './compiled-validator';
export type { SubmissionIssue, SubmissionResult, ValidateOptions } from './validate';
export { answerCell, buildCodebook, MULTI_VALUE_SEPARATOR } from './codebook';
export type { CodebookChoice, CodebookSource, CodebookVariable } from './codebook';
export {
  cellToChoices,
  cellToValidator,
  choiceDraftsFromCell,
  choiceDraftsToCell,
  choicesToCell,
  definitionToRows,
  emptyRow,
  lintSheet,
  rowsToDefinition,
  SHEET_COLUMNS,
  SHEET_MAX_ROWS,
  SheetCode,
  URL_PATTERN,
  validatorsToCells,
} from './sheet/rows';
export type {
  ChoiceDraft,
  RowsToDefinitionResult,
  SheetColumn,
  SheetIssue,
  SheetLintResult,
  SheetRow,
} from './sheet/rows';
export {
  csvToRows,
  jsonToRows,
  parseCsvTable,
  rowsToCsv,
  rowsToJson,
  rowsToXlsx,
  SHEET_FILE_LIMITS,
  xlsxToRows,
} from './sheet/files';
export type { ParsedSheet } from './sheet/files';
