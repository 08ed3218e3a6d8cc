/**
 * From questionnaire JSON to what libs/metric consumes: the scored items (ItemSpec), the claims
 * citizens can verify, and the scored answers of one submission.
 */
import type { ComponentCode, ItemSpec, ScoredAnswer } from '@apertura/metric';
import { QuestionnaireError } from './issues';
import type { LintIssue } from './issues';
import { compileScoring } from './gates';
import { deriveItem } from './scoring';
import { isRecord, own } from './types';
import type { LocalizedText } from './types';
import { questionsOf, walkQuestionnaire } from './walk';
import type { WalkedElement } from './walk';

/**
 * Scored items in questionnaire order. Throws QuestionnaireError instead of guessing when the
 * structure or a question's scoring metadata is broken (lint the questionnaire first).
 */
export function extractScoredItems(json: unknown): ItemSpec[] {
  return scoredQuestions(json).map((s) => s.spec);
}

function scoredQuestions(json: unknown): Array<{ spec: ItemSpec; el: WalkedElement }> {
  const walk = walkQuestionnaire(json);
  if (walk.issues.length > 0) throw new QuestionnaireError(walk.issues);
  const problems: LintIssue[] = [];
  const out: Array<{ spec: ItemSpec; el: WalkedElement }> = [];
  for (const el of questionsOf(walk)) {
    const { spec, issues } = deriveItem(el);
    problems.push(...issues);
    if (spec) out.push({ spec, el });
  }
  if (problems.length > 0) throw new QuestionnaireError(problems);
  return out;
}

export interface VerifiableItem {
  name: string;
  component: ComponentCode;
  title: LocalizedText;
  /** The question where the institution gives the evidence URL, if the questionnaire has one. */
  evidenceQuestion?: string;
}

/** Claims citizens are asked to confirm or refute, with bilingual titles for assignment pages. */
export function verifiableItems(json: unknown): VerifiableItem[] {
  const scored = scoredQuestions(json);
  const evidence = new Map<string, string>();
  for (const el of questionsOf(walkQuestionnaire(json))) {
    const target = own(el.json, 'evidenceFor');
    if (typeof target === 'string' && el.name && !evidence.has(target)) evidence.set(target, el.name);
  }
  return scored
    .filter((s) => s.spec.verifiable)
    .map(({ spec, el }) => {
      const item: VerifiableItem = { name: spec.name, component: spec.component, title: titleOf(el.json, spec.name) };
      const ev = evidence.get(spec.name);
      if (ev !== undefined) item.evidenceQuestion = ev;
      return item;
    });
}

/**
 * Title in both languages from a SurveyJS localizable string: `default` holds Spanish in
 * Apertura's instruments (see setAperturaDefaultLocale); a missing translation falls back to the
 * other language, then to the question name.
 */
export function titleOf(question: Readonly<Record<string, unknown>>, fallback: string): LocalizedText {
  const t = own(question, 'title');
  if (typeof t === 'string') return { es: t, en: t };
  if (!isRecord(t)) return { es: fallback, en: fallback };
  const pick = (k: string): string | undefined => {
    const v = own(t, k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const es = pick('es') ?? pick('default') ?? pick('en') ?? fallback;
  const en = pick('en') ?? pick('default') ?? es;
  return { es, en };
}

/**
 * Scores of one submission (METHOD.md §3.2) that went through validateSubmission (answers of
 * hidden questions cleared): answered items as scored, gated failures (`scoreIfHidden`) at their
 * declared score; unanswered or not-applicable items are left out, never scored 0. Compiles the questionnaire on every call: to score many submissions of one
 * version, compile once with compileScoring and call its `score`.
 */
export function scoredAnswers(json: unknown, data: Readonly<Record<string, unknown>>): ScoredAnswer[] {
  return compileScoring(json).score(data);
}
