import { DomainError, notFound } from '../common/domain-error';

export const PrivacyErrors = {
  wrongPassword: (): DomainError =>
    new DomainError(
      'INVALID_CREDENTIALS',
      { es: 'La contraseña no es correcta.', en: 'The password is not correct.' },
      'password',
    ),
  /** Same answer for unknown ids, staff accounts and validators who never worked for the caller's guarantor. */
  unknownValidator: (): DomainError => notFound('persona validadora', 'userId'),
};
