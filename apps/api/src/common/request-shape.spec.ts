import fc from 'fast-check';
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
    for (const v of [
      undefined,
      null,
      'text',
      42,
      Buffer.from('x'),
      { data: { q1: [1, 2], q2: { es: 'a' } } },
      [{ a: 1 }],
    ]) {
      expect(findShapeProblem(v)).toBeUndefined();
    }
  });

  it('finds prototype keys at any level, with their path', () => {
    expect(findShapeProblem(JSON.parse('{"__proto__":{"x":1}}'))).toEqual({
      path: '__proto__',
      reason: 'prototype-key',
    });
    expect(findShapeProblem({ data: { list: [{ constructor: { prototype: 1 } }] } })).toEqual({
      path: 'data.list.0.constructor',
      reason: 'prototype-key',
    });
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

describe('control characters', () => {
  it('finds NUL and other C0 controls in values and keys, anywhere, but allows tab, line feed and carriage return', () => {
    expect(findShapeProblem({ name: 'a\u0000b' })).toEqual({ path: 'name', reason: 'control-character' });
    expect(findShapeProblem({ data: { list: ['ok', 'x\u001b[31m'] } })).toEqual({
      path: 'data.list.1',
      reason: 'control-character',
    });
    expect(findShapeProblem('csv\u0007')?.reason).toBe('control-character');
    expect(findShapeProblem({ ['k\u0001']: 1 })?.reason).toBe('control-character');
    expect(findShapeProblem({ text: 'línea 1\r\nlínea 2\tcol' })).toBeUndefined();
  });

  it('throws CONTROL_CHARACTER with the field', () => {
    expect(() => assertRequestShape({ a: { b: 'x\u0000' } })).toThrow(
      expect.objectContaining({ code: 'CONTROL_CHARACTER', field: 'a.b' }),
    );
  });

  it('refuses every C0 control but tab, LF and CR (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 0x1f }), fc.string(), (before, code, after) => {
        const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
        const problem = findShapeProblem({ v: `${before}${String.fromCharCode(code)}${after}` });
        return allowed
          ? problem === undefined || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(before + after)
          : problem?.reason === 'control-character';
      }),
    );
  });
});
