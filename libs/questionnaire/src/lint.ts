/**
 * Questionnaire linter: everything a guarantor must fix before a questionnaire version can be
 * used in a round. Pure and synchronous; works on a JSON string or an already parsed object.
 */
import { JsonUnknownPropertyError, Model } from 'survey-core';
import { isComponentOf, COMPONENTS } from './components';
import { checkExpressionSite, collectExpressionSites } from './expressions';
import { checkScoreIfHiddenGate } from './gates';
import type { ExpressionSite } from './expressions';
import { issue, LintCode } from './issues';
import type { LintIssue } from './issues';
import { childPath, parseJsonText, scanJson, utf8Length } from './json-guard';
import { registerAperturaProperties } from './properties';
import { deriveItem } from './scoring';
import { FORBIDDEN_KEYS, isRecord, localized, own } from './types';
import type { QuestionnaireKind } from './types';
import { questionsOf, VALUE_QUESTION_TYPES, walkQuestionnaire } from './walk';
import type { WalkedElement } from './walk';

export { LintCode } from './issues';
export type { LintIssue, TextPosition } from './issues';

export const LINT_LIMITS = Object.freeze({
  /** Serialized size; real instruments are ~50 KB, 1 MB leaves room for long translations. */
  maxBytes: 1024 * 1024,
  maxQuestions: 500,
  /** JSON nesting (root = 1); SurveyJS documents rarely pass 12. */
  maxDepth: 64,
});

export interface LintResult {
  ok: boolean;
  errors: LintIssue[];
}

/** SurveyJS appends this to a question name to store its "other"/comment text. */
const COMMENT_SUFFIX = '-Comment';

/**
 * Properties that make survey-core change or source answers on its own. The server must store
 * exactly what it validated, and score from the same data the browser showed, so these are
 * refused (key → why, in both languages).
 */
const UNSUPPORTED_QUESTION_PROPERTIES: Readonly<Record<string, readonly [string, string]>> = {
  valueName: [
    'los puntajes y la validación usan el nombre de la pregunta como clave',
    'scoring and validation use the question name as the data key',
  ],
  choicesByUrl: ['el servidor no puede validar opciones remotas', 'the server cannot validate remote choices'],
  choicesFromQuestion: [
    'las opciones deben estar escritas en la pregunta para validarlas y puntuarlas',
    'choices must be written in the question to be validated and scored',
  ],
  setValueExpression: [
    'modifica respuestas fuera de la vista de quien responde',
    'it rewrites answers behind the respondent',
  ],
  setValueIf: ['modifica respuestas fuera de la vista de quien responde', 'it rewrites answers behind the respondent'],
  resetValueIf: [
    'modifica respuestas fuera de la vista de quien responde',
    'it rewrites answers behind the respondent',
  ],
  defaultValueExpression: [
    'modifica respuestas fuera de la vista de quien responde',
    'it rewrites answers behind the respondent',
  ],
};
const VALUE_CHANGING_TRIGGERS: ReadonlySet<string> = new Set(['setvalue', 'copyvalue', 'runexpression']);

/**
 * Lints a questionnaire of the given kind. `input` may be JSON text or a parsed object.
 * Never throws on bad input: every problem becomes a LintIssue with a stable code.
 */
export function lintQuestionnaire(input: unknown, kind: QuestionnaireKind): LintResult {
  if (!Object.prototype.hasOwnProperty.call(COMPONENTS, kind))
    throw new RangeError(`Unknown questionnaire kind: ${String(kind)}`);
  const errors = lintCore(input, kind);
  return { ok: errors.length === 0, errors };
}

const tooLarge = (): LintIssue => {
  const limitMb = (LINT_LIMITS.maxBytes / 1024 / 1024).toString();
  return issue(
    LintCode.TOO_LARGE,
    '$',
    localized(`El cuestionario pesa más de ${limitMb} MB.`, `The questionnaire is larger than ${limitMb} MB.`),
  );
};

/** The parsed document, or the one issue that stops linting (too large, malformed JSON). */
function parseInput(input: unknown): { json: unknown } | { fatal: LintIssue } {
  if (typeof input !== 'string') return { json: input };
  if (input.length > LINT_LIMITS.maxBytes || utf8Length(input) > LINT_LIMITS.maxBytes) return { fatal: tooLarge() };
  const parsed = parseJsonText(input);
  if (parsed.ok) return { json: parsed.value };
  const { line, column, offset } = parsed.at;
  return {
    fatal: {
      code: LintCode.MALFORMED_JSON,
      path: '$',
      at: parsed.at,
      message: localized(
        `JSON mal formado en la línea ${line}, columna ${column} (carácter ${offset}): ${parsed.detail.es}.`,
        `Malformed JSON at line ${line}, column ${column} (character ${offset}): ${parsed.detail.en}.`,
      ),
    },
  };
}

/**
 * Bounds size and nesting before any recursive processing or survey-core sees the document: the issue
 * that stops linting, or the forbidden keys found (reported, linting goes on).
 */
function scanInput(json: unknown): { fatal: LintIssue } | { forbidden: LintIssue[] } {
  const scan = scanJson(json, { maxDepth: LINT_LIMITS.maxDepth, maxBytes: LINT_LIMITS.maxBytes });
  if (scan.fatal?.kind === 'too_large') return { fatal: tooLarge() };
  if (scan.fatal?.kind === 'too_deep') {
    return {
      fatal: issue(
        LintCode.TOO_DEEP,
        scan.fatal.path,
        localized(
          `El JSON está anidado a más de ${LINT_LIMITS.maxDepth} niveles.`,
          `The JSON is nested more than ${LINT_LIMITS.maxDepth} levels deep.`,
        ),
      ),
    };
  }
  if (scan.fatal?.kind === 'not_json') {
    return {
      fatal: issue(
        LintCode.MALFORMED_JSON,
        scan.fatal.path,
        localized(`Valor que no es JSON (${scan.fatal.detail}).`, `Value that is not JSON (${scan.fatal.detail}).`),
      ),
    };
  }
  return {
    forbidden: scan.forbiddenKeys.map((p) =>
      issue(
        LintCode.FORBIDDEN_NAME,
        p,
        localized(
          'Clave prohibida (__proto__, constructor o prototype).',
          'Forbidden key (__proto__, constructor or prototype).',
        ),
      ),
    ),
  };
}

/**
 * Every scored question's item spec checked against the kind of questionnaire: its component must be
 * one of the kind's, and only institution claims may be verifiable. Returns the names of the scored
 * questions (lower case) and of the verifiable ones.
 */
function checkScoredItems(
  questions: readonly WalkedElement[],
  kind: QuestionnaireKind,
  errors: LintIssue[],
): { scored: Set<string>; verifiable: Set<string> } {
  const verifiable = new Set<string>();
  const scored = new Set<string>();
  for (const q of questions) {
    const { spec, issues } = deriveItem(q);
    errors.push(...issues);
    if (!spec) continue;
    scored.add(spec.name.toLowerCase());
    if (!isComponentOf(kind, spec.component)) {
      errors.push(
        issue(
          LintCode.INVALID_COMPONENT,
          childPath(q.path, 'component'),
          localized(
            `Componente "${spec.component}" no válido para un cuestionario ${kind === 'institution' ? 'institucional' : 'ciudadano'}. Válidos: ${COMPONENTS[kind].join(', ')}.`,
            `Component "${spec.component}" is not valid for a ${kind} questionnaire. Valid: ${COMPONENTS[kind].join(', ')}.`,
          ),
          q.name,
        ),
      );
    }
    if (spec.verifiable && kind === 'citizen') {
      errors.push(
        issue(
          LintCode.VERIFIABLE_NOT_ALLOWED,
          childPath(q.path, 'verifiable'),
          localized(
            'Solo las afirmaciones del autodiagnóstico institucional se verifican.',
            'Only claims of the institution self-report are verified.',
          ),
          q.name,
        ),
      );
    }
    if (spec.verifiable) verifiable.add(spec.name);
  }
  return { scored, verifiable };
}

function lintCore(input: unknown, kind: QuestionnaireKind): LintIssue[] {
  const parsed = parseInput(input);
  if ('fatal' in parsed) return [parsed.fatal];
  const scanned = scanInput(parsed.json);
  if ('fatal' in scanned) return [scanned.fatal];
  const errors: LintIssue[] = scanned.forbidden;

  const walk = walkQuestionnaire(parsed.json);
  errors.push(...walk.issues);
  const root = walk.root;
  if (!root) return errors;

  const questions = questionsOf(walk);
  if (questions.length > LINT_LIMITS.maxQuestions) {
    errors.push(
      issue(
        LintCode.TOO_MANY_QUESTIONS,
        '$.pages',
        localized(
          `El cuestionario tiene ${questions.length} preguntas; el máximo es ${LINT_LIMITS.maxQuestions}.`,
          `The questionnaire has ${questions.length} questions; the maximum is ${LINT_LIMITS.maxQuestions}.`,
        ),
      ),
    );
    return errors; // do not spend time on per-question checks of an oversized document
  }

  const byName = checkNames(questions, errors);
  checkUnsupported(root, questions, errors);
  const { scored, verifiable } = checkScoredItems(questions, kind, errors);
  checkEvidence(questions, byName, verifiable, errors);
  for (const q of questions) errors.push(...checkScoreIfHiddenGate(q, scored));
  if (!questions.some((q) => VALUE_QUESTION_TYPES.has(q.type)) && walk.issues.length === 0) {
    errors.push(
      issue(
        LintCode.NO_QUESTIONS,
        '$.pages',
        localized('El cuestionario no tiene preguntas.', 'The questionnaire has no questions.'),
      ),
    );
  }
  checkExpressions(root, walk.pages, walk.elements, errors);

  // Last, let survey-core itself load the document: it knows every property of every class and
  // catches typos such as "visibelIf" that would otherwise be silently ignored.
  if (errors.length === 0) errors.push(...surveyCoreCheck(root, questions));
  return errors;
}

function checkNames(questions: readonly WalkedElement[], errors: LintIssue[]): Map<string, WalkedElement> {
  const byName = new Map<string, WalkedElement>();
  const lower = new Map<string, string>();
  for (const q of questions) {
    const name = own(q.json, 'name');
    if (typeof name !== 'string' || name.trim() === '') {
      errors.push(
        issue(
          LintCode.MISSING_NAME,
          childPath(q.path, 'name'),
          localized('La pregunta no tiene "name".', 'The question has no "name".'),
        ),
      );
      continue;
    }
    if (FORBIDDEN_KEYS.has(name) || name.endsWith(COMMENT_SUFFIX) || /[{}[\]\s]/.test(name) || name.startsWith('$')) {
      errors.push(
        issue(
          LintCode.FORBIDDEN_NAME,
          childPath(q.path, 'name'),
          localized(
            `Nombre de pregunta no permitido: "${name}" (sin espacios, llaves, corchetes, "$" inicial, sufijo "-Comment", __proto__/constructor/prototype).`,
            `Question name not allowed: "${name}" (no spaces, braces, brackets, leading "$", "-Comment" suffix, __proto__/constructor/prototype).`,
          ),
          name,
        ),
      );
      continue;
    }
    // SurveyJS resolves expression variables case-insensitively, so names must differ in more than case.
    const key = name.toLowerCase();
    const prev = lower.get(key);
    if (prev !== undefined) {
      errors.push(
        issue(
          LintCode.DUPLICATE_NAME,
          childPath(q.path, 'name'),
          localized(
            `Nombre de pregunta repetido: "${name}" (ya existe "${prev}").`,
            `Duplicate question name: "${name}" (already used by "${prev}").`,
          ),
          name,
        ),
      );
      continue;
    }
    lower.set(key, name);
    byName.set(name, q);
  }
  return byName;
}

function checkUnsupported(
  root: Readonly<Record<string, unknown>>,
  questions: readonly WalkedElement[],
  errors: LintIssue[],
): void {
  const unsupported = (path: string, prop: string, why: readonly [string, string], question?: string): void => {
    errors.push(
      issue(
        LintCode.UNSUPPORTED_PROPERTY,
        path,
        localized(
          `"${prop}" no está permitido en Apertura: ${why[0]}.`,
          `"${prop}" is not allowed in Apertura: ${why[1]}.`,
        ),
        question,
      ),
    );
  };
  const keepsHidden: readonly [string, string] = [
    'el servidor siempre borra respuestas de preguntas ocultas, el navegador debe hacer lo mismo',
    'the server always clears answers of hidden questions, the browser must do the same',
  ];
  const otherAsValue: readonly [string, string] = [
    'el texto de "Otro" debe guardarse aparte para validar la opción',
    'the "Other" text must be stored separately so the choice can be validated',
  ];
  if (own(root, 'clearInvisibleValues') === 'none')
    unsupported('$.clearInvisibleValues', 'clearInvisibleValues', keepsHidden);
  if (own(root, 'storeOthersAsComment') === false)
    unsupported('$.storeOthersAsComment', 'storeOthersAsComment', otherAsValue);
  const triggers = own(root, 'triggers');
  if (Array.isArray(triggers)) {
    triggers.forEach((t: unknown, i) => {
      const type = isRecord(t) ? own(t, 'type') : undefined;
      if (typeof type === 'string' && VALUE_CHANGING_TRIGGERS.has(type.toLowerCase())) {
        unsupported(childPath('$.triggers', i), `triggers[${i}] (${type})`, [
          'modifica respuestas fuera de la vista de quien responde',
          'it rewrites answers behind the respondent',
        ]);
      }
    });
  }
  for (const q of questions) {
    for (const [prop, why] of Object.entries(UNSUPPORTED_QUESTION_PROPERTIES)) {
      if (own(q.json, prop) !== undefined) unsupported(childPath(q.path, prop), prop, why, q.name);
    }
    if (own(q.json, 'clearIfInvisible') === 'none')
      unsupported(childPath(q.path, 'clearIfInvisible'), 'clearIfInvisible', keepsHidden, q.name);
    if (own(q.json, 'storeOthersAsComment') === false)
      unsupported(childPath(q.path, 'storeOthersAsComment'), 'storeOthersAsComment', otherAsValue, q.name);
  }
}

function checkEvidence(
  questions: readonly WalkedElement[],
  byName: ReadonlyMap<string, WalkedElement>,
  verifiable: ReadonlySet<string>,
  errors: LintIssue[],
): void {
  for (const q of questions) {
    const target = own(q.json, 'evidenceFor');
    if (target === undefined) continue;
    const path = childPath(q.path, 'evidenceFor');
    const bad = (es: string, en: string): void => {
      errors.push(issue(LintCode.BAD_EVIDENCE_FOR, path, localized(es, en), q.name));
    };
    if (typeof target !== 'string' || !byName.has(target)) {
      bad(
        `"evidenceFor" apunta a una pregunta que no existe: ${JSON.stringify(target)}.`,
        `"evidenceFor" points to a question that does not exist: ${JSON.stringify(target)}.`,
      );
    } else if (!verifiable.has(target)) {
      bad(
        `"evidenceFor" apunta a "${target}", que no es verificable.`,
        `"evidenceFor" points to "${target}", which is not verifiable.`,
      );
    }
    if (q.type !== 'text' && q.type !== 'comment') {
      bad(
        'Una pregunta de evidencia debe ser de texto (idealmente inputType "url").',
        'An evidence question must be a text question (ideally inputType "url").',
      );
    }
    if (own(q.json, 'component') !== undefined) {
      bad(
        'Una pregunta de evidencia no se puntúa: quite "component".',
        'An evidence question is not scored: remove "component".',
      );
    }
  }
}

function checkExpressions(
  root: Readonly<Record<string, unknown>>,
  pages: ReadonlyArray<{ json: Readonly<Record<string, unknown>>; path: string }>,
  elements: readonly WalkedElement[],
  errors: LintIssue[],
): void {
  const known = new Set<string>();
  for (const e of elements) if (e.role === 'question' && e.name) known.add(e.name.toLowerCase());
  const calculated = own(root, 'calculatedValues');
  if (Array.isArray(calculated)) {
    for (const c of calculated) {
      const n = isRecord(c) ? own(c, 'name') : undefined;
      if (typeof n === 'string') known.add(n.toLowerCase());
    }
  }
  const sites: ExpressionSite[] = [];
  collectExpressionSites(root, 'survey', '$', undefined, sites);
  // Only questions are named as owners (LintIssue.question); pages and panels are identified by path.
  for (const p of pages) collectExpressionSites(p.json, 'page', p.path, undefined, sites);
  for (const e of elements)
    collectExpressionSites(e.json, e.type, e.path, e.role === 'question' ? e.name : undefined, sites);
  for (const site of sites) errors.push(...checkExpressionSite(site, { knownNames: known }));
}

function strOrUndef(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Loads the document with survey-core (custom properties registered) and maps its JSON errors. */
function surveyCoreCheck(root: Readonly<Record<string, unknown>>, questions: readonly WalkedElement[]): LintIssue[] {
  registerAperturaProperties();
  const pathOf = new Map<string, string>();
  for (const q of questions) if (q.name) pathOf.set(q.name, q.path);
  let model: Model | undefined;
  try {
    model = new Model(root);
    const out: LintIssue[] = [];
    for (const err of model.jsonErrors ?? []) {
      const jsonObj: unknown = err.jsonObj;
      const owner = isRecord(jsonObj) ? strOrUndef(own(jsonObj, 'name')) : undefined;
      const base = (owner && pathOf.get(owner)) || '$';
      if (err instanceof JsonUnknownPropertyError) {
        out.push(
          issue(
            LintCode.UNKNOWN_PROPERTY,
            childPath(base, err.propertyName),
            localized(
              `Propiedad desconocida para SurveyJS: "${err.propertyName}" (clase ${err.className}).`,
              `Property unknown to SurveyJS: "${err.propertyName}" (class ${err.className}).`,
            ),
            owner,
          ),
        );
      } else {
        out.push(
          issue(
            LintCode.SURVEYJS_ERROR,
            base,
            localized(`SurveyJS rechazó el JSON: ${err.message}`, `SurveyJS rejected the JSON: ${err.message}`),
            owner,
          ),
        );
      }
    }
    return out;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return [
      issue(
        LintCode.SURVEYJS_ERROR,
        '$',
        localized(
          `SurveyJS no pudo cargar el cuestionario: ${msg}`,
          `SurveyJS could not load the questionnaire: ${msg}`,
        ),
      ),
    ];
  } finally {
    model?.dispose();
  }
}
