/** Two independent estimates differ beyond their uncertainty when |Δ| > 1.96·√(se_a² + se_b²). */
export interface Change {
  delta: number | null;
  threshold: number | null;
  significant: boolean | null;
}

export function compareValues(a: { estimate: number | null; se: number | null } | undefined, b: { estimate: number | null; se: number | null } | undefined): Change {
  if (!a || !b || a.estimate === null || b.estimate === null) return { delta: null, threshold: null, significant: null };
  const delta = b.estimate - a.estimate;
  // A census value (se null) carries no sampling error: treat it as 0 rather than refusing to compare.
  const threshold = 1.96 * Math.sqrt((a.se ?? 0) ** 2 + (b.se ?? 0) ** 2);
  return { delta, threshold, significant: Math.abs(delta) > threshold };
}
