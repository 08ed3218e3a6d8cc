/**
 * What the console's questionnaire designer imports (vite alias `@apertura/questionnaire-designer`):
 * the sheet conversion, the files and the linter, without the server-only submission validation.
 */
export {
  choiceDraftsFromCell,
  choiceDraftsToCell,
  definitionToRows,
  emptyRow,
  lintSheet,
  localizedCells,
  localizedValue,
  rowsToDefinition,
  SHEET_COLUMNS,
  URL_PATTERN,
} from './rows';
export type { ChoiceDraft, SheetColumn, SheetIssue, SheetLintResult, SheetRow } from './rows';
export { csvToRows, jsonToRows, rowsToCsv, rowsToJson, rowsToXlsx, xlsxToRows } from './files';
export type { ParsedSheet } from './files';
export { COMPONENTS } from '../components';
