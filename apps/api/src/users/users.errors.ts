import { DomainError } from '../common/domain-error';

/** Errors of a guarantor's staff accounts (Spanish first). */
export const UserErrors = {
  /** `field` is the input that carried the address (the first-run setup calls it adminEmail). */
  emailTaken: (field = 'email'): DomainError =>
    new DomainError(
      'EMAIL_TAKEN',
      { es: 'Ya existe una cuenta con ese correo.', en: 'An account with that e-mail already exists.' },
      field,
    ),
  lastAdmin: (): DomainError =>
    new DomainError('LAST_ADMIN', {
      es: 'El órgano garante debe conservar al menos una persona administradora activa.',
      en: 'The guarantor must keep at least one active administrator.',
    }),
  invalidStaffInvite: (): DomainError =>
    new DomainError('INVALID_TOKEN', {
      es: 'El enlace de invitación no es válido, ya se usó o expiró. Pida a quien le invitó que lo envíe de nuevo.',
      en: 'The invitation link is invalid, already used or expired. Ask whoever invited you to send it again.',
    }),
  notReinvitable: (): DomainError =>
    new DomainError('CONFLICT', {
      es: 'Solo se reenvía la invitación a cuentas activas que aún no eligen contraseña.',
      en: 'Only active accounts that have not chosen a password yet can be invited again.',
    }),
  ownRoleChange: (): DomainError =>
    new DomainError(
      'FORBIDDEN',
      { es: 'No puede cambiar su propio rol.', en: 'You cannot change your own role.' },
      'role',
    ),
  selfDeactivation: (): DomainError =>
    new DomainError('FORBIDDEN', {
      es: 'Otra persona administradora debe desactivar su cuenta.',
      en: 'Another administrator must deactivate your account.',
    }),
} as const;
