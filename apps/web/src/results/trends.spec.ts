import { describe, expect, it } from '@jest/globals';
import { SCOPE_WORDS, trendHref } from './trends';

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
