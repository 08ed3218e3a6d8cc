/**
 * Layout arithmetic shared by the charts and maps, as pure functions (no React, no d3) so each rule
 * is unit-tested once: label truncation, row positions, the tile grid's size and a value's shading.
 */
import type { ResultStatus } from './api';

/** The label cut to `maxChars` characters, the last one an ellipsis, when it is longer. */
export const truncateLabel = (label: string, maxChars: number): string =>
  label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label;

/** Vertical centre of row `index` in a chart of rows `rowHeight` tall starting at `top`. */
export const rowCentre = (top: number, index: number, rowHeight: number): number =>
  top + index * rowHeight + rowHeight / 2;

/** Largest side of a tile, so small states stay legible without the grid growing past the page. */
const MAX_TILE = 64;

/** Columns and rows of a tile layout, the tile side that fits `width`, and the drawing's size. */
export function tileGridSize(
  layout: Record<string, [number, number]>,
  width: number,
): { cols: number; rows: number; cell: number; width: number; height: number } {
  const cols = 1 + Math.max(...Object.values(layout).map(([c]) => c));
  const rows = 1 + Math.max(...Object.values(layout).map(([, r]) => r));
  const cell = Math.min(MAX_TILE, Math.floor(width / cols));
  return { cols, rows, cell, width: cell * cols, height: cell * rows };
}

/**
 * How an area is filled on a map: grey without a value, hatched when the value is not conclusive
 * (conclusiveness is never shown by colour alone), the colour of its estimate otherwise.
 */
export type Shading = 'missing' | 'hatched' | 'solid';

export function shadingOf(estimate: number | null | undefined, status: ResultStatus | null | undefined): Shading {
  if (estimate === null || estimate === undefined || status === null || status === undefined) return 'missing';
  return status === 'conclusive' ? 'solid' : 'hatched';
}
