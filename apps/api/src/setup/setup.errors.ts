import { DomainError } from '../common/domain-error';

/** Errors of the first-run setup in the browser (Spanish first). */
export const SetupErrors = {
  alreadyDone: (): DomainError =>
    new DomainError('SETUP_ALREADY_DONE', {
      es: 'La instalación ya está configurada: inicie sesión con la cuenta de administración creada.',
      en: 'This installation is already set up: sign in with the admin account that was created.',
    }),
  /** A refused setup code: past its expiry, or wrong / already used. */
  refusedCode: (refused: 'expired' | 'invalid'): DomainError => {
    if (refused === 'expired') {
      return new DomainError(
        'SETUP_CODE_EXPIRED',
        {
          es: 'El código de configuración caducó: reinicie la API para obtener uno nuevo en el registro.',
          en: 'The setup code expired: restart the API to get a new one in its log.',
        },
        'code',
      );
    }
    return new DomainError(
      'SETUP_CODE_INVALID',
      {
        es: 'El código de configuración no es válido. Cópielo del registro de la API.',
        en: 'The setup code is not valid. Copy it from the API log.',
      },
      'code',
    );
  },
} as const;
