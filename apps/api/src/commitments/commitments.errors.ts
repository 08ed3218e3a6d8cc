import { DomainError } from '../common/domain-error';
import type { Messages } from '../common/domain-error';

/** One problem of a commitments CSV row (line as a spreadsheet shows it; the header is line 1). */
export interface CommitmentRowError {
  line: number;
  column: string | null;
  code: string;
  message: Messages;
}

/** Errors of commitments (issue #18 item 1), Spanish first. */
export const CommitmentErrors = {
  roundNotPublished: (): DomainError =>
    new DomainError(
      'ROUND_NOT_PUBLISHED',
      {
        es: 'Los compromisos se registran después de publicar la ronda: responden a sus resultados.',
        en: 'Commitments are recorded once the round is published: they answer its results.',
      },
      'roundId',
    ),
  unknownComponent: (component: string, field = 'components'): DomainError =>
    new DomainError(
      'COMMITMENT_COMPONENT_UNKNOWN',
      {
        es: `«${component}» no es un componente de los instrumentos de la ronda.`,
        en: `"${component}" is not a component of the round's instruments.`,
      },
      field,
      { component },
    ),
  csvInvalid: (errors: CommitmentRowError[], total: number): DomainError =>
    new DomainError(
      'COMMITMENTS_CSV_INVALID',
      {
        es: `El archivo tiene ${total === 1 ? 'un problema' : `${total} problemas`}; no se guardó nada.`,
        en: `The file has ${total === 1 ? 'one problem' : `${total} problems`}; nothing was saved.`,
      },
      'csv',
      { errors, total },
    ),
  keyTaken: (key: string): DomainError =>
    new DomainError(
      'CONFLICT',
      {
        es: `Ya existe un compromiso con la clave «${key}» para esta institución en la ronda; edítelo en lugar de crear otro.`,
        en: `A commitment with key "${key}" already exists for this institution in the round; edit it instead.`,
      },
      'key',
    ),
  milestoneHasVerdicts: (title: string): DomainError =>
    new DomainError(
      'MILESTONE_HAS_VERDICTS',
      {
        es: `El hito «${title}» ya tiene dictámenes ciudadanos; no se puede quitar (puede cambiar su fecha o marcarlo).`,
        en: `Milestone "${title}" already has citizen verdicts; it cannot be removed (you may change its date or mark it).`,
      },
      'milestones',
    ),
};
