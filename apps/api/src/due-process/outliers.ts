/**
 * Validators whose refutation rate is an outlier for their municipality (issue #13, no steering).
 * Pure. For each validator and municipality of the institutions it judged, the other validators'
 * refutation rate there (Laplace-smoothed, so a municipality where nobody else refuted does not make
 * every refutation an outlier) is the expectation; the validator is flagged when the one-sided exact
 * binomial tail P(X ≥ r | n, p) is below `alpha`. With too few other verdicts in the municipality the
 * round's other verdicts are the comparison. A flag is a prompt to look, not a sanction: it changes
 * no verdict and no value.
 */

export interface ValidatorVerdictCounts {
  validatorId: string;
  pseudonym: string;
  /** Municipality of the judged institutions. */
  cvegeo: string;
  /** Confirmations and refutations (unverifiable ignored). */
  confirmed: number;
  refuted: number;
}

export interface OutlierFlag {
  validatorId: string;
  pseudonym: string;
  cvegeo: string;
  verdicts: number;
  refuted: number;
  rate: number;
  expectedRate: number;
  pValue: number;
  basis: 'municipality' | 'round';
}

export interface OutlierOptions {
  /** Validators with fewer verdicts in the municipality are not judged. */
  minVerdicts: number;
  alpha: number;
  /** Other verdicts a municipality needs to be the comparison. */
  minComparison: number;
}

export const OUTLIER_DEFAULTS: OutlierOptions = Object.freeze({ minVerdicts: 5, alpha: 0.01, minComparison: 10 });

/** log of n choose k. */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** P(X ≥ r) for X ~ Binomial(n, p), exact. */
export function binomialUpperTail(r: number, n: number, p: number): number {
  if (r <= 0) return 1;
  if (r > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let total = 0;
  for (let k = r; k <= n; k++) total += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
  return Math.min(1, total);
}

export function refutationOutliers(
  rows: readonly ValidatorVerdictCounts[],
  opts: OutlierOptions = OUTLIER_DEFAULTS,
): OutlierFlag[] {
  const byMunicipality = new Map<string, { n: number; r: number }>();
  let roundN = 0;
  let roundR = 0;
  for (const row of rows) {
    const n = row.confirmed + row.refuted;
    const m = byMunicipality.get(row.cvegeo) ?? { n: 0, r: 0 };
    m.n += n;
    m.r += row.refuted;
    byMunicipality.set(row.cvegeo, m);
    roundN += n;
    roundR += row.refuted;
  }
  const flags: OutlierFlag[] = [];
  for (const row of rows) {
    const n = row.confirmed + row.refuted;
    if (n < opts.minVerdicts || row.refuted === 0) continue;
    const m = byMunicipality.get(row.cvegeo) ?? { n: 0, r: 0 };
    const local = m.n - n >= opts.minComparison;
    const otherN = local ? m.n - n : roundN - n;
    const otherR = local ? m.r - row.refuted : roundR - row.refuted;
    const expectedRate = (otherR + 1) / (otherN + 2);
    const rate = row.refuted / n;
    if (rate <= expectedRate) continue;
    const pValue = binomialUpperTail(row.refuted, n, expectedRate);
    if (pValue < opts.alpha) {
      flags.push({
        validatorId: row.validatorId,
        pseudonym: row.pseudonym,
        cvegeo: row.cvegeo,
        verdicts: n,
        refuted: row.refuted,
        rate,
        expectedRate,
        pValue,
        basis: local ? 'municipality' : 'round',
      });
    }
  }
  return flags.sort(
    (a, b) => a.pValue - b.pValue || (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0),
  );
}
