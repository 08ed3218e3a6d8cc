import type { RoundStatus } from '@apertura/db';
import { DomainError } from '../domain-error';

/** One problem of a round's design (rounds/round-design.ts checks it; RoundErrors.design reports it). */
export interface DesignProblem {
  /** Field path in the request body, e.g. `design.states[0].population`. */
  path: string;
  es: string;
  en: string;
}

/** Errors of the rounds capability (Spanish first). */
export const RoundErrors = {
  /**
   * The one answer for a round the caller cannot see: missing, or another guarantor's (no existence
   * leak). `field` names the input that carried the id (the route's `id`, a body's `roundId`); none
   * when the round came with the caller's credentials (an invitation link).
   */
  notFound: (field?: string): DomainError =>
    new DomainError('NOT_FOUND', { es: 'No se encontró la ronda.', en: 'Round not found.' }, field),

  notDraftForUpdate: (status: RoundStatus): DomainError =>
    new DomainError(
      'ROUND_NOT_DRAFT',
      {
        es: 'Solo una ronda en borrador se puede modificar. Para cambiar el cuestionario de una ronda abierta, suba una nueva versión y úsela en otra ronda.',
        en: 'Only a draft round can be changed. To change the questionnaire of an opened round, upload a new version and use it in another round.',
      },
      undefined,
      { status },
    ),

  notDraftForDelete: (status: RoundStatus): DomainError =>
    new DomainError(
      'ROUND_NOT_DRAFT',
      {
        es: 'Solo una ronda en borrador se puede eliminar: esta ya se abrió y conserva invitaciones, respuestas y su bitácora.',
        en: 'Only a draft round can be deleted: this one has opened and keeps its invitations, responses and audit trail.',
      },
      undefined,
      { status },
    ),

  settingsInvalid: (path: string, message: string, problems: unknown): DomainError =>
    new DomainError(
      'SETTINGS_INVALID',
      {
        es: `Configuración del método no válida en «${path}»: ${message}.`,
        en: `Invalid method settings at '${path}': ${message}.`,
      },
      path,
      { problems },
    ),

  windowInvalid: (): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: 'La fecha de cierre debe ser posterior a la de apertura.', en: 'closesAt must be after opensAt.' },
      'closesAt',
    ),

  /** The first problem names the field; all of them travel in details.problems (the console shows each by its row). */
  design: (code: 'VALIDATION_FAILED' | 'DESIGN_INVALID', problems: DesignProblem[]): DomainError => {
    const [first] = problems;
    const opening = code === 'DESIGN_INVALID';
    return new DomainError(
      code,
      {
        es: `${opening ? 'No se puede abrir la ronda: el diseño no corresponde al universo' : 'Diseño de la ronda no válido'} («${first.path}»): ${first.es}.`,
        en: `${opening ? 'The round cannot be opened: its design does not match the universe' : 'Invalid round design'} ('${first.path}'): ${first.en}.`,
      },
      first.path,
      { problems: problems.map((p) => ({ ...p })) },
    );
  },

  invalidSelection: (field: string, es: string, en: string): DomainError =>
    new DomainError(
      'VALIDATION_FAILED',
      { es: `Selección del universo no válida: ${es}.`, en: `Invalid universe selection: ${en}.` },
      `universeSelection.${field}`,
    ),

  questionnaireKindMismatch: (
    field: string,
    kind: 'institution' | 'citizen',
    found: { slug: string; version: number; kind: string },
  ): DomainError =>
    new DomainError(
      'QUESTIONNAIRE_KIND_MISMATCH',
      {
        es: `«${field}» debe ser un cuestionario de tipo ${kind}; «${found.slug}» v${found.version} es de tipo ${found.kind}.`,
        en: `'${field}' must be a ${kind} questionnaire; '${found.slug}' v${found.version} is a ${found.kind} questionnaire.`,
      },
      field,
    ),

  windowOver: (closesAt: Date, from: RoundStatus): DomainError =>
    new DomainError(
      'INVALID_TRANSITION',
      {
        es: `No se puede abrir la ronda: su periodo terminó el ${closesAt.toISOString()}. Cambie la fecha de cierre primero.`,
        en: `The round cannot be opened: its window ended at ${closesAt.toISOString()}. Change closesAt first.`,
      },
      'closesAt',
      { from, to: 'open' },
    ),

  /** Before the round opens (`opensAt` as ISO text). */
  notOpenYet: (status: RoundStatus, opensAt: string): DomainError =>
    new DomainError(
      'ROUND_NOT_OPEN',
      status === 'draft'
        ? { es: 'La ronda aún no está abierta.', en: 'The round is not open yet.' }
        : {
            es: `La ronda recibe respuestas a partir de ${opensAt}.`,
            en: `The round accepts submissions from ${opensAt}.`,
          },
      undefined,
      { status, opensAt },
    ),

  /** After the round's window ends or once it is closed (`closesAt` as ISO text). */
  noLongerAccepting: (status: RoundStatus, closesAt: string): DomainError =>
    new DomainError(
      'ROUND_CLOSED',
      status === 'open'
        ? {
            es: `La ronda dejó de recibir respuestas el ${closesAt}.`,
            en: `The round stopped accepting submissions at ${closesAt}.`,
          }
        : {
            es: 'La ronda está cerrada; ya no recibe respuestas.',
            en: 'The round is closed; it no longer accepts submissions.',
          },
      undefined,
      { status, closesAt },
    ),

  /** `label` names each status in Spanish. */
  invalidTransition: (
    from: RoundStatus,
    to: RoundStatus,
    allowed: readonly RoundStatus[],
    label: Record<RoundStatus, string>,
  ): DomainError => {
    const allowedEs = allowed.length ? allowed.map((s) => `«${label[s]}»`).join(', ') : 'ninguna (estado final)';
    const allowedEn = allowed.length ? allowed.map((s) => `'${s}'`).join(', ') : 'none (final state)';
    return new DomainError(
      'INVALID_TRANSITION',
      {
        es: `Una ronda no puede pasar de «${label[from]}» a «${label[to]}». Desde «${label[from]}» solo se permite: ${allowedEs}.`,
        en: `A round cannot go from '${from}' to '${to}'. From '${from}' only this is allowed: ${allowedEn}.`,
      },
      'status',
      { from, to, allowed: [...allowed] },
    );
  },

  universeEmpty: (): DomainError =>
    new DomainError(
      'UNIVERSE_EMPTY',
      {
        es: 'La selección del universo no incluye ninguna institución; importe el universo o cambie la selección antes de abrir.',
        en: 'The universe selection matches no institution; import the universe or change the selection before opening.',
      },
      'universeSelection',
    ),

  publishAcknowledgementRequired: (
    reasons: Array<'most_not_conclusive' | 'most_never_answered'>,
    details: Record<string, unknown>,
  ): DomainError => {
    const why = {
      es: reasons
        .map((r) =>
          r === 'most_not_conclusive'
            ? 'la mayoría de los valores no son concluyentes'
            : 'la mayoría de las instituciones nunca respondió',
        )
        .join(' y '),
      en: reasons
        .map((r) =>
          r === 'most_not_conclusive' ? 'most values are not conclusive' : 'most institutions never answered',
        )
        .join(' and '),
    };
    return new DomainError(
      'PUBLISH_ACKNOWLEDGEMENT_REQUIRED',
      {
        es: `Para publicar esta ronda confirme que lo entiende (acknowledgeInconclusive): ${why.es}.`,
        en: `To publish this round, confirm you understand (acknowledgeInconclusive): ${why.en}.`,
      },
      'acknowledgeInconclusive',
      details,
    );
  },
};
