/** Small statistics for benchmark reports. */

/** The middle value (mean of the two middle ones for an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in [0,100]) of a sample; NaN when empty. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Least-squares line y = a + b·x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number } {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxx === 0 ? NaN : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/** Exponent k of cost ∝ size^k (least squares on logs). */
export function scalingExponent(sizes: readonly number[], costs: readonly number[]): number {
  return linearFit(sizes.map(Math.log), costs.map(Math.log)).slope;
}

/**
 * A repeated measurement as the summary prints it: the median, then the min and max of the runs
 * (just the value for a single run), each formatted by `fmt`.
 */
export function spread(xs: readonly number[], fmt: (x: number) => string): string {
  if (xs.length === 1) return fmt(xs[0]);
  return `${fmt(median(xs))} (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`;
}
