import { DomainError } from '../common/domain-error';

/** Errors of due process (right of reply) and of the no-steering rules (Spanish first). */
export const DueProcessErrors = {
  conflictReasonRequired: (index: number): DomainError =>
    new DomainError(
      'CONFLICT_REASON_REQUIRED',
      {
        es: 'Cada conflicto de interés debe indicar el motivo (por ejemplo, «trabajo en esta institución»).',
        en: 'Every conflict of interest must state its reason (e.g. "I work at this institution").',
      },
      `conflicts[${index}].reason`,
    ),
  tooManyConflicts: (roundName: string, declared: number, max: number): DomainError =>
    new DomainError(
      'TOO_MANY_CONFLICTS',
      {
        es: `Declaró ${declared} conflictos de interés entre las instituciones de la ronda «${roundName}»; el máximo es ${max}. Si de verdad tiene más, escriba a la persona garante.`,
        en: `You declared ${declared} conflicts of interest among the institutions of round "${roundName}"; the maximum is ${max}. If you truly have more, write to the guarantor.`,
      },
      'conflicts',
      { declared, max },
    ),
  replyWindowClosed: (deadline: Date): DomainError =>
    new DomainError(
      'REPLY_WINDOW_CLOSED',
      {
        es: `El plazo para impugnar esta refutación venció el ${deadline.toISOString()}.`,
        en: `The deadline to dispute this refutation passed on ${deadline.toISOString()}.`,
      },
      'verdictId',
      { deadline: deadline.toISOString() },
    ),
  disputeExists: (): DomainError =>
    new DomainError(
      'DISPUTE_EXISTS',
      {
        es: 'Ya impugnó esta refutación; la persona garante la revisará.',
        en: 'You already disputed this refutation; the guarantor will review it.',
      },
      'verdictId',
    ),
  disputeDecided: (): DomainError =>
    new DomainError(
      'DISPUTE_DECIDED',
      { es: 'Esta impugnación ya fue resuelta.', en: 'This dispute has already been decided.' },
      'disputeId',
    ),
  settingsLocked: (): DomainError =>
    new DomainError('ROUND_NOT_DRAFT', {
      es: 'El plazo de réplica y el máximo de conflictos solo se cambian mientras la ronda es borrador.',
      en: 'The reply window and the conflict limit can only change while the round is a draft.',
    }),
} as const;
