import * as d3 from 'd3';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { navigate } from '../shared/router';
import { STATUS_ORDER, type ResultStatus } from './api';
import { rowCentre, shadingOf, tileGridSize, truncateLabel } from './chart-layout';
import { markOf, topPercent, usesPercentileBand, type Mark, type Rank } from './present';

/**
 * Charts: d3 computes scales, bins, ticks and shapes; React renders every SVG element (no d3 DOM
 * mutation, so React owns the tree and the marks are stable test hooks). Each chart is `role="img"`
 * with an aria-label summary, plus a visually hidden table with the same numbers for screen readers.
 * Colour: cividis (readable with every common colour-vision deficiency) with a dark outline so light
 * marks keep 3:1 against white; conclusiveness is shown by hatching AND text, never colour alone.
 */
export function useWidth<T extends HTMLElement>(fallback = 320): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.max(240, Math.floor(el.getBoundingClientRect().width)));
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(240, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export const fmt2 = d3.format('.2f');
const fmtSigned = d3.format('+.2f');
export const fmtValue = (v: number | null | undefined) => (v === null || v === undefined ? '—' : fmt2(v));
export const fmtDelta = (v: number | null | undefined) => (v === null || v === undefined ? '—' : fmtSigned(v));
export const colour = (v: number) => d3.interpolateCividis(0.1 + 0.85 * Math.min(1, Math.max(0, v)));
/** Black or white text, whichever reads better on the fill. */
export const inkOn = (fill: string) => ((d3.hsl(fill).l ?? 0) > 0.55 ? '#111827' : '#ffffff');
const OUTLINE = '#1f2937';
const GRID = '#e5e7eb';
const MUTED = '#4b5563';

export const weak = (s: ResultStatus) => s !== 'conclusive';
/** A text marker for the status, for places too small for a badge. */
export const statusMarker = (s: ResultStatus | null) =>
  s === null || s === 'not_validated' ? '–' : s === 'inconclusive' ? '?' : s === 'caution' ? '~' : '';

/** Diagonal hatching used for every non-conclusive value; one pattern per chart keeps ids unique enough. */
export function Hatch({ id, colour: c = '#4b5563' }: { id: string; colour?: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#f3f4f6" />
      <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="2" />
    </pattern>
  );
}

let chartSeq = 0;
export function useChartId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${++chartSeq}`);
  return id;
}

export interface TableSpec {
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export function HiddenTable({ caption, columns, rows }: TableSpec) {
  // The wrapper hides it: a table's own width ignores `width: 1px` and would widen the page.
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The responsive frame: measures its width, hands it to the chart, adds the accessible table. */
function ChartFrame({
  label,
  table,
  height,
  children,
}: {
  label: string;
  table: TableSpec;
  height: number;
  children: (width: number) => ReactNode;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  return (
    <figure className="chart">
      <div ref={ref} className="chart-canvas">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
          {children(width)}
        </svg>
      </div>
      <HiddenTable {...table} />
    </figure>
  );
}

/** Distribution of values in [0,1] as 10 bins; `hollow` (unverified self-reports): open, dashed bars. */
export function Histogram({
  values,
  label,
  binLabel,
  countLabel,
  hollow = false,
}: {
  values: number[];
  label: string;
  binLabel: string;
  countLabel: string;
  hollow?: boolean;
}) {
  const height = 220;
  const m = { top: 10, right: 12, bottom: 30, left: 36 };
  const bins = d3
    .bin()
    .domain([0, 1])
    .thresholds(d3.range(0.1, 1, 0.1))(values);
  const rows = bins.map((b) => [`${fmt2(b.x0 ?? 0)}–${fmt2(b.x1 ?? 0)}`, b.length]);
  return (
    <ChartFrame label={label} height={height} table={{ caption: label, columns: [binLabel, countLabel], rows }}>
      {(width) => {
        const x = d3
          .scaleLinear()
          .domain([0, 1])
          .range([m.left, width - m.right]);
        const y = d3
          .scaleLinear()
          .domain([0, Math.max(1, d3.max(bins, (b) => b.length) ?? 1)])
          .nice()
          .range([height - m.bottom, m.top]);
        return (
          <>
            {y
              .ticks(4)
              .filter(Number.isInteger)
              .map((t) => (
                <g key={t}>
                  <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} stroke={GRID} />
                  <text x={m.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={MUTED}>
                    {t}
                  </text>
                </g>
              ))}
            {bins.map((b, i) => (
              <rect
                key={i}
                data-testid="mark-hist"
                data-count={b.length}
                x={x(b.x0 ?? 0) + 1}
                width={Math.max(0, x(b.x1 ?? 0) - x(b.x0 ?? 0) - 2)}
                y={y(b.length)}
                height={y(0) - y(b.length)}
                fill={hollow ? '#ffffff' : colour(((b.x0 ?? 0) + (b.x1 ?? 0)) / 2)}
                stroke={OUTLINE}
                strokeWidth={b.length ? (hollow ? 1.5 : 1) : 0}
                strokeDasharray={hollow ? '4 3' : undefined}
              />
            ))}
            <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke={OUTLINE} />
            {x.ticks(width < 400 ? 5 : 10).map((t) => (
              <text key={t} x={x(t)} y={height - m.bottom + 16} textAnchor="middle" fontSize={11} fill={MUTED}>
                {fmt2(t)}
              </text>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}

export interface ScatterPoint {
  key: string;
  label: string;
  x: number;
  y: number;
  status: ResultStatus;
}

/** T (x) against P (y), both in [0,1]; hollow points are not conclusive. */
/**
 * Above this many points the scatter is painted on a canvas: 13,000 SVG circles (each with its
 * tooltip) took most of a national overview's load time (bench/RESULTS.md, "Dashboard page load").
 * The axes stay SVG; the hidden table then summarises by status instead of listing every point.
 */
export const SCATTER_SVG_LIMIT = 1500;

const SCATTER_MARGIN = { top: 10, right: 14, bottom: 40, left: 44 };
const scatterFill = (p: ScatterPoint) => (weak(p.status) ? '#ffffff' : colour((p.x + p.y) / 2));

type Linear = d3.ScaleLinear<number, number>;

/** The scatter's square scales, memoised on size so the canvas is repainted only when the points or the size change. */
function useScatterScales(size: number): { x: Linear; y: Linear } {
  return useMemo(
    () => ({
      x: d3
        .scaleLinear()
        .domain([0, 1])
        .range([SCATTER_MARGIN.left, size - SCATTER_MARGIN.right]),
      y: d3
        .scaleLinear()
        .domain([0, 1])
        .range([size - SCATTER_MARGIN.bottom, SCATTER_MARGIN.top]),
    }),
    [size],
  );
}

/** Paints the points on a canvas when there are too many for SVG (`many`); returns the canvas ref. */
function useScatterCanvas(many: boolean, points: ScatterPoint[], size: number, x: Linear, y: Linear) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = many && canvas ? canvas.getContext('2d') : null;
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = size * ratio;
    canvas.height = size * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size, size);
    ctx.lineWidth = 1;
    ctx.strokeStyle = OUTLINE;
    ctx.globalAlpha = 0.75;
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(x(p.x), y(p.y), 3, 0, 2 * Math.PI);
      ctx.fillStyle = scatterFill(p);
      ctx.fill();
      ctx.stroke();
    }
  }, [many, points, size, x, y]);
  return canvasRef;
}

/** The accessible table: every point, or for a large round the count of points per status. */
function scatterTable(
  points: ScatterPoint[],
  many: boolean,
  label: string,
  manyCaption: string,
  statusText: (s: ResultStatus) => string,
): TableSpec {
  return many
    ? {
        caption: manyCaption,
        columns: ['', 'n'],
        rows: STATUS_ORDER.map((st) => [statusText(st), String(points.filter((p) => p.status === st).length)]),
      }
    : {
        caption: label,
        columns: ['', 'T', 'P', ''],
        rows: points.map((p) => [p.label, fmt2(p.x), fmt2(p.y), statusText(p.status)]),
      };
}

/** Grid lines and tick labels on both axes, and the dashed T = P diagonal. */
function ScatterGrid({ x, y, size }: { x: Linear; y: Linear; size: number }) {
  const m = SCATTER_MARGIN;
  return (
    <>
      {x.ticks(5).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={m.top} y2={size - m.bottom} stroke={GRID} />
          <line x1={m.left} x2={size - m.right} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={x(t)} y={size - m.bottom + 16} textAnchor="middle" fontSize={11} fill={MUTED}>
            {fmt2(t)}
          </text>
          <text x={m.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={MUTED}>
            {fmt2(t)}
          </text>
        </g>
      ))}
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="#9ca3af" strokeDasharray="4 4" />
    </>
  );
}

/** One SVG circle per point, each with its values and status as a tooltip. */
function ScatterMarks({
  points,
  x,
  y,
  statusText,
}: {
  points: ScatterPoint[];
  x: Linear;
  y: Linear;
  statusText: (s: ResultStatus) => string;
}) {
  return (
    <>
      {points.map((p) => (
        <circle
          key={p.key}
          data-testid="mark-scatter"
          data-status={p.status}
          cx={x(p.x)}
          cy={y(p.y)}
          r={4.5}
          fill={scatterFill(p)}
          stroke={OUTLINE}
          strokeWidth={1.5}
          fillOpacity={0.9}
        >
          <title>{`${p.label}: T ${fmt2(p.x)}, P ${fmt2(p.y)} (${statusText(p.status)})`}</title>
        </circle>
      ))}
    </>
  );
}

/** The axis titles: T under the x axis, P rotated beside the y axis. */
function ScatterAxisTitles({ size, xLabel, yLabel }: { size: number; xLabel: string; yLabel: string }) {
  const m = SCATTER_MARGIN;
  return (
    <>
      <text x={(m.left + size - m.right) / 2} y={size - 6} textAnchor="middle" fontSize={12}>
        {xLabel}
      </text>
      <text transform={`translate(12,${(m.top + size - m.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={12}>
        {yLabel}
      </text>
    </>
  );
}

export function Scatter({
  points,
  label,
  xLabel,
  yLabel,
  statusText,
  manyCaption,
}: {
  points: ScatterPoint[];
  label: string;
  xLabel: string;
  yLabel: string;
  statusText: (s: ResultStatus) => string;
  /** Caption of the status summary that replaces the per-point table for large rounds. */
  manyCaption: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const size = Math.min(width, 420);
  const { x, y } = useScatterScales(size);
  const many = points.length > SCATTER_SVG_LIMIT;
  const canvasRef = useScatterCanvas(many, points, size, x, y);
  const table = scatterTable(points, many, label, manyCaption, statusText);
  return (
    <figure className="chart">
      <div ref={ref} className="chart-canvas scatter-stack">
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label}>
          <ScatterGrid x={x} y={y} size={size} />
          {!many && <ScatterMarks points={points} x={x} y={y} statusText={statusText} />}
          <ScatterAxisTitles size={size} xLabel={xLabel} yLabel={yLabel} />
        </svg>
        {many && (
          <canvas
            ref={canvasRef}
            data-testid="mark-scatter-canvas"
            data-count={points.length}
            aria-hidden="true"
            style={{ width: size, height: size }}
          />
        )}
      </div>
      <HiddenTable caption={table.caption} columns={table.columns} rows={table.rows} />
    </figure>
  );
}

export interface IntervalRow {
  key: string;
  label: string;
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  status: ResultStatus;
  /** A second value shown as a diamond (the self-reported score of a component). */
  raw?: number | null;
  href?: string;
  /** How the estimate is drawn (present.ts markOf); by default from the status. */
  mark?: Mark;
}

const markOfRow = (r: IntervalRow): Mark => r.mark ?? markOf({ estimate: r.estimate, status: r.status, indicator: '' });

/**
 * The estimate's mark: a solid dot only for a conclusive or caution value; an open circle for a
 * value that is not conclusive; a hollow diamond for an unverified self-report (no interval drawn).
 */
function EstimateMark({ mark, cx, cy }: { mark: Mark; cx: number; cy: number }) {
  if (mark === 'solid')
    return <circle cx={cx} cy={cy} r={5} fill="#111827" stroke="#ffffff" strokeWidth={1.5} data-mark="solid" />;
  if (mark === 'hollow')
    return <circle cx={cx} cy={cy} r={4.5} fill="#ffffff" stroke="#111827" strokeWidth={2} data-mark="hollow" />;
  if (mark === 'self_report') {
    return (
      <path
        d={d3.symbol(d3.symbolDiamond, 80)() ?? ''}
        transform={`translate(${cx},${cy})`}
        fill="#ffffff"
        stroke="#111827"
        strokeWidth={2}
        strokeDasharray="3 2"
        data-mark="self_report"
      />
    );
  }
  return null;
}

/** One sub-index: its bar (hatched when weak), its 95% whisker, its name and its value with the status marker. */
function SubIndexBar({
  row: r,
  left: bx,
  bandwidth: bw,
  y,
  labelY,
  hatch,
}: {
  row: IntervalRow;
  left: number;
  bandwidth: number;
  y: Linear;
  /** Top of the label area under the bars. */
  labelY: number;
  hatch: string;
}) {
  const mid = bx + bw / 2;
  return (
    <g data-testid="mark-subindex" data-status={r.status}>
      {r.estimate !== null && (
        <rect
          x={bx}
          width={bw}
          y={y(r.estimate)}
          height={y(0) - y(r.estimate)}
          fill={weak(r.status) ? `url(#${hatch})` : colour(r.estimate)}
          stroke={OUTLINE}
        />
      )}
      {r.lo !== null && r.hi !== null && (
        <g stroke={OUTLINE} strokeWidth={2}>
          <line x1={mid} x2={mid} y1={y(r.lo)} y2={y(r.hi)} />
          <line x1={mid - 6} x2={mid + 6} y1={y(r.lo)} y2={y(r.lo)} />
          <line x1={mid - 6} x2={mid + 6} y1={y(r.hi)} y2={y(r.hi)} />
        </g>
      )}
      <text x={mid} y={labelY + 16} textAnchor="middle" fontSize={12} fontWeight={600}>
        {r.label}
      </text>
      <text x={mid} y={labelY + 32} textAnchor="middle" fontSize={11} fill={MUTED}>
        {fmtValue(r.estimate)}
        {statusMarker(r.estimate === null ? null : r.status)}
      </text>
    </g>
  );
}

/** Bars of estimates with 95% whiskers (the sub-indices). */
export function SubIndexBars({
  rows,
  label,
  statusText,
}: {
  rows: IntervalRow[];
  label: string;
  statusText: (s: ResultStatus) => string;
}) {
  const hatch = useChartId('hatch-sub');
  const height = 230;
  const m = { top: 10, right: 10, bottom: 46, left: 38 };
  const table = rows.map((r) => [
    r.label,
    fmtValue(r.estimate),
    `[${fmtValue(r.lo)}, ${fmtValue(r.hi)}]`,
    statusText(r.status),
  ]);
  return (
    <ChartFrame
      label={label}
      height={height}
      table={{ caption: label, columns: ['', 'estimate', '95%', ''], rows: table }}
    >
      {(width) => {
        const x = d3
          .scaleBand()
          .domain(rows.map((r) => r.key))
          .range([m.left, width - m.right])
          .padding(0.35);
        const y = d3
          .scaleLinear()
          .domain([0, 1])
          .range([height - m.bottom, m.top]);
        const bw = x.bandwidth();
        return (
          <>
            <defs>
              <Hatch id={hatch} />
            </defs>
            {y.ticks(5).map((t) => (
              <g key={t}>
                <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} stroke={GRID} />
                <text x={m.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={MUTED}>
                  {fmt2(t)}
                </text>
              </g>
            ))}
            {rows.map((r) => (
              <SubIndexBar
                key={r.key}
                row={r}
                left={x(r.key) ?? 0}
                bandwidth={bw}
                y={y}
                labelY={height - m.bottom}
                hatch={hatch}
              />
            ))}
            <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke={OUTLINE} />
          </>
        );
      }}
    </ChartFrame>
  );
}

/** The 95% interval in the accessible table; a dash for a self-report or a degenerate interval. */
const intervalCell = (r: IntervalRow): string =>
  markOfRow(r) === 'self_report' || (r.lo !== null && r.lo === r.hi) ? '—' : `[${fmtValue(r.lo)}, ${fmtValue(r.hi)}]`;

/** One row of an interval chart: its label, the interval bar, the self-reported diamond and the estimate's mark. */
function IntervalMark({
  row: r,
  cy,
  labelWidth: labelW,
  maxChars,
  x,
  domain,
  hatch,
  testId,
  statusText,
}: {
  row: IntervalRow;
  cy: number;
  labelWidth: number;
  maxChars: number;
  x: Linear;
  domain: [number, number];
  hatch: string;
  testId: string;
  statusText: (s: ResultStatus) => string;
}) {
  const mark = markOfRow(r);
  return (
    <g
      data-testid={testId}
      data-status={r.status}
      data-mark={mark}
      className={r.href ? 'mark-link' : undefined}
      onClick={r.href ? () => navigate(r.href as string) : undefined}
    >
      <title>{`${r.label}: ${fmtValue(r.estimate)}${mark === 'self_report' ? '' : ` [${fmtValue(r.lo)}, ${fmtValue(r.hi)}]`} ${statusText(r.status)}`}</title>
      <text x={labelW} y={cy + 4} textAnchor="end" fontSize={12}>
        {truncateLabel(r.label, maxChars)}
      </text>
      {r.lo !== null && r.hi !== null && mark !== 'self_report' && (
        <rect
          x={x(Math.max(domain[0], r.lo))}
          width={Math.max(2, x(Math.min(domain[1], r.hi)) - x(Math.max(domain[0], r.lo)))}
          y={cy - 6}
          height={12}
          fill={weak(r.status) ? `url(#${hatch})` : colour(r.estimate ?? 0)}
          stroke={OUTLINE}
          strokeWidth={0.75}
        />
      )}
      {r.raw !== null && r.raw !== undefined && (
        <path
          d={d3.symbol(d3.symbolDiamond, 60)() ?? ''}
          transform={`translate(${x(r.raw)},${cy})`}
          fill="#ffffff"
          stroke={OUTLINE}
          strokeWidth={1.5}
        />
      )}
      {r.estimate !== null ? (
        <EstimateMark mark={mark} cx={x(r.estimate)} cy={cy} />
      ) : (
        <text x={x(domain[0]) + 4} y={cy + 4} fontSize={11} fill={MUTED}>
          –
        </text>
      )}
    </g>
  );
}

/** One row per area / institution: the estimate as a dot and its 95% interval as a bar; hatched when weak. */
export function IntervalChart({
  rows,
  label,
  testId,
  statusText,
  domain = [0, 1],
}: {
  rows: IntervalRow[];
  label: string;
  testId: string;
  statusText: (s: ResultStatus) => string;
  domain?: [number, number];
}) {
  const hatch = useChartId('hatch-rank');
  const rowH = 26;
  const m = { top: 6, right: 14, bottom: 24 };
  const height = m.top + m.bottom + Math.max(1, rows.length) * rowH;
  const table = rows.map((r) => [r.label, fmtValue(r.estimate), intervalCell(r), statusText(r.status)]);
  return (
    <ChartFrame
      label={label}
      height={height}
      table={{ caption: label, columns: ['', 'estimate', '95%', ''], rows: table }}
    >
      {(width) => {
        const labelW = Math.min(240, Math.floor(width * 0.4));
        const maxChars = Math.max(8, Math.floor(labelW / 7.4));
        const x = d3
          .scaleLinear()
          .domain(domain)
          .range([labelW + 8, width - m.right]);
        return (
          <>
            <defs>
              <Hatch id={hatch} />
            </defs>
            {x.ticks(width < 400 ? 4 : 8).map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={m.top} y2={height - m.bottom} stroke={GRID} />
                <text x={x(t)} y={height - 8} textAnchor="middle" fontSize={11} fill={MUTED}>
                  {fmt2(t)}
                </text>
              </g>
            ))}
            {rows.map((r, i) => (
              <IntervalMark
                key={r.key}
                row={r}
                cy={rowCentre(m.top, i, rowH)}
                labelWidth={labelW}
                maxChars={maxChars}
                x={x}
                domain={domain}
                hatch={hatch}
                testId={testId}
                statusText={statusText}
              />
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}

export interface RankRow {
  key: string;
  label: string;
  rank: Rank;
  /** The rank in words ("3.º (2.º–7.º)"), drawn beside the band. */
  text: string;
  /** The rank interval in a sentence (tooltip and accessible table). */
  sentence: string;
  href?: string;
}

/**
 * Rank intervals as bands: each ranked row's 95 % interval of positions (1 at the left), with a tick at
 * its position, so that overlapping bands show ranks that cannot be told apart. Above 200 values the
 * axis is the share of values ranked at or above ("top %"), the band a percentile band.
 */
export function RankChart({ rows, label, testId }: { rows: RankRow[]; label: string; testId: string }) {
  const rowH = 26;
  const m = { top: 6, right: 14, bottom: 22 };
  const height = m.top + m.bottom + Math.max(1, rows.length) * rowH;
  const of = d3.max(rows, (r) => r.rank.of) ?? 1;
  const percentile = usesPercentileBand(of);
  const table = rows.map((r) => [r.label, r.text, r.sentence]);
  return (
    <ChartFrame label={label} height={height} table={{ caption: label, columns: ['', '#', '95%'], rows: table }}>
      {(width) => {
        const labelW = Math.min(260, Math.floor(width * 0.45));
        const maxChars = Math.max(8, Math.floor(labelW / 7.4));
        const x = percentile
          ? d3
              .scaleLinear()
              .domain([0, 100])
              .range([labelW + 8, width - m.right])
          : d3
              .scaleLinear()
              .domain([0.5, Math.max(1, of) + 0.5])
              .range([labelW + 8, width - m.right]);
        const at = (position: number, lo: boolean) =>
          percentile
            ? x(lo ? topPercent(position, of) - 100 / of : topPercent(position, of))
            : x(position + (lo ? -0.4 : 0.4));
        const ticks = percentile
          ? [0, 25, 50, 75, 100]
          : x.ticks(width < 400 ? 4 : 8).filter((t) => Number.isInteger(t) && t >= 1);
        return (
          <>
            {ticks.map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={m.top} y2={height - m.bottom} stroke={GRID} />
                <text x={x(t)} y={height - m.bottom + 14} textAnchor="middle" fontSize={11} fill={MUTED}>
                  {percentile ? `${t} %` : t}
                </text>
              </g>
            ))}
            {rows.map((r, i) => {
              const cy = m.top + i * rowH + rowH / 2;
              const name = truncateLabel(r.label, maxChars);
              const x0 = Math.max(labelW + 8, at(r.rank.lo, true));
              const x1 = Math.min(width - m.right, at(r.rank.hi, false));
              const px = percentile ? x(topPercent(r.rank.position, of) - 50 / of) : x(r.rank.position);
              return (
                <g
                  key={r.key}
                  data-testid={testId}
                  data-position={r.rank.position}
                  data-lo={r.rank.lo}
                  data-hi={r.rank.hi}
                  data-of={r.rank.of}
                  className={r.href ? 'mark-link' : undefined}
                  onClick={r.href ? () => navigate(r.href as string) : undefined}
                >
                  <title>{`${r.label}: ${r.sentence}`}</title>
                  <text x={labelW} y={cy + 4} textAnchor="end" fontSize={12}>
                    {name}
                  </text>
                  <rect
                    x={x0}
                    width={Math.max(3, x1 - x0)}
                    y={cy - 6}
                    height={12}
                    fill={colour(0.35)}
                    fillOpacity={0.45}
                    stroke={OUTLINE}
                    strokeWidth={0.75}
                    rx={2}
                  />
                  <line x1={px} x2={px} y1={cy - 8} y2={cy + 8} stroke="#111827" strokeWidth={2.5} />
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}

export interface ChangeRow {
  key: string;
  label: string;
  delta: number | null;
  /** Null when not comparable: then no band is drawn, only the change, hollow. */
  threshold: number | null;
  verdict: 'significant' | 'within_uncertainty' | 'not_comparable';
}

/** "true" / "false" / "na" (not comparable), the test hook and CSS state of a change. */
export const significantAttr = (r: Pick<ChangeRow, 'verdict'>): string =>
  r.verdict === 'not_comparable' ? 'na' : String(r.verdict === 'significant');

/** Change between rounds: dot at Δ, bar Δ ± threshold; significant exactly when the bar misses zero. */
export function ChangeChart({
  rows,
  label,
  verdict,
}: {
  rows: ChangeRow[];
  label: string;
  verdict: (r: ChangeRow) => string;
}) {
  const hatch = useChartId('hatch-change');
  const rowH = 26;
  const m = { top: 6, right: 14, bottom: 24 };
  const height = m.top + m.bottom + Math.max(1, rows.length) * rowH;
  const extent = Math.max(
    0.1,
    d3.max(rows, (r) => (r.delta === null ? 0 : Math.abs(r.delta) + (r.threshold ?? 0))) ?? 0.1,
  );
  const table = rows.map((r) => [
    r.label,
    fmtDelta(r.delta),
    r.threshold === null ? '—' : `±${fmt2(r.threshold)}`,
    verdict(r),
  ]);
  return (
    <ChartFrame label={label} height={height} table={{ caption: label, columns: ['', 'Δ', '±', ''], rows: table }}>
      {(width) => {
        const labelW = Math.min(200, Math.floor(width * 0.36));
        const x = d3
          .scaleLinear()
          .domain([-extent, extent])
          .nice()
          .range([labelW + 8, width - m.right]);
        return (
          <>
            <defs>
              <Hatch id={hatch} />
            </defs>
            {x.ticks(width < 400 ? 4 : 8).map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={m.top} y2={height - m.bottom} stroke={t === 0 ? OUTLINE : GRID} />
                <text x={x(t)} y={height - 8} textAnchor="middle" fontSize={11} fill={MUTED}>
                  {fmtDelta(t)}
                </text>
              </g>
            ))}
            {rows.map((r, i) => {
              const cy = m.top + i * rowH + rowH / 2;
              return (
                <g key={r.key} data-testid="mark-change" data-significant={significantAttr(r)}>
                  <text x={labelW} y={cy + 4} textAnchor="end" fontSize={12}>
                    {truncateLabel(r.label, 26)}
                  </text>
                  {r.delta !== null && r.threshold !== null && (
                    <rect
                      x={x(r.delta - r.threshold)}
                      width={Math.max(2, x(r.delta + r.threshold) - x(r.delta - r.threshold))}
                      y={cy - 6}
                      height={12}
                      fill={r.verdict === 'significant' ? colour(0.3) : `url(#${hatch})`}
                      stroke={OUTLINE}
                      strokeWidth={0.75}
                    />
                  )}
                  {r.delta !== null && (
                    <EstimateMark mark={r.verdict === 'not_comparable' ? 'hollow' : 'solid'} cx={x(r.delta)} cy={cy} />
                  )}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}

export interface Tile {
  cveEnt: string;
  abbr: string;
  name: string;
  estimate: number | null;
  status: ResultStatus | null;
  href: string;
}

/** One state's tile: its square (hatched when weak, outlined when selected), abbreviation and value. */
function TileMark({
  tile: t,
  position: [c, r],
  cell,
  hatch,
  selected,
  statusText,
}: {
  tile: Tile;
  position: [number, number];
  cell: number;
  hatch: string;
  selected: boolean;
  statusText: (s: ResultStatus | null) => string;
}) {
  const gap = 3;
  const shading = shadingOf(t.estimate, t.status);
  const hasValue = shading !== 'missing';
  const isWeak = shading !== 'solid';
  const fill = !hasValue ? '#d1d5db' : isWeak ? `url(#${hatch})` : colour(t.estimate as number);
  const ink = isWeak ? '#111827' : inkOn(colour(t.estimate as number));
  const big = cell >= 48;
  return (
    <g
      data-testid="mark-tile"
      data-cve-ent={t.cveEnt}
      data-status={t.status ?? 'none'}
      transform={`translate(${c * cell},${r * cell})`}
      className="mark-link"
      onClick={() => navigate(t.href)}
    >
      <title>{`${t.name}: ${fmtValue(t.estimate)} (${statusText(t.status)})`}</title>
      <rect
        x={gap / 2}
        y={gap / 2}
        width={cell - gap}
        height={cell - gap}
        rx={3}
        fill={fill}
        stroke={selected ? '#000000' : OUTLINE}
        strokeWidth={selected ? 3 : 0.75}
      />
      {isWeak && hasValue && (
        <rect x={4} y={cell / 2 - 8} width={cell - 8} height={big ? 30 : 24} fill="#ffffff" opacity={0.85} rx={2} />
      )}
      <text
        x={cell / 2}
        y={cell / 2 - (big ? 4 : 2)}
        textAnchor="middle"
        fontSize={big ? 12 : 9}
        fontWeight={700}
        fill={ink}
      >
        {t.abbr}
      </text>
      <text x={cell / 2} y={cell / 2 + (big ? 12 : 9)} textAnchor="middle" fontSize={big ? 11 : 8.5} fill={ink}>
        {hasValue ? `${fmtValue(t.estimate)}${statusMarker(t.status)}` : '–'}
      </text>
    </g>
  );
}

/** Mexico as a tile grid: one square per state, coloured by its estimate, hatched and marked when weak. */
export function TileGrid({
  tiles,
  layout,
  label,
  selected,
  statusText,
  columns,
}: {
  tiles: Tile[];
  layout: Record<string, [number, number]>;
  label: string;
  selected?: string;
  statusText: (s: ResultStatus | null) => string;
  columns: string[];
}) {
  const hatch = useChartId('hatch-tile');
  const [ref, width] = useWidth<HTMLDivElement>();
  const { cell, width: w, height: h } = tileGridSize(layout, width);
  const table = tiles.map((t) => [t.name, fmtValue(t.estimate), statusText(t.status)]);
  return (
    <figure className="chart">
      <div ref={ref} className="chart-canvas">
        <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
          <defs>
            <Hatch id={hatch} colour="#6b7280" />
          </defs>
          {tiles.map((t) => {
            const pos = layout[t.cveEnt];
            if (!pos) return null;
            return (
              <TileMark
                key={t.cveEnt}
                tile={t}
                position={pos}
                cell={cell}
                hatch={hatch}
                selected={t.cveEnt === selected}
                statusText={statusText}
              />
            );
          })}
        </svg>
      </div>
      <HiddenTable caption={label} columns={columns} rows={table} />
    </figure>
  );
}

/** Discrete colour legend for the 0–1 scale. */
export function ColourLegend({ label }: { label: string }) {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div className="colour-legend" aria-hidden="true">
      <span>{label}</span>
      {steps.map((s) => (
        <span key={s} className="swatch-item">
          <span className="swatch" style={{ background: colour(s) }} />
          {fmt2(s)}
        </span>
      ))}
      <span className="swatch-item">
        <span className="swatch swatch-hatch" />?
      </span>
    </div>
  );
}
