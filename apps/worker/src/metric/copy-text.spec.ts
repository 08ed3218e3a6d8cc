import fc from 'fast-check';
import { copyField, copyJson, copyLine } from './copy-text';

describe('COPY text encoding', () => {
  it('escapes the four special characters and nothing else', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('Σ w·s′ / Σ w — “ok”')).toBe('Σ w·s′ / Σ w — “ok”');
    expect(copyField(JSON.stringify({ q: 'say "hi"\n' }))).toBe('{"q":"say \\\\"hi\\\\"\\\\n"}');
  });

  it('writes null as \\N and numbers in their shortest exact form', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(copyField(1 / 3))).toBe(1 / 3);
    expect(copyField(1e-7)).toBe('1e-7');
    expect(copyField(NaN)).toBe('NaN');
    expect(copyField(-Infinity)).toBe('-Infinity');
    expect(copyField(true)).toBe('t');
  });

  it('encodes JSON exactly as the general escaping does, with one scan', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const json = JSON.stringify(v);
        expect(copyField(copyJson(json))).toBe(copyField(json));
      }),
    );
    expect(copyField(copyJson(JSON.stringify({ q: 'tab\there\nline \\ "quoted"' })))).toBe(
      copyField(JSON.stringify({ q: 'tab\there\nline \\ "quoted"' })),
    );
  });

  it('joins fields with tabs and ends the row with a newline', () => {
    expect(copyLine(['x', 1, null])).toBe('x\t1\t\\N\n');
  });
});
