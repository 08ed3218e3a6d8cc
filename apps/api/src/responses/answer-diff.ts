import { sameJson } from './canonical-json';

export type AnswerChangeKind = 'added' | 'removed' | 'changed';

export interface AnswerChange {
  name: string;
  change: AnswerChangeKind;
  /** Absent when the answer was added. */
  before?: unknown;
  /** Absent when the answer was removed. */
  after?: unknown;
}

const has = (o: Readonly<Record<string, unknown>>, k: string): boolean =>
  Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined;

/**
 * What changed from one submitted version to the next, answer by answer. Values compare as JSON
 * (key order of objects ignored), so a re-submission of the same answers shows no change. `order`
 * (the questionnaire's question order) sorts the changes as the reader saw the form; names it does
 * not know follow, alphabetically. `previous` null: the first version, every answer is added.
 */
export function diffAnswers(
  previous: Readonly<Record<string, unknown>> | null,
  next: Readonly<Record<string, unknown>>,
  order: readonly string[] = [],
): AnswerChange[] {
  const before = previous ?? {};
  const names = new Set([...Object.keys(before), ...Object.keys(next)]);
  const rank = new Map(order.map((n, i) => [n, i]));
  const sorted = [...names].sort((a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const out: AnswerChange[] = [];
  for (const name of sorted) {
    const inBefore = has(before, name);
    const inNext = has(next, name);
    if (inBefore && !inNext) out.push({ name, change: 'removed', before: before[name] });
    else if (!inBefore && inNext) out.push({ name, change: 'added', after: next[name] });
    else if (inBefore && inNext && !sameJson(before[name], next[name]))
      out.push({ name, change: 'changed', before: before[name], after: next[name] });
  }
  return out;
}

/** Applies changes to a version's answers: the inverse the property test checks (`apply(a, diff(a, b)) ≅ b`). */
export function applyAnswerChanges(
  previous: Readonly<Record<string, unknown>> | null,
  changes: readonly AnswerChange[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(previous ?? {}) };
  for (const c of changes) {
    if (c.change === 'removed') delete out[c.name];
    // defineProperty: a name like "__proto__" is data here, never the prototype setter.
    else Object.defineProperty(out, c.name, { value: c.after, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
