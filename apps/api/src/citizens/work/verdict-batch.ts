import { isURL, isUUID } from 'class-validator';
import { VERDICTS } from '@apertura/db';
import type { VerdictValue } from '@apertura/db';
import type { Messages } from '../../common/domain-error';

/** One problem of a batch item: which claim, which field, why (both languages). */
export interface VerdictItemError {
  index: number;
  questionName: string | null;
  field: 'questionName' | 'verdict' | 'evidenceUrl' | 'evidenceFileId' | 'comment' | 'item';
  messages: Messages;
}

export interface CheckedVerdict {
  questionName: string;
  verdict: VerdictValue;
  evidenceUrl?: string;
  evidenceFileId?: string;
  comment?: string;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const HTTPS = { protocols: ['https'], require_protocol: true, require_valid_protocol: true };
const optionalString = (v: unknown): v is string | undefined | null =>
  v === undefined || v === null || typeof v === 'string';

/**
 * Checks every item of a batch of verdicts against the same rules as the single save (SaveVerdictDto
 * plus the claim and file checks) and reports all problems at once, so the page can mark each claim.
 * Pure: the claims of the questionnaire and the caller's own evidence files are passed in.
 */
export function checkVerdictItems(
  items: unknown[],
  claimNames: ReadonlySet<string>,
  ownFiles: ReadonlySet<string>,
): { ok: true; items: CheckedVerdict[] } | { ok: false; errors: VerdictItemError[] } {
  const errors: VerdictItemError[] = [];
  const out: CheckedVerdict[] = [];
  const seen = new Set<string>();
  items.forEach((raw, index) => {
    if (!isRecord(raw)) {
      errors.push({
        index,
        questionName: null,
        field: 'item',
        messages: { es: 'Cada dictamen debe ser un objeto.', en: 'Each verdict must be an object.' },
      });
      return;
    }
    const questionName = typeof raw.questionName === 'string' ? raw.questionName : null;
    const err = (field: VerdictItemError['field'], es: string, en: string): void => {
      errors.push({ index, questionName, field, messages: { es, en } });
    };
    if (questionName === null || !claimNames.has(questionName)) {
      err(
        'questionName',
        'No es una afirmación verificable del cuestionario de la ronda.',
        "Not a verifiable claim of the round's questionnaire.",
      );
    } else if (seen.has(questionName)) {
      err('questionName', 'Esta afirmación aparece dos veces en el envío.', 'This claim appears twice in the request.');
    } else seen.add(questionName);
    const verdict = raw.verdict;
    if (typeof verdict !== 'string' || !(VERDICTS as readonly string[]).includes(verdict)) {
      err(
        'verdict',
        'Elija un dictamen: confirmada, refutada o no verificable.',
        'Choose a verdict: confirmed, refuted or unverifiable.',
      );
    }
    const { evidenceUrl, evidenceFileId, comment } = raw;
    if (
      !optionalString(evidenceUrl) ||
      (typeof evidenceUrl === 'string' &&
        evidenceUrl !== '' &&
        (evidenceUrl.length > 2048 || !isURL(evidenceUrl, HTTPS)))
    ) {
      err(
        'evidenceUrl',
        'La evidencia debe ser un enlace https de hasta 2048 caracteres.',
        'The evidence must be an https link of at most 2048 characters.',
      );
    }
    if (
      !optionalString(evidenceFileId) ||
      (typeof evidenceFileId === 'string' &&
        evidenceFileId !== '' &&
        (!isUUID(evidenceFileId) || !ownFiles.has(evidenceFileId)))
    ) {
      err(
        'evidenceFileId',
        'El archivo de evidencia no existe o no es suyo.',
        'The evidence file does not exist or is not yours.',
      );
    }
    if (!optionalString(comment) || (typeof comment === 'string' && comment.length > 4000)) {
      err('comment', 'El comentario admite hasta 4000 caracteres.', 'The comment takes at most 4000 characters.');
    }
    if (errors.length === 0 && questionName !== null) {
      out.push({
        questionName,
        verdict: verdict as VerdictValue,
        evidenceUrl: typeof evidenceUrl === 'string' && evidenceUrl !== '' ? evidenceUrl : undefined,
        evidenceFileId: typeof evidenceFileId === 'string' && evidenceFileId !== '' ? evidenceFileId : undefined,
        comment: typeof comment === 'string' && comment !== '' ? comment : undefined,
      });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items: out };
}
