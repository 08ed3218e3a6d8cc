/**
 * A unit's values over a guarantor's published rounds (METHOD.md §9), pure: which points a line may
 * join, which are flagged, and the round-to-round change rule with its reasons in words.
 */
import { statusLabel } from '@apertura/metric';
import type { ResultValueDto } from './dto/results.dto';
import type { BilingualDto, TrendChangeDto, TrendFlagDto, TrendPointDto, TrendRoundDto } from './dto/trends.dto';

const COMPARABLE = new Set(['conclusive', 'caution']);

export const methodKey = (v: Pick<ResultValueDto, 'methodId' | 'methodVersion'>): string =>
  `${v.methodId}@${v.methodVersion}`;
const methodName = (v: Pick<ResultValueDto, 'methodId' | 'methodVersion'>): string =>
  `${v.methodId} v${v.methodVersion}`;
const fmt = (x: number): string => x.toFixed(2);

/**
 * §9: a change is significant only when both values are at least `caution`, both SEs are known and
 * both use the same method version; then when |Δ| > 1.96·√(SE₁² + SE₂²). Otherwise not comparable,
 * with every reason that applies (the same rule as apps/web/src/results/compare.ts).
 */
export function trendChange(
  prev: { round: TrendRoundDto; value: ResultValueDto; area?: string },
  cur: ResultValueDto,
  area?: string,
): TrendChangeDto {
  const a = prev.value;
  const delta = a.estimate !== null && cur.estimate !== null ? cur.estimate - a.estimate : null;
  const reasons: TrendChangeDto['reasons'] = [];
  if (delta === null) reasons.push('missing_value');
  // Whole-round values over different sets of states measure different things.
  if (prev.area !== area) reasons.push('different_scope');
  if (methodKey(a) !== methodKey(cur)) reasons.push('different_method');
  if (!COMPARABLE.has(a.status) || !COMPARABLE.has(cur.status)) reasons.push('status');
  if (a.se === null || cur.se === null) reasons.push('missing_se');
  const base = { previousRoundId: prev.round.id, delta };
  if (reasons.length > 0) {
    const words = reasons.map((r): BilingualDto => {
      switch (r) {
        case 'missing_value':
          return { es: 'falta uno de los dos valores', en: 'one of the two values is missing' };
        case 'different_scope':
          return { es: 'las rondas cubren estados distintos', en: 'the rounds cover different states' };
        case 'different_method':
          return {
            es: `se calcularon con versiones distintas del método (${methodName(a)} y ${methodName(cur)})`,
            en: `they were computed with different method versions (${methodName(a)} and ${methodName(cur)})`,
          };
        case 'status': {
          const weak = [a, cur].filter((v) => !COMPARABLE.has(v.status));
          return {
            es: `un valor por debajo de «con cautela» no se compara (${weak.map((v) => `«${statusLabel(v.status, 'es')}»`).join(', ')})`,
            en: `a value below "use with caution" is not compared (${weak.map((v) => `"${statusLabel(v.status, 'en')}"`).join(', ')})`,
          };
        }
        case 'missing_se':
          return {
            es: 'falta el error estándar de uno de los dos valores',
            en: 'the standard error of one of the two values is unknown',
          };
      }
    });
    return {
      ...base,
      verdict: 'not_comparable',
      threshold: null,
      reasons,
      messages: {
        es: `No comparable con ${prev.round.name}: ${words.map((w) => w.es).join('; ')}.`,
        en: `Not comparable with ${prev.round.name}: ${words.map((w) => w.en).join('; ')}.`,
      },
    };
  }
  const d = delta as number;
  const threshold = 1.96 * Math.sqrt((a.se as number) ** 2 + (cur.se as number) ** 2);
  const significant = Math.abs(d) > threshold;
  const sign = d > 0 ? '+' : '';
  return {
    ...base,
    verdict: significant ? 'significant' : 'within_uncertainty',
    threshold,
    reasons,
    messages: significant
      ? {
          es: `Cambio significativo desde ${prev.round.name}: ${sign}${fmt(d)} (umbral ±${fmt(threshold)}).`,
          en: `Significant change since ${prev.round.name}: ${sign}${fmt(d)} (threshold ±${fmt(threshold)}).`,
        }
      : {
          es: `Sin cambio distinguible desde ${prev.round.name}: ${sign}${fmt(d)} está dentro de la incertidumbre (±${fmt(threshold)}).`,
          en: `No distinguishable change since ${prev.round.name}: ${sign}${fmt(d)} is within the uncertainty (±${fmt(threshold)}).`,
        },
  };
}

/**
 * Points in window order. The line follows the method of the newest point with an estimate: a point
 * of another method version is kept (a reader sees it) but flagged and never joined, because a line
 * between two method versions would read as a change in the institutions that is a change in the
 * formula. A round without a value breaks the line (no interpolation across a gap).
 */
export function toTrendPoints(
  series: ReadonlyArray<{ round: TrendRoundDto; value: ResultValueDto | null; area?: string }>,
): {
  points: TrendPointDto[];
  method: { methodId: string; methodVersion: string } | null;
} {
  const newest =
    [...series].reverse().find((p) => p.value !== null && p.value.estimate !== null) ??
    [...series].reverse().find((p) => p.value !== null);
  const method = newest?.value ? { methodId: newest.value.methodId, methodVersion: newest.value.methodVersion } : null;
  const current = method === null ? null : methodKey(method);
  const area = newest?.area;
  const points: TrendPointDto[] = [];
  let previous: { round: TrendRoundDto; value: ResultValueDto; area?: string } | null = null;
  for (const [k, p] of series.entries()) {
    const flags: TrendFlagDto[] = [];
    const v = p.value;
    if (v === null) {
      flags.push({
        code: 'NOT_IN_ROUND',
        messages: {
          es: 'Sin resultado en esta ronda (no estaba en su universo o no se calculó).',
          en: 'No result in this round (not in its universe, or not computed).',
        },
      });
    } else if (v.estimate === null) {
      flags.push({ code: 'NO_VALUE', messages: { es: 'Sin valor en esta ronda.', en: 'No value in this round.' } });
    }
    const currentMethod = v !== null && methodKey(v) === current;
    if (v !== null && !currentMethod && method !== null) {
      flags.push({
        code: 'METHOD_VERSION_DIFFERS',
        messages: {
          es: `Calculado con ${methodName(v)}; la tendencia usa ${methodName(method)}. Valores de versiones distintas del método no se comparan ni se unen con una línea.`,
          en: `Computed with ${methodName(v)}; the trend uses ${methodName(method)}. Values of different method versions are not compared nor joined by a line.`,
        },
      });
    }
    const sameArea = p.area === area;
    if (v !== null && !sameArea) {
      flags.push({
        code: 'AREA_DIFFERS',
        messages: {
          es: 'Esta ronda cubrió otros estados que la más reciente: su valor de conjunto mide otra área y no se une con una línea.',
          en: 'This round covered other states than the newest one: its whole-round value measures another area and is not joined by a line.',
        },
      });
    }
    const before = k > 0 ? points[k - 1] : null;
    const joined =
      before !== null &&
      before.value !== null &&
      before.value.estimate !== null &&
      before.currentMethod &&
      before.sameArea &&
      v !== null &&
      v.estimate !== null &&
      currentMethod &&
      sameArea;
    const change = v !== null && v.estimate !== null && previous !== null ? trendChange(previous, v, p.area) : null;
    points.push({ round: p.round, value: v, currentMethod, sameArea, joined, flags, change });
    if (v !== null && v.estimate !== null) previous = { round: p.round, value: v, area: p.area };
  }
  return { points, method };
}
