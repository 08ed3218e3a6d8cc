import { RequestErrors } from './request.errors';

/**
 * Structural limits on every decoded request value (body, query, params), checked before DTO
 * validation. Iterative on purpose: a recursive walk is exactly what a deeply nested body would
 * overflow (Nest's prototype-key stripping recurses and answered 500 at ~10k levels).
 */
export const REQUEST_SHAPE_LIMITS = Object.freeze({
  /** The body is level 1; questionnaire definitions are linted to 64 levels below `definition`. */
  maxDepth: 100,
});

/**
 * Keys that change an object's prototype when a value is merged or copied. JSON.parse keeps them as
 * plain own properties; Nest's ValidationPipe would then silently drop them and accept the rest, so a
 * request that carries them is refused as a whole instead of being half-applied.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * C0 control characters (and DEL) other than tab, line feed and carriage return. No text the API
 * stores needs them; NUL in particular is refused by PostgreSQL (it answered 500), and the others hide
 * content from people reading it. Single-line fields refuse tab and line breaks too (common/text.ts).
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface ShapeProblem {
  path: string;
  reason: 'depth' | 'prototype-key' | 'control-character';
}

export function findShapeProblem(value: unknown, limits = REQUEST_SHAPE_LIMITS): ShapeProblem | undefined {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 1 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === 'string' && CONTROL_CHARACTER.test(v)) return { path, reason: 'control-character' };
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth > limits.maxDepth) return { path, reason: 'depth' };
    for (const key of Object.keys(v)) {
      const child = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { path: child, reason: 'prototype-key' };
      if (CONTROL_CHARACTER.test(key))
        return { path: path || key.replace(CONTROL_CHARACTER, '?'), reason: 'control-character' };
      stack.push({ v: (v as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return undefined;
}

export function assertRequestShape(value: unknown): void {
  const problem = findShapeProblem(value);
  if (!problem) return;
  if (problem.reason === 'control-character') {
    throw RequestErrors.controlCharacter(problem.path);
  }
  if (problem.reason === 'depth') {
    throw RequestErrors.tooDeep(problem.path, REQUEST_SHAPE_LIMITS.maxDepth);
  }
  throw RequestErrors.propertyNameNotAllowed(problem.path);
}
