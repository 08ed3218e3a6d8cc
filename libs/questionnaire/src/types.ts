/**
 * Shared types of the questionnaire adapter. Kept free of survey-core imports so that
 * consumers (API DTOs, the browser app) can use them without loading the survey engine.
 */

/** A text in both languages of the product: Spanish first (the respondents' language), English second. */
export interface LocalizedText {
  es: string;
  en: string;
}

/** Which round instrument a questionnaire is: the institution self-report or a citizen report. */
export type QuestionnaireKind = 'institution' | 'citizen';

/** A SurveyJS questionnaire definition (already parsed JSON). Readonly: the adapter never mutates it. */
export type SurveyJson = Readonly<Record<string, unknown>>;

/** A plain JSON object as seen after `JSON.parse`. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Narrowing helper used everywhere input is `unknown`: a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property read that never walks the prototype chain (inputs are untrusted). */
export function own(obj: JsonRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * Keys that must never be used as question names, choice values or payload keys: assigning them
 * on a plain object changes its prototype (prototype pollution) or shadows built-ins.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function localized(es: string, en: string): LocalizedText {
  return { es, en };
}
