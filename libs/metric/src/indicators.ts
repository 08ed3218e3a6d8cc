/**
 * The values computed for every institution and aggregated over areas (METHOD.md §3.4–3.6, §4).
 * Government sub-indices are the validated ones (s'); the `_raw` variants use self-reported s.
 */
export type Indicator =
  'I' | 'T' | 'P' | 'TG' | 'TC' | 'PG' | 'PC' | 'I_G' | 'TG_raw' | 'PG_raw' | 'I_G_raw' | 'DELTA_G';

export const INDICATORS: readonly Indicator[] = [
  'I',
  'T',
  'P',
  'TG',
  'TC',
  'PG',
  'PC',
  'I_G',
  'TG_raw',
  'PG_raw',
  'I_G_raw',
  'DELTA_G',
];

const CITIZEN_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>(['I', 'T', 'P', 'TC', 'PC']);

/** Values that include the citizen perspective (and so are `not_validated` without citizen data). */
export function needsCitizenData(indicator: Indicator): boolean {
  return CITIZEN_INDICATORS.has(indicator);
}

/** Government-perspective indicators (§6 rule 1: their aggregates need citizen-validation coverage). */
export const GOVERNMENT_PERSPECTIVE: ReadonlySet<Indicator> = new Set<Indicator>([
  'TG',
  'PG',
  'I_G',
  'TG_raw',
  'PG_raw',
  'I_G_raw',
  'DELTA_G',
]);

/** Citizen share c of a value (§5 bound (c·0.5)²): 1 for TC, PC and citizen components; 0.5 for T, P, I; 0 otherwise. */
export function citizenShare(code: string): number {
  if (code === 'I' || code === 'T' || code === 'P') return 0.5;
  if (code === 'TC' || code === 'PC' || code.startsWith('TC.') || code.startsWith('PC.')) return 1;
  return 0;
}
