import { describe, expect, it } from '@jest/globals';
import { SCOPE_WORDS, trendBackHref, trendHref } from './trends';

describe('trendHref', () => {
  it('uses the Spanish scope words of /resultados and leaves the default indicator out', () => {
    expect(trendHref('r1', 'national')).toBe('/resultados/r1/tendencia?ambito=nacional');
    expect(trendHref('r1', 'state', '15', 'T')).toBe('/resultados/r1/tendencia?ambito=estado&clave=15&indicador=T');
    expect(trendHref('r1', 'institution', null, 'I')).toBe('/resultados/r1/tendencia?ambito=institucion');
  });

  it('encodes the round id and the key', () => {
    expect(trendHref('a/b c', 'municipality', '15 001&x')).toBe(
      '/resultados/a%2Fb%20c/tendencia?ambito=municipio&clave=15+001%26x',
    );
  });

  it('has a word for every scope', () => {
    expect(Object.keys(SCOPE_WORDS).sort()).toEqual(['institution', 'municipality', 'national', 'state']);
  });
});

describe('trendBackHref', () => {
  it("leads back to the unit's own page", () => {
    expect(trendBackHref('r1', 'institution', 'inst-7', null)).toBe('/resultados/r1/instituciones/inst-7');
    expect(trendBackHref('r1', 'state', '15', null)).toBe('/resultados/r1/estados/15');
    expect(trendBackHref('r1', 'municipality', '15001', '15')).toBe('/resultados/r1/estados/15');
  });

  it("falls back to the round's overview without a key or a state", () => {
    expect(trendBackHref('r1', 'national', null, null)).toBe('/resultados/r1');
    expect(trendBackHref('r1', 'institution', null, null)).toBe('/resultados/r1');
    expect(trendBackHref('r1', 'municipality', '15001', undefined)).toBe('/resultados/r1');
  });
});
