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
 */
import { CheckboxItem, Model, PanelModel, QuestionBooleanModel, QuestionCommentModel, QuestionCheckboxBase, QuestionRatingModel, QuestionSelectBase, QuestionTextModel, settings } from 'survey-core';
import type { ItemValue, Question, SurveyError } from 'survey-core';
// Spanish texts of survey-core's own validation messages (required, e-mail, min/max, …).
import 'survey-core/i18n/spanish';
import { QuestionnaireError } from './issues';
import { questionTitles } from './titles';
import { childPath, isPlainObject, scanJson } from './json-guard';
import { registerAperturaProperties, setAperturaDefaultLocale } from './properties';
import { FORBIDDEN_KEYS, localized } from './types';
import type { LocalizedText, SurveyJson } from './types';
import { MULTI_CHOICE_TYPES, NUMERIC_INPUT_TYPES, SINGLE_CHOICE_TYPES, VALUE_QUESTION_TYPES, walkQuestionnaire } from './walk';

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
const REQUIRED_ERROR_TYPES: ReadonlySet<string> = new Set(['required', 'requireoneanswer', 'otherempty', 'requiredinallrowserror']);

/** String formats survey-core's date/time inputs produce (HTML input value formats). */
const TEXT_FORMATS: Readonly<Record<string, RegExp>> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'datetime-local': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/,
  time: /^\d{2}:\d{2}(:\d{2})?$/,
  month: /^\d{4}-\d{2}$/,
};

type Issue = SubmissionIssue;
const mk = (code: SubmissionCode, message: LocalizedText, question?: string, path?: string): Issue => {
  const i: Issue = { code, message };
  if (question !== undefined) i.question = question;
  if (path !== undefined) i.path = path;
  return i;
};

/** Static facts about one answerable question, read once from the Model. */
interface Slot {
  q: Question;
  key: string;
  commentKey?: string;
}

/**
 * Validates `data` (untrusted, e.g. a request body) against questionnaire `json` (trusted: a
 * linted, stored version). Never throws on bad `data`; throws QuestionnaireError if `json` is
 * not a usable questionnaire and RangeError on bad options (programming errors).
 */
export async function validateSubmission(json: SurveyJson, data: unknown, opts: ValidateOptions): Promise<SubmissionResult> {
  if (opts.mode !== 'draft' && opts.mode !== 'final') throw new RangeError(`Unknown validation mode: ${String(opts.mode)}`);
  const walk = walkQuestionnaire(json);
  if (walk.issues.length > 0) throw new QuestionnaireError(walk.issues);
  const fail = (e: Issue): SubmissionResult => ({ ok: false, data: {}, errors: [e], cleared: [] });

  // 1. Shape and bounds, before anything else touches the payload.
  if (!isPlainObject(data)) {
    return fail(mk(SubmissionCode.NOT_OBJECT, localized('Las respuestas deben ser un objeto JSON {pregunta: respuesta}.', 'Answers must be a JSON object {question: answer}.')));
  }
  const scan = scanJson(data, { maxDepth: SUBMISSION_LIMITS.maxDepth, maxBytes: SUBMISSION_LIMITS.maxBytes });
  if (scan.fatal?.kind === 'too_large') {
    const kb = SUBMISSION_LIMITS.maxBytes / 1024;
    return fail(mk(SubmissionCode.TOO_LARGE, localized(`Las respuestas pesan más de ${kb} KB.`, `The answers are larger than ${kb} KB.`)));
  }
  if (scan.fatal?.kind === 'too_deep') {
    const d = SUBMISSION_LIMITS.maxDepth;
    return fail(mk(SubmissionCode.TOO_DEEP, localized(`Las respuestas están anidadas a más de ${d} niveles.`, `The answers are nested more than ${d} levels deep.`), undefined, scan.fatal.path));
  }
  if (scan.fatal?.kind === 'not_json') {
    return fail(mk(SubmissionCode.NOT_JSON, localized(`Valor que no es JSON (${scan.fatal.detail}).`, `Value that is not JSON (${scan.fatal.detail}).`), undefined, scan.fatal.path));
  }

  setAperturaDefaultLocale();
  registerAperturaProperties();
  const model = new Model(json);
  try {
    const result = await validateWithModel(model, data, opts);
    return { ...result, errors: withTitles(result.errors, questionTitles(json)) };
  } finally {
    model.dispose();
  }
}

async function validateWithModel(model: Model, data: Readonly<Record<string, unknown>>, opts: ValidateOptions): Promise<SubmissionResult> {
  const errors: Issue[] = [];
  const slots: Slot[] = [];
  const slotByKey = new Map<string, Slot>();
  const commentOwner = new Map<string, Slot>();
  for (const q of model.getAllQuestions(false, false, false)) {
    if (!VALUE_QUESTION_TYPES.has(q.getType())) continue;
    const key = q.getValueName();
    const slot: Slot = { q, key };
    if (q.hasComment || (q instanceof QuestionSelectBase && q.hasOther)) {
      slot.commentKey = key + settings.commentSuffix;
      commentOwner.set(slot.commentKey, slot);
    }
    slots.push(slot);
    slotByKey.set(key, slot);
  }

  // 2. Key by key: known key, no forbidden/over-long content, correct type and static choice.
  const accepted = new Map<string, unknown>();
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value === undefined) continue;
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push(mk(SubmissionCode.FORBIDDEN_KEY, localized(`Clave prohibida: "${key}".`, `Forbidden key: "${key}".`), undefined, childPath('$', key)));
      continue;
    }
    const slot = slotByKey.get(key);
    const owner = commentOwner.get(key);
    if (!slot && !owner) {
      errors.push(mk(SubmissionCode.UNKNOWN_KEY, localized(`"${key}" no es una pregunta del cuestionario.`, `"${key}" is not a question of the questionnaire.`), undefined, childPath('$', key)));
      continue;
    }
    const question = (slot ?? owner)?.q.name;
    const inner = scanJson(value, { maxDepth: SUBMISSION_LIMITS.maxDepth - 1, maxBytes: SUBMISSION_LIMITS.maxBytes, maxStringLength: SUBMISSION_LIMITS.maxStringLength });
    if (inner.forbiddenKeys.length > 0) {
      for (const p of inner.forbiddenKeys) {
        errors.push(mk(SubmissionCode.FORBIDDEN_KEY, localized('Clave prohibida dentro de la respuesta.', 'Forbidden key inside the answer.'), question, childPath('$', key) + p.slice(1)));
      }
      continue;
    }
    if (inner.longStrings.length > 0) {
      const n = SUBMISSION_LIMITS.maxStringLength;
      errors.push(mk(SubmissionCode.TOO_LONG, localized(`Texto de más de ${n} caracteres.`, `Text longer than ${n} characters.`), question, childPath('$', key)));
      continue;
    }
    if (isEmptyAnswer(value)) continue; // null, '' and [] mean "no answer": not stored
    const problem = slot ? checkValue(slot.q, value) : checkComment(value, (owner as Slot).q);
    if (problem) {
      errors.push(problem);
      continue;
    }
    accepted.set(key, value);
  }

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
  const pending = await settle(slots.map((s) => s.q), timeout);
  for (const q of pending) {
    errors.push(mk(SubmissionCode.VALIDATOR_TIMEOUT, localized('La validación de la respuesta no terminó a tiempo.', 'Validation of the answer did not finish in time.'), q.name));
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
  for (const panel of model.getAllPanels(true, false)) if (panel instanceof PanelModel) report(panel.name, panel.errors, false);

  const out: Array<[string, unknown]> = [];
  for (const s of slots) {
    if (accepted.has(s.key)) out.push([s.key, accepted.get(s.key)]);
    if (s.commentKey && accepted.has(s.commentKey)) out.push([s.commentKey, accepted.get(s.commentKey)]);
  }
  // fromEntries defines own properties: even a key named "__proto__" could not set a prototype.
  return { ok: errors.length === 0, data: Object.fromEntries(out), errors, cleared };
}

/**
 * Names each issue's question by its title: a respondent never sees internal names such as
 * `ai_procedimiento_evidencia`, so a message quoting one cannot be acted on.
 */
function withTitles(errors: readonly Issue[], titles: ReadonlyMap<string, LocalizedText>): Issue[] {
  return errors.map((e) => {
    const title = e.question !== undefined ? titles.get(e.question) : undefined;
    if (!title || e.question === undefined) return e;
    const quoted = `"${e.question}"`;
    const rename = (text: string, t: string): string => (text.startsWith(quoted) ? `«${t}»${text.slice(quoted.length)}` : text);
    return { ...e, title, message: { es: rename(e.message.es, title.es), en: rename(e.message.en, title.en) } };
  });
}

function isEmptyAnswer(v: unknown): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Deep copy for survey-core, which may keep and mutate what it is given. */
function toPlain(values: ReadonlyMap<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(Object.fromEntries(values))) as Record<string, unknown>;
}

const wrongType = (name: string, es: string, en: string): Issue =>
  mk(SubmissionCode.WRONG_TYPE, localized(`"${name}": se esperaba ${es}.`, `"${name}": expected ${en}.`), name);
const invalidChoice = (name: string): Issue =>
  mk(SubmissionCode.INVALID_CHOICE, localized(`"${name}": la respuesta no es una de las opciones.`, `"${name}": the answer is not one of the choices.`), name);

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

/** Static type/choice check of one answer; returns the issue or undefined when acceptable. */
function checkValue(q: Question, value: unknown): Issue | undefined {
  const name = q.name;
  const type = q.getType();
  if (type === 'text' && q instanceof QuestionTextModel) {
    if (NUMERIC_INPUT_TYPES.has(q.inputType)) {
      return typeof value === 'number' && Number.isFinite(value) ? undefined : wrongType(name, 'un número', 'a number');
    }
    if (typeof value !== 'string') return wrongType(name, 'un texto', 'a string');
    const format = TEXT_FORMATS[q.inputType];
    if (format && !format.test(value)) return wrongType(name, `un valor con formato ${q.inputType}`, `a ${q.inputType} value`);
    return checkMaxLength(q, value);
  }
  if (type === 'comment') return typeof value === 'string' ? checkMaxLength(q, value) : wrongType(name, 'un texto', 'a string');
  if (q instanceof QuestionBooleanModel) {
    const custom = q.valueTrue !== undefined || q.valueFalse !== undefined;
    if (!custom) return typeof value === 'boolean' ? undefined : wrongType(name, 'true o false', 'true or false');
    const vt: unknown = q.getValueTrue();
    const vf: unknown = q.getValueFalse();
    return value === vt || value === vf ? undefined : wrongType(name, `${JSON.stringify(vt)} o ${JSON.stringify(vf)}`, `${JSON.stringify(vt)} or ${JSON.stringify(vf)}`);
  }
  if (q instanceof QuestionRatingModel) {
    if (!isChoiceValue(value)) return wrongType(name, 'un valor de la escala', 'a rating value');
    return q.visibleRateValues.some((r) => r.value === value) ? undefined : invalidChoice(name);
  }
  if (SINGLE_CHOICE_TYPES.has(type) && q instanceof QuestionSelectBase) {
    if (!isChoiceValue(value)) return wrongType(name, 'el valor de una opción', 'a choice value');
    return allowedValues(q).all.includes(value) ? undefined : invalidChoice(name);
  }
  if (MULTI_CHOICE_TYPES.has(type) && q instanceof QuestionCheckboxBase && q instanceof QuestionSelectBase) {
    if (!Array.isArray(value) || !value.every(isChoiceValue)) return wrongType(name, 'una lista de opciones', 'a list of choice values');
    const { all, exclusive } = allowedValues(q);
    if (new Set(value).size !== value.length || !value.every((v) => all.includes(v))) return invalidChoice(name);
    if (value.length > 1 && value.some((v) => exclusive.has(v))) {
      return mk(
        SubmissionCode.INVALID_CHOICE,
        localized(`"${name}": una opción excluyente no puede combinarse con otras.`, `"${name}": an exclusive choice cannot be combined with others.`),
        name,
      );
    }
    const max = 'maxSelectedChoices' in q && typeof q.maxSelectedChoices === 'number' ? q.maxSelectedChoices : 0;
    if (max > 0 && value.length > max) {
      return mk(SubmissionCode.INVALID_CHOICE, localized(`"${name}": más de ${max} opciones.`, `"${name}": more than ${max} choices.`), name);
    }
    return undefined;
  }
  return wrongType(name, 'una pregunta admitida', 'a supported question');
}

function checkMaxLength(q: Question, value: string): Issue | undefined {
  const raw: unknown = q instanceof QuestionTextModel || q instanceof QuestionCommentModel ? q.getMaxLength() : null;
  const max = typeof raw === 'number' && raw > 0 ? raw : undefined;
  if (max === undefined || value.length <= max) return undefined;
  return mk(SubmissionCode.TOO_LONG, localized(`"${q.name}": texto de más de ${max} caracteres.`, `"${q.name}": text longer than ${max} characters.`), q.name);
}

function checkComment(value: unknown, owner: Question): Issue | undefined {
  return typeof value === 'string' ? undefined : wrongType(owner.name, 'un texto para "Otro"/comentario', 'a string for "Other"/comment');
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
function errorText(model: Model, err: SurveyError, name: string): LocalizedText {
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
