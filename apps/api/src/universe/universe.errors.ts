import { DomainError } from '../common/domain-error';
import type { UniverseInvalidReport } from '@apertura/geo';

/** Errors of universe imports (Spanish first). */
export const UniverseErrors = {
  /** A CSV with row problems (universeInvalidReport words it). */
  invalid: (report: UniverseInvalidReport): DomainError =>
    new DomainError('UNIVERSE_INVALID', report.messages, report.field, report.details),
  largeFileEncoding: (): DomainError =>
    new DomainError('UNSUPPORTED_MEDIA_TYPE', {
      es: 'Envíe los archivos grandes como text/csv en UTF-8, sin compresión.',
      en: 'Send large files as uncompressed UTF-8 text/csv.',
    }),
  jsonBodyShape: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: 'Envíe el archivo como text/csv o como JSON { "csv": "…" } sin otros campos.',
        en: 'Send the file as text/csv or as JSON { "csv": "…" } with no other fields.',
      },
      'csv',
    ),
  contentType: (): DomainError =>
    new DomainError('UNSUPPORTED_MEDIA_TYPE', {
      es: 'Envíe el archivo con Content-Type text/csv (o JSON { "csv": "…" }).',
      en: 'Send the file with Content-Type text/csv (or JSON { "csv": "…" }).',
    }),
} as const;
