import fc from 'fast-check';
import { estimatedBits, generateSecret, secretWeakness } from './secrets';

describe('secretWeakness', () => {
  it('accepts every generated secret', () => {
    for (let i = 0; i < 200; i++) expect(secretWeakness(generateSecret())).toBeUndefined();
  });

  it('refuses any value shorter than 32 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 31 }), (s) => secretWeakness(s) !== undefined));
  });

  it('refuses any repetition of a short pattern', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 15 }), (unit) => {
        const value = unit.repeat(Math.ceil(40 / unit.length));
        return secretWeakness(value) !== undefined;
      }),
    );
  });

  it('estimates bits from the character distribution', () => {
    expect(estimatedBits('a'.repeat(64))).toBe(0);
    expect(estimatedBits('ab'.repeat(32))).toBeCloseTo(64);
  });
});
