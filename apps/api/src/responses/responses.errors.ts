import type { SubmissionIssue } from '@apertura/questionnaire';
import { DomainError } from '../common/domain-error';

/** Errors of institutions' responses (Spanish first). */
export const ResponseErrors = {
  /** 422 with every issue; the first one words it, and `field` is the question it is about. */
  submissionInvalid: (issues: readonly SubmissionIssue[], field: string | undefined): DomainError => {
    const first = issues[0];
    const count = issues.length;
    return new DomainError(
      'SUBMISSION_INVALID',
      {
        es: `Las respuestas no son válidas (${count} ${count === 1 ? 'problema' : 'problemas'}): ${first?.message.es ?? ''}`.trim(),
        en: `The answers are not valid (${count} ${count === 1 ? 'issue' : 'issues'}): ${first?.message.en ?? ''}`.trim(),
      },
      field,
      { issues },
    );
  },
  idempotencyMismatch: (): DomainError =>
    new DomainError(
      'IDEMPOTENCY_MISMATCH',
      {
        es: 'Esta clave de envío ya se usó con otras respuestas. Genere una clave nueva para un envío distinto.',
        en: 'This submission key was already used with different answers. Use a new key for a different submission.',
      },
      'idempotencyKey',
    ),
  versionLimitReached: (max: number): DomainError =>
    new DomainError(
      'VERSION_LIMIT_REACHED',
      {
        es: `Ya envió ${max} versiones en esta ronda, el máximo permitido. Si necesita corregir algo más, comuníquese con el organismo que opera la ronda.`,
        en: `You have already submitted ${max} versions in this round, the maximum allowed. To correct anything else, contact the body that runs the round.`,
      },
      undefined,
      { max },
    ),
} as const;
