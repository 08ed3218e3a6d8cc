import {
  DEFAULT_MAIL_TEMPLATES,
  escapeHtml,
  formatMailDate,
  renderMailTemplate,
  type MailContent,
  type MailTemplatePair,
} from '@apertura/db';

/**
 * E-mail texts (Spanish first, a short English summary after). Pure functions: the processor loads
 * the data and derives the link; these only write the message, as plain text and simple accessible HTML.
 */
export type { MailContent };

export interface InvitationMailInput {
  institutionName: string;
  roundName: string;
  guarantorName: string;
  opensAt: Date;
  closesAt: Date;
  link: string;
  reminder: boolean;
  /** The guarantor's own templates (es + en) of this kind; the built-in ones when absent. */
  templates?: MailTemplatePair;
}

export interface VerificationMailInput {
  link: string;
  expiresAt: Date;
}

/** A date and time in Mexico City, as every mail writes it (libs/db formatMailDate). */
export function formatDate(d: Date, locale: 'es-MX' | 'en-US'): string {
  return formatMailDate(d, locale === 'es-MX' ? 'es' : 'en');
}

export { escapeHtml };

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 640px; margin: 0 auto; padding: 16px;">
${body}
</body>
</html>`;
}

function button(link: string, label: string): string {
  const href = escapeHtml(link);
  return `<p><a href="${href}" style="display: inline-block; background: #0b5cad; color: #ffffff; padding: 12px 20px; text-decoration: none; border-radius: 4px; font-weight: bold;">${escapeHtml(label)}</a></p>
<p>Si el botón no funciona, copie esta dirección en su navegador:<br><a href="${href}">${href}</a></p>`;
}

/** Invitation or reminder: the guarantor's templates (or the built-in ones), rendered as the console previews them. */
export function invitationMail(i: InvitationMailInput): MailContent {
  const kind = i.reminder ? 'reminder' : 'invitation';
  return renderMailTemplate(kind, i.templates ?? DEFAULT_MAIL_TEMPLATES[kind], {
    institution: i.institutionName,
    round: i.roundName,
    guarantor: i.guarantorName,
    link: i.link,
    opensAt: i.opensAt,
    closesAt: i.closesAt,
  });
}

/** A mail whose point is one single-use, expiring link (verification, password reset). */
interface LinkMail {
  subject: string;
  intro: string;
  link: string;
  buttonLabel: string;
  expiry: string;
  ignore: string;
  english: string;
}

function linkMail(l: LinkMail): MailContent {
  const text = [l.intro, l.link, '', l.expiry, l.ignore, '', '—', `English: ${l.english}`, ''].join('\n');
  const html = page(
    l.subject,
    `<p>${escapeHtml(l.intro)}</p>
${button(l.link, l.buttonLabel)}
<p>${escapeHtml(l.expiry)}</p>
<p>${escapeHtml(l.ignore)}</p>
<hr>
<p lang="en" style="color: #555555; font-size: 14px;">${escapeHtml(l.english)}</p>`,
  );
  return { subject: l.subject, text, html };
}

export function verificationMail(v: VerificationMailInput): MailContent {
  const expiresEs = formatDate(v.expiresAt, 'es-MX');
  const expiresEn = formatDate(v.expiresAt, 'en-US');
  return linkMail({
    subject: 'Confirme su correo electrónico — Apertura',
    intro:
      'Gracias por registrarse para validar la información de las instituciones. Para activar su cuenta, confirme su correo electrónico con este enlace:',
    link: v.link,
    buttonLabel: 'Confirmar mi correo',
    expiry: `El enlace vence el ${expiresEs} (hora del centro de México) y solo puede usarse una vez.`,
    ignore: 'Si usted no creó una cuenta, ignore este mensaje.',
    english: `Confirm your e-mail address with the link above (valid until ${expiresEn}, Mexico City time, single use). If you did not create an account, ignore this message.`,
  });
}

export interface PasswordResetMailInput {
  link: string;
  expiresAt: Date;
}

/** The password reset link (every role); it is also how a locked-out owner gets back in. */
export function passwordResetMail(v: PasswordResetMailInput): MailContent {
  const expiresEs = formatDate(v.expiresAt, 'es-MX');
  const expiresEn = formatDate(v.expiresAt, 'en-US');
  return linkMail({
    subject: 'Restablezca su contraseña — Apertura',
    intro:
      'Recibimos una solicitud para restablecer la contraseña de su cuenta. Para elegir una nueva, use este enlace:',
    link: v.link,
    buttonLabel: 'Elegir una nueva contraseña',
    expiry: `El enlace vence el ${expiresEs} (hora del centro de México) y solo puede usarse una vez. Al cambiar la contraseña se cierran las sesiones abiertas y se levantan los bloqueos por intentos fallidos.`,
    ignore: 'Si usted no lo solicitó, ignore este mensaje: su contraseña no cambia.',
    english: `Use the link above to choose a new password (valid until ${expiresEn}, Mexico City time, single use). If you did not ask for it, ignore this message: your password stays the same.`,
  });
}

export interface StaffInviteMailInput {
  guarantorName: string;
  role: 'guarantor_admin' | 'analyst';
  link: string;
  expiresAt: Date;
}

/** A guarantor admin invited a staff member: the link lets them choose a password (issue #15, item 5). */
export function staffInviteMail(v: StaffInviteMailInput): MailContent {
  const expiresEs = formatDate(v.expiresAt, 'es-MX');
  const expiresEn = formatDate(v.expiresAt, 'en-US');
  const roleEs = v.role === 'guarantor_admin' ? 'administración' : 'análisis';
  const roleEn = v.role === 'guarantor_admin' ? 'administrator' : 'analyst';
  return linkMail({
    subject: `Invitación al equipo de ${v.guarantorName} — Apertura`,
    intro: `${v.guarantorName} le invita a su equipo en Apertura con el rol de ${roleEs}. Para activar su cuenta, elija una contraseña con este enlace:`,
    link: v.link,
    buttonLabel: 'Activar mi cuenta',
    expiry: `El enlace vence el ${expiresEs} (hora del centro de México) y solo puede usarse una vez; si vence, pida a quien le invitó que lo envíe de nuevo.`,
    ignore: 'Si no esperaba esta invitación, ignore este mensaje.',
    english: `${v.guarantorName} invites you to its Apertura team as ${roleEn}. Choose a password with the link above to activate your account (valid until ${expiresEn}, Mexico City time, single use). If you did not expect this invitation, ignore this message.`,
  });
}

export interface AccountNoticeMailInput {
  signInLink: string;
  resetLink: string;
}

/** Someone tried to register an address that already has an account (the API answered as for a new one). */
export function accountExistsMail(v: AccountNoticeMailInput): MailContent {
  const subject = 'Ya tiene una cuenta en Apertura';
  const intro = 'Alguien intentó registrar una cuenta nueva con este correo electrónico, pero usted ya tiene una.';
  const action = 'Si fue usted, inicie sesión; si no recuerda su contraseña, puede restablecerla:';
  const ignore = 'Si no fue usted, ignore este mensaje: su cuenta no cambió.';
  const english =
    'Someone tried to register a new account with this e-mail address, which already has one. If it was you, sign in or reset your password with the links above; otherwise ignore this message.';
  const text = [
    intro,
    action,
    `Iniciar sesión: ${v.signInLink}`,
    `Restablecer la contraseña: ${v.resetLink}`,
    '',
    ignore,
    '',
    '—',
    `English: ${english}`,
    '',
  ].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(action)}</p>
${button(v.signInLink, 'Iniciar sesión')}
${button(v.resetLink, 'Restablecer la contraseña')}
<p>${escapeHtml(ignore)}</p>
<hr>
<p lang="en" style="color: #555555; font-size: 14px;">${escapeHtml(english)}</p>`,
  );
  return { subject, text, html };
}

export interface TestMailInput {
  guarantorName: string;
  sentAt: Date;
}

/** The console's "send a test mail": proves the SMTP set-up works; carries no link and no data. */
export function testMail(t: TestMailInput): MailContent {
  const subject = 'Correo de prueba — Apertura';
  const intro = `Este es un correo de prueba solicitado desde la consola de Apertura por ${t.guarantorName} el ${formatDate(t.sentAt, 'es-MX')} (hora del centro de México). Si lo recibió, las invitaciones y avisos también pueden llegar.`;
  const english = `Test message requested from the Apertura console by ${t.guarantorName} on ${formatDate(t.sentAt, 'en-US')} (Mexico City time). If it arrived, invitations and notices can be delivered too.`;
  const text = [intro, '', '—', `English: ${english}`, ''].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(intro)}</p>\n<hr>\n<p lang="en" style="color: #555555; font-size: 14px;">${escapeHtml(english)}</p>`,
  );
  return { subject, text, html };
}

export interface SubmissionReceiptInput {
  institutionName: string;
  roundName: string;
  guarantorName: string;
  /** Short folio (A1B2C3D4-v2), see submissionFolio in the API. */
  folio: string;
  version: number;
  submittedAt: Date;
  /** Printable copy of the submitted answers (the invitation link + /copia). */
  link: string;
}

/** The institution's confirmation of one submitted version: its folio and where to print the answers. */
export function submissionReceiptMail(r: SubmissionReceiptInput): MailContent {
  const subject = `Respuestas recibidas — folio ${r.folio} — ${r.roundName}`;
  const when = formatDate(r.submittedAt, 'es-MX');
  const intro = `${r.guarantorName} recibió las respuestas de ${r.institutionName} a «${r.roundName}» (versión ${r.version}) el ${when} (hora del centro de México).`;
  const folioLine = `Folio: ${r.folio}`;
  const copy = 'Puede ver e imprimir (o guardar como PDF) una copia de las respuestas enviadas en:';
  const keep =
    'Conserve este correo como constancia. Si necesita corregir algo, use el mismo enlace de la invitación mientras la ronda esté abierta.';
  const english = `${r.guarantorName} received the answers of ${r.institutionName} to “${r.roundName}” (version ${r.version}) on ${formatDate(r.submittedAt, 'en-US')} (Mexico City time). Folio: ${r.folio}. A printable copy of the submitted answers is at the link above.`;
  const text = [intro, '', folioLine, '', copy, r.link, '', keep, '', '—', `English: ${english}`, ''].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(intro)}</p>
<p style="font-size: 20px;"><strong>${escapeHtml(folioLine)}</strong></p>
<p>${escapeHtml(copy)}</p>
${button(r.link, 'Ver copia imprimible')}
<p>${escapeHtml(keep)}</p>
<hr>
<p lang="en" style="color: #555555; font-size: 14px;">${escapeHtml(english)}</p>`,
  );
  return { subject, text, html };
}

/** Operator kinds (guarantor.kind) as a mail names them: the text never assumes an autonomous guarantor. */
export const OPERATOR_KIND_LABELS: Record<string, { es: string; en: string }> = {
  guarantor_body: { es: 'órgano garante', en: 'guarantor body' },
  transparency_authority: { es: 'autoridad de transparencia', en: 'transparency authority' },
  comptroller: { es: 'contraloría', en: "comptroller's office" },
  civil_society: { es: 'organización de la sociedad civil', en: 'civil-society organisation' },
  academia: { es: 'institución académica', en: 'academic institution' },
};

export interface CosignInviteMailInput {
  operatorName: string;
  operatorKind: string;
  roundName: string;
  organisationName: string;
  link: string;
  /** Set when the link activates a new account (single use, expiring); null: the link is the sign-in page. */
  expiresAt: Date | null;
}

/** Issue #18: a co-signing organisation is invited to review and approve (or object to) a round. */
export function cosignInviteMail(v: CosignInviteMailInput): MailContent {
  const kind = OPERATOR_KIND_LABELS[v.operatorKind] ?? OPERATOR_KIND_LABELS.guarantor_body;
  const intro =
    `${v.operatorName} (${kind.es}) invita a ${v.organisationName} a co-firmar la ronda «${v.roundName}» en Apertura: ` +
    'revisar la configuración del método, el instrumento y los resultados finales, y aprobarlos u objetarlos con sus razones. ' +
    'Su decisión y sus razones se publicarán junto con los resultados. ' +
    (v.expiresAt ? 'Para activar su cuenta, elija una contraseña con este enlace:' : 'Ingrese con su cuenta:');
  const english =
    `${v.operatorName} (${kind.en}) invites ${v.organisationName} to co-sign the round "${v.roundName}" in Apertura: review the method ` +
    'settings, the instrument and the final results, then approve or object, with your reasons. Your decision and reasons are published ' +
    'with the results. ' +
    (v.expiresAt
      ? `Choose a password with the link above (valid until ${formatDate(v.expiresAt, 'en-US')}, Mexico City time, single use).`
      : 'Sign in with your account using the link above.');
  return linkMail({
    subject: `Invitación a co-firmar «${v.roundName}» — Apertura`,
    intro,
    link: v.link,
    buttonLabel: v.expiresAt ? 'Activar mi cuenta' : 'Ingresar',
    expiry: v.expiresAt
      ? `El enlace vence el ${formatDate(v.expiresAt, 'es-MX')} (hora del centro de México) y solo puede usarse una vez; si vence, pida a quien le invitó que lo envíe de nuevo.`
      : 'Use la contraseña que eligió cuando activó su cuenta.',
    ignore: 'Si no esperaba esta invitación, ignore este mensaje.',
    english,
  });
}
