import { forwardRef } from 'react';
import type { Model } from 'survey-core';
import { useT, type Bilingual } from './i18n';

/** One problem of a 422 SUBMISSION_INVALID (`details.issues`). */
export interface SubmissionIssue {
  question: string;
  message: Bilingual;
}

/** The issues of a 422 SUBMISSION_INVALID, tolerant of a missing or partial `details`. */
export function parseIssues(details: unknown): SubmissionIssue[] {
  if (typeof details !== 'object' || details === null) return [];
  const issues = (details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { question, message } = i as { question?: unknown; message?: unknown };
    if (typeof question !== 'string') return [];
    const m = typeof message === 'string' ? { es: message, en: message } : (message as Bilingual | undefined);
    return [{ question, message: m && typeof m.es === 'string' ? m : { es: '', en: '' } }];
  });
}

/** Shows each issue on its question (going to the page of the first one). */
export function applyIssues(model: Model, issues: SubmissionIssue[], text: (issue: SubmissionIssue) => string): void {
  const located = issues.map((issue) => ({ issue, question: model.getQuestionByName(issue.question) }));
  const first = located.find((l) => l.question);
  if (first?.question?.page && model.currentPage !== first.question.page) model.currentPage = first.question.page;
  for (const { issue, question } of located) question?.addError(text(issue));
}

export function goToQuestion(model: Model, name: string, message: string): void {
  const q = model.getQuestionByName(name);
  if (!q) return;
  if (q.page && model.currentPage !== q.page) model.currentPage = q.page;
  if (!q.errors.length) q.addError(message);
  model.focusQuestion(name);
}

/** A focusable summary of server-side problems, each linking to its question. */
export const IssueSummary = forwardRef<HTMLDivElement, { model: Model; issues: SubmissionIssue[] }>(
  function IssueSummary({ model, issues }, ref) {
    const { t, pick } = useT();
    if (!issues.length) return null;
    return (
      <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
        <p className="alert-title">{t('survey.issuesTitle', { count: issues.length })}</p>
        <ul className="issue-list">
          {issues.map((issue, i) => {
            const q = model.getQuestionByName(issue.question);
            const message = pick(issue.message) || t('survey.invalidAnswer');
            return (
              <li key={`${issue.question}-${i}`}>
                {q ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => goToQuestion(model, issue.question, message)}
                  >
                    {q.title || issue.question}
                  </button>
                ) : (
                  <span>{issue.question}</span>
                )}
                : {message}
              </li>
            );
          })}
        </ul>
      </div>
    );
  },
);
