import { DomainError } from './domain-error';
import { assertRequestShape, findShapeProblem } from './request-shape';

/** `depth` levels of objects around a number. */
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('request shape', () => {
  it('accepts ordinary bodies, strings and buffers', () => {
    for (const v of [undefined, null, 'text', 42, Buffer.from('x'), { data: { q1: [1, 2], q2: { es: 'a' } } }, [{ a: 1 }]]) {
      expect(findShapeProblem(v)).toBeUndefined();
    }
  });

  it('finds prototype keys at any level, with their path', () => {
    expect(findShapeProblem(JSON.parse('{"__proto__":{"x":1}}'))).toEqual({ path: '__proto__', reason: 'prototype-key' });
    expect(findShapeProblem({ data: { list: [{ constructor: { prototype: 1 } }] } })).toEqual({ path: 'data.list.0.constructor', reason: 'prototype-key' });
    expect(findShapeProblem({ a: { prototype: {} } })).toEqual({ path: 'a.prototype', reason: 'prototype-key' });
  });

  it('limits nesting without recursing (100 levels pass, 101 and 1 000 000 do not)', () => {
    expect(findShapeProblem(nested(100))).toBeUndefined();
    expect(findShapeProblem(nested(101))?.reason).toBe('depth');
    expect(findShapeProblem(nested(1_000_000))?.reason).toBe('depth');
  });

  it('throws VALIDATION_FAILED with the offending field', () => {
    expect(() => assertRequestShape({ ok: 1 })).not.toThrow();
    try {
      assertRequestShape({ x: JSON.parse('{"__proto__":1}') });
      throw new Error('expected a DomainError');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', field: 'x.__proto__' });
    }
  });
});
