import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CleanName, nameProblem, normalizeName } from './text';

class Named {
  @CleanName(20)
  name: string;
}

const check = (name: unknown): { name: unknown; errors: string[] } => {
  const dto = plainToInstance(Named, { name });
  return { name: dto.name, errors: validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {})) };
};

describe('names', () => {
  it('normalises to NFC, removes zero-width characters, trims and collapses spaces', () => {
    expect(normalizeName('  Jose\u0301  Mari\u0301a ')).toBe('José María');
    expect(normalizeName('A\u200Byunta\u200Dmiento\uFEFF')).toBe('Ayuntamiento');
  });

  it('is idempotent and leaves no invisible character (property)', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E');
    const text = fc
      .array(fc.oneof(fc.string({ maxLength: 3 }), invisible), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const n = normalizeName(s);
        return normalizeName(n) === n && !/[\u200B-\u200F\u2060\uFEFF\u00AD]/.test(n) && n === n.normalize('NFC');
      }),
    );
  });

  it('a name of 199 zero-width spaces and "x" is stored as "x"; one of only zero-width spaces is blank', () => {
    expect(check(`${'\u200B'.repeat(199)}x`)).toEqual({ name: 'x', errors: [] });
    expect(check('\u200B'.repeat(199)).errors).toEqual(['name must not be blank']);
  });

  it('refuses bidi overrides and isolates, line breaks, blanks and non-strings', () => {
    expect(nameProblem('abc\u202Efdp.exe')).toBe('bidi-control');
    expect(nameProblem('a\u2067b')).toBe('bidi-control');
    expect(check('Ronda\u202E 2025').errors[0]).toMatch(/bidirectional/);
    expect(check('Ronda\n2025').errors[0]).toMatch(/single line/);
    expect(check('   ').errors[0]).toMatch(/blank/);
    expect(check(12).errors.length).toBeGreaterThan(0);
  });

  it('counts the limit after normalisation', () => {
    expect(check(`${'\u200B'.repeat(50)}${'a'.repeat(20)}`).errors).toEqual([]);
    expect(check('a'.repeat(21)).errors[0]).toMatch(/20/);
  });
});
