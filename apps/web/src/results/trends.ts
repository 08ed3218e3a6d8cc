import { api } from '../shared/api';
import type { Bilingual } from '../shared/i18n';
import type { ResultValue } from './api';

/** Mirrors apps/api/src/results/dto/trends.dto.ts. */
export type TrendScope = 'institution' | 'municipality' | 'state' | 'national';
export const TREND_INDICATORS = ['I', 'T', 'P', 'TG', 'TC', 'PG', 'PC', 'I_G'] as const;
export type TrendIndicator = (typeof TREND_INDICATORS)[number];

export interface TrendPoint {
  round: {
    id: string;
    name: string;
    opensAt: string;
    closesAt: string;
    publishedAt: string | null;
    synthetic: boolean;
  };
  value: ResultValue | null;
  /** Same method version as the newest point: on the line. */
  currentMethod: boolean;
  /** National: the round covered the same states as the newest one. */
  sameArea: boolean;
  /** A line joins it to the previous point. */
  joined: boolean;
  flags: Array<{ code: 'METHOD_VERSION_DIFFERS' | 'AREA_DIFFERS' | 'NOT_IN_ROUND' | 'NO_VALUE'; messages: Bilingual }>;
  change: {
    verdict: 'significant' | 'within_uncertainty' | 'not_comparable';
    delta: number | null;
    threshold: number | null;
    reasons: string[];
    messages: Bilingual;
    previousRoundId: string;
  } | null;
}

export interface Trend {
  guarantor: { slug: string; name: string };
  scope: TrendScope;
  key: string | null;
  name: string;
  cveEnt: string | null;
  indicator: TrendIndicator;
  aggregation: string;
  synthetic: boolean;
  methodId: string | null;
  methodVersion: string | null;
  points: TrendPoint[];
  excludedRounds: number;
  excludedReason: Bilingual | null;
  notice: Bilingual;
}

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

export const trendsApi = {
  /** The trend of the round's guarantor, over rounds of the round's kind (real or synthetic). */
  trend: (roundId: string, scope: TrendScope, key: string | null, indicator: string, signal?: AbortSignal) =>
    api<Trend>('/api/public/trends', { query: { round: roundId, scope, key: key ?? undefined, indicator }, signal }),
};
