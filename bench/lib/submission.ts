/**
 * Complete, valid self-report submissions for any institution questionnaire (the default one or a
 * synthetic one), as the web app would send them: every scored item answered, evidence links for
 * the verifiable claims, the respondent fields filled.
 */
import { mulberry32 } from '@apertura/metric';
import type { ItemSpec } from '@apertura/metric';
import { extractScoredItems, validateSubmission } from '@apertura/questionnaire';
import type { SurveyJson } from '@apertura/questionnaire';

interface QuestionInfo {
  name: string;
  type: string;
  inputType?: string;
  evidenceFor?: string;
}

function questionsOf(node: unknown, out: QuestionInfo[] = []): QuestionInfo[] {
  if (Array.isArray(node)) {
    for (const n of node) questionsOf(n, out);
  } else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && typeof o.name === 'string' && o.type !== 'panel') {
      out.push({
        name: o.name,
        type: o.type,
        inputType: typeof o.inputType === 'string' ? o.inputType : undefined,
        evidenceFor: typeof o.evidenceFor === 'string' ? o.evidenceFor : undefined,
      });
    }
    for (const k of ['pages', 'elements']) if (k in o) questionsOf(o[k], out);
  }
  return out;
}

/** An answer that always scores (never "not applicable"), so every submission moves the numbers. */
function scoredAnswer(item: ItemSpec, rng: () => number): unknown {
  const s = item.scoring;
  switch (s.kind) {
    case 'boolean':
      return rng() < 0.6;
    case 'choices': {
      const keys = Object.keys(s.scores).filter((k) => s.scores[k] !== null);
      return keys[Math.floor(rng() * keys.length)];
    }
    case 'multi': {
      const keys = Object.keys(s.scores).filter((k) => (s.scores[k] ?? 0) > 0);
      const picked = keys.filter(() => rng() < 0.5);
      return picked.length > 0 ? picked : [keys[0]];
    }
    case 'range': {
      const lo = Math.min(s.min, s.max);
      const hi = Math.max(s.min, s.max);
      return Math.round(lo + rng() * (hi - lo));
    }
  }
}

/** Answers for `definition` from `seed`; free-text comments padded so the request body is about `bodyBytes`. */
export function submissionAnswers(definition: SurveyJson, seed: number, bodyBytes?: number): Record<string, unknown> {
  const rng = mulberry32(seed);
  const items = new Map(extractScoredItems(definition).map((i) => [i.name, i]));
  const data: Record<string, unknown> = {};
  let comment: string | undefined;
  for (const q of questionsOf(definition)) {
    const item = items.get(q.name);
    if (item) data[q.name] = scoredAnswer(item, rng);
    else if (q.evidenceFor) data[q.name] = `https://transparencia.example.gob.mx/evidencia/${seed}/${q.evidenceFor}`;
    else if (q.inputType === 'email') data[q.name] = `unidad.transparencia${seed}@example.gob.mx`;
    else if (q.inputType === 'url') data[q.name] = `https://transparencia.example.gob.mx/${seed}`;
    else if (q.type === 'comment') comment = q.name;
    else if (q.type === 'text' && q.inputType === undefined) data[q.name] = 'Titular de la Unidad de Transparencia';
  }
  if (comment !== undefined && bodyBytes !== undefined) {
    const envelope = JSON.stringify({
      data: { ...data, [comment]: '' },
      idempotencyKey: 'bench-00000000-000000000',
    }).length;
    const filler = 'Sin observaciones adicionales sobre el periodo evaluado. ';
    const room = Math.max(0, bodyBytes - envelope);
    data[comment] = filler.repeat(Math.ceil(room / filler.length)).slice(0, room);
  }
  return data;
}

/** Throws unless the server-side validation (the API's) accepts `data` as a final submission. */
export async function assertValidSubmission(definition: SurveyJson, data: Record<string, unknown>): Promise<void> {
  const r = await validateSubmission(definition, data, { mode: 'final' });
  if (!r.ok)
    throw new Error(
      `generated submission is invalid: ${r.errors.map((e) => `${e.code} ${e.question ?? e.path ?? ''}`).join('; ')}`,
    );
}
