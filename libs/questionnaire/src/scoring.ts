/**
 * Reads Apertura's scoring metadata from one question's JSON and turns it into the ItemSpec the
 * metric consumes (libs/metric/src/items.ts). Shared by lint (which reports every problem) and
 * extract (which refuses to guess), so both always agree on what a question scores.
 */
import type { ItemScoring, ItemSpec } from '@apertura/metric';
import { childPath } from './json-guard';
import { issue, LintCode } from './issues';
import type { LintIssue } from './issues';
import { FORBIDDEN_KEYS, isRecord, localized, own } from './types';
import { MULTI_CHOICE_TYPES, NUMERIC_INPUT_TYPES, SINGLE_CHOICE_TYPES } from './walk';
import type { WalkedElement } from './walk';

/** One choice (or rate value) after SurveyJS shorthand expansion. */
export interface ParsedChoice {
  value: string | number;
  /** Key of the score map: scoreItem compares `String(answer)`. */
  key: string;
  path: string;
  score?: unknown;
  notApplicable?: unknown;
}

/** SurveyJS default `itemValueSeparator`: `"yes|Sí"` means value `yes`, text `Sí`. */
const ITEM_VALUE_SEPARATOR = '|';

/** Special items SurveyJS adds to select questions; they carry no score. */
const SPECIAL_ITEM_FLAGS = [
  'showOtherItem',
  'hasOther',
  'showNoneItem',
  'hasNone',
  'showRefuseItem',
  'showDontKnowItem',
] as const;

/** Parses a `choices` / `rateValues` array, reporting malformed items, duplicates and bad scores. */
export function parseChoices(el: WalkedElement, prop: 'choices' | 'rateValues', issues: LintIssue[]): ParsedChoice[] {
  const raw = own(el.json, prop);
  const out: ParsedChoice[] = [];
  if (raw === undefined) return out;
  const listPath = childPath(el.path, prop);
  if (!Array.isArray(raw)) {
    issues.push(
      issue(
        LintCode.INVALID_CHOICE,
        listPath,
        localized(`"${prop}" debe ser un arreglo.`, `"${prop}" must be an array.`),
        el.name,
      ),
    );
    return out;
  }
  const seen = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const path = childPath(listPath, i);
    let parsed: ParsedChoice | undefined;
    if (typeof item === 'string') {
      const sep = item.indexOf(ITEM_VALUE_SEPARATOR);
      const value = sep >= 0 ? item.slice(0, sep) : item;
      parsed = { value, key: value, path };
    } else if (typeof item === 'number' && Number.isFinite(item)) {
      parsed = { value: item, key: String(item), path };
    } else if (isRecord(item)) {
      const value = own(item, 'value');
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
        parsed = {
          value,
          key: String(value),
          path,
          score: own(item, 'score'),
          notApplicable: own(item, 'notApplicable'),
        };
      }
    }
    if (!parsed) {
      issues.push(
        issue(
          LintCode.INVALID_CHOICE,
          path,
          localized(
            'Cada opción debe ser un texto, un número o un objeto con "value" de texto o número.',
            'Each choice must be a string, a number or an object whose "value" is a string or number.',
          ),
          el.name,
        ),
      );
      return;
    }
    if (FORBIDDEN_KEYS.has(parsed.key)) {
      issues.push(
        issue(
          LintCode.FORBIDDEN_NAME,
          path,
          localized(`Valor de opción prohibido: "${parsed.key}".`, `Forbidden choice value: "${parsed.key}".`),
          el.name,
        ),
      );
      return;
    }
    if (seen.has(parsed.key)) {
      issues.push(
        issue(
          LintCode.DUPLICATE_CHOICE,
          path,
          localized(`Valor de opción repetido: "${parsed.key}".`, `Duplicate choice value: "${parsed.key}".`),
          el.name,
        ),
      );
      return;
    }
    seen.add(parsed.key);
    checkChoiceScore(el, parsed, issues);
    out.push(parsed);
  });
  return out;
}

function checkChoiceScore(el: WalkedElement, c: ParsedChoice, issues: LintIssue[]): void {
  if (c.notApplicable !== undefined && typeof c.notApplicable !== 'boolean') {
    issues.push(
      issue(
        LintCode.BAD_PROPERTY,
        childPath(c.path, 'notApplicable'),
        localized('"notApplicable" debe ser booleano.', '"notApplicable" must be a boolean.'),
        el.name,
      ),
    );
  }
  if (c.score === undefined) return;
  if (typeof c.score !== 'number' || !Number.isFinite(c.score) || c.score < 0 || c.score > 1) {
    issues.push(
      issue(
        LintCode.BAD_SCORE,
        childPath(c.path, 'score'),
        localized(
          `El puntaje de "${c.key}" debe ser un número entre 0 y 1.`,
          `The score of "${c.key}" must be a number between 0 and 1.`,
        ),
        el.name,
      ),
    );
  } else if (c.notApplicable === true) {
    issues.push(
      issue(
        LintCode.BAD_SCORE,
        childPath(c.path, 'score'),
        localized(
          `La opción "${c.key}" es "no aplica": no debe llevar puntaje.`,
          `Choice "${c.key}" is "not applicable": it must not carry a score.`,
        ),
        el.name,
      ),
    );
  }
}

/** Score map for ItemScoring: `null` = not applicable. Built with fromEntries (no prototype setter). */
function scoreMap(
  el: WalkedElement,
  choices: readonly ParsedChoice[],
  issues: LintIssue[],
): Record<string, number | null> | undefined {
  let ok = true;
  for (const c of choices) {
    if (c.notApplicable === true || typeof c.score === 'number') continue;
    ok = false;
    issues.push(
      issue(
        LintCode.MISSING_SCORE,
        c.path,
        localized(
          `La opción "${c.key}" de una pregunta puntuada necesita "score" (0–1) o "notApplicable": true.`,
          `Choice "${c.key}" of a scored question needs a "score" (0–1) or "notApplicable": true.`,
        ),
        el.name,
      ),
    );
  }
  if (!ok) return undefined;
  return Object.fromEntries(choices.map((c) => [c.key, c.notApplicable === true ? null : (c.score as number)]));
}

function parseScoreRange(el: WalkedElement, issues: LintIssue[]): { min: number; max: number } | undefined {
  const raw = own(el.json, 'scoreRange');
  if (raw === undefined) return undefined;
  if (
    Array.isArray(raw) &&
    raw.length === 2 &&
    typeof raw[0] === 'number' &&
    typeof raw[1] === 'number' &&
    Number.isFinite(raw[0]) &&
    Number.isFinite(raw[1]) &&
    raw[0] !== raw[1]
  ) {
    return { min: raw[0], max: raw[1] };
  }
  issues.push(
    issue(
      LintCode.BAD_SCORE_RANGE,
      childPath(el.path, 'scoreRange'),
      localized(
        '"scoreRange" debe ser [mín, máx] con dos números distintos (mín > máx si menos es mejor).',
        '"scoreRange" must be [min, max] with two different numbers (min > max when lower is better).',
      ),
      el.name,
    ),
  );
  return undefined;
}

export interface DerivedItem {
  /** Present when the question is scored and its metadata is complete. */
  spec?: ItemSpec;
  /** Score of a gated failure (METHOD.md §3.2), when the scored question declares `scoreIfHidden`. */
  scoreIfHidden?: number;
  issues: LintIssue[];
}

/** `scoreIfHidden` must be a number in [0,1]; anything else is reported and ignored. */
function parseScoreIfHidden(el: WalkedElement, issues: LintIssue[]): number | undefined {
  const raw = own(el.json, 'scoreIfHidden');
  if (raw === undefined) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw <= 1) return raw;
  issues.push(
    issue(
      LintCode.BAD_SCORE_IF_HIDDEN,
      childPath(el.path, 'scoreIfHidden'),
      localized('"scoreIfHidden" debe ser un número entre 0 y 1.', '"scoreIfHidden" must be a number between 0 and 1.'),
      el.name,
    ),
  );
  return undefined;
}

/** The question's `component`, `weight` and `verifiable`, each checked (problems go to `issues`). */
function parseScoringProperties(
  el: WalkedElement,
  issues: LintIssue[],
): { component: unknown; weight: number; rawWeight: unknown; rawVerifiable: unknown } {
  const q = el.json;
  const component = own(q, 'component');
  const rawWeight = own(q, 'weight');
  const rawVerifiable = own(q, 'verifiable');
  if (component !== undefined && (typeof component !== 'string' || component === '')) {
    issues.push(
      issue(
        LintCode.BAD_PROPERTY,
        childPath(el.path, 'component'),
        localized('"component" debe ser un texto no vacío.', '"component" must be a non-empty string.'),
        el.name,
      ),
    );
  }
  let weight = 1;
  if (rawWeight !== undefined) {
    if (typeof rawWeight === 'number' && Number.isFinite(rawWeight) && rawWeight > 0) weight = rawWeight;
    else
      issues.push(
        issue(
          LintCode.BAD_WEIGHT,
          childPath(el.path, 'weight'),
          localized('"weight" debe ser un número mayor que 0.', '"weight" must be a number greater than 0.'),
          el.name,
        ),
      );
  }
  if (rawVerifiable !== undefined && typeof rawVerifiable !== 'boolean') {
    issues.push(
      issue(
        LintCode.BAD_PROPERTY,
        childPath(el.path, 'verifiable'),
        localized('"verifiable" debe ser booleano.', '"verifiable" must be a boolean.'),
        el.name,
      ),
    );
  }
  return { component, weight, rawWeight, rawVerifiable };
}

/** What scoring a question by its type needs: its element, choices, score range and the issue list. */
interface TypeScoringInput {
  el: WalkedElement;
  choices: ParsedChoice[];
  range: { min: number; max: number } | undefined;
  issues: LintIssue[];
}

/** `scoreRange` on a question that is neither numeric nor a rating is reported. */
function rangeOnlyForNumbers({ el, issues }: TypeScoringInput): void {
  if (own(el.json, 'scoreRange') !== undefined) {
    issues.push(
      issue(
        LintCode.BAD_SCORE_RANGE,
        childPath(el.path, 'scoreRange'),
        localized(
          '"scoreRange" solo aplica a preguntas numéricas y de escala (rating).',
          '"scoreRange" only applies to numeric and rating questions.',
        ),
        el.name,
      ),
    );
  }
}

function choiceScoring(input: TypeScoringInput): ItemScoring | undefined {
  const { el, choices, issues } = input;
  rangeOnlyForNumbers(input);
  const special = SPECIAL_ITEM_FLAGS.filter((f) => own(el.json, f) === true);
  if (special.length > 0) {
    issues.push(
      issue(
        LintCode.SPECIAL_ITEM_ON_SCORED,
        childPath(el.path, special[0] as string),
        localized(
          `Una pregunta puntuada no puede usar ${special.join(', ')}: esas opciones no tienen puntaje. Agregue opciones explícitas con "score" o "notApplicable".`,
          `A scored question cannot use ${special.join(', ')}: those items have no score. Add explicit choices with "score" or "notApplicable".`,
        ),
        el.name,
      ),
    );
  }
  if (choices.length === 0) {
    issues.push(
      issue(
        LintCode.MISSING_SCORE,
        childPath(el.path, 'choices'),
        localized('La pregunta puntuada no tiene opciones.', 'The scored question has no choices.'),
        el.name,
      ),
    );
  }
  const scores = scoreMap(el, choices, issues);
  if (!scores) return undefined;
  return MULTI_CHOICE_TYPES.has(el.type) ? { kind: 'multi', scores } : { kind: 'choices', scores };
}

function ratingScoring({ el, choices, range, issues }: TypeScoringInput): ItemScoring | undefined {
  if (range && choices.length > 0 && choices.some((c) => c.score !== undefined)) {
    issues.push(
      issue(
        LintCode.BAD_SCORE_RANGE,
        childPath(el.path, 'scoreRange'),
        localized(
          'Use "scoreRange" o puntajes en "rateValues", no ambos.',
          'Use either "scoreRange" or scores on "rateValues", not both.',
        ),
        el.name,
      ),
    );
    return undefined;
  }
  if (range) return { kind: 'range', ...range };
  if (choices.length > 0) {
    const scores = scoreMap(el, choices, issues);
    return scores ? { kind: 'choices', scores } : undefined;
  }
  return missingScore({ el, issues }, [
    'Una escala puntuada necesita "scoreRange" o "rateValues" con "score".',
    'A scored rating needs "scoreRange" or "rateValues" with "score".',
  ]);
}

/**
 * No way to score the question was given: reported, unless a `scoreRange` was (its own problem
 * was reported when it was parsed).
 */
function missingScore({ el, issues }: Pick<TypeScoringInput, 'el' | 'issues'>, why: LocalizedPair): undefined {
  if (own(el.json, 'scoreRange') === undefined) {
    issues.push(issue(LintCode.MISSING_SCORE, el.path, localized(why[0], why[1]), el.name));
  }
  return undefined;
}

function numericScoring({ el, range, issues }: TypeScoringInput): ItemScoring | undefined {
  if (range) return { kind: 'range', ...range };
  return missingScore({ el, issues }, [
    'Una pregunta numérica puntuada necesita "scoreRange": [mín, máx].',
    'A scored numeric question needs "scoreRange": [min, max].',
  ]);
}

/**
 * How a question with a component is scored, by its type; undefined when it cannot be (the reason is
 * in `issues`; an unscorable type is reported as UNSCORABLE_TYPE).
 */
function scoringByType(input: TypeScoringInput): ItemScoring | undefined {
  const { el, issues } = input;
  const unscorable = (why: LocalizedPair): undefined => {
    issues.push(issue(LintCode.UNSCORABLE_TYPE, el.path, localized(why[0], why[1]), el.name));
    return undefined;
  };
  if (el.type === 'boolean') {
    rangeOnlyForNumbers(input);
    if (own(el.json, 'valueTrue') !== undefined || own(el.json, 'valueFalse') !== undefined) {
      return unscorable([
        'Una pregunta sí/no puntuada no puede usar valueTrue/valueFalse: el puntaje lee true/false.',
        'A scored yes/no question cannot use valueTrue/valueFalse: scoring reads true/false.',
      ]);
    }
    return { kind: 'boolean' };
  }
  if (SINGLE_CHOICE_TYPES.has(el.type) || MULTI_CHOICE_TYPES.has(el.type)) return choiceScoring(input);
  if (el.type === 'rating') return ratingScoring(input);
  if (el.type === 'text' && NUMERIC_INPUT_TYPES.has(String(own(el.json, 'inputType')))) return numericScoring(input);
  return unscorable([
    `Una pregunta de tipo "${el.type}" no se puede puntuar (use sí/no, opciones, escala o número).`,
    `A "${el.type}" question cannot be scored (use yes/no, choices, rating or a number).`,
  ]);
}

/**
 * Derives the ItemSpec of a question. A question is scored iff it has a `component`; scoring
 * metadata without a component is reported, because it would otherwise be silently ignored.
 */
export function deriveItem(el: WalkedElement): DerivedItem {
  const issues: LintIssue[] = [];
  const q = el.json;
  const name = el.name ?? '';
  const isChoice = SINGLE_CHOICE_TYPES.has(el.type) || MULTI_CHOICE_TYPES.has(el.type);
  const choices = isChoice
    ? parseChoices(el, 'choices', issues)
    : el.type === 'rating'
      ? parseChoices(el, 'rateValues', issues)
      : [];
  const { component, weight, rawWeight, rawVerifiable } = parseScoringProperties(el, issues);
  const range = parseScoreRange(el, issues);
  const scoreIfHidden = parseScoreIfHidden(el, issues);

  const hasScoringMetadata =
    rawWeight !== undefined ||
    own(q, 'scoreIfHidden') !== undefined ||
    rawVerifiable === true ||
    own(q, 'scoreRange') !== undefined ||
    choices.some((c) => c.score !== undefined || c.notApplicable === true);
  if (typeof component !== 'string' || component === '') {
    if (component === undefined && hasScoringMetadata) {
      issues.push(
        issue(
          LintCode.MISSING_COMPONENT,
          el.path,
          localized(
            'La pregunta tiene metadatos de puntaje (weight, verifiable, scoreRange, scoreIfHidden o score) pero no "component".',
            'The question has scoring metadata (weight, verifiable, scoreRange, scoreIfHidden or score) but no "component".',
          ),
          el.name,
        ),
      );
    }
    return { issues };
  }

  const scoring = scoringByType({ el, choices, range, issues });
  if (!scoring || issues.length > 0) return { issues };
  const spec: ItemSpec = { name, component, weight, verifiable: rawVerifiable === true, scoring };
  return scoreIfHidden === undefined ? { spec, issues } : { spec, scoreIfHidden, issues };
}

type LocalizedPair = readonly [es: string, en: string];
