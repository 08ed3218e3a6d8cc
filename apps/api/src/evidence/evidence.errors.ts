import { DomainError } from '../common/domain-error';

/** Errors of evidence uploads, institutions' and validators' alike (Spanish first). */
export const EvidenceErrors = {
  fileMissing: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: 'Falta el archivo (campo «file»).', en: "The file is missing (field 'file')." },
      'file',
    ),

  fileEmpty: (): DomainError =>
    new DomainError('VALIDATION_FAILED', { es: 'El archivo está vacío.', en: 'The file is empty.' }, 'file'),

  fileTooLarge: (): DomainError =>
    new DomainError('PAYLOAD_TOO_LARGE', { es: 'El archivo supera 10 MB.', en: 'The file exceeds 10 MB.' }, 'file'),

  /** Multer refused the multipart body (`reason` is its message). */
  uploadFormMalformed: (reason: string): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      {
        es: `El formulario de carga está mal formado o incompleto (${reason}).`,
        en: `The upload form is malformed or incomplete (${reason}).`,
      },
      'file',
    ),

  /** The sniffed content is not an accepted evidence type (`reason` says what was found). */
  unsupported: (reason: string): DomainError =>
    new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      {
        es: `Tipo de archivo no admitido (${reason}). Se aceptan PDF, PNG, JPEG, GIF, WebP, documentos de Office/OpenDocument, texto y CSV.`,
        en: `Unsupported file type (${reason}). Accepted: PDF, PNG, JPEG, GIF, WebP, Office/OpenDocument documents, plain text and CSV.`,
      },
      'file',
      { reason },
    ),

  notAQuestion: (questionName: string): DomainError =>
    new DomainError(
      'SUBMISSION_INVALID',
      {
        es: `«${questionName}» no es una pregunta del cuestionario.`,
        en: `'${questionName}' is not a question of the questionnaire.`,
      },
      'questionName',
    ),

  institutionQuotaReached: (maxFiles: number): DomainError =>
    new DomainError(
      'CONFLICT',
      {
        es: `Se alcanzó el máximo de evidencia por institución (${maxFiles} archivos, 200 MB). Elimine archivos que ya no necesite.`,
        en: `The evidence quota per institution is reached (${maxFiles} files, 200 MB). Remove files you no longer need.`,
      },
      'file',
    ),
};
