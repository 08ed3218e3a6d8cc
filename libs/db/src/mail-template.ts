/**
 * Invitation and reminder mail templates a guarantor may edit (issue #15, item 2), shared by the API
 * (validation, preview) and the worker (sending), so a preview is exactly what will leave.
 *
 * A template is plain text with a fixed set of {{variables}}; nothing else is interpreted. Values are
 * inserted as text: in the HTML part every literal and every value is escaped, and only the link
 * becomes an anchor (or a button when it stands alone in its paragraph). Markup in a template is
 * refused rather than escaped, so what staff type is what institutions read.
 */

export const MAIL_TEMPLATE_KINDS = ['invitation', 'reminder'] as const;
export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number];
export const MAIL_TEMPLATE_LOCALES = ['es', 'en'] as const;
export type MailTemplateLocale = (typeof MAIL_TEMPLATE_LOCALES)[number];

/** The only variables a template may use. */
export const MAIL_TEMPLATE_VARIABLES = ['institution', 'round', 'guarantor', 'link', 'opens', 'deadline'] as const;
export type MailTemplateVariable = (typeof MAIL_TEMPLATE_VARIABLES)[number];

export const MAIL_SUBJECT_MAX = 200;
export const MAIL_BODY_MAX = 5000;

export interface MailTemplateText {
  subject: string;
  body: string;
}

export type MailTemplatePair = Record<MailTemplateLocale, MailTemplateText>;

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** What the variables stand for in one message. Dates are formatted per locale at render time. */
export interface MailTemplateValues {
  institution: string;
  round: string;
  guarantor: string;
  link: string;
  opensAt: Date;
  closesAt: Date;
}

export const DEFAULT_MAIL_TEMPLATES: Record<MailTemplateKind, MailTemplatePair> = {
  invitation: {
    es: {
      subject: 'Invitación a responder el cuestionario {{round}} — {{institution}}',
      body: [
        'Estimada unidad de transparencia de {{institution}}:',
        '',
        '{{guarantor}} invita a {{institution}} a responder el cuestionario de apertura institucional de la ronda «{{round}}».',
        'Periodo para responder: del {{opens}} al {{deadline}} (hora del centro de México).',
        '',
        'Enlace para responder:',
        '',
        '{{link}}',
        '',
        'Este enlace es personal de su institución: permite guardar borradores y enviar las respuestas. No lo comparta fuera de su equipo.',
        'Si recibió este mensaje por error, puede ignorarlo.',
      ].join('\n'),
    },
    en: {
      subject: 'Invitation to answer the questionnaire {{round}} — {{institution}}',
      body: [
        '{{guarantor}} invites {{institution}} to answer the openness questionnaire of the round "{{round}}". Answer between {{opens}} and {{deadline}} (Mexico City time) with your personal link:',
        '',
        '{{link}}',
      ].join('\n'),
    },
  },
  reminder: {
    es: {
      subject: 'Recordatorio: cuestionario pendiente de {{institution}} — {{round}}',
      body: [
        'Estimada unidad de transparencia de {{institution}}:',
        '',
        'Le recordamos que {{institution}} aún no ha enviado sus respuestas al cuestionario de apertura institucional de la ronda «{{round}}», convocada por {{guarantor}}.',
        'Periodo para responder: del {{opens}} al {{deadline}} (hora del centro de México).',
        '',
        'Enlace para responder:',
        '',
        '{{link}}',
        '',
        'Este enlace es personal de su institución: permite guardar borradores y enviar las respuestas. No lo comparta fuera de su equipo.',
        'Si recibió este mensaje por error, puede ignorarlo.',
      ].join('\n'),
    },
    en: {
      subject: 'Reminder: questionnaire pending for {{institution}} — {{round}}',
      body: [
        'Reminder: {{institution}} has not yet submitted its answers to the openness questionnaire of the round "{{round}}" ({{guarantor}}). Answer between {{opens}} and {{deadline}} (Mexico City time) with your personal link:',
        '',
        '{{link}}',
      ].join('\n'),
    },
  },
};

/** Why a template was refused; the API maps each to an error code. */
export type MailTemplateProblem =
  | { code: 'TEMPLATE_UNKNOWN_VARIABLE'; field: 'subject' | 'body'; variable: string }
  | {
      code: 'TEMPLATE_UNSAFE';
      field: 'subject' | 'body';
      reason: 'markup' | 'control' | 'braces' | 'newline' | 'link-in-subject';
    }
  | { code: 'TEMPLATE_LINK_REQUIRED'; field: 'body' };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
// Anything an HTML reader could take for markup: tags, comments, doctype, processing instructions.
const MARKUP = /<\s*[a-zA-Z!/?]/;
// C0 controls other than tab and newline (CR is dropped by normalisation), DEL, and bidi overrides
// that could disguise the link.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** CRLF → LF and trailing spaces of lines removed: what is stored and rendered. */
export function normaliseTemplateText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '');
}

function checkPart(field: 'subject' | 'body', text: string): MailTemplateProblem | null {
  if (CONTROL.test(text)) return { code: 'TEMPLATE_UNSAFE', field, reason: 'control' };
  if (field === 'subject' && text.includes('\n')) return { code: 'TEMPLATE_UNSAFE', field, reason: 'newline' };
  if (MARKUP.test(text)) return { code: 'TEMPLATE_UNSAFE', field, reason: 'markup' };
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (!(MAIL_TEMPLATE_VARIABLES as readonly string[]).includes(name))
      return { code: 'TEMPLATE_UNKNOWN_VARIABLE', field, variable: name };
    if (field === 'subject' && name === 'link') return { code: 'TEMPLATE_UNSAFE', field, reason: 'link-in-subject' };
  }
  // Braces left after the placeholders are taken out are a typo ({{round}, {{ {{x}} }}): refused, not sent as is.
  if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) return { code: 'TEMPLATE_UNSAFE', field, reason: 'braces' };
  return null;
}

/** The first problem of a template, or null when it may be saved. The link must be in the body. */
export function checkMailTemplate(t: MailTemplateText): MailTemplateProblem | null {
  const subject = checkPart('subject', t.subject);
  if (subject) return subject;
  const body = checkPart('body', t.body);
  if (body) return body;
  if (![...t.body.matchAll(PLACEHOLDER)].some((m) => m[1] === 'link'))
    return { code: 'TEMPLATE_LINK_REQUIRED', field: 'body' };
  return null;
}

const TIME_ZONE = 'America/Mexico_City';

/**
 * One formatter per locale, made once: building an Intl.DateTimeFormat costs far more than using it
 * (the worker spent 1.7 s of CPU building them for due-process notices during a 30 s burst of
 * verdicts in the incremental benchmark).
 */
const MAIL_DATE_FORMATS: Record<MailTemplateLocale, Intl.DateTimeFormat> = {
  es: new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
};

export function formatMailDate(d: Date, locale: MailTemplateLocale): string {
  return MAIL_DATE_FORMATS[locale].format(d);
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Piece = { literal: string } | { variable: MailTemplateVariable };

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ literal: text.slice(last, at) });
    out.push({ variable: m[1] as MailTemplateVariable });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ literal: text.slice(last) });
  return out;
}

function valueOf(v: MailTemplateVariable, values: MailTemplateValues, locale: MailTemplateLocale): string {
  switch (v) {
    case 'institution':
      return values.institution;
    case 'round':
      return values.round;
    case 'guarantor':
      return values.guarantor;
    case 'link':
      return values.link;
    case 'opens':
      return formatMailDate(values.opensAt, locale);
    case 'deadline':
      return formatMailDate(values.closesAt, locale);
  }
}

/** Plain text: placeholders replaced by their values, nothing else touched. */
export function renderTemplateText(text: string, values: MailTemplateValues, locale: MailTemplateLocale): string {
  return pieces(text)
    .map((p) => ('literal' in p ? p.literal : valueOf(p.variable, values, locale)))
    .join('');
}

const BUTTON_LABEL: Record<MailTemplateKind, Record<MailTemplateLocale, string>> = {
  invitation: { es: 'Responder el cuestionario', en: 'Answer the questionnaire' },
  reminder: { es: 'Continuar el cuestionario', en: 'Continue the questionnaire' },
};

function button(link: string, label: string, locale: MailTemplateLocale): string {
  const href = escapeHtml(link);
  const fallback =
    locale === 'es'
      ? 'Si el botón no funciona, copie esta dirección en su navegador:'
      : 'If the button does not work, copy this address into your browser:';
  return `<p><a href="${href}" style="display: inline-block; background: #0b5cad; color: #ffffff; padding: 12px 20px; text-decoration: none; border-radius: 4px; font-weight: bold;">${escapeHtml(label)}</a></p>
<p>${escapeHtml(fallback)}<br><a href="${href}">${href}</a></p>`;
}

/** HTML of one body: paragraphs on blank lines, <br> on single newlines, every literal and value escaped. */
export function renderTemplateHtml(
  body: string,
  values: MailTemplateValues,
  locale: MailTemplateLocale,
  kind: MailTemplateKind,
): string {
  return body
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter((para) => para.length > 0)
    .map((para) => {
      if (/^\{\{\s*link\s*\}\}$/.test(para)) return button(values.link, BUTTON_LABEL[kind][locale], locale);
      const inner = pieces(para)
        .map((p) => {
          if ('literal' in p) return escapeHtml(p.literal).replace(/\n/g, '<br>\n');
          if (p.variable === 'link') return `<a href="${escapeHtml(values.link)}">${escapeHtml(values.link)}</a>`;
          return escapeHtml(valueOf(p.variable, values, locale));
        })
        .join('');
      return `<p>${inner}</p>`;
    })
    .join('\n');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 640px; margin: 0 auto; padding: 16px;">
${body}
</body>
</html>`;
}

/**
 * The message institutions receive: the Spanish template first (its subject is the message's), then
 * the English one under "English:" — institutions have no language preference on record, and the
 * English part serves readers who need it (as the built-in mails always did).
 */
export function renderMailTemplate(
  kind: MailTemplateKind,
  pair: MailTemplatePair,
  values: MailTemplateValues,
): MailContent {
  const subject = renderTemplateText(pair.es.subject, values, 'es');
  const text = [
    renderTemplateText(pair.es.body, values, 'es'),
    '',
    '—',
    `English: ${renderTemplateText(pair.en.subject, values, 'en')}`,
    '',
    renderTemplateText(pair.en.body, values, 'en'),
    '',
  ].join('\n');
  const html = page(
    subject,
    `${renderTemplateHtml(pair.es.body, values, 'es', kind)}
<hr>
<div lang="en" style="color: #555555; font-size: 14px;">
<p><strong>English: ${escapeHtml(renderTemplateText(pair.en.subject, values, 'en'))}</strong></p>
${renderTemplateHtml(pair.en.body, values, 'en', kind)}
</div>`,
  );
  return { subject, text, html };
}

/** Sample values of the console's preview (no real institution or link). */
export function sampleTemplateValues(guarantor: string, now: Date): MailTemplateValues {
  return {
    institution: 'Ayuntamiento de Ejemplo',
    round: 'Diagnóstico de apertura 2026',
    guarantor,
    link: 'https://apertura.example/responder/ENLACE-DE-EJEMPLO',
    opensAt: now,
    closesAt: new Date(now.getTime() + 30 * 86_400_000),
  };
}
