import type { LocalizedText } from './types';

/**
 * Stable lint codes. The API returns them to guarantors and tests assert on them, so a code is
 * never renamed or reused; add new ones instead.
 */
export const LintCode = Object.freeze({
  MALFORMED_JSON: 'Q_MALFORMED_JSON',
  TOO_LARGE: 'Q_TOO_LARGE',
  TOO_DEEP: 'Q_TOO_DEEP',
  TOO_MANY_QUESTIONS: 'Q_TOO_MANY_QUESTIONS',
  NOT_OBJECT: 'Q_NOT_OBJECT',
  NO_PAGES: 'Q_NO_PAGES',
  NO_QUESTIONS: 'Q_NO_QUESTIONS',
  INVALID_ELEMENT: 'Q_INVALID_ELEMENT',
  UNKNOWN_TYPE: 'Q_UNKNOWN_TYPE',
  UNSUPPORTED_TYPE: 'Q_UNSUPPORTED_TYPE',
  UNSUPPORTED_PROPERTY: 'Q_UNSUPPORTED_PROPERTY',
  UNKNOWN_PROPERTY: 'Q_UNKNOWN_PROPERTY',
  SURVEYJS_ERROR: 'Q_SURVEYJS_ERROR',
  MISSING_NAME: 'Q_MISSING_NAME',
  FORBIDDEN_NAME: 'Q_FORBIDDEN_NAME',
  DUPLICATE_NAME: 'Q_DUPLICATE_NAME',
  INVALID_CHOICE: 'Q_INVALID_CHOICE',
  DUPLICATE_CHOICE: 'Q_DUPLICATE_CHOICE',
  MISSING_COMPONENT: 'Q_MISSING_COMPONENT',
  INVALID_COMPONENT: 'Q_INVALID_COMPONENT',
  UNSCORABLE_TYPE: 'Q_UNSCORABLE_TYPE',
  MISSING_SCORE: 'Q_MISSING_SCORE',
  BAD_SCORE: 'Q_BAD_SCORE',
  BAD_SCORE_RANGE: 'Q_BAD_SCORE_RANGE',
  BAD_WEIGHT: 'Q_BAD_WEIGHT',
  BAD_PROPERTY: 'Q_BAD_PROPERTY',
  SPECIAL_ITEM_ON_SCORED: 'Q_SPECIAL_ITEM_ON_SCORED',
  VERIFIABLE_NOT_ALLOWED: 'Q_VERIFIABLE_NOT_ALLOWED',
  BAD_EXPRESSION: 'Q_BAD_EXPRESSION',
  UNKNOWN_REFERENCE: 'Q_UNKNOWN_REFERENCE',
  UNKNOWN_FUNCTION: 'Q_UNKNOWN_FUNCTION',
  BAD_EVIDENCE_FOR: 'Q_BAD_EVIDENCE_FOR',
  BAD_SCORE_IF_HIDDEN: 'Q_BAD_SCORE_IF_HIDDEN',
  SCORE_IF_HIDDEN_WITHOUT_GATE: 'Q_SCORE_IF_HIDDEN_WITHOUT_GATE',
} as const);
export type LintCode = (typeof LintCode)[keyof typeof LintCode];

/** Position of a JSON syntax error in the submitted text (0-based offset, 1-based line/column). */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

export interface LintIssue {
  code: LintCode;
  /** JSONPath-like location, e.g. `$.pages[1].elements[0].visibleIf`; `$` for the whole document. */
  path: string;
  /** Name of the question the issue belongs to, when there is one. */
  question?: string;
  message: LocalizedText;
  /** Only for Q_MALFORMED_JSON: where the parser stopped. */
  at?: TextPosition;
}

export function issue(code: LintCode, path: string, message: LocalizedText, question?: string): LintIssue {
  return question === undefined ? { code, path, message } : { code, path, question, message };
}

/**
 * Thrown by functions that need a usable questionnaire (extract, validate) when given one that
 * fails the checks they depend on. Carries the lint issues so the caller can show them; the API
 * maps the code to HTTP in its global filter (no HTTP concepts here).
 */
export class QuestionnaireError extends Error {
  readonly code: LintCode;
  readonly issues: readonly LintIssue[];
  constructor(issues: readonly LintIssue[]) {
    const first = issues[0];
    super(first ? `${first.code} at ${first.path}: ${first.message.en}` : 'Invalid questionnaire');
    this.name = 'QuestionnaireError';
    this.code = first ? first.code : LintCode.NOT_OBJECT;
    this.issues = issues;
  }
}
