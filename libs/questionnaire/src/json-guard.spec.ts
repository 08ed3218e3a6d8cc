import fc from 'fast-check';
import { locateJsonError, scanJson, utf8Length } from './json-guard';

describe('json-guard', () => {
  it('property: scanJson counts exactly the UTF-8 size of compact JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        const report = scanJson(v, { maxDepth: 64, maxBytes: 1e9 });
        expect(report.fatal).toBeUndefined();
        expect(report.bytes).toBe(new TextEncoder().encode(JSON.stringify(v)).length);
      }),
      { numRuns: 200 },
    );
  });

  it('property: never reports "too large" for a value within the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const size = utf8Length(JSON.stringify(v));
        expect(scanJson(v, { maxDepth: 64, maxBytes: size }).fatal).toBeUndefined();
        if (size > 1) expect(scanJson(v, { maxDepth: 64, maxBytes: size - 1 }).fatal?.kind).toBe('too_large');
      }),
      { numRuns: 200 },
    );
  });

  it('property: locates syntax errors of truncated JSON inside the text', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.nat(), (text, cut) => {
        const broken = text.slice(0, cut % Math.max(1, text.length));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        fc.pre(!valid);
        const { offset } = locateJsonError(broken);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(broken.length);
      }),
      { numRuns: 200 },
    );
  });

  it('names the problem', () => {
    expect(locateJsonError('{"a": tru}')).toMatchObject({ offset: 9, detail: { en: 'unexpected character "}"' } });
    expect(locateJsonError('{"a": "x')).toMatchObject({ offset: 6, detail: { en: 'unterminated string' } });
    expect(locateJsonError('{} x')).toMatchObject({ offset: 3 });
  });
});
