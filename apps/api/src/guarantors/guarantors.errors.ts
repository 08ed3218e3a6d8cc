import { DomainError } from '../common/domain-error';

/** Errors of creating a guarantor (Spanish first). */
export const GuarantorErrors = {
  invalidSlug: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: 'Clave no válida (minúsculas, dígitos y guiones).', en: 'Invalid slug (lower case, digits, hyphens).' },
      'slug',
    ),
  adminPasswordTooShort: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: 'La contraseña debe tener al menos 12 caracteres.',
        en: 'The password must have at least 12 characters.',
      },
      'adminPassword',
    ),
  slugTaken: (): DomainError =>
    new DomainError(
      'CONFLICT',
      { es: 'Ya existe un órgano garante con esa clave.', en: 'A guarantor with that slug already exists.' },
      'slug',
    ),
} as const;
