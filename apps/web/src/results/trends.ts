import { api, type Schema } from '../shared/api';

/**
 * apps/api/src/results/dto/trends.dto.ts, from the generated OpenAPI types (shared/api-schema.d.ts): a
 * changed DTO is a compile error here.
 */
export type Trend = Schema<'TrendDto'>;
export type TrendScope = Trend['scope'];
export const TREND_INDICATORS = [
  'I',
  'T',
  'P',
  'TG',
  'TC',
  'PG',
  'PC',
  'I_G',
] as const satisfies readonly Trend['indicator'][];
export type TrendIndicator = (typeof TREND_INDICATORS)[number];
export type TrendPoint = Schema<'TrendPointDto'>;

/** URL words (Spanish, like the rest of /resultados) for the scopes. */
export const SCOPE_WORDS: Record<TrendScope, string> = {
  institution: 'institucion',
  municipality: 'municipio',
  state: 'estado',
  national: 'nacional',
};

export function trendHref(roundId: string, scope: TrendScope, key?: string | null, indicator: string = 'I'): string {
  const q = new URLSearchParams({ ambito: SCOPE_WORDS[scope] });
  if (key) q.set('clave', key);
  if (indicator !== 'I') q.set('indicador', indicator);
  return `/resultados/${encodeURIComponent(roundId)}/tendencia?${q.toString()}`;
}

/**
 * Where the trend page's eyebrow link leads: back to the unit's own page (an institution, a state, a
 * municipality's state), else to the round's overview.
 */
export function trendBackHref(
  roundId: string,
  scope: TrendScope,
  key: string | null,
  cveEnt: string | null | undefined,
): string {
  if (scope === 'institution' && key) return `/resultados/${roundId}/instituciones/${key}`;
  if (scope === 'state' && key) return `/resultados/${roundId}/estados/${key}`;
  if (scope === 'municipality' && cveEnt) return `/resultados/${roundId}/estados/${cveEnt}`;
  return `/resultados/${roundId}`;
}

export const trendsApi = {
  /** The trend of the round's guarantor, over rounds of the round's kind (real or synthetic). */
  trend: (roundId: string, scope: TrendScope, key: string | null, indicator: string, signal?: AbortSignal) =>
    api<Trend>('/api/public/trends', { query: { round: roundId, scope, key: key ?? undefined, indicator }, signal }),
};
