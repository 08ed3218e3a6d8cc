import { DomainError } from '../common/domain-error';

export const reportTransitionInvalid = (from: string, to: string): DomainError =>
  new DomainError(
    'REPORT_TRANSITION_INVALID',
    {
      es: `Un reporte no puede pasar de «${from}» a «${to}». Un reporte abierto se reconoce o se cierra (corregido o rechazado); uno cerrado ya no cambia.`,
      en: `A report cannot go from '${from}' to '${to}'. An open report is acknowledged or closed (fixed or rejected); a closed one no longer changes.`,
    },
    'status',
    { from, to },
  );

export const replyRequired = (): DomainError =>
  new DomainError(
    'REPORT_REPLY_REQUIRED',
    {
      es: 'Para cerrar un reporte escriba una respuesta pública: qué se corrigió o por qué se rechaza.',
      en: 'To close a report, write a public reply: what was fixed or why it is rejected.',
    },
    'publicReply',
  );

export const tooManyReports = (): DomainError =>
  new DomainError('RATE_LIMITED', {
    es: 'Se recibieron demasiados reportes desde su conexión; intente más tarde.',
    en: 'Too many reports from your connection; try again later.',
  });
