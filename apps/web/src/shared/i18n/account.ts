import { dict } from './dict';

/** Password reset pages (/restablecer, /restablecer/:token) and the sign-in page's link to them. */
export const account = dict(
  {
    'reset.title': 'Restablecer la contraseña',
    'reset.intro':
      'Escriba el correo de su cuenta. Si existe, le enviaremos un enlace para elegir una nueva contraseña; vence en una hora y solo puede usarse una vez. También sirve para desbloquear una cuenta tras intentos fallidos.',
    'reset.email': 'Correo electrónico',
    'reset.emailInvalid': 'Escriba un correo electrónico válido.',
    'reset.submit': 'Enviar el enlace',
    'reset.sentTitle': 'Revise su correo',
    'reset.sentBody':
      'Si {email} tiene una cuenta, le enviamos un enlace para restablecer la contraseña. Si no llega en unos minutos, revise la carpeta de correo no deseado.',
    'reset.newTitle': 'Elija una nueva contraseña',
    'reset.newIntro':
      'La nueva contraseña reemplaza la anterior, cierra las sesiones abiertas y levanta los bloqueos por intentos fallidos.',
    'reset.password': 'Nueva contraseña',
    'reset.passwordHint': 'Al menos {min} caracteres; una frase larga es fácil de recordar y difícil de adivinar.',
    'reset.passwordShort': 'La contraseña debe tener al menos {min} caracteres.',
    'reset.confirm': 'Repita la contraseña',
    'reset.mismatch': 'Las contraseñas no coinciden.',
    'reset.save': 'Guardar la contraseña',
    'reset.doneTitle': 'Contraseña actualizada',
    'reset.doneBody': 'Ya puede ingresar con su nueva contraseña.',
    'reset.goSignIn': 'Ir a ingresar',
    'reset.askAgain': 'Solicitar un enlace nuevo',
    'login.forgot': '¿Olvidó su contraseña o su cuenta está bloqueada?',
    'login.forgotLink': 'Restablézcala',
  },
  {
    'reset.title': 'Reset your password',
    'reset.intro':
      'Enter the e-mail of your account. If it exists, we will send you a link to choose a new password; it expires in one hour and works once. It also unlocks an account after failed attempts.',
    'reset.email': 'E-mail',
    'reset.emailInvalid': 'Enter a valid e-mail address.',
    'reset.submit': 'Send the link',
    'reset.sentTitle': 'Check your e-mail',
    'reset.sentBody':
      'If {email} has an account, we sent it a link to reset the password. If it does not arrive within a few minutes, check your spam folder.',
    'reset.newTitle': 'Choose a new password',
    'reset.newIntro': 'The new password replaces the old one, ends open sessions and lifts locks from failed attempts.',
    'reset.password': 'New password',
    'reset.passwordHint': 'At least {min} characters; a long phrase is easy to remember and hard to guess.',
    'reset.passwordShort': 'The password must have at least {min} characters.',
    'reset.confirm': 'Repeat the password',
    'reset.mismatch': 'The passwords do not match.',
    'reset.save': 'Save the password',
    'reset.doneTitle': 'Password updated',
    'reset.doneBody': 'You can now sign in with your new password.',
    'reset.goSignIn': 'Go to sign in',
    'reset.askAgain': 'Ask for a new link',
    'login.forgot': 'Forgot your password, or is your account locked?',
    'login.forgotLink': 'Reset it',
  },
);
