/**
 * Submission validation without a survey-core Model per request (issue #17): a questionnaire
 * version is compiled once — its answerable questions, their static facts, their visibility and
 * requiredness conditions as ConditionRunners, their validators — and every submission is then
 * checked against that. Building a Model costs ~20 ms for the default instrument (~85 ms for a
 * 150-item one) and setting data on it re-runs every condition; the compiled path costs well under
 * a millisecond.
 *
 * It reproduces validateSubmissionWithModel (validate.ts, the reference) exactly, and only for what
 * it knows to reproduce: a questionnaire is compiled only if every property of every page, panel,
 * question, choice and validator is on the allow-lists below, and every condition refers only to
 * question values, without functions. Anything else (expression validators, "Other" items,
 * comments, choice-level conditions, enableIf/readOnly, masks, date inputs, calculated values …)
 * makes that version fall back to the reference path, logged once per version. The differential
 * tests (compiled-validator.spec.ts, validate.spec.ts) run both paths on the same inputs.
 *
 * Steps 1 and 2 (payload bounds, key-by-key type and choice checks) are shared code with the
 * reference. The compile-time Model is kept (read-only: its data is never set) for the static
 * facts step 2 reads and to let survey-core word error messages exactly as it does in the Model.
 */
import {
  AnswerRequiredError,
  ConditionRunner,
  ConditionsParser,
  CustomError,
  EmailValidator,
  Model,
  QuestionTextModel,
} from 'survey-core';
import type { Question, SurveyError, SurveyValidator } from 'survey-core';
import 'survey-core/i18n/spanish';
import { QuestionnaireError } from './issues';
import { APERTURA_PROPERTIES, registerAperturaProperties, setAperturaDefaultLocale } from './properties';
import { isRecord, own } from './types';
import type { JsonRecord, LocalizedText, SurveyJson } from './types';
import {
  assertMode,
  checkKeys,
  checkPayload,
  collectSlots,
  mk,
  orderedData,
  REQUIRED_ERROR_TYPES,
  SubmissionCode,
  validateSubmissionWithModel,
  withTitles,
} from './validate';
import { questionTitles } from './titles';
import type { Slot, SlotIndex, SubmissionIssue, SubmissionResult, ValidateOptions } from './validate';
import { NUMERIC_INPUT_TYPES, walkQuestionnaire } from './walk';
import type { WalkResult } from './walk';

/** QuestionTextBase subclasses (isEmpty also treats '' as empty). */
const TEXT_BASE_TYPES: ReadonlySet<string> = new Set(['text', 'comment']);

/** Fixed, or decided by a condition on the answers (survey-core: `visibleIf` wins over `visible`). */
type Condition = boolean | ConditionRunner;

/** Properties that only affect presentation (or Apertura's scoring), never what a submission may hold. */
const DISPLAY_KEYS = [
  'title',
  'description',
  'name',
  'type',
  'placeholder',
  'titleLocation',
  'descriptionLocation',
  'width',
  'minWidth',
  'maxWidth',
  'startWithNewLine',
  'hideNumber',
  'indent',
  'requiredErrorText',
];
const APERTURA_KEYS = APERTURA_PROPERTIES.map((p) => p.info.name);

const SURVEY_KEYS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'pages',
  'checkErrorsMode',
  'showQuestionNumbers',
  'showProgressBar',
  'progressBarType',
  'completedHtml',
  'completeText',
  'logo',
  'logoPosition',
  'widthMode',
  'showTitle',
  'questionErrorLocation',
  'questionTitleLocation',
  'focusFirstQuestionAutomatic',
]);
const PAGE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'title',
  'description',
  'elements',
  'visibleIf',
  'visible',
  'navigationTitle',
  'navigationDescription',
]);
const PANEL_KEYS: ReadonlySet<string> = new Set([
  'type',
  'name',
  'title',
  'description',
  'elements',
  'visibleIf',
  'visible',
  'state',
]);
const QUESTION_KEYS: ReadonlySet<string> = new Set([
  ...DISPLAY_KEYS,
  ...APERTURA_KEYS,
  'visibleIf',
  'visible',
  'isRequired',
  'requiredIf',
  'validators',
]);
const TYPE_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  text: new Set(['inputType', 'min', 'max', 'maxLength', 'autocomplete', 'size']),
  comment: new Set(['maxLength', 'rows', 'autoGrow', 'allowResize']),
  boolean: new Set(['labelTrue', 'labelFalse', 'valueTrue', 'valueFalse', 'renderAs', 'swapOrder']),
  radiogroup: new Set(['choices', 'colCount', 'showNoneItem', 'noneText', 'choicesOrder']),
  dropdown: new Set(['choices', 'showNoneItem', 'noneText', 'choicesOrder']),
  checkbox: new Set([
    'choices',
    'colCount',
    'showNoneItem',
    'noneText',
    'choicesOrder',
    'maxSelectedChoices',
    'showSelectAllItem',
    'selectAllText',
  ]),
  tagbox: new Set(['choices', 'showNoneItem', 'noneText', 'choicesOrder', 'maxSelectedChoices']),
  rating: new Set([
    'rateMin',
    'rateMax',
    'rateStep',
    'rateCount',
    'rateType',
    'displayMode',
    'minRateDescription',
    'maxRateDescription',
    'rateValues',
    'rateDisplayMode',
  ]),
};
const CHOICE_KEYS: ReadonlySet<string> = new Set(['value', 'text', 'isExclusive', ...APERTURA_KEYS]);
/** Text inputs whose checks are the ones reproduced here (date/time inputs have their own in survey-core). */
const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set([
  'text',
  'number',
  'range',
  'email',
  'url',
  'tel',
  'password',
  'search',
]);
const VALIDATOR_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  regex: new Set(['regex', 'caseInsensitive']),
  email: new Set([]),
  numeric: new Set(['minValue', 'maxValue']),
  text: new Set(['minLength', 'maxLength', 'allowDigits']),
  answercount: new Set(['minCount', 'maxCount']),
};

/** Why a questionnaire cannot be compiled, or undefined when it can. */
function unsupported(walk: WalkResult, questionKeys: ReadonlySet<string>): string | undefined {
  const root = walk.root as JsonRecord;
  const extra = (obj: JsonRecord, allowed: ReadonlySet<string>, path: string): string | undefined => {
    for (const k of Object.keys(obj)) if (!allowed.has(k)) return `${path}.${k}`;
    return undefined;
  };
  const bad = extra(root, SURVEY_KEYS, '$');
  if (bad) return bad;
  for (const p of walk.pages) {
    const b = extra(p.json, PAGE_KEYS, p.path) ?? badCondition(p.json, p.path, questionKeys);
    if (b) return b;
  }
  for (const el of walk.elements) {
    if (el.role === 'panel') {
      const b = extra(el.json, PANEL_KEYS, el.path) ?? badCondition(el.json, el.path, questionKeys);
      if (b) return b;
      continue;
    }
    const typeKeys = TYPE_KEYS[el.type];
    if (!typeKeys) return `${el.path} (type ${el.type})`;
    for (const k of Object.keys(el.json)) if (!QUESTION_KEYS.has(k) && !typeKeys.has(k)) return `${el.path}.${k}`;
    const b = badCondition(el.json, el.path, questionKeys);
    if (b) return b;
    const inputType = own(el.json, 'inputType');
    if (
      el.type === 'text' &&
      inputType !== undefined &&
      !(typeof inputType === 'string' && TEXT_INPUT_TYPES.has(inputType))
    )
      return `${el.path}.inputType`;
    // min/max of a non-numeric input compare strings (or dates) in survey-core: not reproduced.
    const numeric = typeof inputType === 'string' && NUMERIC_INPUT_TYPES.has(inputType);
    if (!numeric && (own(el.json, 'min') !== undefined || own(el.json, 'max') !== undefined))
      return `${el.path}.min/max`;
    for (const listKey of ['choices', 'rateValues']) {
      const list = own(el.json, listKey);
      if (list === undefined) continue;
      if (!Array.isArray(list)) return `${el.path}.${listKey}`;
      for (const [i, c] of list.entries()) {
        if (isRecord(c)) {
          const b2 = extra(c, CHOICE_KEYS, `${el.path}.${listKey}[${i}]`);
          if (b2) return b2;
        } else if (typeof c !== 'string' && typeof c !== 'number') return `${el.path}.${listKey}[${i}]`;
      }
    }
    const validators = own(el.json, 'validators');
    if (validators !== undefined) {
      if (!Array.isArray(validators)) return `${el.path}.validators`;
      for (const [i, v] of validators.entries()) {
        const path = `${el.path}.validators[${i}]`;
        if (!isRecord(v)) return path;
        const type = own(v, 'type');
        const allowed = typeof type === 'string' ? VALIDATOR_KEYS[type] : undefined;
        if (!allowed) return `${path} (type ${String(type)})`;
        for (const k of Object.keys(v))
          if (k !== 'type' && k !== 'text' && k !== 'notificationType' && !allowed.has(k)) return `${path}.${k}`;
      }
    }
  }
  return undefined;
}

/** A condition the compiled path cannot evaluate like the Model would: functions, or variables that are not question values. */
function badCondition(json: JsonRecord, path: string, questionKeys: ReadonlySet<string>): string | undefined {
  for (const prop of ['visibleIf', 'requiredIf']) {
    const cond = own(json, prop);
    if (cond === undefined || (typeof cond === 'string' && cond.trim() === '')) continue;
    if (typeof cond !== 'string') return `${path}.${prop}`;
    const operand = new ConditionsParser().parseExpression(cond);
    if (!operand || operand.hasFunction()) return `${path}.${prop}`;
    const variables: string[] = [];
    operand.setVariables(variables);
    for (const v of variables) {
      // `{q.length}`, `{q[0]}`: the first segment names the question.
      const head =
        v
          .toLowerCase()
          .replace(/-unwrapped$/, '')
          .split(/[.[]/)[0] ?? '';
      if (!questionKeys.has(head)) return `${path}.${prop}`;
    }
  }
  return undefined;
}

function conditionOf(json: JsonRecord, prop: 'visibleIf' | 'requiredIf', fixed: boolean): Condition {
  const cond = own(json, prop);
  if (typeof cond === 'string' && cond.trim() !== '') return new ConditionRunner(cond);
  return fixed;
}

/** survey-core's Base.isValueEmpty with trimming (Question.isEmpty, allowSpaceAsAnswer unset). */
function isEmptyValue(value: unknown): boolean {
  const v = typeof value === 'string' ? value.trim() : value;
  if (Array.isArray(v)) return v.length === 0;
  if (v !== null && typeof v === 'object' && (v as object).constructor === Object) {
    return Object.values(v as Record<string, unknown>).every(isEmptyValue);
  }
  return !v && v !== 0 && v !== false;
}

interface CompiledQuestion {
  slot: Slot;
  /** Page, then panels outermost first, then the question itself. */
  visibility: Condition[];
  required: Condition;
  /** Numeric text inputs: survey-core's rendered bounds (undefined/null/'' = none). */
  min?: unknown;
  max?: unknown;
  /** An e-mail input without an e-mail validator gets survey-core's implicit one. */
  implicitEmail: boolean;
  validators: SurveyValidator[];
  /** QuestionTextBase (text, comment): isEmpty also treats '' as empty. */
  textBase: boolean;
}

/** The private parts of QuestionTextModel the min/max messages are built from. */
interface MinMaxTexts {
  minErrorText: string;
  maxErrorText: string;
}

/** QuestionTextModel.getMinMaxErrorText for non-date inputs. */
function minMaxText(template: string, bound: unknown): string {
  return isEmptyValue(bound) ? template : template.replace('{0}', String(bound));
}

export class CompiledValidator {
  private constructor(
    private readonly json: SurveyJson,
    /** Set when the questionnaire uses something this class does not reproduce. */
    readonly fallbackReason: string | undefined,
    private readonly model: Model | undefined,
    private readonly index: SlotIndex | undefined,
    private readonly questions: readonly CompiledQuestion[],
  ) {}

  /** Compiles `json`; throws QuestionnaireError if it is not a usable questionnaire (as the reference does). */
  static of(json: SurveyJson): CompiledValidator {
    const walk = walkQuestionnaire(json);
    if (walk.issues.length > 0) throw new QuestionnaireError(walk.issues);
    const keys = new Set(
      walk.elements
        .filter((e) => e.role === 'question' && e.name !== undefined)
        .map((e) => (e.name as string).toLowerCase()),
    );
    const reason = unsupported(walk, keys);
    if (reason !== undefined) return new CompiledValidator(json, reason, undefined, undefined, []);

    setAperturaDefaultLocale();
    registerAperturaProperties();
    const model = new Model(json);
    const index = collectSlots(model);
    const byName = new Map(walk.elements.filter((e) => e.role === 'question').map((e) => [e.name as string, e]));
    const panels = walk.elements.filter((e) => e.role === 'panel');
    const questions: CompiledQuestion[] = [];
    for (const slot of index.slots) {
      const el = byName.get(slot.q.name);
      // valueName or duplicate names would make keys differ from names: not on the allow-list, so never here.
      if (!el || slot.key !== slot.q.name || slot.commentKey !== undefined) {
        model.dispose();
        return new CompiledValidator(json, `question ${slot.q.name}`, undefined, undefined, []);
      }
      const page = walk.pages[el.page];
      const enclosing = panels
        .filter((p) => el.path.startsWith(`${p.path}.`))
        .sort((a, b) => a.path.length - b.path.length);
      const visibility = [page, ...enclosing, el].map((c) =>
        conditionOf(
          (c as { json: JsonRecord }).json,
          'visibleIf',
          own((c as { json: JsonRecord }).json, 'visible') !== false,
        ),
      );
      const cq: CompiledQuestion = {
        slot,
        visibility,
        required: conditionOf(el.json, 'requiredIf', own(el.json, 'isRequired') === true),
        implicitEmail: false,
        validators: [...slot.q.validators],
        textBase: TEXT_BASE_TYPES.has(slot.q.getType()),
      };
      if (slot.q instanceof QuestionTextModel) {
        if (NUMERIC_INPUT_TYPES.has(slot.q.inputType)) {
          cq.min = slot.q.renderedMin as unknown;
          cq.max = slot.q.renderedMax as unknown;
        }
        cq.implicitEmail =
          slot.q.inputType === 'email' && !slot.q.validators.some((v) => v.getType() === 'emailvalidator');
      }
      questions.push(cq);
    }
    return new CompiledValidator(json, undefined, model, index, questions);
  }

  /** The questionnaire version this validator was compiled from. */
  get definition(): SurveyJson {
    return this.json;
  }

  /** Same contract and results as validateSubmissionWithModel (issues name their question's title). */
  async validate(data: unknown, opts: ValidateOptions): Promise<SubmissionResult> {
    if (!this.model || !this.index) return validateSubmissionWithModel(this.json, data, opts);
    const result = await this.validateCompiled(this.index, data, opts);
    this.titles ??= questionTitles(this.json);
    return { ...result, errors: withTitles(result.errors, this.titles) };
  }

  private titles: Map<string, LocalizedText> | undefined;

  private async validateCompiled(index: SlotIndex, data: unknown, opts: ValidateOptions): Promise<SubmissionResult> {
    assertMode(opts);
    const bad = checkPayload(data);
    if (bad) return bad;
    const errors: SubmissionIssue[] = [];
    const accepted = checkKeys(index, data as Readonly<Record<string, unknown>>, errors);

    // 3. Visibility: each round evaluates every condition on the answers as they stood at its start
    //    (the Model runs its conditions when its data is set), then drops hidden answers.
    const cleared: string[] = [];
    const n = this.questions.length;
    for (let round = 0; round <= n; round++) {
      const isVisible = this.visibilityOn(toValues(accepted));
      let changed = false;
      for (const cq of this.questions) {
        if (!accepted.has(cq.slot.key) || isVisible(cq)) continue;
        accepted.delete(cq.slot.key);
        cleared.push(cq.slot.key);
        changed = true;
      }
      if (!changed) break;
    }

    // 4. What survey-core's validate() reports for each visible question, in the same order.
    const values = toValues(accepted);
    const isVisible = this.visibilityOn(values);
    const run = (c: Condition): boolean => (typeof c === 'boolean' ? c : c.runValues(values) === true);
    for (const cq of this.questions) {
      if (!isVisible(cq)) continue;
      const q = cq.slot.q;
      const value: unknown = values[cq.slot.key];
      const empty = isEmptyValue(value) || (cq.textBase && value === '');
      const found = this.questionErrors(cq, value, empty, run(cq.required));
      for (const err of found) {
        if (!err.isError) continue; // warnings and notes never block a submission
        if (REQUIRED_ERROR_TYPES.has(err.getErrorType())) {
          if (opts.mode === 'final') errors.push(mk(SubmissionCode.REQUIRED, this.text(err, q.name), q.name));
        } else if (opts.mode === 'final' || !empty) {
          errors.push(mk(SubmissionCode.VALIDATOR, this.text(err, q.name), q.name));
        }
      }
    }
    return { ok: errors.length === 0, data: orderedData(index.slots, accepted), errors, cleared };
  }

  /** Question.checkForErrors → onCheckForErrors (required; text: min, max, implicit e-mail), then validators if none. */
  private questionErrors(cq: CompiledQuestion, value: unknown, empty: boolean, required: boolean): SurveyError[] {
    const q = cq.slot.q;
    const out: SurveyError[] = [];
    if (required && empty) {
      const err = new AnswerRequiredError(q.requiredErrorText, q);
      err.onUpdateErrorTextCallback = (e: SurveyError): void => {
        e.text = q.requiredErrorText;
      };
      out.push(err);
    }
    if (q instanceof QuestionTextModel) {
      const texts = q as unknown as MinMaxTexts;
      // JavaScript comparison, as survey-core's isValueLessMin/isValueGreaterMax (values are numbers here).
      if (!isEmptyValue(cq.min) && !empty && (value as number) < (cq.min as number))
        out.push(this.minMaxError(q, () => minMaxText(texts.minErrorText, cq.min)));
      if (!isEmptyValue(cq.max) && !empty && (value as number) > (cq.max as number))
        out.push(this.minMaxError(q, () => minMaxText(texts.maxErrorText, cq.max)));
      if (cq.implicitEmail) {
        const email = new EmailValidator();
        email.errorOwner = q;
        const r = email.validate(value, q.getValidatorTitle());
        if (r?.error) out.push(r.error);
      }
    }
    if (out.length > 0) return out;
    const title = q.getValidatorTitle();
    for (const v of cq.validators) {
      const r = v.validate(value, title, {});
      if (r?.error) {
        r.error.notificationType = v.notificationType;
        out.push(r.error);
      }
    }
    return out;
  }

  private minMaxError(q: Question, text: () => string): SurveyError {
    const err = new CustomError(text(), q);
    err.onUpdateErrorTextCallback = (e: SurveyError): void => {
      e.text = text();
    };
    return err;
  }

  /** The message in both languages, worded by survey-core as in the Model (updateText on locale change). */
  private text(err: SurveyError, name: string): LocalizedText {
    const model = this.model as Model;
    const previous = model.locale;
    const words: string[] = [];
    for (const locale of ['es', 'en']) {
      model.locale = locale;
      err.onUpdateErrorTextCallback?.(err);
      words.push(err.getText());
    }
    model.locale = previous;
    return { es: `"${name}": ${words[0] ?? ''}`, en: `"${name}": ${words[1] ?? ''}` };
  }

  private visibilityOn(values: Record<string, unknown>): (cq: CompiledQuestion) => boolean {
    const results = new Map<ConditionRunner, boolean>();
    const run = (c: Condition): boolean => {
      if (typeof c === 'boolean') return c;
      let r = results.get(c);
      if (r === undefined) {
        r = c.runValues(values) === true;
        results.set(c, r);
      }
      return r;
    };
    return (cq) => cq.visibility.every(run);
  }
}

/**
 * The answers as survey-core's condition runner reads them. No deep copy (the Model needs one, it
 * keeps what it is given; conditions only read), and no prototype chain for the runner to find.
 */
function toValues(accepted: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const values = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of accepted) values[k] = v;
  return values;
}

/**
 * Bounded least-recently-used cache of compiled validators, keyed by the caller (the API uses
 * questionnaire id + checksum: a stored version never changes, so a key never goes stale).
 */
export class CompiledValidatorCache {
  private readonly entries = new Map<string, CompiledValidator>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly capacity = 32,
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Like get, for definitions that must be loaded (e.g. from the database) only on a miss. */
  async load(key: string, json: () => Promise<SurveyJson>): Promise<CompiledValidator> {
    const hit = this.hit(key);
    if (hit) return hit;
    // Two concurrent misses both load and compile: harmless, the later one stays cached.
    const definition = await json();
    return this.get(key, () => definition);
  }

  get(key: string, json: () => SurveyJson): CompiledValidator {
    return this.hit(key) ?? this.compile(key, json());
  }

  private hit(key: string): CompiledValidator | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map iteration order is insertion order, so the first key is the least recent.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  private compile(key: string, json: SurveyJson): CompiledValidator {
    const compiled = CompiledValidator.of(json);
    if (compiled.fallbackReason !== undefined && !this.logged.has(key)) {
      this.logged.add(key);
      this.log(
        `questionnaire ${key}: validated with a survey-core Model per submission (slower): the compiled validator does not reproduce ${compiled.fallbackReason}`,
      );
    }
    this.entries.set(key, compiled);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return compiled;
  }
}

const byDefinition = new WeakMap<object, CompiledValidator>();

/** The compiled validator of a definition object, compiled on first use (for in-process constants such as the default instruments). */
export function compiledValidatorFor(json: SurveyJson): CompiledValidator {
  let c = byDefinition.get(json);
  if (!c) {
    c = CompiledValidator.of(json);
    byDefinition.set(json, c);
  }
  return c;
}

/**
 * Validates `data` (untrusted, e.g. a request body) against questionnaire `json` (trusted: a
 * linted, stored version). Never throws on bad `data`; throws QuestionnaireError if `json` is
 * not a usable questionnaire and RangeError on bad options (programming errors). The compiled
 * validator is cached per definition object; callers that load definitions per request should
 * keep a CompiledValidatorCache keyed by version instead.
 */
export async function validateSubmission(
  json: SurveyJson,
  data: unknown,
  opts: ValidateOptions,
): Promise<SubmissionResult> {
  assertMode(opts);
  return compiledValidatorFor(json).validate(data, opts);
}
