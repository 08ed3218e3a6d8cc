import { dict } from './dict';

/** First-run page (/configuracion): the first guarantor and its admin, with the setup code from the API log. */
export const setupDict = dict(
  {
    'setup.title': 'Primera configuración',
    'setup.intro':
      'Cree el primer órgano garante y su cuenta de administración. Necesita el código de configuración de un solo uso que la API escribe en su registro al arrancar (con npm start aparece en la terminal; en producción, en el registro del contenedor o del servicio).',
    'setup.code': 'Código de configuración',
    'setup.codeHint':
      'Como aparece en el registro, p. ej. K7QM-2XRT-9HVD-4PLA-W3NE. Sirve una sola vez y vence en 24 horas.',
    'setup.guarantor': 'Órgano garante',
    'setup.name': 'Nombre del órgano garante',
    'setup.slug': 'Clave corta',
    'setup.slugHint': 'Minúsculas, dígitos y guiones, p. ej. infoem. Aparece en las direcciones públicas.',
    'setup.cveEnt': 'Entidad (clave INEGI de 2 dígitos)',
    'setup.cveEntHint':
      'Para un órgano estatal, p. ej. 15 para el Estado de México. Déjelo vacío para un órgano nacional.',
    'setup.admin': 'Cuenta de administración',
    'setup.email': 'Correo de la persona administradora',
    'setup.password': 'Contraseña',
    'setup.passwordHint': 'Al menos 12 caracteres; una frase larga es fácil de recordar y difícil de adivinar.',
    'setup.confirm': 'Repita la contraseña',
    'setup.submit': 'Crear y entrar',
    'setup.required': 'Este dato es obligatorio.',
    'setup.slugInvalid': 'Use de 2 a 64 minúsculas, dígitos o guiones.',
    'setup.cveEntInvalid': 'Escriba dos dígitos (p. ej. 15) o déjelo vacío.',
    'setup.emailInvalid': 'Escriba un correo electrónico válido.',
    'setup.passwordShort': 'La contraseña debe tener al menos 12 caracteres.',
    'setup.mismatch': 'Las contraseñas no coinciden.',
    'setup.doneTitle': 'La instalación ya está configurada',
    'setup.doneBody':
      'Ya existe un órgano garante. Ingrese con su cuenta; para crear otro use la línea de comandos (create-guarantor).',
    'setup.goSignIn': 'Ir a ingresar',
    'setup.loginHint': '¿Instalación nueva sin órgano garante?',
    'setup.loginHintLink': 'Haga la primera configuración',
  },
  {
    'setup.title': 'First-run setup',
    'setup.intro':
      'Create the first guarantor and its admin account. You need the one-time setup code the API writes to its log at start (with npm start it shows in the terminal; in production, in the container or service log).',
    'setup.code': 'Setup code',
    'setup.codeHint': 'As printed in the log, e.g. K7QM-2XRT-9HVD-4PLA-W3NE. It works once and expires after 24 hours.',
    'setup.guarantor': 'Guarantor',
    'setup.name': "Guarantor's name",
    'setup.slug': 'Short key (slug)',
    'setup.slugHint': 'Lower case letters, digits and hyphens, e.g. infoem. It appears in public addresses.',
    'setup.cveEnt': 'State (2-digit INEGI code)',
    'setup.cveEntHint': 'For a state body, e.g. 15 for Estado de México. Leave empty for a national body.',
    'setup.admin': 'Admin account',
    'setup.email': "Admin's e-mail",
    'setup.password': 'Password',
    'setup.passwordHint': 'At least 12 characters; a long phrase is easy to remember and hard to guess.',
    'setup.confirm': 'Repeat the password',
    'setup.submit': 'Create and sign in',
    'setup.required': 'This field is required.',
    'setup.slugInvalid': 'Use 2 to 64 lower case letters, digits or hyphens.',
    'setup.cveEntInvalid': 'Type two digits (e.g. 15) or leave it empty.',
    'setup.emailInvalid': 'Type a valid e-mail address.',
    'setup.passwordShort': 'The password must have at least 12 characters.',
    'setup.mismatch': 'The passwords do not match.',
    'setup.doneTitle': 'This installation is already set up',
    'setup.doneBody':
      'A guarantor exists. Sign in with your account; to create another one use the command line (create-guarantor).',
    'setup.goSignIn': 'Go to sign in',
    'setup.loginHint': 'New installation without a guarantor?',
    'setup.loginHintLink': 'Run the first-run setup',
  },
);
