import { DomainError } from '../common/domain-error';

/** Errors of the citizen validation capability (Spanish first). */
export const CitizenErrors = {
  invalidVerificationToken: (): DomainError =>
    new DomainError('INVALID_TOKEN', {
      es: 'El enlace de verificación no es válido, ya se usó o expiró. Solicite uno nuevo.',
      en: 'The verification link is invalid, already used or expired. Ask for a new one.',
    }),
  emailNotVerified: (): DomainError =>
    new DomainError('EMAIL_NOT_VERIFIED', {
      es: 'Confirme su correo electrónico antes de validar (revise el enlace que le enviamos).',
      en: 'Verify your e-mail address before validating (check the link we sent you).',
    }),
  unknownMunicipality: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: 'El municipio (cvegeo) no existe en el catálogo.',
        en: 'The municipality (cvegeo) is not in the catalogue.',
      },
      'cvegeo',
    ),
  notAssigned: (): DomainError =>
    new DomainError(
      'NOT_ASSIGNED',
      {
        es: 'Esta asignación no es suya o no existe.',
        en: 'This assignment is not yours or does not exist.',
      },
      'assignmentId',
    ),
  conflictOfInterest: (): DomainError =>
    new DomainError('CONFLICT_OF_INTEREST', {
      es: 'Declaró un conflicto de interés con esta institución: no puede validarla.',
      en: 'You declared a conflict of interest with this institution: you cannot validate it.',
    }),
  assignmentExpired: (): DomainError =>
    new DomainError('ASSIGNMENT_EXPIRED', {
      es: 'La asignación expiró y la institución volvió a estar disponible para otras personas.',
      en: 'The assignment expired and the institution went back to the pool.',
    }),
  validationClosed: (): DomainError =>
    new DomainError('VALIDATION_CLOSED', {
      es: 'La validación ciudadana de esta ronda no está abierta.',
      en: 'Citizen validation is not open for this round.',
    }),
  roundClosed: (): DomainError =>
    new DomainError('ROUND_CLOSED', {
      es: 'La ronda ya cerró: no se puede abrir la validación.',
      en: 'The round has closed: validation cannot be opened.',
    }),
  notVerifiable: (questionName: string): DomainError =>
    new DomainError(
      'SUBMISSION_INVALID',
      {
        es: `«${questionName}» no es una afirmación verificable del cuestionario de la ronda.`,
        en: `'${questionName}' is not a verifiable claim of the round's questionnaire.`,
      },
      'questionName',
    ),
} as const;
