/**
 * Sheet rows ⇄ SurveyJS definition (issue #16): a questionnaire as a table with one row per
 * question, in the spirit of XLSForm, so a guarantor can write or review it in a spreadsheet and
 * the console designer can edit it as a list of forms. The definition stays the source of truth
 * (what the API stores, lints and scores); rows are only a view of it.
 *
 * Row kinds: an optional `survey` row (questionnaire title, description and other settings),
 * `page` rows, `panel` rows and question rows (any other `type`). Question and panel rows name
 * their page in `page` and their innermost panel in `panel`; rows appear in questionnaire order.
 * Every property without a column of its own travels as JSON in `extra`, so the conversion loses
 * nothing: a definition → rows → definition gives the same JSON (localised strings with only a
 * Spanish text come back as plain strings, which SurveyJS reads the same).
 *
 * Choices: `value=label_es|label_en=score=flags;…` with `score` a number, `na` (notApplicable) or
 * empty (unscored) and flags `exclusive`; `\` escapes `\ ; = |`. Choice lists that do not fit that
 * grammar (other properties, numeric-looking string values) go to `extra` unchanged. On a `rating`
 * question the same cell holds its `rateValues` (the scale's items and their scores).
 *
 * Answer limits: `min`/`max` are a text question's `min`/`max` (a number input's bounds) and a
 * rating's `rateMin`/`rateMax` (the ends of its scale); `maxLength` the characters a text or comment
 * takes; `placeholder_es/_en` the hint inside the empty field. `validation` is the question's one
 * validator, written `email`, `url` (a complete web address, `^https?://\S+$`), `regex:PATTERN`,
 * `numeric:MIN..MAX` or `length:MIN..MAX` (either end may be empty), with the message the
 * respondent reads in `validationMessage_es/_en` — instrument wording, never the stock one.
 * Several validators, or validators with other properties, stay in `extra`.
 */
import { LintCode } from '../issues';
import type { LintIssue } from '../issues';
import { lintQuestionnaire } from '../lint';
import type { LocalizedText, QuestionnaireKind } from '../types';
import { isRecord } from '../types';

export const SHEET_COLUMNS = [
  'type',
  'name',
  'page',
  'panel',
  'title_es',
  'title_en',
  'description_es',
  'description_en',
  'choices',
  'component',
  'weight',
  'verifiable',
  'evidence',
  'visibleIf',
  'scoreIfHidden',
  'scoreRange',
  'required',
  'inputType',
  'min',
  'max',
  'maxLength',
  'placeholder_es',
  'placeholder_en',
  'validation',
  'validationMessage_es',
  'validationMessage_en',
  'extra',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

/** One row: every cell is text, as in a spreadsheet; an empty cell is ''. */
export type SheetRow = Record<SheetColumn, string>;

/** Stable codes of problems in the sheet itself (lint codes cover the resulting definition). */
export const SheetCode = Object.freeze({
  BAD_HEADER: 'SHEET_BAD_HEADER',
  MISSING_TYPE: 'SHEET_MISSING_TYPE',
  MISSING_NAME: 'SHEET_MISSING_NAME',
  DUPLICATE_CONTAINER: 'SHEET_DUPLICATE_CONTAINER',
  UNKNOWN_PANEL: 'SHEET_UNKNOWN_PANEL',
  BAD_NUMBER: 'SHEET_BAD_NUMBER',
  BAD_BOOLEAN: 'SHEET_BAD_BOOLEAN',
  BAD_SCORE_RANGE: 'SHEET_BAD_SCORE_RANGE',
  BAD_CHOICES: 'SHEET_BAD_CHOICES',
  BAD_EXTRA: 'SHEET_BAD_EXTRA',
  BAD_VALIDATION: 'SHEET_BAD_VALIDATION',
  TOO_MANY_ROWS: 'SHEET_TOO_MANY_ROWS',
  UNREADABLE_FILE: 'SHEET_UNREADABLE_FILE',
} as const);
export type SheetCode = (typeof SheetCode)[keyof typeof SheetCode];

/** A problem located on a row: a sheet problem, or a lint issue of the definition mapped back to its row. */
export interface SheetIssue {
  code: SheetCode | LintCode;
  /** 0-based index into the rows; absent for questionnaire-wide problems. A spreadsheet shows it on line row + 2. */
  row?: number;
  column?: SheetColumn;
  /** Question (or page/panel) name of the row. */
  question?: string;
  message: LocalizedText;
  /** For lint issues: the JSON path in the definition. */
  path?: string;
}

/** Rows a sheet may hold: the linter's 500 questions plus pages and panels. */
export const SHEET_MAX_ROWS = 2000;

export function emptyRow(patch: Partial<SheetRow> = {}): SheetRow {
  const row = Object.fromEntries(SHEET_COLUMNS.map((c) => [c, ''])) as SheetRow;
  return Object.assign(row, patch);
}

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/** The Spanish and English cells of a SurveyJS text, or null when it has other locales. */
export function localizedCells(value: unknown): [string, string] | null {
  if (typeof value === 'string') return [value, ''];
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.some((k) => k !== 'default' && k !== 'en')) return null;
  const es = value.default;
  const en = value.en;
  if ((es !== undefined && typeof es !== 'string') || (en !== undefined && typeof en !== 'string')) return null;
  // {default:"x"} and "x" read the same in SurveyJS; an English-only text must stay an object.
  if (typeof es === 'string' && en === undefined) return [es, ''];
  if (es === undefined && typeof en === 'string' && en === '') return null;
  if (es === '' && typeof en === 'string') return null;
  return [es ?? '', en ?? ''];
}

/** The SurveyJS text of two cells: a plain string when there is no English. */
export function localizedValue(es: string, en: string): unknown {
  if (en === '') return es;
  if (es === '') return { en };
  return { default: es, en };
}

/** Numbers as text: `String(n)` reads back to the same double. */
const num = (n: number): string => String(n);
const NUMBER_TEXT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER_TEXT.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const TRUE_TEXTS = new Set(['true', '1', 'yes', 'sí', 'si', 'verdadero', 'x']);
const FALSE_TEXTS = new Set(['false', '0', 'no', 'falso']);

function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_TEXTS.has(t)) return true;
  if (FALSE_TEXTS.has(t)) return false;
  return null;
}

const SPECIAL = /[\\;=|]/g;
const esc = (s: string): string => s.replace(SPECIAL, (c) => `\\${c}`);

/** Splits on unescaped `sep`, keeping escapes for the next level. */
function splitEscaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

const unesc = (s: string): string => s.replace(/\\(.)/g, '$1');

const CHOICE_KEYS = new Set(['value', 'text', 'score', 'notApplicable', 'isExclusive']);

/** The choices cell, or null when the list does not fit the grammar (it then goes to `extra`). */
export function choicesToCell(choices: unknown): string | null {
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const items: string[] = [];
  for (const c of choices) {
    if (typeof c === 'number' && Number.isFinite(c)) {
      items.push(num(c));
      continue;
    }
    if (typeof c === 'string') {
      if (c === '' || parseNumber(c) !== null || c.trim() !== c) return null;
      items.push(esc(c));
      continue;
    }
    if (!isRecord(c) || Object.keys(c).some((k) => !CHOICE_KEYS.has(k))) return null;
    const v = c.value;
    let value: string;
    if (typeof v === 'number' && Number.isFinite(v)) value = num(v);
    else if (typeof v === 'string' && v !== '' && parseNumber(v) === null && v.trim() === v) value = esc(v);
    else return null;
    let label = '';
    if (c.text !== undefined) {
      const cells = localizedCells(c.text);
      if (!cells || cells[0] === '') return null;
      label = cells[1] === '' ? esc(cells[0]) : `${esc(cells[0])}|${esc(cells[1])}`;
    }
    let score = '';
    if (c.notApplicable !== undefined) {
      if (c.notApplicable !== true || c.score !== undefined) return null;
      score = 'na';
    } else if (c.score !== undefined) {
      if (typeof c.score !== 'number' || !Number.isFinite(c.score)) return null;
      score = num(c.score);
    }
    let flags = '';
    if (c.isExclusive !== undefined) {
      if (c.isExclusive !== true) return null;
      flags = 'exclusive';
    }
    const fields = [value, label, score, flags];
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    // A bare value with no label, score or flag is an object in the JSON: keep it one.
    if (fields.length === 1) fields.push('');
    items.push(fields.join('='));
  }
  return items.join(';');
}

/** Parses a choices cell; returns the choices or an error message. */
export function cellToChoices(cell: string): { choices: unknown[] } | { error: LocalizedText } {
  const out: unknown[] = [];
  for (const raw of splitEscaped(cell, ';')) {
    if (raw.trim() === '') continue;
    const fields = splitEscaped(raw, '=');
    if (fields.length > 4)
      return { error: { es: `Opción con demasiados «=»: ${raw}`, en: `Choice with too many '=': ${raw}` } };
    const valueText = unesc(fields[0].trim());
    if (valueText === '') return { error: { es: `Opción sin valor: ${raw}`, en: `Choice without a value: ${raw}` } };
    const numeric = parseNumber(valueText);
    const value: string | number = numeric ?? valueText;
    if (fields.length === 1) {
      out.push(value);
      continue;
    }
    const choice: Json = { value };
    const labels = splitEscaped(fields[1], '|');
    if (labels.length > 2)
      return { error: { es: `Etiqueta con más de un «|»: ${raw}`, en: `Label with more than one '|': ${raw}` } };
    const es = unesc(labels[0] ?? '').trim();
    const en = unesc(labels[1] ?? '').trim();
    if (es !== '' || en !== '') choice.text = localizedValue(es, en);
    const scoreText = (fields[2] ?? '').trim();
    if (scoreText.toLowerCase() === 'na') choice.notApplicable = true;
    else if (scoreText !== '') {
      const score = parseNumber(scoreText);
      if (score === null)
        return {
          error: {
            es: `Puntaje no numérico en la opción ${valueText}: ${scoreText}`,
            en: `Non-numeric score on choice ${valueText}: ${scoreText}`,
          },
        };
      choice.score = score;
    }
    const flags = (fields[3] ?? '').trim().toLowerCase();
    if (flags === 'exclusive') choice.isExclusive = true;
    else if (flags !== '')
      return {
        error: {
          es: `Marca desconocida en la opción ${valueText}: ${flags}`,
          en: `Unknown flag on choice ${valueText}: ${flags}`,
        },
      };
    out.push(choice);
  }
  return { choices: out };
}

// ---------------------------------------------------------------------------------------------
// The validation cell
// ---------------------------------------------------------------------------------------------

/** A complete web address: the check the bundled instruments put on every evidence link. */
export const URL_PATTERN = '^https?://\\S+$';

/** Properties each validator type may carry to fit the `validation` cell (besides `type` and `text`). */
const VALIDATOR_CELL_KEYS: Readonly<Record<string, readonly string[]>> = {
  email: [],
  regex: ['regex'],
  numeric: ['minValue', 'maxValue'],
  text: ['minLength', 'maxLength'],
};

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

const bounds = (lo: unknown, hi: unknown): string | null => {
  const ok = (x: unknown): boolean => x === undefined || (typeof x === 'number' && Number.isFinite(x));
  if (!ok(lo) || !ok(hi)) return null;
  if (lo === undefined && hi === undefined) return '';
  return `:${lo === undefined ? '' : num(lo as number)}..${hi === undefined ? '' : num(hi as number)}`;
};

/** The `validation` cell and message of a question's validators, or null when they do not fit one cell. */
export function validatorsToCells(validators: unknown): { validation: string; es: string; en: string } | null {
  if (!Array.isArray(validators) || validators.length !== 1) return null;
  const v: unknown = validators[0];
  if (!isRecord(v) || typeof v.type !== 'string') return null;
  const allowed = VALIDATOR_CELL_KEYS[v.type];
  if (!allowed || Object.keys(v).some((k) => k !== 'type' && k !== 'text' && !allowed.includes(k))) return null;
  let es = '';
  let en = '';
  if (v.text !== undefined) {
    const cells = localizedCells(v.text);
    if (!cells) return null;
    [es, en] = cells;
  }
  let validation: string;
  if (v.type === 'email') validation = 'email';
  else if (v.type === 'regex') {
    if (typeof v.regex !== 'string' || v.regex === '' || !compiles(v.regex)) return null;
    validation = v.regex === URL_PATTERN ? 'url' : `regex:${v.regex}`;
  } else {
    const b = v.type === 'numeric' ? bounds(v.minValue, v.maxValue) : bounds(v.minLength, v.maxLength);
    if (b === null) return null;
    validation = `${v.type === 'numeric' ? 'numeric' : 'length'}${b}`;
  }
  return { validation, es, en };
}

/** Parses a `validation` cell and its message into one SurveyJS validator, or an error message. */
export function cellToValidator(cell: string, es: string, en: string): { validator: Json } | { error: LocalizedText } {
  const text = cell.trim();
  const validator: Json = {};
  const range = (rest: string, lo: string, hi: string): LocalizedText | null => {
    if (rest === '') return null;
    const m = /^:\s*(\S*?)\s*\.\.\s*(\S*)\s*$/.exec(rest);
    const a = m && m[1] !== '' ? parseNumber(m[1]) : undefined;
    const b = m && m[2] !== '' ? parseNumber(m[2]) : undefined;
    if (!m || a === null || b === null)
      return {
        es: `Los límites se escriben «mínimo..máximo» (p. ej. ${text.split(':')[0]}:0..100): ${text}`,
        en: `Limits are written 'min..max' (e.g. ${text.split(':')[0]}:0..100): ${text}`,
      };
    if (a !== undefined) validator[lo] = a;
    if (b !== undefined) validator[hi] = b;
    return null;
  };
  const lower = text.toLowerCase();
  if (lower === 'email') validator.type = 'email';
  else if (lower === 'url') Object.assign(validator, { type: 'regex', regex: URL_PATTERN });
  else if (lower.startsWith('regex:')) {
    const pattern = text.slice('regex:'.length);
    if (pattern === '' || !compiles(pattern))
      return {
        error: {
          es: `«${pattern}» no es una expresión regular válida.`,
          en: `'${pattern}' is not a valid regular expression.`,
        },
      };
    Object.assign(validator, { type: 'regex', regex: pattern });
  } else if (lower === 'numeric' || lower.startsWith('numeric:')) {
    validator.type = 'numeric';
    const bad = range(text.slice('numeric'.length), 'minValue', 'maxValue');
    if (bad) return { error: bad };
  } else if (lower === 'length' || lower.startsWith('length:')) {
    validator.type = 'text';
    const bad = range(text.slice('length'.length), 'minLength', 'maxLength');
    if (bad) return { error: bad };
  } else
    return {
      error: {
        es: `Validación desconocida «${text}»: use email, url, regex:PATRÓN, numeric:MÍN..MÁX o length:MÍN..MÁX.`,
        en: `Unknown validation '${text}': use email, url, regex:PATTERN, numeric:MIN..MAX or length:MIN..MAX.`,
      },
    };
  const message = localizedValue(es.trim(), en.trim());
  if (message !== '') validator.text = message;
  return { validator };
}

// ---------------------------------------------------------------------------------------------
// Definition → rows
// ---------------------------------------------------------------------------------------------

/** Properties a column carries, with the test that the value fits the column (else it stays in `extra`). */
function fillCommon(json: Json, row: SheetRow, taken: Set<string>): void {
  const take = (key: string, fill: () => boolean): void => {
    if (json[key] !== undefined && fill()) taken.add(key);
  };
  take('title', () => {
    const cells = localizedCells(json.title);
    if (!cells) return false;
    [row.title_es, row.title_en] = cells;
    return true;
  });
  take('description', () => {
    const cells = localizedCells(json.description);
    if (!cells) return false;
    [row.description_es, row.description_en] = cells;
    return true;
  });
  take(
    'visibleIf',
    () => typeof json.visibleIf === 'string' && json.visibleIf !== '' && ((row.visibleIf = json.visibleIf), true),
  );
}

function fillQuestion(json: Json, row: SheetRow, taken: Set<string>): void {
  const str = (key: string, col: SheetColumn): void => {
    const v = json[key];
    if (typeof v === 'string' && v !== '') {
      row[col] = v;
      taken.add(key);
    }
  };
  const number = (key: string, col: SheetColumn): void => {
    const v = json[key];
    if (typeof v === 'number' && Number.isFinite(v)) {
      row[col] = num(v);
      taken.add(key);
    }
  };
  const bool = (key: string, col: SheetColumn): void => {
    const v = json[key];
    if (typeof v === 'boolean') {
      row[col] = String(v);
      taken.add(key);
    }
  };
  str('component', 'component');
  number('weight', 'weight');
  bool('verifiable', 'verifiable');
  str('evidenceFor', 'evidence');
  number('scoreIfHidden', 'scoreIfHidden');
  bool('isRequired', 'required');
  str('inputType', 'inputType');
  // A rating's scale ends share the columns of a number's bounds: both are "from … to".
  const rating = json.type === 'rating';
  number(rating ? 'rateMin' : 'min', 'min');
  number(rating ? 'rateMax' : 'max', 'max');
  number('maxLength', 'maxLength');
  if (json.placeholder !== undefined) {
    const cells = localizedCells(json.placeholder);
    if (cells) {
      [row.placeholder_es, row.placeholder_en] = cells;
      taken.add('placeholder');
    }
  }
  const validation = validatorsToCells(json.validators);
  if (validation) {
    row.validation = validation.validation;
    row.validationMessage_es = validation.es;
    row.validationMessage_en = validation.en;
    taken.add('validators');
  }
  const range = json.scoreRange;
  if (Array.isArray(range) && range.length === 2 && range.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    row.scoreRange = `${num(range[0] as number)}..${num(range[1] as number)}`;
    taken.add('scoreRange');
  }
  const listKey = rating ? 'rateValues' : 'choices';
  const choices = choicesToCell(json[listKey]);
  if (choices !== null) {
    row.choices = choices;
    taken.add(listKey);
  }
}

/** Keys sorted at every level: PostgreSQL jsonb reorders keys, and an export must not depend on it. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (isRecord(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys(value[k])]),
    );
  return value;
}

function extraOf(json: Json, taken: Set<string>): string {
  const rest = Object.fromEntries(Object.entries(json).filter(([k]) => !taken.has(k)));
  return Object.keys(rest).length ? JSON.stringify(sortedKeys(rest)) : '';
}

/**
 * The rows of a definition, in questionnaire order. Expects a linted definition (pages of objects);
 * anything unexpected is carried in `extra` rather than dropped.
 */
export function definitionToRows(definition: unknown): SheetRow[] {
  if (!isRecord(definition)) return [];
  const rows: SheetRow[] = [];
  const survey = emptyRow({ type: 'survey' });
  const surveyTaken = new Set(['pages']);
  fillCommon(definition, survey, surveyTaken);
  survey.visibleIf = '';
  surveyTaken.delete('visibleIf');
  survey.extra = extraOf(definition, surveyTaken);
  if (SHEET_COLUMNS.some((c) => c !== 'type' && survey[c] !== '')) rows.push(survey);
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  pages.forEach((p, pi) => {
    if (!isRecord(p)) return;
    const pageName = typeof p.name === 'string' && p.name !== '' ? p.name : `page${pi + 1}`;
    const pageRow = emptyRow({ type: 'page', name: pageName });
    const taken = new Set(['name', 'elements']);
    fillCommon(p, pageRow, taken);
    pageRow.extra = extraOf(p, taken);
    rows.push(pageRow);
    let panelCount = 0;
    const walk = (elements: unknown, panel: string): void => {
      if (!Array.isArray(elements)) return;
      for (const el of elements) {
        if (!isRecord(el)) continue;
        const type = typeof el.type === 'string' ? el.type : '';
        const isPanel = type === 'panel';
        const name = typeof el.name === 'string' ? el.name : isPanel ? `${pageName}_panel${++panelCount}` : '';
        const row = emptyRow({ type, name, page: pageName, panel });
        const elTaken = new Set(['type', 'name']);
        if (isPanel) elTaken.add('elements');
        fillCommon(el, row, elTaken);
        if (!isPanel) fillQuestion(el, row, elTaken);
        row.extra = extraOf(el, elTaken);
        rows.push(row);
        if (isPanel) walk(el.elements, name);
      }
    };
    walk(p.elements, '');
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Rows → definition
// ---------------------------------------------------------------------------------------------

export interface RowsToDefinitionResult {
  definition: Json;
  /** Sheet problems only (lint the definition with `lintSheet`). */
  issues: SheetIssue[];
  /** JSON path of the element each row produced (`$` for the survey row), by row index. */
  paths: Array<string | undefined>;
}

const isBlank = (row: SheetRow): boolean => SHEET_COLUMNS.every((c) => (row[c] ?? '').trim() === '');

/** What rowsToDefinition builds while it reads the rows, in order. */
interface DefinitionBuild {
  issues: SheetIssue[];
  paths: Array<string | undefined>;
  pages: Json[];
  pageIndex: Map<string, number>;
  // Panels by lower-case name: their element list and path.
  panels: Map<string, { elements: unknown[]; path: string; page: string }>;
  surveyExtra: Json;
  surveyCommon: Json;
}

/** Reports a problem of the row being read, on one of its columns. */
type RowProblem = (code: SheetCode, column: SheetColumn | undefined, message: LocalizedText) => void;

/** Builds the SurveyJS definition of the rows; problems come back per row, never thrown. */
export function rowsToDefinition(rows: readonly SheetRow[]): RowsToDefinitionResult {
  const b: DefinitionBuild = {
    issues: [],
    paths: rows.map(() => undefined),
    pages: [],
    pageIndex: new Map(),
    panels: new Map(),
    surveyExtra: {},
    surveyCommon: {},
  };
  if (rows.length > SHEET_MAX_ROWS) {
    b.issues.push({
      code: SheetCode.TOO_MANY_ROWS,
      message: {
        es: `La hoja tiene más de ${SHEET_MAX_ROWS} filas.`,
        en: `The sheet has more than ${SHEET_MAX_ROWS} rows.`,
      },
    });
    return { definition: { pages: [] }, issues: b.issues, paths: b.paths };
  }
  rows.forEach((row, i) => {
    if (!isBlank(row)) addRow(b, row, i);
  });
  const definition: Json = {};
  Object.assign(definition, b.surveyExtra, b.surveyCommon);
  definition.pages = b.pages.map((p) => {
    const { __declared: _declared, ...rest } = p;
    return rest;
  });
  return { definition, issues: b.issues, paths: b.paths };
}

/** The index of the page named `name` (case-insensitively), created empty when new. */
function pageFor(b: DefinitionBuild, name: string): number {
  const key = name.toLowerCase();
  const found = b.pageIndex.get(key);
  if (found !== undefined) return found;
  b.pages.push({ name, elements: [] });
  b.pageIndex.set(key, b.pages.length - 1);
  return b.pages.length - 1;
}

function problemsOfRow(issues: SheetIssue[], row: SheetRow, i: number): RowProblem {
  return (code, column, message) => {
    issues.push({
      code,
      row: i,
      ...(column ? { column } : {}),
      ...(row.name.trim() ? { question: row.name.trim() } : {}),
      message,
    });
  };
}

/** One non-blank row: the survey's own settings, a page, a panel or a question. */
function addRow(b: DefinitionBuild, row: SheetRow, i: number): void {
  const at = problemsOfRow(b.issues, row, i);
  const type = row.type.trim();
  const name = row.name.trim();
  if (type === '') {
    at(SheetCode.MISSING_TYPE, 'type', { es: 'Falta el tipo de la fila.', en: 'The row has no type.' });
    return;
  }
  const extra = extraOfRow(row, at);
  if (extra === null) return;
  const common = commonOfRow(row);
  if (type === 'survey') {
    b.surveyExtra = extra;
    delete common.visibleIf;
    b.surveyCommon = common;
    b.paths[i] = '$';
    return;
  }
  if (type === 'page') addPage(b, i, name, { ...extra, ...common }, at);
  else addElement(b, row, i, { type, name, extra, common }, at);
}

/** The row's `extra` JSON object ({} when empty), or null when it is not one (reported). */
function extraOfRow(row: SheetRow, at: RowProblem): Json | null {
  if (row.extra.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.extra);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    at(SheetCode.BAD_EXTRA, 'extra', {
      es: `«extra» no es JSON válido: ${reason}`,
      en: `'extra' is not valid JSON: ${reason}`,
    });
    return null;
  }
  if (!isRecord(parsed)) {
    at(SheetCode.BAD_EXTRA, 'extra', {
      es: '«extra» debe ser un objeto JSON.',
      en: "'extra' must be a JSON object.",
    });
    return null;
  }
  return { ...parsed };
}

/** Title, description and visibleIf: the columns every kind of row has. */
function commonOfRow(row: SheetRow): Json {
  const common: Json = {};
  const title = localizedValue(row.title_es.trim(), row.title_en.trim());
  if (title !== '') common.title = title;
  const description = localizedValue(row.description_es.trim(), row.description_en.trim());
  if (description !== '') common.description = description;
  if (row.visibleIf.trim() !== '') common.visibleIf = row.visibleIf.trim();
  return common;
}

/** A page row: declares the page (maybe already created by an earlier question of it) with its settings. */
function addPage(b: DefinitionBuild, i: number, name: string, settings: Json, at: RowProblem): void {
  if (name === '') {
    at(SheetCode.MISSING_NAME, 'name', { es: 'La página no tiene nombre.', en: 'The page has no name.' });
    return;
  }
  const existing = b.pageIndex.get(name.toLowerCase());
  if (existing !== undefined && b.pages[existing].__declared === true) {
    at(SheetCode.DUPLICATE_CONTAINER, 'name', {
      es: `La página «${name}» ya está declarada.`,
      en: `Page '${name}' is declared twice.`,
    });
    return;
  }
  const idx = pageFor(b, name);
  const page = b.pages[idx];
  Object.assign(page, settings, { name, elements: page.elements, __declared: true });
  b.paths[i] = `$.pages[${idx}]`;
}

interface ElementRow {
  type: string;
  name: string;
  extra: Json;
  common: Json;
}

/** A question or panel row: its element, appended to its page or panel unless a cell is invalid. */
function addElement(b: DefinitionBuild, row: SheetRow, i: number, e: ElementRow, at: RowProblem): void {
  const place = containerOfRow(b, row, at);
  if (place === null) return;
  const { container, containerPath, pageName } = place;
  const el: Json = { ...e.extra, type: e.type };
  if (e.name !== '') el.name = e.name;
  Object.assign(el, e.common);
  const path = `${containerPath}[${container.length}]`;
  if (e.type === 'panel') {
    if (!declarePanel(b, el, e.name, pageName, path, at)) return;
  } else if (!fillQuestionCells(el, row, e, at)) return;
  container.push(el);
  b.paths[i] = path;
}

/**
 * The element list a question or panel row goes into: its panel's, else its page's (the row's page,
 * else the last page, else `page1`); null when the panel is not declared earlier on that page (reported).
 */
function containerOfRow(
  b: DefinitionBuild,
  row: SheetRow,
  at: RowProblem,
): { container: unknown[]; containerPath: string; pageName: string } | null {
  let pageName = row.page.trim();
  if (pageName === '') pageName = b.pages.length ? (b.pages[b.pages.length - 1].name as string) : 'page1';
  const pIdx = pageFor(b, pageName);
  const panelName = row.panel.trim();
  if (panelName === '')
    return { container: b.pages[pIdx].elements as unknown[], containerPath: `$.pages[${pIdx}].elements`, pageName };
  const panel = b.panels.get(panelName.toLowerCase());
  if (!panel || panel.page !== pageName.toLowerCase()) {
    at(SheetCode.UNKNOWN_PANEL, 'panel', {
      es: `El panel «${panelName}» no está declarado antes en la página «${pageName}».`,
      en: `Panel '${panelName}' is not declared earlier on page '${pageName}'.`,
    });
    return null;
  }
  return { container: panel.elements, containerPath: `${panel.path}.elements`, pageName };
}

/** Registers a panel element so later rows can go into it; false when unnamed or a duplicate (reported). */
function declarePanel(
  b: DefinitionBuild,
  el: Json,
  name: string,
  pageName: string,
  path: string,
  at: RowProblem,
): boolean {
  if (name === '') {
    at(SheetCode.MISSING_NAME, 'name', { es: 'El panel no tiene nombre.', en: 'The panel has no name.' });
    return false;
  }
  if (b.panels.has(name.toLowerCase())) {
    at(SheetCode.DUPLICATE_CONTAINER, 'name', {
      es: `El panel «${name}» ya está declarado.`,
      en: `Panel '${name}' is declared twice.`,
    });
    return false;
  }
  const elements: unknown[] = [];
  el.elements = elements;
  b.panels.set(name.toLowerCase(), { elements, path, page: pageName.toLowerCase() });
  return true;
}

/** A question's cells onto its element; false when any cell was invalid (each one reported). */
function fillQuestionCells(el: Json, row: SheetRow, e: ElementRow, at: RowProblem): boolean {
  let ok = true;
  const fail: RowProblem = (code, column, message) => {
    ok = false;
    at(code, column, message);
  };
  const cell = (column: SheetColumn): string => row[column].trim();
  const setNumber = (column: SheetColumn, key: string): void => {
    if (cell(column) === '') return;
    const n = parseNumber(cell(column));
    if (n === null) {
      fail(SheetCode.BAD_NUMBER, column, {
        es: `«${column}» debe ser un número: ${cell(column)}`,
        en: `'${column}' must be a number: ${cell(column)}`,
      });
    } else el[key] = n;
  };
  const setBool = (column: SheetColumn, key: string): void => {
    if (cell(column) === '') return;
    const b = parseBoolean(cell(column));
    if (b === null) {
      fail(SheetCode.BAD_BOOLEAN, column, {
        es: `«${column}» debe ser verdadero o falso: ${cell(column)}`,
        en: `'${column}' must be true or false: ${cell(column)}`,
      });
    } else el[key] = b;
  };
  if (cell('component') !== '') el.component = cell('component');
  setNumber('weight', 'weight');
  setBool('verifiable', 'verifiable');
  if (cell('evidence') !== '') el.evidenceFor = cell('evidence');
  setNumber('scoreIfHidden', 'scoreIfHidden');
  setBool('required', 'isRequired');
  if (cell('inputType') !== '') el.inputType = cell('inputType');
  setScoreRange(el, cell('scoreRange'), fail);
  const rating = e.type === 'rating';
  setNumber('min', rating ? 'rateMin' : 'min');
  setNumber('max', rating ? 'rateMax' : 'max');
  setNumber('maxLength', 'maxLength');
  const placeholder = localizedValue(cell('placeholder_es'), cell('placeholder_en'));
  if (placeholder !== '') el.placeholder = placeholder;
  setValidation(el, row, e.extra, fail);
  setChoices(el, row, rating, fail);
  return ok;
}

function setScoreRange(el: Json, scoreRange: string, fail: RowProblem): void {
  if (scoreRange === '') return;
  const m = /^\s*(\S+?)\s*(?:\.\.|;|,)\s*(\S+)\s*$/.exec(scoreRange);
  const a = m ? parseNumber(m[1]) : null;
  const b = m ? parseNumber(m[2]) : null;
  if (a === null || b === null) {
    fail(SheetCode.BAD_SCORE_RANGE, 'scoreRange', {
      es: `«scoreRange» debe ser «mínimo..máximo», p. ej. 0..4: ${scoreRange}`,
      en: `'scoreRange' must be 'min..max', e.g. 0..4: ${scoreRange}`,
    });
  } else el.scoreRange = [a, b];
}

function setValidation(el: Json, row: SheetRow, extra: Json, fail: RowProblem): void {
  const message = row.validationMessage_es.trim() !== '' || row.validationMessage_en.trim() !== '';
  if (row.validation.trim() !== '') {
    const parsed = cellToValidator(row.validation, row.validationMessage_es, row.validationMessage_en);
    if ('error' in parsed) {
      fail(SheetCode.BAD_VALIDATION, 'validation', parsed.error);
    } else if (extra.validators !== undefined) {
      fail(SheetCode.BAD_VALIDATION, 'validation', {
        es: 'Hay validadores en «validation» y en «extra»: deje solo uno de los dos.',
        en: "Validators are given both in 'validation' and in 'extra': keep only one.",
      });
    } else el.validators = [parsed.validator];
  } else if (message) {
    fail(SheetCode.BAD_VALIDATION, 'validationMessage_es', {
      es: 'Hay un mensaje de validación pero ninguna validación: elija una en «validation».',
      en: "There is a validation message but no validation: choose one in 'validation'.",
    });
  }
}

function setChoices(el: Json, row: SheetRow, rating: boolean, fail: RowProblem): void {
  if (row.choices.trim() === '') return;
  const parsed = cellToChoices(row.choices);
  if ('error' in parsed) fail(SheetCode.BAD_CHOICES, 'choices', parsed.error);
  else el[rating ? 'rateValues' : 'choices'] = parsed.choices;
}

/** Row of a JSON path: the row whose element path is the longest prefix of it. */
function rowOfPath(path: string, paths: ReadonlyArray<string | undefined>): number | undefined {
  let best: number | undefined;
  let bestLen = -1;
  paths.forEach((p, i) => {
    if (p === undefined) return;
    const prefix =
      p === '$' ? path.startsWith('$') : path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
    if (prefix && p.length > bestLen) {
      best = i;
      bestLen = p.length;
    }
  });
  return best;
}

export interface SheetLintResult {
  ok: boolean;
  definition: Json;
  /** Sheet problems, then lint issues of the definition, each on its row when it has one. */
  issues: SheetIssue[];
}

/**
 * Builds and lints: the same `lintQuestionnaire` the API runs on upload, with every issue placed
 * on the row it came from. Runs in the browser too (the designer lints as the guarantor types).
 */
export function lintSheet(rows: readonly SheetRow[], kind: QuestionnaireKind): SheetLintResult {
  const built = rowsToDefinition(rows);
  const issues: SheetIssue[] = [...built.issues];
  if (built.issues.length === 0) {
    const lint = lintQuestionnaire(built.definition, kind);
    for (const e of lint.errors) issues.push(placeLintIssue(e, built.paths, rows));
  }
  return { ok: issues.length === 0, definition: built.definition, issues };
}

function placeLintIssue(e: LintIssue, paths: ReadonlyArray<string | undefined>, rows: readonly SheetRow[]): SheetIssue {
  let row = rowOfPath(e.path, paths);
  if ((row === undefined || paths[row] === '$') && e.question) {
    const byName = rows.findIndex((r) => r.name.trim().toLowerCase() === e.question?.toLowerCase());
    if (byName >= 0) row = byName;
  }
  const name = row !== undefined ? rows[row].name.trim() : '';
  return {
    code: e.code,
    ...(row !== undefined ? { row } : {}),
    ...(e.question ? { question: e.question } : name ? { question: name } : {}),
    message: e.message,
    path: e.path,
  };
}

// ---------------------------------------------------------------------------------------------
// Choice drafts (the designer's choice editor)
// ---------------------------------------------------------------------------------------------

/** One choice as the designer's form edits it: every field text or a flag, as typed. */
export interface ChoiceDraft {
  value: string;
  es: string;
  en: string;
  /** A number in [0,1] as text, or '' (unscored). Ignored when `notApplicable`. */
  score: string;
  notApplicable: boolean;
  exclusive: boolean;
}

export function choiceDraftsFromCell(cell: string): ChoiceDraft[] {
  const parsed = cellToChoices(cell);
  if ('error' in parsed) return [];
  return parsed.choices.map((c) => {
    if (!isRecord(c)) return { value: String(c), es: '', en: '', score: '', notApplicable: false, exclusive: false };
    const [es, en] = localizedCells(c.text) ?? ['', ''];
    return {
      value: String(c.value),
      es,
      en,
      score: typeof c.score === 'number' ? num(c.score) : '',
      notApplicable: c.notApplicable === true,
      exclusive: c.isExclusive === true,
    };
  });
}

/** The choices cell of drafts; choices without a value are left out (still being typed). */
export function choiceDraftsToCell(drafts: readonly ChoiceDraft[]): string {
  return drafts
    .filter((d) => d.value.trim() !== '')
    .map((d) => {
      const label = d.en.trim() ? `${esc(d.es.trim())}|${esc(d.en.trim())}` : esc(d.es.trim());
      const fields = [
        esc(d.value.trim()),
        label,
        d.notApplicable ? 'na' : esc(d.score.trim()),
        d.exclusive ? 'exclusive' : '',
      ];
      while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
      if (fields.length === 1) fields.push('');
      return fields.join('=');
    })
    .join(';');
}
