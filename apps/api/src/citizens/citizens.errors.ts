import { DomainError } from '../common/domain-error';
import { RequestErrors } from '../common/request.errors';
import type { VerdictItemError } from './work/verdict-batch';

/** Errors of the citizen validation capability (Spanish first). */
export const CitizenErrors = {
  invalidVerificationToken: (): DomainError =>
    new DomainError('INVALID_TOKEN', {
      es: 'El enlace de verificación no es válido, ya se usó o expiró. Solicite uno nuevo.',
      en: 'The verification link is invalid, already used or expired. Ask for a new one.',
    }),
  unauthenticated: RequestErrors.unauthenticated,
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
  /** A batch of verdicts with problems: nothing was saved; one entry per offending claim and field. */
  verdictBatchInvalid: (errors: readonly VerdictItemError[]): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: `Hay ${errors.length === 1 ? 'un problema' : `${errors.length} problemas`} en los dictámenes; no se guardó ninguno.`,
        en: `${errors.length === 1 ? 'One problem' : `${errors.length} problems`} in the verdicts; none was saved.`,
      },
      'verdicts',
      { errors },
    ),
  reportInvalid: (field: string, issues: unknown): DomainError =>
    new DomainError(
      'SUBMISSION_INVALID',
      {
        es: 'El reporte ciudadano tiene respuestas faltantes o no válidas.',
        en: 'The citizen report has missing or invalid answers.',
      },
      field,
      { issues },
    ),
  tooManyEvidenceFiles: (uploaded: number, max: number): DomainError =>
    new DomainError(
      'CONFLICT',
      {
        es: `Ya subió ${uploaded} archivos para esta institución; el máximo es ${max}.`,
        en: `You already uploaded ${uploaded} files for this institution; the maximum is ${max}.`,
      },
      'file',
    ),
} as const;
