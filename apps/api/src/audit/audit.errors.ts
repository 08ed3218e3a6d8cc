import { DomainError } from '../common/domain-error';

/** Errors of the audit trail's queries (Spanish first). */
export const AuditErrors = {
  rangeInverted: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: '«from» debe ser anterior a «to».', en: "'from' must not be after 'to'." },
      'from',
    ),
} as const;
