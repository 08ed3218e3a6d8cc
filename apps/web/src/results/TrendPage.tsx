import * as d3 from 'd3';
import type { ReactNode } from 'react';
import { useT } from '../shared/i18n';
import { Link, navigate, useLocation } from '../shared/router';
import { ErrorAlert, Spinner } from '../shared/components';
import { SyntheticBanner, usePageTitle } from '../shared/layout';
import { useAsync } from '../shared/useAsync';
import type { ResultStatus } from './api';
import { colour, fmtValue, Hatch, statusMarker, useChartId, useWidth } from './charts';
import { Select, ValueCell } from './common';
import { truncateLabel } from './chart-layout';
import { codeLabel, markOf, methodText, shownInterval, type Mark } from './present';
import {
  SCOPE_WORDS,
  TREND_INDICATORS,
  trendBackHref,
  trendHref,
  trendsApi,
  type Trend,
  type TrendIndicator,
  type TrendPoint,
  type TrendScope,
} from './trends';
import './trends.css';

const SCOPE_OF_WORD = new Map(Object.entries(SCOPE_WORDS).map(([scope, word]) => [word, scope as TrendScope]));

/** Scope, key and indicator from `?ambito=&clave=&indicador=` (shareable links keep the choice). */
function selection(search: URLSearchParams): { scope: TrendScope; key: string | null; indicator: TrendIndicator } {
  const scope = SCOPE_OF_WORD.get(search.get('ambito') ?? '') ?? 'national';
  const ind = search.get('indicador') ?? 'I';
  return {
    scope,
    key: scope === 'national' ? null : search.get('clave'),
    indicator: (TREND_INDICATORS as readonly string[]).includes(ind) ? (ind as TrendIndicator) : 'I',
  };
}

const INK = '#111827';
const GREY = '#6b7280';

type PointScale = d3.ScalePoint<string>;
type Linear = d3.ScaleLinear<number, number>;
type TrendValue = NonNullable<TrendPoint['value']>;

/** Horizontal grid lines and their labels on the 0–1 axis. */
function TrendGrid({ y, left, right }: { y: Linear; left: number; right: number }) {
  return (
    <>
      {y.ticks(5).map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#4b5563">
            {d3.format('.1f')(tick)}
          </text>
        </g>
      ))}
    </>
  );
}

/** A segment from each point to the previous one, only where the API says the two may be joined. */
function TrendLines({ points, cx, y }: { points: TrendPoint[]; cx: (p: TrendPoint) => number; y: Linear }) {
  return (
    <>
      {points.map((p, k) => {
        const prev = points[k - 1];
        if (!p.joined || !prev?.value || prev.value.estimate === null || !p.value || p.value.estimate === null)
          return null;
        return (
          <line
            key={`l-${p.round.id}`}
            data-testid="trend-line"
            x1={cx(prev)}
            y1={y(prev.value.estimate)}
            x2={cx(p)}
            y2={y(p.value.estimate)}
            stroke={INK}
            strokeWidth={2}
          />
        );
      })}
    </>
  );
}

/** The estimate's mark: a diamond for a self-report, grey dotted for another method, solid or open otherwise. */
function TrendEstimateMark({ mark, other, px, cy }: { mark: Mark; other: boolean; px: number; cy: number }) {
  if (mark === 'self_report')
    return (
      <path
        d={d3.symbol(d3.symbolDiamond, 80)() ?? ''}
        transform={`translate(${px},${cy})`}
        fill="#ffffff"
        stroke={other ? GREY : INK}
        strokeWidth={2}
        strokeDasharray="3 2"
      />
    );
  if (other)
    return (
      <circle
        cx={px}
        cy={cy}
        r={5}
        fill={mark === 'solid' ? GREY : '#ffffff'}
        stroke={GREY}
        strokeWidth={2}
        strokeDasharray="2 2"
      />
    );
  if (mark === 'solid') return <circle cx={px} cy={cy} r={5.5} fill={INK} stroke="#ffffff" strokeWidth={1.5} />;
  return <circle cx={px} cy={cy} r={5} fill="#ffffff" stroke={INK} strokeWidth={2} />;
}

/** A round where the unit has no value: its name on the axis and a dash on the baseline. */
function MissingTrendPoint({
  p,
  px,
  axis,
  baseline,
}: {
  p: TrendPoint;
  px: number;
  axis: ReactNode;
  baseline: number;
}) {
  const { t } = useT();
  return (
    <g data-testid="trend-point" data-round={p.round.id} data-mark="none" data-status={p.value?.status ?? 'none'}>
      <title>{`${p.round.name}: ${t('trends.notInRound')}`}</title>
      {axis}
      <text x={px} y={baseline - 6} textAnchor="middle" fontSize={12} fill={GREY}>
        –
      </text>
    </g>
  );
}

/** A round with a value: its interval bar, its estimate's mark and the value with its status marker. */
function TrendValuePoint({
  p,
  v,
  estimate,
  px,
  y,
  axis,
  hatch,
}: {
  p: TrendPoint;
  v: TrendValue;
  /** The value's estimate, known here not to be null. */
  estimate: number;
  px: number;
  y: Linear;
  axis: ReactNode;
  hatch: string;
}) {
  const { t } = useT();
  const mark = markOf(v);
  const interval = shownInterval(v);
  const weak = v.status !== 'conclusive';
  // Another method version, or (national) another set of states: shown apart, never joined.
  const other = !p.currentMethod || !p.sameArea;
  const cy = y(estimate);
  return (
    <g
      data-testid="trend-point"
      data-round={p.round.id}
      data-status={v.status}
      data-mark={mark}
      data-method={other ? 'other' : 'current'}
      data-hatched={String(!!interval && weak)}
    >
      <title>{`${p.round.name}: ${fmtValue(estimate)}${interval ? ` [${fmtValue(interval[0])}, ${fmtValue(interval[1])}]` : ''}${other ? ` (${t('trends.otherMethod')})` : ''}`}</title>
      {axis}
      {interval && (
        <rect
          x={px - 6}
          width={12}
          y={y(interval[1])}
          height={Math.max(2, y(interval[0]) - y(interval[1]))}
          fill={other ? '#e5e7eb' : weak ? `url(#${hatch})` : colour(estimate)}
          fillOpacity={weak || other ? 1 : 0.55}
          stroke={other ? GREY : '#1f2937'}
          strokeWidth={0.75}
          strokeDasharray={other ? '2 2' : undefined}
        />
      )}
      <TrendEstimateMark mark={mark} other={other} px={px} cy={cy} />
      <text x={px + 9} y={cy - 7} fontSize={11} fontWeight={600} fill={other ? GREY : INK}>
        {`${fmtValue(estimate)}${statusMarker(v.status as ResultStatus)}`}
      </text>
    </g>
  );
}

/** One round on the time line: its (truncated) name under the axis, then its value or a dash. */
function TrendPointMark({
  p,
  x,
  y,
  maxChars,
  axisY,
  hatch,
}: {
  p: TrendPoint;
  x: PointScale;
  y: Linear;
  maxChars: number;
  axisY: number;
  hatch: string;
}) {
  const v = p.value;
  const px = x(p.round.id) ?? 0;
  const axis = (
    <text x={px} y={axisY} textAnchor="middle" fontSize={11} fill="#374151">
      {truncateLabel(p.round.name, maxChars)}
    </text>
  );
  if (!v || v.estimate === null) return <MissingTrendPoint p={p} px={px} axis={axis} baseline={y(0)} />;
  return <TrendValuePoint p={p} v={v} estimate={v.estimate} px={px} y={y} axis={axis} hatch={hatch} />;
}

/**
 * The points of a trend on one time line (d3 scales, React-rendered SVG, as charts.tsx): the 95 %
 * interval as a bar (hatched when not conclusive), the estimate as a solid point only when at least
 * `caution`, and a line only where the API says two points may be joined (same method version, both
 * with a value). A point of another method version is grey with a dotted outline and stands alone.
 */
function TrendChart({ trend, label }: { trend: Trend; label: string }) {
  const hatch = useChartId('hatch-trend');
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const height = 260;
  const m = { top: 14, right: 16, bottom: 44, left: 40 };
  const x = d3
    .scalePoint<string>()
    .domain(trend.points.map((p) => p.round.id))
    .range([m.left, width - m.right])
    .padding(0.5);
  const y = d3
    .scaleLinear()
    .domain([0, 1])
    .range([height - m.bottom, m.top]);
  const step = trend.points.length > 1 ? x.step() : width - m.left - m.right;
  const maxChars = Math.max(4, Math.floor(step / 7));
  const cx = (p: TrendPoint) => x(p.round.id) ?? 0;
  return (
    <figure className="chart trend-chart">
      <div ref={ref} className="chart-canvas">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={label}
          data-testid="trend-chart"
        >
          <defs>
            <Hatch id={hatch} />
          </defs>
          <TrendGrid y={y} left={m.left} right={width - m.right} />
          <TrendLines points={trend.points} cx={cx} y={y} />
          {trend.points.map((p) => (
            <TrendPointMark
              key={p.round.id}
              p={p}
              x={x}
              y={y}
              maxChars={maxChars}
              axisY={height - m.bottom + 16}
              hatch={hatch}
            />
          ))}
        </svg>
      </div>
    </figure>
  );
}

/** Every point in words: the accessible (and printable) alternative to the chart, visible to all. */
function TrendTable({ trend }: { trend: Trend }) {
  const { t, pick, date } = useT();
  return (
    <div className="table-wrap">
      <table className="table trend-table" data-testid="trend-table">
        <caption>{t('trends.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trends.round')}</th>
            <th scope="col">{t('results.value')}</th>
            <th scope="col">{t('trends.method')}</th>
            <th scope="col">{t('trends.change')}</th>
          </tr>
        </thead>
        <tbody>
          {trend.points.map((p) => (
            <tr
              key={p.round.id}
              data-testid="trend-row"
              data-round={p.round.id}
              data-status={p.value?.status ?? 'none'}
              data-method={p.currentMethod ? 'current' : 'other'}
              data-same-area={String(p.sameArea)}
            >
              <th scope="row">
                <Link to={`/resultados/${p.round.id}`}>{p.round.name}</Link>
                <span className="muted small trend-window">
                  {t('trends.window')}: {date(p.round.opensAt)} – {date(p.round.closesAt)}
                </span>
              </th>
              <td>{p.value ? <ValueCell v={p.value} /> : <span className="muted">{t('trends.notInRound')}</span>}</td>
              <td>
                {p.value ? `${p.value.methodId} v${p.value.methodVersion}` : '—'}
                {p.flags
                  .filter((f) => f.code === 'METHOD_VERSION_DIFFERS' || f.code === 'AREA_DIFFERS')
                  .map((f) => (
                    <span key={f.code} className="trend-flag" data-testid="trend-flag" data-code={f.code}>
                      {pick(f.messages)}
                    </span>
                  ))}
              </td>
              <td data-testid="trend-change" data-verdict={p.change?.verdict ?? 'none'}>
                {p.change ? pick(p.change.messages) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the line and the marks mean, and (when some are shown apart) what a grey point is. */
function TrendLegend({ trend }: { trend: Trend }) {
  const { t } = useT();
  return (
    <ul className="trend-legend small muted">
      <li>
        {t('trends.legendLine', {
          method: trend.methodId ? `${trend.methodId} v${trend.methodVersion}` : '—',
        })}
      </li>
      <li>{t('trends.legendMarks')}</li>
      {trend.points.some((p) => p.value && (!p.currentMethod || !p.sameArea)) && (
        <li>{t('trends.legendOtherMethod')}</li>
      )}
    </ul>
  );
}

/** One unit (institution, municipality, state, national) and indicator over every published round of the guarantor. */
export function TrendPage({ roundId }: { roundId: string }) {
  const { t, lang, pick } = useT();
  const search = useLocation().search;
  const { scope, key, indicator } = selection(search);
  const data = useAsync(
    (signal) => trendsApi.trend(roundId, scope, key, indicator, signal),
    [roundId, scope, key, indicator],
  );
  const trend = data.data;
  const title = trend ? t('trends.title', { name: trend.name }) : t('trends.link');
  usePageTitle(title);
  const withValue = trend?.points.filter((p) => p.value?.estimate != null) ?? [];
  const chartLabel = trend
    ? t('trends.chartLabel', {
        indicator: codeLabel(indicator, lang),
        name: trend.name,
        n: trend.points.length,
        values: trend.points
          .map((p) => `${p.round.name} ${p.value?.estimate != null ? fmtValue(p.value.estimate) : '—'}`)
          .join('; '),
      })
    : '';
  const back = trendBackHref(roundId, scope, key, trend?.cveEnt);
  return (
    <section className="results trend-page">
      {trend?.synthetic && <SyntheticBanner />}
      <p className="eyebrow">
        <Link to={back}>{trend ? (trend.scope === 'national' ? trend.guarantor.name : trend.name) : '←'}</Link>
      </p>
      <h1>{title}</h1>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('results.filters')}</legend>
        <p className="muted small">
          {t('trends.scopeLabel')}: {t(`trends.scope.${scope}`)}
          {trend ? ` · ${trend.guarantor.name}` : ''}
        </p>
        <Select
          id="f-trend-indicator"
          label={t('results.indicator')}
          value={indicator}
          onChange={(v) => navigate(trendHref(roundId, scope, key, v), { replace: true })}
          options={TREND_INDICATORS.map((i) => ({ value: i, label: codeLabel(i, lang) }))}
        />
      </fieldset>
      {data.loading && <Spinner />}
      <ErrorAlert error={data.error} />
      {trend && (
        <>
          <p className="muted small" data-testid="trend-method">
            {methodText(trend.methodId, trend.methodVersion, lang)}
          </p>
          {trend.excludedReason && (
            <p className="alert alert-info" data-testid="trend-excluded">
              {t('trends.excluded', { n: trend.excludedRounds, reason: pick(trend.excludedReason) })}
            </p>
          )}
          {withValue.length === 0 ? (
            <p className="alert alert-info">{t('trends.empty')}</p>
          ) : (
            <>
              <TrendChart trend={trend} label={chartLabel} />
              <TrendLegend trend={trend} />
            </>
          )}
          <TrendTable trend={trend} />
          <p className="muted small" data-testid="notice">
            {pick(trend.notice)}
          </p>
        </>
      )}
    </section>
  );
}
