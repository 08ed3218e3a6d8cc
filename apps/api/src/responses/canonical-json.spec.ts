import { canonicalJson, sameJson } from './canonical-json';

describe('canonicalJson', () => {
  it('ignores key order at every level but not array order', () => {
    expect(sameJson({ b: 1, a: { d: [1, 2], c: 'x' } }, { a: { c: 'x', d: [1, 2] }, b: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
  });

  it('keeps a "__proto__" own key as data', () => {
    const withProto = JSON.parse('{"__proto__": 1, "a": 2}');
    expect(canonicalJson(withProto)).toBe('{"__proto__":1,"a":2}');
  });
});
