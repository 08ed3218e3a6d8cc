import { Logger } from '@nestjs/common';
import { Model } from 'survey-core';
import { CompiledValidatorCache, registerAperturaProperties } from '@apertura/questionnaire';
import type { CompiledValidator, SubmissionIssue, SubmissionResult, SurveyJson } from '@apertura/questionnaire';
import type { JsonObject } from '@apertura/db';
import { DomainError } from '../common/domain-error';

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
  const count = issues.length;
  return new DomainError(
    'SUBMISSION_INVALID',
    {
      es: `Las respuestas no son válidas (${count} ${count === 1 ? 'problema' : 'problemas'}): ${first?.message.es ?? ''}`.trim(),
      en: `The answers are not valid (${count} ${count === 1 ? 'issue' : 'issues'}): ${first?.message.en ?? ''}`.trim(),
    },
    first ? issueField(first) : undefined,
    { issues },
  );
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
export function validatorFor(questionnaireId: string, checksum: string, load: () => Promise<JsonObject>): Promise<CompiledValidator> {
  return validators.load(`${questionnaireId}:${checksum}`, async () => (await load()) as SurveyJson);
}

/**
 * Validates answers against the round's questionnaire and returns the cleaned data to store, or
 * throws SUBMISSION_INVALID with every issue. `draft` skips required-ness only; `final` is complete.
 */
export async function cleanSubmission(validator: CompiledValidator, data: unknown, mode: 'draft' | 'final'): Promise<CleanSubmission> {
  const result: SubmissionResult = await validator.validate(data, { mode });
  if (!result.ok) throw submissionInvalid(result.errors);
  return { data: result.data as JsonObject, cleared: [...result.cleared] };
}

const DISPLAY_ONLY = new Set(['html', 'image', 'expression']);

/** Names of the questions a respondent can answer (evidence is attached to one of them). */
export function answerableQuestionNames(definition: JsonObject): Set<string> {
  registerAperturaProperties();
  const model = new Model(definition);
  try {
    return new Set(model.getAllQuestions(false, false, true).filter((q) => !DISPLAY_ONLY.has(q.getType())).map((q) => q.name));
  } finally {
    model.dispose();
  }
}
