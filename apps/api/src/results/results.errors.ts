import { DomainError } from '../common/domain-error';

/** Errors of result queries and live results (Spanish first). */
export const ResultErrors = {
  /** §9: rankings exist for validated indicators only. */
  indicatorNotRanked: (indicator: string): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: `Solo se ordenan en un ranking valores validados por la ciudadanía (I, T, P, TC, PC); ${indicator} no tiene ranking.`,
        en: `Only citizen-validated values (I, T, P, TC, PC) are ranked; ${indicator} has no ranking.`,
      },
      'indicator',
    ),
  rankingScope: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: 'Los rankings existen para municipios y estados, con la media sobre sujetos obligados (aggregation=unweighted).',
        en: 'Rankings exist for municipalities and states, with the mean over obliged subjects (aggregation=unweighted).',
      },
      'ranking',
    ),
  tooManyStreamsPerClient: (): DomainError =>
    new DomainError('RATE_LIMITED', {
      es: 'Demasiadas páginas de resultados en vivo abiertas desde esta conexión; cierre alguna.',
      en: 'Too many live results pages open from this connection; close some.',
    }),
  streamsUnavailable: (): DomainError =>
    new DomainError('SERVICE_UNAVAILABLE', {
      es: 'Las actualizaciones en vivo no están disponibles por ahora; recargue la página para ver datos nuevos.',
      en: 'Live updates are unavailable right now; reload the page to see new data.',
    }),
  invalidLastEventId: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: 'Last-Event-ID no es un identificador de evento válido.', en: 'Last-Event-ID is not a valid event id.' },
      'lastEventId',
    ),
  /** A trend's key that does not have its scope's shape (`shape` words it). */
  invalidTrendKey: (shape: { es: string; en: string }): DomainError =>
    new DomainError('VALIDATION_FAILED', { es: `key debe ser ${shape.es}.`, en: `key must be ${shape.en}.` }, 'key'),
  trendSubject: (field: 'guarantor' | 'round'): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: 'Indica el organismo operador (guarantor) o una ronda publicada (round), no ambos.',
        en: 'Give the guarantor (guarantor) or a published round (round), not both.',
      },
      field,
    ),
} as const;
