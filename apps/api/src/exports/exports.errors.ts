import { DomainError } from '../common/domain-error';

/** Errors of downloads (Spanish first). */
export const ExportErrors = {
  tooManyDownloads: (): DomainError =>
    new DomainError('SERVICE_UNAVAILABLE', {
      es: 'Hay demasiadas descargas en curso; intente de nuevo en un momento.',
      en: 'Too many downloads in progress; try again in a moment.',
    }),
} as const;
