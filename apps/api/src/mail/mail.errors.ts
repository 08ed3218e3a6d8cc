import { MAIL_TEMPLATE_VARIABLES } from '@apertura/db';
import type { MailTemplateProblem } from '@apertura/db';
import { DomainError } from '../common/domain-error';

const REASONS: Record<Extract<MailTemplateProblem, { code: 'TEMPLATE_UNSAFE' }>['reason'], { es: string; en: string }> =
  {
    markup: {
      es: 'no puede contener etiquetas HTML (escriba texto simple)',
      en: 'may not contain HTML tags (write plain text)',
    },
    control: {
      es: 'contiene caracteres de control o de dirección de texto',
      en: 'contains control or text-direction characters',
    },
    braces: { es: 'tiene llaves {{ }} incompletas', en: 'has unbalanced {{ }} braces' },
    newline: { es: 'no puede tener saltos de línea', en: 'may not contain line breaks' },
    'link-in-subject': {
      es: 'no puede llevar el enlace {{link}} (va en el cuerpo)',
      en: 'may not carry {{link}} (it belongs in the body)',
    },
  };

function templateProblem(p: MailTemplateProblem): DomainError {
  const where = p.field === 'subject' ? { es: 'El asunto', en: 'The subject' } : { es: 'El cuerpo', en: 'The body' };
  switch (p.code) {
    case 'TEMPLATE_UNKNOWN_VARIABLE': {
      const allowed = MAIL_TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ');
      return new DomainError(
        'TEMPLATE_UNKNOWN_VARIABLE',
        {
          es: `${where.es} usa la variable desconocida {{${p.variable}}}. Variables permitidas: ${allowed}.`,
          en: `${where.en} uses the unknown variable {{${p.variable}}}. Allowed variables: ${allowed}.`,
        },
        p.field,
        { variable: p.variable, allowed: [...MAIL_TEMPLATE_VARIABLES] },
      );
    }
    case 'TEMPLATE_UNSAFE':
      return new DomainError(
        'TEMPLATE_UNSAFE',
        { es: `${where.es} ${REASONS[p.reason].es}.`, en: `${where.en} ${REASONS[p.reason].en}.` },
        p.field,
        {
          reason: p.reason,
        },
      );
    case 'TEMPLATE_LINK_REQUIRED':
      return new DomainError(
        'TEMPLATE_LINK_REQUIRED',
        {
          es: 'El cuerpo debe incluir {{link}}: sin él, la institución no puede responder.',
          en: 'The body must include {{link}}: without it the institution cannot answer.',
        },
        'body',
      );
  }
}

/** Errors of mail templates and mail re-sends (Spanish first). */
export const MailErrors = {
  /** A template checkMailTemplate refused, worded for the field it names. */
  templateProblem,
  alreadySent: (): DomainError =>
    new DomainError(
      'MAIL_ALREADY_SENT',
      {
        es: 'Este correo ya fue enviado; no se reenvía.',
        en: 'This mail was already sent; it is not re-sent.',
      },
      'eventId',
    ),
  notResendable: (outcome: string, resentAs: string | null): DomainError =>
    new DomainError(
      'MAIL_NOT_RESENDABLE',
      {
        es: 'Solo se reenvían correos fallidos o abandonados (este está en cola, se omitió o ya se reenvió).',
        en: 'Only failed or given-up mails can be re-sent (this one is queued, was skipped or was already re-sent).',
      },
      'eventId',
      { outcome, resentAs },
    ),
} as const;
