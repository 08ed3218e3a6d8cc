import { DomainError } from '../common/domain-error';

/** Errors of signing in, sessions and access links (Spanish first). */
export const AuthErrors = {
  invalidCredentials: (): DomainError =>
    new DomainError('INVALID_CREDENTIALS', { es: 'Correo o contraseña incorrectos.', en: 'Wrong e-mail or password.' }),
  accountLocked: (until: Date): DomainError =>
    new DomainError('ACCOUNT_LOCKED', {
      es: `Demasiados intentos fallidos desde este dispositivo o red; intente después de ${until.toISOString()} o restablezca su contraseña.`,
      en: `Too many failed attempts from this device or network; try again after ${until.toISOString()} or reset your password.`,
    }),
  /** Told only to whoever knows the password. */
  accountDeactivated: (): DomainError =>
    new DomainError('ACCOUNT_DEACTIVATED', {
      es: 'Su cuenta fue desactivada. Si cree que es un error, hable con una persona administradora de su órgano garante.',
      en: 'Your account was deactivated. If you think this is a mistake, talk to an administrator of your guarantor.',
    }),
  /** A session of an account deactivated after it was issued. */
  sessionAccountDeactivated: (): DomainError =>
    new DomainError('UNAUTHENTICATED', {
      es: 'La cuenta fue desactivada.',
      en: 'The account was deactivated.',
    }),
  invalidSession: (): DomainError =>
    new DomainError('UNAUTHENTICATED', {
      es: 'La sesión no es válida o expiró.',
      en: 'The session is invalid or expired.',
    }),
  invalidInvitation: (): DomainError =>
    new DomainError('INVALID_TOKEN', {
      es: 'El enlace de invitación no es válido o fue revocado.',
      en: 'The invitation link is invalid or was revoked.',
    }),
  csrfRejected: (): DomainError =>
    new DomainError('CSRF_REJECTED', {
      es: 'Solicitud rechazada: no proviene de las páginas de Apertura.',
      en: 'Request refused: it does not come from Apertura’s pages.',
    }),
  invalidResetToken: (): DomainError =>
    new DomainError('INVALID_TOKEN', {
      es: 'El enlace para restablecer la contraseña no es válido, ya se usó o expiró. Solicite uno nuevo.',
      en: 'The password reset link is invalid, already used or expired. Ask for a new one.',
    }),
} as const;
