import { describe, expect, it } from '@jest/globals';
import { MEXICO_TILES, STATE_ABBR, stateTiles } from './tiles';

describe('the Mexico tile grid', () => {
  it('places and abbreviates all 32 states, one tile per cell', () => {
    expect(Object.keys(MEXICO_TILES).sort()).toEqual(Object.keys(STATE_ABBR).sort());
    expect(Object.keys(MEXICO_TILES)).toHaveLength(32);
    expect(new Set(Object.values(MEXICO_TILES).map(([c, r]) => `${c},${r}`)).size).toBe(32);
  });
});

describe('stateTiles', () => {
  const states = [
    { cveEnt: '15', name: 'México' },
    { cveEnt: '09', name: 'Ciudad de México' },
    { cveEnt: '99', name: 'Sin abreviatura' },
  ];
  const href = (cve: string) => `/resultados/r1/estados/${cve}`;

  it("gives every state of the catalogue a tile with its round's value", () => {
    const tiles = stateTiles(states, [{ scopeKey: '15', value: { estimate: 0.42, status: 'caution' } }], href);
    expect(tiles).toEqual([
      {
        cveEnt: '15',
        abbr: 'MEX',
        name: 'México',
        estimate: 0.42,
        status: 'caution',
        href: '/resultados/r1/estados/15',
      },
      {
        cveEnt: '09',
        abbr: 'CDMX',
        name: 'Ciudad de México',
        estimate: null,
        status: null,
        href: '/resultados/r1/estados/09',
      },
      {
        cveEnt: '99',
        abbr: '99',
        name: 'Sin abreviatura',
        estimate: null,
        status: null,
        href: '/resultados/r1/estados/99',
      },
    ]);
  });

  it('drops the status of a value without an estimate', () => {
    const [tile] = stateTiles(states, [{ scopeKey: '15', value: { estimate: null, status: 'inconclusive' } }], href);
    expect(tile.status).toBeNull();
    expect(tile.estimate).toBeNull();
  });
});
