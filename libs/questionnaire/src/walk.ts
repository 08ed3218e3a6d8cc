/**
 * Walks the page/panel/question tree of a questionnaire JSON in document order. Used by lint
 * (which reports every structural issue) and extract (which refuses a broken tree). Working on
 * the raw JSON, not a survey-core Model, keeps exact JSON paths for messages and does not depend
 * on custom properties being registered.
 */
import { Serializer } from 'survey-core';
import { childPath } from './json-guard';
import { issue, LintCode } from './issues';
import type { LintIssue } from './issues';
import { isRecord, localized, own } from './types';
import type { JsonRecord } from './types';

/**
 * Question types whose answers the server validator can fully type-check and the scorer can read.
 * Matrices, dynamic panels, files, etc. store nested values that are not validated key by key,
 * so they are refused rather than accepted unchecked.
 */
export const VALUE_QUESTION_TYPES: ReadonlySet<string> = new Set([
  'text',
  'comment',
  'boolean',
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'rating',
]);
/** Display-only questions: no value, allowed anywhere. */
export const DISPLAY_QUESTION_TYPES: ReadonlySet<string> = new Set(['html', 'image']);
/** Select questions whose answer must be one of their choices. */
export const SINGLE_CHOICE_TYPES: ReadonlySet<string> = new Set(['radiogroup', 'dropdown']);
export const MULTI_CHOICE_TYPES: ReadonlySet<string> = new Set(['checkbox', 'tagbox']);
/** `inputType` values of a text question that hold numbers. */
export const NUMERIC_INPUT_TYPES: ReadonlySet<string> = new Set(['number', 'range']);

/** Panels inside panels beyond this depth are a sign of generated or hostile JSON. */
export const MAX_PANEL_NESTING = 8;

export interface WalkedElement {
  json: JsonRecord;
  path: string;
  /** Lower-case SurveyJS type. */
  type: string;
  /** Question or panel name (questions always have one when `issues` is empty). */
  name?: string;
  role: 'question' | 'panel';
  /** Index of the page that contains it. */
  page: number;
}

export interface WalkedPage {
  json: JsonRecord;
  path: string;
}

export interface WalkResult {
  root?: JsonRecord;
  pages: WalkedPage[];
  /** Questions and panels in document order (depth-first). */
  elements: WalkedElement[];
  issues: LintIssue[];
}

export const SUPPORTED_TYPES_TEXT = [...VALUE_QUESTION_TYPES, ...DISPLAY_QUESTION_TYPES, 'panel'].join(', ');

export function walkQuestionnaire(json: unknown): WalkResult {
  const out: WalkResult = { pages: [], elements: [], issues: [] };
  if (!isRecord(json)) {
    out.issues.push(
      issue(
        LintCode.NOT_OBJECT,
        '$',
        localized('El cuestionario debe ser un objeto JSON.', 'The questionnaire must be a JSON object.'),
      ),
    );
    return out;
  }
  out.root = json;
  const pages = own(json, 'pages');
  if (!Array.isArray(pages) || pages.length === 0) {
    out.issues.push(
      issue(
        LintCode.NO_PAGES,
        '$.pages',
        localized(
          'El cuestionario debe tener un arreglo "pages" con al menos una página (las preguntas van dentro de páginas).',
          'The questionnaire needs a "pages" array with at least one page (questions go inside pages).',
        ),
      ),
    );
    return out;
  }
  pages.forEach((page: unknown, p) => {
    const path = childPath('$.pages', p);
    if (!isRecord(page)) {
      out.issues.push(
        issue(
          LintCode.INVALID_ELEMENT,
          path,
          localized('Cada página debe ser un objeto.', 'Each page must be an object.'),
        ),
      );
      return;
    }
    out.pages.push({ json: page, path });
    walkContainer(page, path, p, 1, out);
  });
  return out;
}

/** SurveyJS accepts `questions` as an older alias of `elements`. */
function containerKey(container: JsonRecord): 'elements' | 'questions' {
  return own(container, 'elements') === undefined && own(container, 'questions') !== undefined
    ? 'questions'
    : 'elements';
}

function walkContainer(container: JsonRecord, path: string, page: number, nesting: number, out: WalkResult): void {
  const key = containerKey(container);
  const elements = own(container, key);
  if (elements === undefined) return;
  const listPath = childPath(path, key);
  if (!Array.isArray(elements)) {
    out.issues.push(
      issue(
        LintCode.INVALID_ELEMENT,
        listPath,
        localized(`"${key}" debe ser un arreglo.`, `"${key}" must be an array.`),
      ),
    );
    return;
  }
  elements.forEach((el: unknown, i) => {
    const elPath = childPath(listPath, i);
    if (!isRecord(el)) {
      out.issues.push(
        issue(
          LintCode.INVALID_ELEMENT,
          elPath,
          localized('Cada elemento debe ser un objeto.', 'Each element must be an object.'),
        ),
      );
      return;
    }
    walkElement(el, elPath, page, nesting, out);
  });
}

/** One element of a container: a panel (walked into) or a question of a supported type. */
function walkElement(el: JsonRecord, elPath: string, page: number, nesting: number, out: WalkResult): void {
  const rawType = own(el, 'type');
  const rawName = own(el, 'name');
  const name = typeof rawName === 'string' && rawName !== '' ? rawName : undefined;
  if (typeof rawType !== 'string' || rawType === '') {
    out.issues.push(
      issue(
        LintCode.INVALID_ELEMENT,
        childPath(elPath, 'type'),
        localized('El elemento no tiene "type".', 'The element has no "type".'),
        name,
      ),
    );
    return;
  }
  const type = rawType.toLowerCase();
  if (type === 'panel') {
    if (nesting >= MAX_PANEL_NESTING) {
      out.issues.push(
        issue(
          LintCode.TOO_DEEP,
          elPath,
          localized(
            `Paneles anidados a más de ${MAX_PANEL_NESTING} niveles.`,
            `Panels nested more than ${MAX_PANEL_NESTING} levels deep.`,
          ),
          name,
        ),
      );
      return;
    }
    out.elements.push({ json: el, path: elPath, type, name, role: 'panel', page });
    walkContainer(el, elPath, page, nesting + 1, out);
    return;
  }
  const cls = Serializer.findClass(type);
  if (!cls || !Serializer.isDescendantOf(cls.name, 'question')) {
    out.issues.push(
      issue(
        LintCode.UNKNOWN_TYPE,
        childPath(elPath, 'type'),
        localized(
          `Tipo de pregunta desconocido para SurveyJS: "${rawType}". Tipos admitidos: ${SUPPORTED_TYPES_TEXT}.`,
          `Question type unknown to SurveyJS: "${rawType}". Supported types: ${SUPPORTED_TYPES_TEXT}.`,
        ),
        name,
      ),
    );
    return;
  }
  if (!VALUE_QUESTION_TYPES.has(cls.name) && !DISPLAY_QUESTION_TYPES.has(cls.name)) {
    out.issues.push(
      issue(
        LintCode.UNSUPPORTED_TYPE,
        childPath(elPath, 'type'),
        localized(
          `El tipo "${rawType}" existe en SurveyJS pero Apertura no puede validar sus respuestas en el servidor. Tipos admitidos: ${SUPPORTED_TYPES_TEXT}.`,
          `Type "${rawType}" exists in SurveyJS but Apertura cannot validate its answers on the server. Supported types: ${SUPPORTED_TYPES_TEXT}.`,
        ),
        name,
      ),
    );
    return;
  }
  out.elements.push({ json: el, path: elPath, type: cls.name, name, role: 'question', page });
}

/** Questions (not panels) of a walk, in order. */
export function questionsOf(walk: WalkResult): WalkedElement[] {
  return walk.elements.filter((e) => e.role === 'question');
}
