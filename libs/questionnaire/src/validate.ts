/**
 * Server-side validation of one submission (draft or final) against its questionnaire, using
 * survey-core's Model so the visibility logic and validators are exactly the browser's.
 *
 * Order matters for safety: the payload is bounded (size, depth, string length, forbidden keys)
 * and type-checked key by key BEFORE survey-core sees it; only then is visibility evaluated and
 * survey-core's validators run. The result's `data` is rebuilt from scratch with only accepted
 * question keys, so nothing from the payload reaches storage unchecked.
 *
 * It is async because expression validators may call async functions (FunctionFactory functions
 * registered with isAsync); the promise resolves once they finish or time out.
 *
 * validateSubmissionWithModel here is the reference; compiled-validator.ts reproduces it without
 * a Model per call and shares steps 1–2 (payload bounds, key-by-key type checks) with it.
 */
import {
  CheckboxItem,
  Model,
  PanelModel,
  QuestionBooleanModel,
  QuestionCommentModel,
  QuestionCheckboxBase,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  settings,
} from 'survey-core';
import type { ItemValue, Question, SurveyError } from 'survey-core';
// Spanish texts of survey-core's own validation messages (required, e-mail, min/max, …).
import 'survey-core/i18n/spanish';
import { QuestionnaireError } from './issues';
import { questionTitles } from './titles';
import { childPath, isPlainObject, scanJson } from './json-guard';
import { registerAperturaProperties, setAperturaDefaultLocale } from './properties';
import { FORBIDDEN_KEYS, localized } from './types';
import type { LocalizedText, SurveyJson } from './types';
import {
  MULTI_CHOICE_TYPES,
  NUMERIC_INPUT_TYPES,
  SINGLE_CHOICE_TYPES,
  VALUE_QUESTION_TYPES,
  walkQuestionnaire,
} from './walk';

export const SubmissionCode = Object.freeze({
  NOT_OBJECT: 'S_NOT_OBJECT',
  NOT_JSON: 'S_NOT_JSON',
  TOO_LARGE: 'S_TOO_LARGE',
  TOO_DEEP: 'S_TOO_DEEP',
  FORBIDDEN_KEY: 'S_FORBIDDEN_KEY',
  UNKNOWN_KEY: 'S_UNKNOWN_KEY',
  WRONG_TYPE: 'S_WRONG_TYPE',
  INVALID_CHOICE: 'S_INVALID_CHOICE',
  TOO_LONG: 'S_TOO_LONG',
  REQUIRED: 'S_REQUIRED',
  VALIDATOR: 'S_VALIDATOR',
  VALIDATOR_TIMEOUT: 'S_VALIDATOR_TIMEOUT',
} as const);
export type SubmissionCode = (typeof SubmissionCode)[keyof typeof SubmissionCode];

export interface SubmissionIssue {
  code: SubmissionCode;
  /** Question (or panel) name; absent for payload-level problems. */
  question?: string;
  /** Location inside the payload when the problem is nested (e.g. `$.q1[0]`). */
  path?: string;
  /** Title of `question` in both languages, so a message can name it as the respondent sees it. */
  title?: LocalizedText;
  message: LocalizedText;
}

export interface SubmissionResult {
  ok: boolean;
  /** Accepted answers only, in questionnaire order; safe to store even when `ok` is false (drafts). */
  data: Record<string, unknown>;
  errors: SubmissionIssue[];
  /** Keys dropped because their question is hidden by the questionnaire's own logic (not an error). */
  cleared: string[];
}

export interface ValidateOptions {
  /** `draft`: required questions may be empty. `final`: everything must pass. */
  mode: 'draft' | 'final';
  /** Upper bound for async validators; defaults to SUBMISSION_LIMITS.asyncTimeoutMs. */
  asyncTimeoutMs?: number;
}

export const SUBMISSION_LIMITS = Object.freeze({
  /** Serialized payload; a full institution self-report is ~5 KB. */
  maxBytes: 256 * 1024,
  /** Nesting levels, the payload object being level 1 (a checkbox answer is level 2). */
  maxDepth: 8,
  maxStringLength: 10_000,
  asyncTimeoutMs: 5_000,
});

/** survey-core error types that mean "missing answer": enforced only in final mode. */
export const REQUIRED_ERROR_TYPES: ReadonlySet<string> = new Set([
  'required',
  'requireoneanswer',
  'otherempty',
  'requiredinallrowserror',
]);

/** String formats survey-core's date/time inputs produce (HTML input value formats). */
const TEXT_FORMATS: Readonly<Record<string, RegExp>> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'datetime-local': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/,
  time: /^\d{2}:\d{2}(:\d{2})?$/,
  month: /^\d{4}-\d{2}$/,
};

type Issue = SubmissionIssue;
export const mk = (code: SubmissionCode, message: LocalizedText, question?: string, path?: string): Issue => {
  const i: Issue = { code, message };
  if (question !== undefined) i.question = question;
  if (path !== undefined) i.path = path;
  return i;
};

/** Static facts about one answerable question, read once from the Model. */
export interface Slot {
  q: Question;
  name: string;
  facts: Facts;
  key: string;
  commentKey?: string;
}

export interface SlotIndex {
  slots: Slot[];
  slotByKey: Map<string, Slot>;
  commentOwner: Map<string, Slot>;
}

/**
 * Validates `data` (untrusted, e.g. a request body) against questionnaire `json` (trusted: a
 * linted, stored version). Never throws on bad `data`; throws QuestionnaireError if `json` is
 * not a usable questionnaire and RangeError on bad options (programming errors).
 *
 * The reference implementation: builds a survey-core Model for this one submission and lets it
 * decide visibility and run its validators. About 20–80 ms per call (the Model construction
 * dominates), so requests use the compiled validator (compiled-validator.ts), which falls back to
 * this for questionnaires using features it does not reproduce; the tests compare both.
 */
export async function validateSubmissionWithModel(
  json: SurveyJson,
  data: unknown,
  opts: ValidateOptions,
): Promise<SubmissionResult> {
  assertMode(opts);
  const walk = walkQuestionnaire(json);
  if (walk.issues.length > 0) throw new QuestionnaireError(walk.issues);
  const bad = checkPayload(data);
  if (bad) return bad;
  setAperturaDefaultLocale();
  registerAperturaProperties();
  const model = new Model(json);
  try {
    const result = await validateWithModel(model, data as Readonly<Record<string, unknown>>, opts);
    return { ...result, errors: withTitles(result.errors, questionTitles(json)) };
  } finally {
    model.dispose();
  }
}

export function assertMode(opts: ValidateOptions): void {
  if (opts.mode !== 'draft' && opts.mode !== 'final')
    throw new RangeError(`Unknown validation mode: ${String(opts.mode)}`);
}

/** Step 1, shared by both validators: shape and bounds, before anything else touches the payload. */
export function checkPayload(data: unknown): SubmissionResult | undefined {
  const fail = (e: Issue): SubmissionResult => ({ ok: false, data: {}, errors: [e], cleared: [] });
  if (!isPlainObject(data)) {
    return fail(
      mk(
        SubmissionCode.NOT_OBJECT,
        localized(
          'Las respuestas deben ser un objeto JSON {pregunta: respuesta}.',
          'Answers must be a JSON object {question: answer}.',
        ),
      ),
    );
  }
  const scan = scanJson(data, { maxDepth: SUBMISSION_LIMITS.maxDepth, maxBytes: SUBMISSION_LIMITS.maxBytes });
  if (scan.fatal?.kind === 'too_large') {
    const kb = SUBMISSION_LIMITS.maxBytes / 1024;
    return fail(
      mk(
        SubmissionCode.TOO_LARGE,
        localized(`Las respuestas pesan más de ${kb} KB.`, `The answers are larger than ${kb} KB.`),
      ),
    );
  }
  if (scan.fatal?.kind === 'too_deep') {
    const d = SUBMISSION_LIMITS.maxDepth;
    return fail(
      mk(
        SubmissionCode.TOO_DEEP,
        localized(
          `Las respuestas están anidadas a más de ${d} niveles.`,
          `The answers are nested more than ${d} levels deep.`,
        ),
        undefined,
        scan.fatal.path,
      ),
    );
  }
  if (scan.fatal?.kind === 'not_json') {
    return fail(
      mk(
        SubmissionCode.NOT_JSON,
        localized(`Valor que no es JSON (${scan.fatal.detail}).`, `Value that is not JSON (${scan.fatal.detail}).`),
        undefined,
        scan.fatal.path,
      ),
    );
  }
  return undefined;
}

/** The answerable questions of a Model, in questionnaire order, with their storage keys. */
export function collectSlots(model: Model): SlotIndex {
  const slots: Slot[] = [];
  const slotByKey = new Map<string, Slot>();
  const commentOwner = new Map<string, Slot>();
  for (const q of model.getAllQuestions(false, false, false)) {
    if (!VALUE_QUESTION_TYPES.has(q.getType())) continue;
    const key = q.getValueName();
    const slot: Slot = { q, name: q.name, facts: factsOf(q), key };
    if (q.hasComment || (q instanceof QuestionSelectBase && q.hasOther)) {
      slot.commentKey = key + settings.commentSuffix;
      commentOwner.set(slot.commentKey, slot);
    }
    slots.push(slot);
    slotByKey.set(key, slot);
  }
  return { slots, slotByKey, commentOwner };
}

/**
 * Step 2, shared by both validators: key by key, known key, no forbidden/over-long content,
 * correct type and static choice. Reads only static facts of the questions (types, choices,
 * maxLength), never their values, so one Model's questions can serve every submission.
 */
export function checkKeys(
  index: SlotIndex,
  data: Readonly<Record<string, unknown>>,
  errors: Issue[],
): Map<string, unknown> {
  const { slotByKey, commentOwner } = index;
  const accepted = new Map<string, unknown>();
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value === undefined) continue;
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push(
        mk(
          SubmissionCode.FORBIDDEN_KEY,
          localized(`Clave prohibida: "${key}".`, `Forbidden key: "${key}".`),
          undefined,
          childPath('$', key),
        ),
      );
      continue;
    }
    const slot = slotByKey.get(key);
    const owner = commentOwner.get(key);
    if (!slot && !owner) {
      errors.push(
        mk(
          SubmissionCode.UNKNOWN_KEY,
          localized(
            `"${key}" no es una pregunta del cuestionario.`,
            `"${key}" is not a question of the questionnaire.`,
          ),
          undefined,
          childPath('$', key),
        ),
      );
      continue;
    }
    const question = (slot ?? owner)?.name;
    const inner = scanJson(value, {
      maxDepth: SUBMISSION_LIMITS.maxDepth - 1,
      maxBytes: SUBMISSION_LIMITS.maxBytes,
      maxStringLength: SUBMISSION_LIMITS.maxStringLength,
    });
    if (inner.forbiddenKeys.length > 0) {
      for (const p of inner.forbiddenKeys) {
        errors.push(
          mk(
            SubmissionCode.FORBIDDEN_KEY,
            localized('Clave prohibida dentro de la respuesta.', 'Forbidden key inside the answer.'),
            question,
            childPath('$', key) + p.slice(1),
          ),
        );
      }
      continue;
    }
    if (inner.longStrings.length > 0) {
      const n = SUBMISSION_LIMITS.maxStringLength;
      errors.push(
        mk(
          SubmissionCode.TOO_LONG,
          localized(`Texto de más de ${n} caracteres.`, `Text longer than ${n} characters.`),
          question,
          childPath('$', key),
        ),
      );
      continue;
    }
    if (isEmptyAnswer(value)) continue; // null, '' and [] mean "no answer": not stored
    const problem = slot ? checkValue(slot.name, slot.facts, value) : checkComment(value, (owner as Slot).q);
    if (problem) {
      errors.push(problem);
      continue;
    }
    accepted.set(key, value);
  }
  return accepted;
}

/** Accepted answers in questionnaire order, as a plain object safe to store. */
export function orderedData(slots: readonly Slot[], accepted: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const out: Array<[string, unknown]> = [];
  for (const s of slots) {
    if (accepted.has(s.key)) out.push([s.key, accepted.get(s.key)]);
    if (s.commentKey && accepted.has(s.commentKey)) out.push([s.commentKey, accepted.get(s.commentKey)]);
  }
  // fromEntries defines own properties: even a key named "__proto__" could not set a prototype.
  return Object.fromEntries(out);
}

async function validateWithModel(
  model: Model,
  data: Readonly<Record<string, unknown>>,
  opts: ValidateOptions,
): Promise<SubmissionResult> {
  const errors: Issue[] = [];
  const index = collectSlots(model);
  const { slots } = index;
  const accepted = checkKeys(index, data, errors);

  // 3. Visibility under the questionnaire's own logic. Clearing one answer can hide another
  //    question (chains of visibleIf), so repeat until nothing changes.
  const cleared: string[] = [];
  for (let round = 0; round <= slots.length; round++) {
    model.data = toPlain(accepted);
    let changed = false;
    for (const s of slots) {
      const keys = s.commentKey ? [s.key, s.commentKey] : [s.key];
      if (!s.q.isVisibleInSurvey) {
        for (const k of keys) {
          if (!accepted.has(k)) continue;
          accepted.delete(k);
          cleared.push(k);
          changed = true;
        }
        continue;
      }
      // Choices may themselves be conditional (choicesVisibleIf / item visibleIf).
      if (accepted.has(s.key) && !valueInVisibleChoices(s.q, accepted.get(s.key))) {
        errors.push(invalidChoice(s.q.name));
        accepted.delete(s.key);
        changed = true;
      }
      // The "Other" text only makes sense while "Other" is selected.
      if (s.commentKey && accepted.has(s.commentKey) && !s.q.hasComment && !otherSelected(s.q, accepted.get(s.key))) {
        accepted.delete(s.commentKey);
        cleared.push(s.commentKey);
        changed = true;
      }
    }
    if (!changed) break;
  }

  // 4. survey-core's validators on the cleaned data: required, min/max, regex, e-mail, expression…
  model.data = toPlain(accepted);
  model.validate(true, false, () => undefined);
  const timeout = opts.asyncTimeoutMs ?? SUBMISSION_LIMITS.asyncTimeoutMs;
  const pending = await settle(
    slots.map((s) => s.q),
    timeout,
  );
  for (const q of pending) {
    errors.push(
      mk(
        SubmissionCode.VALIDATOR_TIMEOUT,
        localized(
          'La validación de la respuesta no terminó a tiempo.',
          'Validation of the answer did not finish in time.',
        ),
        q.name,
      ),
    );
  }
  const report = (name: string, errs: readonly SurveyError[], isEmpty: boolean): void => {
    for (const err of errs) {
      if (!err.isError) continue; // warnings and notes never block a submission
      if (REQUIRED_ERROR_TYPES.has(err.getErrorType())) {
        if (opts.mode === 'final') errors.push(mk(SubmissionCode.REQUIRED, errorText(model, err, name), name));
      } else if (opts.mode === 'final' || !isEmpty) {
        // In a draft, an empty answer cannot violate anything but completeness.
        errors.push(mk(SubmissionCode.VALIDATOR, errorText(model, err, name), name));
      }
    }
  };
  for (const s of slots) if (s.q.isVisibleInSurvey) report(s.q.name, s.q.errors, s.q.isEmpty());
  for (const panel of model.getAllPanels(true, false))
    if (panel instanceof PanelModel) report(panel.name, panel.errors, false);

  return { ok: errors.length === 0, data: orderedData(slots, accepted), errors, cleared };
}

/**
 * Names each issue's question by its title: a respondent never sees internal names such as
 * `ai_procedimiento_evidencia`, so a message quoting one cannot be acted on.
 */
export function withTitles(errors: readonly Issue[], titles: ReadonlyMap<string, LocalizedText>): Issue[] {
  return errors.map((e) => {
    const title = e.question !== undefined ? titles.get(e.question) : undefined;
    if (!title || e.question === undefined) return e;
    const quoted = `"${e.question}"`;
    const rename = (text: string, t: string): string =>
      text.startsWith(quoted) ? `«${t}»${text.slice(quoted.length)}` : text;
    return { ...e, title, message: { es: rename(e.message.es, title.es), en: rename(e.message.en, title.en) } };
  });
}

function isEmptyAnswer(v: unknown): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Deep copy for survey-core, which may keep and mutate what it is given. */
export function toPlain(values: ReadonlyMap<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(Object.fromEntries(values))) as Record<string, unknown>;
}

const wrongType = (name: string, es: string, en: string): Issue =>
  mk(SubmissionCode.WRONG_TYPE, localized(`"${name}": se esperaba ${es}.`, `"${name}": expected ${en}.`), name);
const invalidChoice = (name: string): Issue =>
  mk(
    SubmissionCode.INVALID_CHOICE,
    localized(`"${name}": la respuesta no es una de las opciones.`, `"${name}": the answer is not one of the choices.`),
    name,
  );

function isChoiceValue(v: unknown): v is string | number {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/** Values a select question accepts: its choices plus the special items it enables. */
function allowedValues(q: QuestionSelectBase): { all: Array<string | number>; exclusive: Set<unknown> } {
  const all: Array<string | number> = [];
  const exclusive = new Set<unknown>();
  for (const c of q.choices as ItemValue[]) {
    const v: unknown = c.value;
    if (isChoiceValue(v)) all.push(v);
    if (c instanceof CheckboxItem && c.isExclusive) exclusive.add(v);
  }
  const special: Array<[boolean, ItemValue, boolean]> = [
    [q.hasOther, q.otherItem, false],
    [q.showNoneItem, q.noneItem, true],
    [q.showRefuseItem, q.refuseItem, true],
    [q.showDontKnowItem, q.dontKnowItem, true],
  ];
  for (const [enabled, item, isExclusive] of special) {
    const v: unknown = item.value;
    if (!enabled || !isChoiceValue(v)) continue;
    all.push(v);
    if (isExclusive) exclusive.add(v);
  }
  return { all, exclusive };
}

/**
 * What the static check of one answer needs to know about its question, read once from the Model
 * (survey-core's property getters are slow enough to matter when read per answer per request).
 */
type Facts =
  | { kind: 'number' }
  | { kind: 'text'; inputType: string; format?: RegExp; maxLength?: number }
  | { kind: 'comment'; maxLength?: number }
  | { kind: 'boolean'; custom?: [unknown, unknown] }
  | { kind: 'rating'; values: unknown[] }
  | { kind: 'single'; all: ReadonlySet<unknown> }
  | { kind: 'multi'; all: ReadonlySet<unknown>; exclusive: ReadonlySet<unknown>; max: number }
  | { kind: 'unsupported' };

function maxLengthOf(q: Question): number | undefined {
  const raw: unknown = q instanceof QuestionTextModel || q instanceof QuestionCommentModel ? q.getMaxLength() : null;
  return typeof raw === 'number' && raw > 0 ? raw : undefined;
}

export function factsOf(q: Question): Facts {
  const type = q.getType();
  if (type === 'text' && q instanceof QuestionTextModel) {
    if (NUMERIC_INPUT_TYPES.has(q.inputType)) return { kind: 'number' };
    return { kind: 'text', inputType: q.inputType, format: TEXT_FORMATS[q.inputType], maxLength: maxLengthOf(q) };
  }
  if (type === 'comment') return { kind: 'comment', maxLength: maxLengthOf(q) };
  if (q instanceof QuestionBooleanModel) {
    const custom = q.valueTrue !== undefined || q.valueFalse !== undefined;
    return custom
      ? { kind: 'boolean', custom: [q.getValueTrue() as unknown, q.getValueFalse() as unknown] }
      : { kind: 'boolean' };
  }
  if (q instanceof QuestionRatingModel)
    return { kind: 'rating', values: q.visibleRateValues.map((r) => r.value as unknown) };
  if (SINGLE_CHOICE_TYPES.has(type) && q instanceof QuestionSelectBase)
    return { kind: 'single', all: new Set(allowedValues(q).all) };
  if (MULTI_CHOICE_TYPES.has(type) && q instanceof QuestionCheckboxBase && q instanceof QuestionSelectBase) {
    const { all, exclusive } = allowedValues(q);
    const max = 'maxSelectedChoices' in q && typeof q.maxSelectedChoices === 'number' ? q.maxSelectedChoices : 0;
    return { kind: 'multi', all: new Set(all), exclusive, max };
  }
  return { kind: 'unsupported' };
}

/** Static type/choice check of one answer; returns the issue or undefined when acceptable. */
function checkValue(name: string, f: Facts, value: unknown): Issue | undefined {
  switch (f.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : wrongType(name, 'un número', 'a number');
    case 'text':
      if (typeof value !== 'string') return wrongType(name, 'un texto', 'a string');
      if (f.format && !f.format.test(value))
        return wrongType(name, `un valor con formato ${f.inputType}`, `a ${f.inputType} value`);
      return checkMaxLength(name, f.maxLength, value);
    case 'comment':
      return typeof value === 'string'
        ? checkMaxLength(name, f.maxLength, value)
        : wrongType(name, 'un texto', 'a string');
    case 'boolean': {
      if (!f.custom) return typeof value === 'boolean' ? undefined : wrongType(name, 'true o false', 'true or false');
      const [vt, vf] = f.custom;
      return value === vt || value === vf
        ? undefined
        : wrongType(
            name,
            `${JSON.stringify(vt)} o ${JSON.stringify(vf)}`,
            `${JSON.stringify(vt)} or ${JSON.stringify(vf)}`,
          );
    }
    case 'rating':
      if (!isChoiceValue(value)) return wrongType(name, 'un valor de la escala', 'a rating value');
      return f.values.some((r) => r === value) ? undefined : invalidChoice(name);
    case 'single':
      if (!isChoiceValue(value)) return wrongType(name, 'el valor de una opción', 'a choice value');
      return f.all.has(value) ? undefined : invalidChoice(name);
    case 'multi': {
      if (!Array.isArray(value) || !value.every(isChoiceValue))
        return wrongType(name, 'una lista de opciones', 'a list of choice values');
      if (new Set(value).size !== value.length || !value.every((v) => f.all.has(v))) return invalidChoice(name);
      if (value.length > 1 && value.some((v) => f.exclusive.has(v))) {
        return mk(
          SubmissionCode.INVALID_CHOICE,
          localized(
            `"${name}": una opción excluyente no puede combinarse con otras.`,
            `"${name}": an exclusive choice cannot be combined with others.`,
          ),
          name,
        );
      }
      if (f.max > 0 && value.length > f.max) {
        return mk(
          SubmissionCode.INVALID_CHOICE,
          localized(`"${name}": más de ${f.max} opciones.`, `"${name}": more than ${f.max} choices.`),
          name,
        );
      }
      return undefined;
    }
    default:
      return wrongType(name, 'una pregunta admitida', 'a supported question');
  }
}

function checkMaxLength(name: string, max: number | undefined, value: string): Issue | undefined {
  if (max === undefined || value.length <= max) return undefined;
  return mk(
    SubmissionCode.TOO_LONG,
    localized(`"${name}": texto de más de ${max} caracteres.`, `"${name}": text longer than ${max} characters.`),
    name,
  );
}

function checkComment(value: unknown, owner: Question): Issue | undefined {
  return typeof value === 'string'
    ? undefined
    : wrongType(owner.name, 'un texto para "Otro"/comentario', 'a string for "Other"/comment');
}

function valueInVisibleChoices(q: Question, value: unknown): boolean {
  if (!(q instanceof QuestionSelectBase)) return true;
  const visible = q.visibleChoices.map((c) => c.value as unknown);
  return Array.isArray(value) ? value.every((v) => visible.includes(v)) : visible.includes(value);
}

function otherSelected(q: Question, value: unknown): boolean {
  if (!(q instanceof QuestionSelectBase)) return false;
  const other: unknown = q.otherItem.value;
  return Array.isArray(value) ? value.includes(other) : value === other;
}

/** survey-core's message for an error in both languages, prefixed with the question name. */
export function errorText(model: Model, err: SurveyError, name: string): LocalizedText {
  const previous = model.locale;
  model.locale = 'es';
  const es = err.getText();
  model.locale = 'en';
  const en = err.getText();
  model.locale = previous;
  return localized(`"${name}": ${es}`, `"${name}": ${en}`);
}

/** Waits until no question has async validators running; returns those still running at timeout. */
async function settle(questions: readonly Question[], timeoutMs: number): Promise<Question[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = questions.filter((q) => q.isRunningValidators);
    if (running.length === 0 || Date.now() >= deadline) return running;
    // survey-core exposes no completion event for a question's async validators: poll briefly.
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}
