import { describe, expect, it } from '@jest/globals';
import { rowCentre, shadingOf, tileGridSize, truncateLabel } from './chart-layout';
import { MEXICO_TILES } from './tiles';

describe('truncateLabel', () => {
  it('keeps a label that fits and cuts a longer one to maxChars with an ellipsis', () => {
    expect(truncateLabel('Oaxaca', 6)).toBe('Oaxaca');
    expect(truncateLabel('Quintana Roo', 8)).toBe('Quintan…');
    expect(truncateLabel('Quintana Roo', 8)).toHaveLength(8);
  });
});

describe('rowCentre', () => {
  it('puts row i half a row below its top edge', () => {
    expect(rowCentre(6, 0, 26)).toBe(19);
    expect(rowCentre(6, 2, 26)).toBe(71);
  });
});

describe('tileGridSize', () => {
  it('sizes the Mexico grid by its layout, capping the tile side', () => {
    const wide = tileGridSize(MEXICO_TILES, 2000);
    expect(wide.cell).toBe(64);
    expect(wide.width).toBe(64 * wide.cols);
    expect(wide.height).toBe(64 * wide.rows);
  });

  it('shrinks the tiles to fit a narrow width', () => {
    expect(tileGridSize({ a: [0, 0], b: [3, 1] }, 100)).toEqual({ cols: 4, rows: 2, cell: 25, width: 100, height: 50 });
  });
});

describe('shadingOf', () => {
  it('is missing without an estimate or a status, solid only when conclusive, hatched otherwise', () => {
    expect(shadingOf(null, 'conclusive')).toBe('missing');
    expect(shadingOf(0.5, null)).toBe('missing');
    expect(shadingOf(undefined, undefined)).toBe('missing');
    expect(shadingOf(0.5, 'conclusive')).toBe('solid');
    expect(shadingOf(0, 'caution')).toBe('hatched');
    expect(shadingOf(0.5, 'inconclusive')).toBe('hatched');
    expect(shadingOf(0.5, 'not_validated')).toBe('hatched');
  });
});
