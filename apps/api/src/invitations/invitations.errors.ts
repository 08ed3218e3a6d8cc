import { DomainError } from '../common/domain-error';

/** Errors of invitations and reminders (Spanish first). */
export const InvitationErrors = {
  revoked: (): DomainError =>
    new DomainError(
      'INVITATION_REVOKED',
      {
        es: 'La invitación de esta institución está revocada; emita un enlace nuevo primero.',
        en: "This institution's invitation is revoked; issue a new link first.",
      },
      'institutionId',
    ),
  remindersFinished: (): DomainError =>
    new DomainError(
      'ROUND_CLOSED',
      {
        es: 'La ronda ya cerró: no se envían más recordatorios, así que su configuración ya no se puede cambiar.',
        en: 'The round has closed: no more reminders are sent, so their settings can no longer be changed.',
      },
      'id',
    ),
  roundNotOpen: (): DomainError =>
    new DomainError('ROUND_NOT_OPEN', {
      es: 'La ronda no está abierta; solo en una ronda abierta se envían recordatorios o nuevas invitaciones.',
      en: 'The round is not open; reminders and new invitations are only sent while a round is open.',
    }),
} as const;
