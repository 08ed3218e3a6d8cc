/**
 * Scored questionnaire items and how one answer becomes a score in [0,1] (METHOD.md §2).
 *
 * This file is the contract between libs/questionnaire (which reads SurveyJS JSON and
 * produces ItemSpec values) and the rest of libs/metric (which only ever sees numbers).
 */

/** Component code such as `TG.AI` or `PC.Cel`: sub-index, a dot, component. */
export type ComponentCode = string;

/** How a raw answer maps to a score. */
export type ItemScoring =
  /** Choice questions (radiogroup, dropdown, …): each choice value has a score; `null` = "not applicable". */
  | { kind: 'choices'; scores: Record<string, number | null> }
  /** Multi-select (checkbox): the score is the sum of the selected choices' scores, clipped to [0,1]. */
  | { kind: 'multi'; scores: Record<string, number | null> }
  /** Boolean questions: true → 1, false → 0. */
  | { kind: 'boolean' }
  /** Numeric questions: linear map of [min,max] onto [0,1], clipped. min > max means "lower is better". */
  | { kind: 'range'; min: number; max: number };

export interface ItemSpec {
  /** SurveyJS question name (unique inside one questionnaire). */
  name: string;
  component: ComponentCode;
  /** > 0; default 1. */
  weight: number;
  /** Citizens can confirm or refute this claim. */
  verifiable: boolean;
  scoring: ItemScoring;
}

/** One answered, visible item of a self-report or citizen report, with its score. */
export interface ScoredAnswer {
  name: string;
  component: ComponentCode;
  weight: number;
  verifiable: boolean;
  /** In [0,1]. */
  score: number;
}

const clip01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Score of one answer, or `null` when the item must be left out of its component:
 * no answer, an answer marked not applicable, or a value the scoring map does not know.
 * Never returns a silent 0 for a missing value (METHOD.md §3.2).
 */
export function scoreItem(scoring: ItemScoring, value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  switch (scoring.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 1 : 0) : null;
    case 'range': {
      const x = typeof value === 'number' ? value : NaN;
      if (!Number.isFinite(x) || scoring.min === scoring.max) return null;
      return clip01((x - scoring.min) / (scoring.max - scoring.min));
    }
    case 'choices': {
      const key = String(value);
      if (!Object.prototype.hasOwnProperty.call(scoring.scores, key)) return null;
      const s = scoring.scores[key];
      return s === null ? null : clip01(s);
    }
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0) return null;
      let sum = 0;
      let applicable = false;
      for (const v of [...value].map(String).sort()) {
        if (!Object.prototype.hasOwnProperty.call(scoring.scores, v)) continue;
        const s = scoring.scores[v];
        if (s === null) continue;
        applicable = true;
        sum += s;
      }
      return applicable ? clip01(sum) : null;
    }
  }
}

/** Scores every answered item of a submission; unanswered / not-applicable items are dropped. */
export function scoreAnswers(items: readonly ItemSpec[], data: Readonly<Record<string, unknown>>): ScoredAnswer[] {
  const out: ScoredAnswer[] = [];
  for (const item of items) {
    const score = scoreItem(item.scoring, data[item.name]);
    if (score === null) continue;
    out.push({ name: item.name, component: item.component, weight: item.weight, verifiable: item.verifiable, score });
  }
  return out;
}
