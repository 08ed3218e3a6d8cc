import { DomainError } from './domain-error';

/** Errors of a request's shape, size, rate and credentials, raised before any feature sees it (Spanish first). */
export const RequestErrors = {
  unauthenticated: (): DomainError =>
    new DomainError('UNAUTHENTICATED', { es: 'Se requiere iniciar sesión.', en: 'Authentication required.' }),
  invalidInvitationLink: (): DomainError =>
    new DomainError('INVALID_TOKEN', { es: 'Enlace de invitación no válido.', en: 'Invalid invitation link.' }),
  controlCharacter: (path: string): DomainError =>
    new DomainError(
      'CONTROL_CHARACTER',
      {
        es: `El texto de «${path || 'cuerpo'}» contiene caracteres de control no permitidos (por ejemplo NUL).`,
        en: `The text of '${path || 'body'}' contains control characters that are not allowed (e.g. NUL).`,
      },
      path || undefined,
    ),
  tooDeep: (path: string, maxDepth: number): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: `La solicitud está anidada a más de ${maxDepth} niveles.`,
        en: `The request is nested deeper than ${maxDepth} levels.`,
      },
      path || undefined,
    ),
  propertyNameNotAllowed: (path: string): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: `Nombre de propiedad no permitido: «${path}».`, en: `Property name not allowed: '${path}'.` },
      path,
    ),
  /** One invalid input, as class-validator found it (`es` when the constraint has a Spanish text). */
  invalidValue: (field: string | undefined, message: string | undefined, es: string | undefined): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: `Dato no válido en «${field ?? 'cuerpo'}»: ${es ?? message}.`,
        en: `Invalid value for '${field ?? 'body'}': ${message}.`,
      },
      field,
    ),
  payloadTooLarge: (limit: number): DomainError =>
    new DomainError('PAYLOAD_TOO_LARGE', {
      es: `La solicitud es demasiado grande (máximo ${Math.floor(limit / 1024)} KB para esta ruta).`,
      en: `The request is too large (at most ${Math.floor(limit / 1024)} KB for this route).`,
    }),
  rateLimited: (): DomainError =>
    new DomainError('RATE_LIMITED', {
      es: 'Demasiadas solicitudes; intente más tarde.',
      en: 'Too many requests; try again later.',
    }),
} as const;
