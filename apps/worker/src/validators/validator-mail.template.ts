/**
 * Mails to citizen validators (issue #16): new assignments, an expiry reminder, and a digest of how
 * the results of the institutions they worked on moved. Spanish first, a short English summary after.
 * Pure. A digest names only the validator's own institutions and their public results — never another
 * validator, never a count of who did what.
 */
import { escapeHtml, formatDate, MailContent } from '../mail/templates';

const STATUS_ES: Record<string, string> = {
  not_validated: 'sin validación ciudadana',
  inconclusive: 'no concluyente',
  caution: 'usar con cautela',
  conclusive: 'concluyente',
};
const STATUS_EN: Record<string, string> = {
  not_validated: 'not validated',
  inconclusive: 'not conclusive',
  caution: 'use with caution',
  conclusive: 'conclusive',
};

const statusEs = (s: string | null): string => (s === null ? 'sin resultado' : (STATUS_ES[s] ?? s));
const statusEn = (s: string | null): string => (s === null ? 'no result' : (STATUS_EN[s] ?? s));
const value = (v: number | null, locale: string): string =>
  v === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);

function page(
  title: string,
  paragraphs: string[],
  link: string,
  label: string,
  english: string,
  extraHtml = '',
): string {
  const href = escapeHtml(link);
  return `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 640px; margin: 0 auto; padding: 16px;">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${extraHtml}
<p><a href="${href}" style="display: inline-block; background: #0b5cad; color: #ffffff; padding: 12px 20px; text-decoration: none; border-radius: 4px; font-weight: bold;">${escapeHtml(label)}</a></p>
<p>Si el botón no funciona, copie esta dirección en su navegador:<br><a href="${href}">${href}</a></p>
<hr>
<p lang="en" style="color: #555555; font-size: 14px;">${escapeHtml(english)}</p>
</body>
</html>`;
}

const OPT_OUT_ES = 'Puede dejar de recibir estos avisos en «Mi cuenta» de su página de validación.';
const OPT_OUT_EN = 'You can stop these notices under "My account" on your validation page.';

export interface AssignmentsMailInput {
  roundName: string;
  /** Institutions newly assigned, with their kind (claims to verify, or citizen report only). */
  institutions: Array<{ name: string; place: string; kind: 'claims' | 'citizen_report_only' }>;
  expiresAt: Date;
  link: string;
}

export function assignmentsMail(i: AssignmentsMailInput): MailContent {
  const n = i.institutions.length;
  const subject = `${n === 1 ? 'Nueva asignación' : `${n} nuevas asignaciones`} — ${i.roundName}`;
  const intro = `Tiene ${n === 1 ? 'una nueva institución' : `${n} nuevas instituciones`} por validar en la ronda «${i.roundName}». Puede trabajar en ellas hasta el ${formatDate(i.expiresAt, 'es-MX')} (hora del centro de México).`;
  const lines = i.institutions.map(
    (x) =>
      `${x.name} (${x.place}) — ${x.kind === 'claims' ? 'afirmaciones por verificar y reporte ciudadano' : 'solo reporte ciudadano'}`,
  );
  const english = `You have ${n} new institution(s) to validate in round "${i.roundName}", until ${formatDate(i.expiresAt, 'en-US')} (Mexico City time). ${OPT_OUT_EN}`;
  const text = [
    intro,
    '',
    ...lines.map((l) => `• ${l}`),
    '',
    i.link,
    '',
    OPT_OUT_ES,
    '',
    '—',
    `English: ${english}`,
    '',
  ].join('\n');
  const html = page(
    subject,
    [intro],
    i.link,
    'Ver mis asignaciones',
    english,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>\n<p>${escapeHtml(OPT_OUT_ES)}</p>`,
  );
  return { subject, text, html };
}

export interface ExpiryMailInput {
  institutionName: string;
  roundName: string;
  expiresAt: Date;
  /** Verdicts still missing (0 for citizen-report-only tasks) and whether the report is in. */
  missingVerdicts: number;
  reportSubmitted: boolean;
  link: string;
}

export function expiryMail(e: ExpiryMailInput): MailContent {
  const subject = `Su asignación vence pronto: ${e.institutionName}`;
  const missing: string[] = [];
  if (e.missingVerdicts > 0) missing.push(e.missingVerdicts === 1 ? '1 dictamen' : `${e.missingVerdicts} dictámenes`);
  if (!e.reportSubmitted) missing.push('el reporte ciudadano');
  const intro = `Su asignación de ${e.institutionName} en la ronda «${e.roundName}» vence el ${formatDate(e.expiresAt, 'es-MX')} (hora del centro de México). Después, la institución vuelve a estar disponible para otras personas.`;
  const todo =
    missing.length > 0
      ? `Le falta: ${missing.join(' y ')}. Lo que ya guardó se conserva.`
      : 'Ya guardó todo lo necesario; puede revisarlo hasta esa fecha.';
  const english = `Your assignment of ${e.institutionName} in round "${e.roundName}" expires on ${formatDate(e.expiresAt, 'en-US')} (Mexico City time); then the institution goes back to the pool. ${OPT_OUT_EN}`;
  const text = [intro, '', todo, '', e.link, '', OPT_OUT_ES, '', '—', `English: ${english}`, ''].join('\n');
  return {
    subject,
    text,
    html: page(subject, [intro, todo], e.link, 'Continuar la validación', english, `<p>${escapeHtml(OPT_OUT_ES)}</p>`),
  };
}

export interface DigestItem {
  roundName: string;
  institutionName: string;
  beforeEstimate: number | null;
  afterEstimate: number | null;
  beforeStatus: string | null;
  afterStatus: string | null;
}

export interface DigestMailInput {
  items: DigestItem[];
  historyLink: string;
}

export function digestLine(d: DigestItem, lang: 'es' | 'en'): string {
  if (lang === 'es') {
    const st =
      d.beforeStatus === d.afterStatus
        ? `sigue ${statusEs(d.afterStatus)}`
        : `pasó de ${statusEs(d.beforeStatus)} a ${statusEs(d.afterStatus)}`;
    return `${d.institutionName} («${d.roundName}»): índice ${value(d.beforeEstimate, 'es-MX')} → ${value(d.afterEstimate, 'es-MX')}; ${st}.`;
  }
  const st =
    d.beforeStatus === d.afterStatus
      ? `still ${statusEn(d.afterStatus)}`
      : `from ${statusEn(d.beforeStatus)} to ${statusEn(d.afterStatus)}`;
  return `${d.institutionName} ("${d.roundName}"): index ${value(d.beforeEstimate, 'en-US')} → ${value(d.afterEstimate, 'en-US')}; ${st}.`;
}

export function digestMail(d: DigestMailInput): MailContent {
  const n = d.items.length;
  const subject = `Cómo cambiaron los resultados que usted validó (${n === 1 ? '1 institución' : `${n} instituciones`})`;
  const intro =
    'Estos son los cambios en los resultados de las instituciones que usted validó desde nuestro último aviso. Cada resultado combina los reportes de varias personas y la autoevaluación de la institución.';
  const lines = d.items.map((x) => digestLine(x, 'es'));
  const english = `Results of institutions you validated changed: ${d.items.map((x) => digestLine(x, 'en')).join(' ')} ${OPT_OUT_EN}`;
  const text = [
    intro,
    '',
    ...lines.map((l) => `• ${l}`),
    '',
    d.historyLink,
    '',
    OPT_OUT_ES,
    '',
    '—',
    `English: ${english}`,
    '',
  ].join('\n');
  const html = page(
    subject,
    [intro],
    d.historyLink,
    'Ver mi historial',
    english,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>\n<p>${escapeHtml(OPT_OUT_ES)}</p>`,
  );
  return { subject, text, html };
}
