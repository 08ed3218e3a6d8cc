/**
 * Synthetic answers generated FROM a questionnaire (SurveyJS JSON), not hard-coded: every scored
 * item is answered according to an "openness propensity" so institutions differ realistically,
 * unscored required fields are filled with plausible, clearly fake values, and the result is run
 * through the server's own validateSubmission in final mode. Answers to questions that end up
 * hidden by the questionnaire's logic are cleared by that validation, exactly as for a real
 * submission.
 */
import { validateSubmission } from '@apertura/questionnaire';
import type { SurveyJson } from '@apertura/questionnaire';
import { clamp01, Random } from './random';

type Json = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export interface AnswerProfile {
  /** 0–1: how open the answers look; drives every scored item (with per-item noise). */
  propensity: number;
  /** Host-like slug for generated URLs and e-mail addresses (always under the reserved .invalid TLD). */
  slug: string;
  /** Text for free-text and comment answers; says the data is synthetic. */
  note: string;
}

interface Choice {
  value: unknown;
  score?: number;
  notApplicable: boolean;
  exclusive: boolean;
}

function choicesOf(q: Json, key = 'choices'): Choice[] {
  const raw = q[key];
  if (!Array.isArray(raw)) return [];
  return raw.map((c: unknown) =>
    isRecord(c)
      ? {
          value: c.value,
          score: num(c.score),
          notApplicable: c.notApplicable === true,
          exclusive: c.isExclusive === true,
        }
      : { value: c, notApplicable: false, exclusive: false },
  );
}

/** Questions in document order, through pages and (nested) panels. */
export function questionsOf(json: SurveyJson): Json[] {
  const out: Json[] = [];
  const walk = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const el of elements) {
      if (!isRecord(el)) continue;
      if (el.type === 'panel') walk(el.elements);
      else if (typeof el.name === 'string') out.push(el);
    }
  };
  const pages = json.pages;
  if (Array.isArray(pages)) for (const p of pages) if (isRecord(p)) walk(p.elements);
  return out;
}

const isScored = (q: Json): boolean => typeof q.component === 'string';

/** The item's own target score: the profile's propensity plus noise, in [0, 1]. */
const target = (rng: Random, p: AnswerProfile): number => clamp01(p.propensity + rng.normal(0, 0.18));

function nearestByScore(choices: Choice[], t: number): Choice | undefined {
  let best: Choice | undefined;
  for (const c of choices) {
    if (c.score === undefined) continue;
    if (!best || Math.abs(c.score - t) < Math.abs((best.score ?? 0) - t)) best = c;
  }
  return best;
}

function single(q: Json, rng: Random, p: AnswerProfile): unknown {
  const choices = choicesOf(q);
  if (choices.length === 0) return undefined;
  if (!isScored(q)) return rng.pick(choices).value;
  const na = choices.filter((c) => c.notApplicable);
  if (na.length && rng.chance(0.05)) return rng.pick(na).value;
  return (nearestByScore(choices, target(rng, p)) ?? rng.pick(choices)).value;
}

function multiple(q: Json, rng: Random, p: AnswerProfile): unknown[] {
  const choices = choicesOf(q);
  const regular = choices.filter((c) => !c.exclusive && !c.notApplicable);
  const exclusive = choices.filter((c) => c.exclusive);
  const pIn = isScored(q) ? clamp01(target(rng, p), 0.05, 0.95) : 0.8;
  const chosen = regular.filter(() => rng.chance(pIn)).map((c) => c.value);
  if (chosen.length > 0) return chosen;
  if (exclusive.length) return [rng.pick(exclusive).value];
  return regular.length ? [rng.pick(regular).value] : [];
}

/** A value in [a, b] mapped from a target score (a > b means lower is better), with a little jitter. */
function fromScoreRange(range: unknown, t: number, rng: Random): number | undefined {
  if (!Array.isArray(range) || range.length !== 2) return undefined;
  const [a, b] = range.map(num);
  if (a === undefined || b === undefined) return undefined;
  return a + clamp01(t + rng.normal(0, 0.05)) * (b - a);
}

function rating(q: Json, rng: Random, p: AnswerProfile): unknown {
  const rateValues = choicesOf(q, 'rateValues');
  if (rateValues.length) {
    return isScored(q) && rateValues.some((c) => c.score !== undefined)
      ? (nearestByScore(rateValues, target(rng, p)) ?? rng.pick(rateValues)).value
      : rng.pick(rateValues).value;
  }
  const min = num(q.rateMin) ?? 1;
  const max = num(q.rateMax) ?? 5;
  const step = num(q.rateStep) ?? 1;
  const wanted = isScored(q) ? fromScoreRange(q.scoreRange, target(rng, p), rng) : undefined;
  const raw = wanted ?? min + rng.uniform() * (max - min);
  return Math.min(max, Math.max(min, min + Math.round((raw - min) / step) * step));
}

function number(q: Json, rng: Random, p: AnswerProfile): number {
  const min = num(q.min);
  const max = num(q.max);
  const wanted = isScored(q) ? fromScoreRange(q.scoreRange, target(rng, p), rng) : undefined;
  const lo = min ?? 0;
  const raw = wanted ?? lo + rng.uniform() * Math.min(10, (max ?? lo + 10) - lo);
  return Math.round(Math.min(max ?? Infinity, Math.max(min ?? -Infinity, raw)));
}

function regexesOf(q: Json): RegExp[] {
  const v = q.validators;
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is Json => isRecord(x) && x.type === 'regex' && typeof x.regex === 'string')
    .map((x) => new RegExp(x.regex as string));
}

function text(q: Json, rng: Random, p: AnswerProfile): unknown {
  const name = q.name as string;
  const inputType = typeof q.inputType === 'string' ? q.inputType : 'text';
  if (inputType === 'number' || inputType === 'range') return number(q, rng, p);
  if (inputType === 'url' || typeof q.evidenceFor === 'string')
    return `https://${p.slug}.demo.invalid/${name.replace(/_/g, '-')}`;
  if (inputType === 'email') return `transparencia@${p.slug}.demo.invalid`;
  if (inputType === 'date')
    return `2026-${String(rng.int(2, 6)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const maxLength = num(q.maxLength);
  const candidates = [
    p.note,
    `${rng.int(1000, 9999)}${rng.int(10000000000, 99999999999)}`,
    `DEMO-${rng.int(1000, 9999)}`,
  ];
  const regexes = regexesOf(q);
  const fit = candidates
    .map((c) => (maxLength !== undefined ? c.slice(0, maxLength) : c))
    .find((c) => regexes.every((r) => r.test(c)));
  return fit;
}

/** One raw answer set: every question answered (hidden ones are cleared by validation). */
export function draftAnswers(json: SurveyJson, rng: Random, profile: AnswerProfile): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const q of questionsOf(json)) {
    const name = q.name as string;
    let value: unknown;
    switch (q.type) {
      case 'boolean': {
        const yes = isScored(q) ? rng.chance(target(rng, profile)) : rng.chance(0.7);
        value = yes ? (q.valueTrue ?? true) : (q.valueFalse ?? false);
        break;
      }
      case 'radiogroup':
      case 'dropdown':
        value = single(q, rng, profile);
        break;
      case 'checkbox':
      case 'tagbox':
        value = multiple(q, rng, profile);
        break;
      case 'rating':
        value = rating(q, rng, profile);
        break;
      case 'text':
        value = text(q, rng, profile);
        break;
      case 'comment': {
        const maxLength = num(q.maxLength);
        value = maxLength !== undefined ? profile.note.slice(0, maxLength) : profile.note;
        break;
      }
      default:
        value = undefined;
    }
    if (value !== undefined) data[name] = value;
  }
  return data;
}

export class InvalidGeneratedAnswers extends Error {
  constructor(readonly issues: unknown) {
    super(`generated answers do not pass validateSubmission: ${JSON.stringify(issues)}`);
  }
}

/** Answers that pass the server's final validation, as they would be stored (cleaned data). */
export async function validAnswers(
  json: SurveyJson,
  rng: Random,
  profile: AnswerProfile,
): Promise<{ data: Record<string, unknown>; cleared: string[] }> {
  const result = await validateSubmission(json, draftAnswers(json, rng, profile), { mode: 'final' });
  if (!result.ok) throw new InvalidGeneratedAnswers(result.errors);
  return { data: result.data, cleared: result.cleared };
}
