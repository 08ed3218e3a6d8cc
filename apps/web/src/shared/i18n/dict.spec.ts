import { describe, expect, it } from '@jest/globals';
import { interpolate } from './dict';

describe('interpolate', () => {
  it('placeholders, unknown ones left visible', () => {
    expect(interpolate('{a} de {b}', { a: 1 })).toBe('1 de {b}');
  });

  it('ICU plural blocks by Intl.PluralRules, # as the formatted number, =k first', () => {
    const msg = '{n, plural, =0 {ningún sujeto} one {falta # sujeto} other {faltan # sujetos}}';
    expect(interpolate(msg, { n: 0 }, 'es')).toBe('ningún sujeto');
    expect(interpolate(msg, { n: 1 }, 'es')).toBe('falta 1 sujeto');
    expect(interpolate(msg, { n: 3 }, 'es')).toBe('faltan 3 sujetos');
    expect(interpolate('{n, plural, one {# report} other {# reports}} from {who}', { n: 1200, who: 'x' }, 'en')).toBe(
      '1,200 reports from x',
    );
    expect(interpolate('{sig} de {total, plural, one {# estado} other {# estados}}', { sig: 0, total: 1 }, 'es')).toBe(
      '0 de 1 estado',
    );
  });
});
