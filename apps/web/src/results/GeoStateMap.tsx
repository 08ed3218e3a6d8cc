import * as d3 from 'd3';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useT } from '../shared/i18n';
import { navigate } from '../shared/router';
import type { ResultStatus } from './api';
import { shadingOf } from './chart-layout';
import { colour, fmtValue, Hatch, HiddenTable, useChartId, useWidth, type Tile } from './charts';
// Served as a static file (22 KB gzipped), fetched by the states page only: not in the app bundle.
import geometryUrl from './geo/mexico-states.json?url';

type States = FeatureCollection<Geometry, { cveEnt: string; name: string }>;

let geometry: Promise<States> | null = null;
function loadGeometry(): Promise<States> {
  geometry ??= fetch(geometryUrl).then((r) => {
    if (!r.ok) throw new Error(`geometry: HTTP ${r.status}`);
    return r.json() as Promise<States>;
  });
  geometry.catch(() => (geometry = null));
  return geometry;
}

/** The states' outlines, loaded once per page; `failed` when they could not be fetched. */
function useGeometry(): { states: States | null; failed: boolean } {
  const [states, setStates] = useState<States | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadGeometry()
      .then((g) => live && setStates(g))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  return { states, failed };
}

type StatePath = d3.GeoPath<unknown, States['features'][number]>;

/** One state: its outline filled like its tile, a focusable link (Tab, Enter or Space) named with its value. */
function GeoState({
  feature: f,
  tile,
  path,
  hatch,
  selected,
  statusText,
}: {
  feature: States['features'][number];
  tile: Tile | undefined;
  path: StatePath;
  hatch: string;
  selected: boolean;
  statusText: (s: ResultStatus | null) => string;
}) {
  const shading = shadingOf(tile?.estimate, tile?.status);
  const hatched = shading === 'hatched';
  const fill = shading === 'missing' ? '#d1d5db' : hatched ? `url(#${hatch})` : colour(tile?.estimate as number);
  const name = tile?.name ?? f.properties.name;
  const words = `${name}: ${fmtValue(tile?.estimate ?? null)} (${statusText(tile?.status ?? null)})`;
  const onKey = (e: KeyboardEvent<SVGGElement>, href: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      navigate(href);
    }
  };
  return (
    <g
      className="geo-state"
      data-testid="geo-state"
      data-cve-ent={f.properties.cveEnt}
      data-status={tile?.status ?? 'none'}
      data-hatched={String(hatched)}
      role="link"
      tabIndex={tile ? 0 : -1}
      aria-label={words}
      onClick={tile ? () => navigate(tile.href) : undefined}
      onKeyDown={tile ? (e) => onKey(e, tile.href) : undefined}
    >
      <title>{words}</title>
      <path
        d={path(f) ?? ''}
        fill={fill}
        stroke={selected ? '#000000' : '#1f2937'}
        strokeWidth={selected ? 2.5 : 0.6}
      />
    </g>
  );
}

/**
 * Mexico's 32 states drawn from their outlines (d3-geo, conic conformal as INEGI's maps), coloured
 * like the tile grid and hatched wherever the value is not conclusive (grey without a value). The
 * tile grid stays beside it: there Tlaxcala is as large as Chihuahua; here the geography is true.
 * Each state is a focusable link (Tab, Enter or Space), named with its value and status; the same
 * numbers are in a table for screen readers.
 */
export function GeoStateMap({
  tiles,
  label,
  selected,
  statusText,
  columns,
}: {
  tiles: Tile[];
  label: string;
  selected?: string;
  statusText: (s: ResultStatus | null) => string;
  columns: string[];
}) {
  const { t } = useT();
  const hatch = useChartId('hatch-geo');
  const [ref, width] = useWidth<HTMLDivElement>(480);
  const { states, failed } = useGeometry();
  const byState = new Map(tiles.map((tile) => [tile.cveEnt, tile]));
  const w = Math.min(720, width);
  const h = Math.round(w * 0.66);
  const projection = states
    ? d3.geoConicConformal().rotate([102, 0]).parallels([17.5, 29.5]).fitSize([w, h], states)
    : null;
  const path = projection ? d3.geoPath(projection) : null;
  return (
    <figure className="chart geo-map">
      <div ref={ref} className="chart-canvas">
        {failed && <p className="muted small">—</p>}
        {states && path && (
          <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="group" aria-label={label} data-testid="geo-map">
            <defs>
              <Hatch id={hatch} colour="#6b7280" />
            </defs>
            {states.features.map((f) => (
              <GeoState
                key={f.properties.cveEnt}
                feature={f}
                tile={byState.get(f.properties.cveEnt)}
                path={path}
                hatch={hatch}
                selected={f.properties.cveEnt === selected}
                statusText={statusText}
              />
            ))}
          </svg>
        )}
      </div>
      <figcaption className="muted small">
        {t('map.hint')} {t('map.source')}
      </figcaption>
      <HiddenTable
        caption={label}
        columns={columns}
        rows={tiles.map((tile) => [tile.name, fmtValue(tile.estimate), statusText(tile.status)])}
      />
    </figure>
  );
}
