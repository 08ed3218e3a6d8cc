/**
 * The notice of refutations (METHOD.md §3.1): Spanish first, a short English summary after. Pure.
 * It names the claims and the deadline, never the validator; the evidence is on the respond page.
 */
import { escapeHtml, formatDate, MailContent } from '../mail/templates';

export interface RefutationNoticeInput {
  institutionName: string;
  roundName: string;
  guarantorName: string;
  /** Question names of the refuted claims (titles are on the respond page). */
  claims: string[];
  replyWindowDays: number;
  deadline: Date;
  link: string;
}

export function refutationNoticeMail(n: RefutationNoticeInput): MailContent {
  const count = n.claims.length;
  const subject = `Aviso de refutación: ${count === 1 ? '1 afirmación' : `${count} afirmaciones`} de ${n.institutionName} — ${n.roundName}`;
  const deadlineEs = formatDate(n.deadline, 'es-MX');
  const deadlineEn = formatDate(n.deadline, 'en-US');
  const intro =
    `En la ronda «${n.roundName}» (${n.guarantorName}), una persona validadora ciudadana refutó ` +
    (count === 1 ? 'una afirmación' : `${count} afirmaciones`) +
    ` del autodiagnóstico de ${n.institutionName}. Antes de que la refutación cuente en un resultado público, su institución tiene derecho a responder.`;
  const right =
    `Puede impugnarla con un texto y evidencia hasta el ${deadlineEs} (hora del centro de México; ${n.replyWindowDays} días desde este aviso). ` +
    'Si la impugna, la persona garante decide, con una razón, si la refutación se mantiene o se revoca. Si no la impugna, la refutación contará al vencer el plazo.';
  const where =
    'En su enlace personal de respuesta, sección «Réplica», verá cada afirmación refutada con la evidencia presentada (sin la identidad de quien la presentó).';
  const english =
    `A citizen validator refuted ${count} claim(s) of ${n.institutionName}'s self-report in round "${n.roundName}". ` +
    `You may dispute each one with text and evidence until ${deadlineEn} (Mexico City time) in the "Réplica" section of your respond link; ` +
    'undisputed refutations count once that deadline passes, disputed ones when the guarantor upholds them.';
  const list = n.claims.map((c) => `• ${c}`);
  const text = [
    `Estimada unidad de transparencia de ${n.institutionName}:`,
    '',
    intro,
    '',
    'Afirmaciones refutadas:',
    ...list,
    '',
    right,
    where,
    n.link,
    '',
    '—',
    `English: ${english}`,
    '',
  ].join('\n');
  const href = escapeHtml(n.link);
  const html = `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 640px; margin: 0 auto; padding: 16px;">
<p>Estimada unidad de transparencia de <strong>${escapeHtml(n.institutionName)}</strong>:</p>
<p>${escapeHtml(intro)}</p>
<p>Afirmaciones refutadas:</p>
<ul>${n.claims.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join('')}</ul>
<p>${escapeHtml(right)}</p>
<p>${escapeHtml(where)}</p>
<p><a href="${href}" style="display: inline-block; background: #0b5cad; color: #ffffff; padding: 12px 20px; text-decoration: none; border-radius: 4px; font-weight: bold;">Ver y responder</a></p>
<p>Si el botón no funciona, copie esta dirección en su navegador:<br><a href="${href}">${href}</a></p>
<hr>
<p lang="en" style="color: #555555; font-size: 14px;">${escapeHtml(english)}</p>
</body>
</html>`;
  return { subject, text, html };
}
