import type { ResultValueDto } from './dto/results.dto';
import type { TrendRoundDto } from './dto/trends.dto';
import { toTrendPoints, trendChange } from './trends.mapper';

const round = (k: number): TrendRoundDto => ({
  id: `r${k}`,
  name: `Ronda ${2020 + k}`,
  opensAt: `${2020 + k}-01-01T00:00:00.000Z`,
  closesAt: `${2020 + k}-06-01T00:00:00.000Z`,
  publishedAt: null,
  synthetic: false,
});

function value(estimate: number | null, over: Partial<ResultValueDto> = {}): ResultValueDto {
  return {
    indicator: 'I',
    aggregation: 'unweighted',
    estimate,
    se: estimate === null ? null : 0.02,
    lo: null,
    hi: null,
    cv: null,
    halfWidth: null,
    n: 10,
    N: null,
    df: null,
    interval: 't',
    status: 'conclusive',
    reasons: [],
    needed: 0,
    neededSubjects: null,
    neededReports: null,
    validatedShare: null,
    pendingRefutations: 0,
    methodId: 'mga-2017/apertura-2',
    methodVersion: '2.0.0',
    formula: null,
    ...over,
  };
}

describe('trend points (METHOD.md §9)', () => {
  it('follows the newest method: another version is flagged and never joined; a gap breaks the line', () => {
    const { points, method } = toTrendPoints([
      { round: round(1), value: value(0.39, { methodId: 'mga-2017/apertura-1', methodVersion: '1.0.0' }) },
      { round: round(2), value: value(0.52) },
      { round: round(3), value: null },
      { round: round(4), value: value(0.48) },
      { round: round(5), value: value(0.5) },
    ]);
    expect(method).toEqual({ methodId: 'mga-2017/apertura-2', methodVersion: '2.0.0' });
    expect(points.map((p) => p.joined)).toEqual([false, false, false, false, true]);
    expect(points.map((p) => p.currentMethod)).toEqual([false, true, false, true, true]);
    expect(points[0].flags.map((f) => f.code)).toEqual(['METHOD_VERSION_DIFFERS']);
    expect(points[2].flags.map((f) => f.code)).toEqual(['NOT_IN_ROUND']);
    // The change skips the gap: 2024 is compared with 2022.
    expect(points[3].change?.previousRoundId).toBe('r2');
    expect(points[1].change?.reasons).toEqual(['different_method']);
  });

  it('keeps whole-round values of other states apart', () => {
    const { points } = toTrendPoints([
      { round: round(1), value: value(0.4), area: '15' },
      { round: round(2), value: value(0.45), area: '09,15' },
      { round: round(3), value: value(0.5), area: '09,15' },
    ]);
    expect(points.map((p) => [p.sameArea, p.joined])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    expect(points[1].change?.reasons).toEqual(['different_scope']);
  });

  it('calls a change significant only when both are at least caution with known SEs and one method', () => {
    const prev = { round: round(1), value: value(0.4, { se: 0.01 }) };
    expect(trendChange(prev, value(0.5, { se: 0.01 })).verdict).toBe('significant');
    expect(trendChange(prev, value(0.41, { se: 0.01 })).verdict).toBe('within_uncertainty');
    const weak = trendChange(prev, value(0.9, { status: 'inconclusive' }));
    expect(weak).toMatchObject({ verdict: 'not_comparable', reasons: ['status'], threshold: null });
    expect(weak.messages.es).toMatch(/No concluyente/);
    expect(trendChange(prev, value(0.9, { se: null })).reasons).toEqual(['missing_se']);
  });
});
