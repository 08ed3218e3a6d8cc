import * as d3 from 'd3';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ResultStatus } from './api';

/**
 * Charts: d3 computes scales, bins and ticks; React renders the SVG. Each chart is an image with a
 * text summary (aria-label) and a visually hidden table with the same numbers for screen readers.
 * Palette: cividis (colour-blind safe); status is always also written, never colour alone.
 */
export function useWidth<T extends HTMLElement>(fallback = 320): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(260, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

const fmt = d3.format('.2f');
/** The chart follows its container's width; min-width 0 stops a flex/grid parent from growing to the SVG. */
const CONTAINER = { width: '100%', minWidth: 0, overflow: 'hidden', position: 'relative' } as const;
export const colour = (v: number) => d3.interpolateCividis(0.15 + 0.8 * v);

function HiddenTable({ caption, rows }: { caption: string; rows: Array<[string, string]> }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([k, v], i) => (
          <tr key={i}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figure({ label, children, table }: { label: string; children: ReactNode; table: ReactNode }) {
  return (
    <figure className="chart" style={{ margin: 0 }}>
      {children}
      {table}
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}

/** Distribution of values in [0,1] as a histogram of 10 bins. */
export function Histogram({ values, label }: { values: number[]; label: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 220;
  const m = { top: 10, right: 12, bottom: 32, left: 36 };
  const bins = d3.bin().domain([0, 1]).thresholds(d3.range(0.1, 1, 0.1))(values);
  const x = d3.scaleLinear().domain([0, 1]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([0, d3.max(bins, (b) => b.length) ?? 1]).nice().range([height - m.bottom, m.top]);
  const rows = bins.map((b) => [`${fmt(b.x0 ?? 0)}–${fmt(b.x1 ?? 0)}`, String(b.length)] as [string, string]);
  return (
    <div ref={ref} style={CONTAINER}>
      <Figure label={label} table={<HiddenTable caption={label} rows={rows} />}>
        <svg width={width} height={height} role="img" aria-label={`${label}: ${values.length}`}>
          {bins.map((b, i) => (
            <rect
              key={i}
              className="mark"
              data-testid="mark-hist"
              x={x(b.x0 ?? 0) + 1}
              width={Math.max(0, x(b.x1 ?? 0) - x(b.x0 ?? 0) - 2)}
              y={y(b.length)}
              height={y(0) - y(b.length)}
              fill={colour(((b.x0 ?? 0) + (b.x1 ?? 0)) / 2)}
            />
          ))}
          <g transform={`translate(0,${height - m.bottom})`}>
            {x.ticks(5).map((t) => (
              <text key={t} x={x(t)} y={18} textAnchor="middle" fontSize={11}>
                {fmt(t)}
              </text>
            ))}
          </g>
          {y.ticks(4).map((t) => (
            <text key={t} x={m.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11}>
              {t}
            </text>
          ))}
        </svg>
      </Figure>
    </div>
  );
}

export interface IntervalRow {
  key: string;
  label: string;
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  status: ResultStatus;
  href?: string;
}

/** Ranking: a point per row with its 95% interval; hatched and labelled when not conclusive. */
export function IntervalChart({ rows, label, testId }: { rows: IntervalRow[]; label: string; testId: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rowH = 26;
  const labelW = Math.min(220, Math.floor(width * 0.42));
  const m = { top: 8, right: 16, bottom: 26, left: labelW };
  const height = m.top + m.bottom + rows.length * rowH;
  const x = d3.scaleLinear().domain([0, 1]).range([m.left, width - m.right]);
  const table = rows.map((r) => [r.label, r.estimate === null ? '—' : `${fmt(r.estimate)} [${fmt(r.lo ?? 0)}, ${fmt(r.hi ?? 0)}] ${r.status}`] as [string, string]);
  return (
    <div ref={ref} style={CONTAINER}>
      <Figure label={label} table={<HiddenTable caption={label} rows={table} />}>
        <svg width={width} height={height} role="img" aria-label={`${label} (${rows.length})`}>
          <defs>
            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
            </pattern>
          </defs>
          {x.ticks(5).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={m.top} y2={height - m.bottom} stroke="#e5e7eb" />
              <text x={x(t)} y={height - 8} textAnchor="middle" fontSize={11}>
                {fmt(t)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const cy = m.top + i * rowH + rowH / 2;
            const weak = r.status !== 'conclusive';
            return (
              <g key={r.key} className="mark" data-testid={testId} data-status={r.status}>
                <text x={m.left - 8} y={cy + 4} textAnchor="end" fontSize={12}>
                  {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
                </text>
                {r.estimate !== null && r.lo !== null && r.hi !== null && (
                  <rect x={x(r.lo)} width={Math.max(2, x(r.hi) - x(r.lo))} y={cy - 5} height={10} fill={weak ? 'url(#hatch)' : colour(r.estimate)} opacity={0.8} />
                )}
                {r.estimate !== null && <circle cx={x(r.estimate)} cy={cy} r={5} fill="#111827" />}
              </g>
            );
          })}
        </svg>
      </Figure>
    </div>
  );
}

/** The four sub-indices as bars with 95% interval whiskers. */
export function SubIndexBars({ rows, label }: { rows: IntervalRow[]; label: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 220;
  const m = { top: 10, right: 10, bottom: 30, left: 36 };
  const x = d3.scaleBand().domain(rows.map((r) => r.key)).range([m.left, width - m.right]).padding(0.3);
  const y = d3.scaleLinear().domain([0, 1]).range([height - m.bottom, m.top]);
  const table = rows.map((r) => [r.label, r.estimate === null ? '—' : `${fmt(r.estimate)} [${fmt(r.lo ?? 0)}, ${fmt(r.hi ?? 0)}]`] as [string, string]);
  return (
    <div ref={ref} style={CONTAINER}>
      <Figure label={label} table={<HiddenTable caption={label} rows={table} />}>
        <svg width={width} height={height} role="img" aria-label={label}>
          {rows.map((r) => {
            const bx = x(r.key) ?? 0;
            const bw = x.bandwidth();
            return (
              <g key={r.key} className="mark" data-testid="mark-subindex" data-status={r.status}>
                {r.estimate !== null && <rect x={bx} width={bw} y={y(r.estimate)} height={y(0) - y(r.estimate)} fill={colour(r.estimate)} />}
                {r.lo !== null && r.hi !== null && (
                  <line x1={bx + bw / 2} x2={bx + bw / 2} y1={y(r.lo)} y2={y(r.hi)} stroke="#111827" strokeWidth={2} />
                )}
                <text x={bx + bw / 2} y={height - 10} textAnchor="middle" fontSize={12}>
                  {r.key}
                </text>
              </g>
            );
          })}
          {y.ticks(5).map((t) => (
            <text key={t} x={m.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11}>
              {fmt(t)}
            </text>
          ))}
        </svg>
      </Figure>
    </div>
  );
}
