import { Logger } from '@nestjs/common';
import { CompiledValidatorCache, SubmissionCode } from '@apertura/questionnaire';
import type { CompiledValidator, SubmissionIssue, SubmissionResult, SurveyJson } from '@apertura/questionnaire';
import type { JsonObject } from '@apertura/db';
import type { DomainError } from '../common/domain-error';
import { ResponseErrors } from './responses.errors';

/** Answers as libs/questionnaire accepted them: only known, type-checked, visible keys. */
export interface CleanSubmission {
  data: JsonObject;
  cleared: string[];
}

/** The question an issue is about: its question, else the payload key in its path (`$.foo` → foo). */
export function issueField(issue: SubmissionIssue): string | undefined {
  if (issue.question) return issue.question;
  const m = issue.path ? /^\$\.([^.[\]]+)/.exec(issue.path) : null;
  return m ? m[1] : undefined;
}

export function submissionInvalid(issues: readonly SubmissionIssue[]): DomainError {
  const first = issues[0];
  return ResponseErrors.submissionInvalid(issues, first ? issueField(first) : undefined);
}

const logger = new Logger('Submissions');
/**
 * Compiled validators of the questionnaire versions in use (a round has one institution and one
 * citizen version; a handful of rounds are open at once). A stored version never changes — its
 * checksum is part of the key anyway — so entries never go stale; the bound only caps memory: an
 * entry keeps its compile-time Model, ≈ 4.4 MB for a 150-item questionnaire, so ≤ ≈ 70 MB.
 */
const validators = new CompiledValidatorCache(16, (line) => logger.warn(line));

/**
 * The compiled validator of a questionnaire version; its definition is read (through `load`) only
 * the first time, so a request does not fetch and parse a definition it does not need.
 */
export function validatorFor(
  questionnaireId: string,
  checksum: string,
  load: () => Promise<JsonObject>,
): Promise<CompiledValidator> {
  return validators.load(`${questionnaireId}:${checksum}`, async () => (await load()) as SurveyJson);
}

/**
 * Validates answers against the round's questionnaire and returns the cleaned data to store, or
 * throws SUBMISSION_INVALID with every issue. `draft` skips required-ness only; `final` is complete.
 * Web addresses typed without a scheme (`www.toluca.gob.mx/…`) are completed with https:// first.
 */
export async function cleanSubmission(
  validator: CompiledValidator,
  data: unknown,
  mode: 'draft' | 'final',
): Promise<CleanSubmission> {
  const result: SubmissionResult = await validator.validate(normalizeUrls(validator.definition as JsonObject, data), {
    mode,
  });
  if (!result.ok) throw submissionInvalid(result.errors);
  return { data: result.data as JsonObject, cleared: [...result.cleared] };
}

/**
 * Issues that mean a broken or hostile client rather than a person's typing: a draft carrying one
 * is refused whole. Everything else (a value outside a range, a malformed address, a text too long)
 * is a person's answer in progress: the draft keeps every other answer and reports these per question.
 */
const STRUCTURAL: ReadonlySet<SubmissionCode> = new Set<SubmissionCode>([
  SubmissionCode.NOT_OBJECT,
  SubmissionCode.NOT_JSON,
  SubmissionCode.TOO_LARGE,
  SubmissionCode.TOO_DEEP,
  SubmissionCode.FORBIDDEN_KEY,
  SubmissionCode.UNKNOWN_KEY,
  SubmissionCode.WRONG_TYPE,
]);

export interface DraftSubmission {
  /** Accepted answers only: what is stored. */
  data: JsonObject;
  /** Answers left out, each with its question and a message naming the question's title. */
  issues: SubmissionIssue[];
  /** Addresses completed with https://, by question (the client shows the stored form). */
  normalized: Record<string, string>;
}

/** Draft autosave: keeps every valid answer; throws SUBMISSION_INVALID only for structural problems. */
export async function cleanDraft(validator: CompiledValidator, data: unknown): Promise<DraftSubmission> {
  const input = normalizeUrls(validator.definition as JsonObject, data);
  const result: SubmissionResult = await validator.validate(input, { mode: 'draft' });
  const structural = result.errors.filter((e) => STRUCTURAL.has(e.code) || !issueField(e));
  if (structural.length > 0) throw submissionInvalid(structural);
  // survey-core's validators (range, pattern…) leave their answer in `data`; a draft stores only valid ones.
  const invalid = new Set(result.errors.map(issueField));
  const kept = Object.fromEntries(Object.entries(result.data).filter(([k]) => !invalid.has(k))) as JsonObject;
  const normalized: Record<string, string> = {};
  if (isRecord(data) && isRecord(input)) {
    for (const [k, v] of Object.entries(input))
      if (typeof v === 'string' && data[k] !== v && kept[k] === v) normalized[k] = v;
  }
  return { data: kept, issues: result.errors, normalized };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A host name with at least one dot and an optional path, e.g. `www.toluca.gob.mx/transparencia`. */
const BARE_ADDRESS =
  /^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/**
 * Completes web addresses typed without a scheme in URL questions (`inputType: "url"`): people
 * copy addresses as browsers display them, and the questionnaire's own check wants https://.
 * Only the answers of URL questions change; anything else is returned as given.
 */
export function normalizeUrls(definition: JsonObject, data: unknown): unknown {
  if (!isRecord(data)) return data;
  const urls = urlQuestionNames(definition);
  let out: Record<string, unknown> | null = null;
  for (const name of urls) {
    if (!Object.prototype.hasOwnProperty.call(data, name)) continue;
    const v = data[name];
    if (typeof v !== 'string') continue;
    const trimmed = v.trim();
    const fixed = /^https?:\/\//i.test(trimmed) || !BARE_ADDRESS.test(trimmed) ? trimmed : `https://${trimmed}`;
    if (fixed === v) continue;
    out ??= { ...data };
    out[name] = fixed;
  }
  return out ?? data;
}

const urlCache = new WeakMap<object, Set<string>>();
function urlQuestionNames(definition: JsonObject): Set<string> {
  const cached = urlCache.get(definition);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isRecord(v)) {
      if (v.type === 'text' && v.inputType === 'url' && typeof v.name === 'string') names.add(v.name);
      for (const k of ['pages', 'elements', 'templateElements']) if (k in v) visit(v[k]);
    }
  };
  visit(definition);
  urlCache.set(definition, names);
  return names;
}

/**
 * The folio an institution quotes about one submitted version: the response id's first eight
 * characters and the version (A1B2C3D4-v2). With the submission time it identifies the version.
 */
export function submissionFolio(responseId: string, version: number): string {
  return `${responseId.replace(/-/g, '').slice(0, 8).toUpperCase()}-v${version}`;
}
