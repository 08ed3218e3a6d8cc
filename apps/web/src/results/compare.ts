/**
 * The round-comparison rule of METHOD.md §9, pure: a change between two rounds is called significant
 * only when it can be; otherwise "not comparable", with the reason in words.
 */
import { statusLabel } from '@apertura/reasons-text';
import type { Lang, Status, ValueLike } from './present';

export type NotComparableReason = 'missing_value' | 'different_scope' | 'different_method' | 'status' | 'missing_se';

export interface Comparison {
  delta: number | null;
  /** 1.96·√(SE_A² + SE_B²); null when not comparable. */
  threshold: number | null;
  verdict: 'significant' | 'within_uncertainty' | 'not_comparable';
  reasons: NotComparableReason[];
}

const COMPARABLE: ReadonlySet<Status> = new Set(['conclusive', 'caution']);

/**
 * §9: a change is significant only when both values are at least `caution`, both SEs are known and
 * both come from the same method (id and version); then when |Δ| > 1.96·√(SE_A² + SE_B²). Otherwise
 * "not comparable", with every reason that applies. A missing SE is never taken as 0.
 */
export function compareValues(
  a: ValueLike | null | undefined,
  b: ValueLike | null | undefined,
  scopes?: { a: string; b: string },
): Comparison {
  if (!a || !b || a.estimate === null || b.estimate === null)
    return { delta: null, threshold: null, verdict: 'not_comparable', reasons: ['missing_value'] };
  const delta = b.estimate - a.estimate;
  const reasons: NotComparableReason[] = [];
  // Whole-round values over different areas (6 states vs one) measure different things.
  if (scopes && scopes.a !== scopes.b) reasons.push('different_scope');
  const ka = methodKey(a);
  if (ka === null || ka !== methodKey(b)) reasons.push('different_method');
  if (!COMPARABLE.has(a.status) || !COMPARABLE.has(b.status)) reasons.push('status');
  if (a.se === null || b.se === null || !Number.isFinite(a.se) || !Number.isFinite(b.se)) reasons.push('missing_se');
  if (reasons.length > 0) return { delta, threshold: null, verdict: 'not_comparable', reasons };
  const threshold = 1.96 * Math.sqrt((a.se as number) ** 2 + (b.se as number) ** 2);
  return { delta, threshold, verdict: Math.abs(delta) > threshold ? 'significant' : 'within_uncertainty', reasons };
}

/** Method id with version; null when unknown (an unknown method is never taken as the same one). */
function methodKey(v: ValueLike): string | null {
  return v.methodId ? `${v.methodId}@${v.methodVersion ?? ''}` : null;
}

/** Why a comparison was refused, in words, naming the side and the status or methods concerned. */
export function notComparableText(
  c: Comparison,
  a: ValueLike | null | undefined,
  b: ValueLike | null | undefined,
  lang: Lang,
  scopes?: { a: string; b: string },
): string {
  const parts = c.reasons.map((r) => {
    switch (r) {
      case 'missing_value': {
        const which = !a || a.estimate === null ? (!b || b.estimate === null ? 'AB' : 'A') : 'B';
        if (lang === 'es')
          return which === 'AB' ? 'ninguna de las dos rondas tiene valor' : `la ronda ${which} no tiene valor`;
        return which === 'AB' ? 'neither round has a value' : `round ${which} has no value`;
      }
      case 'different_scope':
        return lang === 'es'
          ? `las rondas cubren ámbitos distintos (${scopes?.a ?? '—'} y ${scopes?.b ?? '—'})`
          : `the rounds cover different areas (${scopes?.a ?? '—'} and ${scopes?.b ?? '—'})`;
      case 'different_method': {
        const ma = methodName(a);
        const mb = methodName(b);
        return lang === 'es'
          ? `las rondas se calcularon con versiones distintas del método (${ma} y ${mb})`
          : `the rounds were computed with different method versions (${ma} and ${mb})`;
      }
      case 'status': {
        const weak = [a, b].flatMap((v, k) =>
          v && !COMPARABLE.has(v.status) ? [`${k === 0 ? 'A' : 'B'}: «${statusLabel(v.status, lang)}»`] : [],
        );
        return lang === 'es'
          ? `un valor por debajo de «con cautela» no se compara (${weak.join(', ')})`
          : `a value below "use with caution" is not compared (${weak.join(', ')})`;
      }
      case 'missing_se': {
        const sides = [a, b].flatMap((v, k) =>
          v && (v.se === null || !Number.isFinite(v.se)) ? [k === 0 ? 'A' : 'B'] : [],
        );
        const list = sides.join(lang === 'es' ? ' y ' : ' and ');
        return lang === 'es' ? `falta el error estándar de ${list}` : `the standard error of ${list} is unknown`;
      }
    }
  });
  const head = lang === 'es' ? 'No comparable: ' : 'Not comparable: ';
  return `${head}${parts.join('; ')}.`;
}

function methodName(v: ValueLike | null | undefined): string {
  if (!v?.methodId) return '—';
  return v.methodVersion ? `${v.methodId} v${v.methodVersion}` : v.methodId;
}

/** The rounds to choose from: each id once, where it first appears, with the name listed last for it. */
export function roundChoices(
  lists: ReadonlyArray<ReadonlyArray<{ id: string; name: string }>>,
): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const r of lists.flat()) seen.set(r.id, r.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The summary sentence's numbers over the states: significant changes, comparable ones, all. */
export function verdictCounts(rows: ReadonlyArray<{ verdict: Comparison['verdict'] }>): {
  sig: number;
  comparable: number;
  total: number;
} {
  return {
    sig: rows.filter((r) => r.verdict === 'significant').length,
    comparable: rows.filter((r) => r.verdict !== 'not_comparable').length,
    total: rows.length,
  };
}
