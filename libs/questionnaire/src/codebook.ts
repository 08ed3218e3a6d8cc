/**
 * Codebook of a round's microdata (issue #15): one variable per answerable question across every
 * questionnaire version the round used, with its titles (es/en), type, scoring and choices (value,
 * labels, score). Built from the raw JSON, tolerant like questionTitles: a broken element is skipped
 * rather than failing a download, because the versions were linted when they were stored.
 */
import { titleOf } from './extract';
import { deriveItem, parseChoices } from './scoring';
import { isRecord, own } from './types';
import type { LocalizedText } from './types';
import { MULTI_CHOICE_TYPES, questionsOf, walkQuestionnaire } from './walk';
import type { WalkedElement } from './walk';

export interface CodebookSource {
  /** Label of the version as analysts see it (the questionnaire's version number). */
  version: number;
  definition: unknown;
}

export interface CodebookChoice {
  value: string | number | boolean;
  label: LocalizedText;
  /** Score of the choice when the question is scored (null: not scored or not applicable). */
  score: number | null;
  notApplicable: boolean;
}

export interface CodebookVariable {
  /** Column name in the dataset: the SurveyJS question name. */
  name: string;
  title: LocalizedText;
  /** SurveyJS type; text questions with an input type read `text:number`, `text:date`, … */
  type: string;
  /** Several values in one cell (checkbox, tagbox): joined with MULTI_VALUE_SEPARATOR. */
  multiple: boolean;
  component: string | null;
  weight: number | null;
  verifiable: boolean;
  /** How the metric scores it, in words a codebook reader can use (null: not scored). */
  scoring: string | null;
  choices: CodebookChoice[];
  /** Versions that contain the question, ascending. */
  versions: number[];
  /** The question's definition differs between the versions that contain it (title, choices, scores…). */
  changedAcrossVersions: boolean;
}

/** Separator of the values of a multi-select answer in one CSV/XLSX cell. */
export const MULTI_VALUE_SEPARATOR = ';';

/** Stable text of a JSON value (object keys sorted), to compare definitions across versions. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Label of a choice: its `text` (localizable) or, for `value|text` shorthands, the text part. */
function choiceLabel(raw: unknown, value: string | number): LocalizedText {
  if (typeof raw === 'string') {
    const sep = raw.indexOf('|');
    const text = sep >= 0 ? raw.slice(sep + 1) : raw;
    return { es: text, en: text };
  }
  if (isRecord(raw) && own(raw, 'text') !== undefined) return titleOf({ title: own(raw, 'text') }, String(value));
  return { es: String(value), en: String(value) };
}

function typeOf(el: WalkedElement): string {
  const inputType = own(el.json, 'inputType');
  return el.type === 'text' && typeof inputType === 'string' && inputType !== '' && inputType !== 'text'
    ? `text:${inputType}`
    : el.type;
}

function choicesOf(el: WalkedElement, scores: Record<string, number | null> | null): CodebookChoice[] {
  if (el.type === 'boolean') {
    const label = (k: 'labelTrue' | 'labelFalse', es: string, en: string): LocalizedText => {
      const raw = own(el.json, k);
      return raw === undefined ? { es, en } : titleOf({ title: raw }, es);
    };
    const scored = scores !== null;
    return [
      { value: true, label: label('labelTrue', 'Sí', 'Yes'), score: scored ? 1 : null, notApplicable: false },
      { value: false, label: label('labelFalse', 'No', 'No'), score: scored ? 0 : null, notApplicable: false },
    ];
  }
  const prop = el.type === 'rating' ? 'rateValues' : 'choices';
  const raw = own(el.json, prop);
  if (!Array.isArray(raw)) return [];
  const parsed = parseChoices(el, prop, []);
  return parsed.map((c) => {
    const index = Number(c.path.slice(c.path.lastIndexOf('[') + 1, -1));
    const score = scores && Object.prototype.hasOwnProperty.call(scores, c.key) ? scores[c.key] : null;
    return { value: c.value, label: choiceLabel(raw[index], c.value), score, notApplicable: c.notApplicable === true };
  });
}

interface Described {
  variable: Omit<CodebookVariable, 'versions' | 'changedAcrossVersions'>;
  fingerprint: string;
}

function describe(el: WalkedElement & { name: string }): Described {
  const { spec } = deriveItem(el);
  const s = spec?.scoring;
  const scores = s && (s.kind === 'choices' || s.kind === 'multi') ? s.scores : s?.kind === 'boolean' ? {} : null;
  let scoring: string | null = null;
  if (s?.kind === 'boolean') scoring = 'true=1, false=0';
  else if (s?.kind === 'range') scoring = `linear ${s.min}→0 … ${s.max}→1, clipped`;
  else if (s?.kind === 'choices') scoring = 'score of the chosen value';
  else if (s?.kind === 'multi') scoring = 'sum of the chosen values’ scores, clipped to 1';
  return {
    variable: {
      name: el.name,
      title: titleOf(el.json, el.name),
      type: typeOf(el),
      multiple: MULTI_CHOICE_TYPES.has(el.type),
      component: spec?.component ?? null,
      weight: spec ? spec.weight : null,
      verifiable: spec?.verifiable ?? false,
      scoring,
      choices: choicesOf(el, scores),
    },
    fingerprint: stable(el.json),
  };
}

/**
 * Variables of the given questionnaire versions in the newest version's order; a question only
 * older versions have comes right after the question it followed there. Titles, type and choices
 * are the newest version's that has the question; `versions` says where it exists and
 * `changedAcrossVersions` flags a definition that changed.
 */
export function buildCodebook(sources: readonly CodebookSource[]): CodebookVariable[] {
  const newestFirst = [...sources].sort((a, b) => b.version - a.version);
  const byName = new Map<string, { described: Described; versions: number[]; fingerprints: Set<string> }>();
  const order: string[] = [];
  for (const source of newestFirst) {
    let previous: string | null = null;
    for (const el of questionsOf(walkQuestionnaire(source.definition))) {
      if (el.name === undefined) continue;
      const described = describe({ ...el, name: el.name });
      const entry = byName.get(el.name);
      if (entry) {
        if (!entry.versions.includes(source.version)) entry.versions.push(source.version);
        entry.fingerprints.add(described.fingerprint);
      } else {
        byName.set(el.name, { described, versions: [source.version], fingerprints: new Set([described.fingerprint]) });
        order.splice(previous === null ? 0 : order.indexOf(previous) + 1, 0, el.name);
      }
      previous = el.name;
    }
  }
  return order.map((name) => {
    const e = byName.get(name) as { described: Described; versions: number[]; fingerprints: Set<string> };
    return {
      ...e.described.variable,
      versions: [...e.versions].sort((a, b) => a - b),
      changedAcrossVersions: e.fingerprints.size > 1,
    };
  });
}

/** Cell value of an answer: numbers and booleans as they are, multi-select values joined, anything else as JSON. */
export function answerCell(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join(MULTI_VALUE_SEPARATOR);
  return JSON.stringify(value);
}
