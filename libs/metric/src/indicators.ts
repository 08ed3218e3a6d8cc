/**
 * The values computed for every institution and aggregated over areas (METHOD.md §3.4–3.6, §4).
 * Government sub-indices are the validated ones (s'); the `_raw` variants use self-reported s.
 */
export type Indicator =
  | 'I'
  | 'T'
  | 'P'
  | 'TG'
  | 'TC'
  | 'PG'
  | 'PC'
  | 'I_G'
  | 'TG_raw'
  | 'PG_raw'
  | 'I_G_raw'
  | 'DELTA_G';

export const INDICATORS: readonly Indicator[] = ['I', 'T', 'P', 'TG', 'TC', 'PG', 'PC', 'I_G', 'TG_raw', 'PG_raw', 'I_G_raw', 'DELTA_G'];

const CITIZEN_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>(['I', 'T', 'P', 'TC', 'PC']);

/** Values that include the citizen perspective (and so are `not_validated` without citizen data). */
export function needsCitizenData(indicator: Indicator): boolean {
  return CITIZEN_INDICATORS.has(indicator);
}
