/**
 * Defensive JSON handling shared by lint (questionnaire definitions) and validate (submissions).
 * Everything here runs BEFORE survey-core sees the input, so a hostile document cannot make the
 * engine recurse deeply, allocate without bound or receive prototype-polluting keys.
 */
import { FORBIDDEN_KEYS, localized } from './types';
import type { LocalizedText } from './types';
import type { TextPosition } from './issues';

/** UTF-8 byte length without Buffer/TextEncoder allocation (works in Node and browsers alike). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Appends a property name to a JSONPath-like path; odd names are quoted so paths stay unambiguous. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export interface ScanLimits {
  /** Maximum nesting; the root container is level 1. */
  maxDepth: number;
  /** Maximum UTF-8 size of the value serialized as compact JSON. */
  maxBytes: number;
  /** Strings longer than this (in UTF-16 code units, as JavaScript counts) are reported. */
  maxStringLength?: number;
}

export type ScanFatal =
  | { kind: 'too_deep'; path: string }
  | { kind: 'too_large'; path: string; bytes: number }
  | { kind: 'not_json'; path: string; detail: string };

export interface ScanReport {
  /** First problem that makes further processing unsafe; the scan stops there. */
  fatal?: ScanFatal;
  /** Serialized size counted so far (exact when there is no fatal problem). */
  bytes: number;
  forbiddenKeys: string[];
  longStrings: string[];
}

class StopScan extends Error {
  constructor(readonly fatal: ScanFatal) {
    super(fatal.kind);
  }
}

/**
 * Walks a JSON-like value once, depth-first, counting its compact serialized size and stopping
 * at the first level beyond `maxDepth` or byte beyond `maxBytes`. Cycles are caught by the depth
 * limit. Records forbidden keys (`__proto__`, …) and over-long strings at any depth.
 */
export function scanJson(value: unknown, limits: ScanLimits): ScanReport {
  const report: ScanReport = { bytes: 0, forbiddenKeys: [], longStrings: [] };
  const add = (n: number, path: string): void => {
    report.bytes += n;
    if (report.bytes > limits.maxBytes) throw new StopScan({ kind: 'too_large', path, bytes: report.bytes });
  };
  const visit = (v: unknown, path: string, depth: number): void => {
    if (v === null) return add(4, path);
    switch (typeof v) {
      case 'boolean':
        return add(v ? 4 : 5, path);
      case 'number':
        if (!Number.isFinite(v)) throw new StopScan({ kind: 'not_json', path, detail: String(v) });
        return add(String(v).length, path);
      case 'string':
        if (limits.maxStringLength !== undefined && v.length > limits.maxStringLength) report.longStrings.push(path);
        // Cheap upper-bound check first so a 100 MB string is not stringified just to be rejected.
        if (v.length > limits.maxBytes) return add(v.length, path);
        return add(utf8Length(JSON.stringify(v)), path);
      case 'object':
        break;
      default:
        throw new StopScan({ kind: 'not_json', path, detail: typeof v });
    }
    if (depth >= limits.maxDepth) throw new StopScan({ kind: 'too_deep', path });
    if (Array.isArray(v)) {
      // Each element costs at least one byte plus a comma: reject huge (possibly sparse) arrays
      // before iterating them.
      add(2 + Math.max(0, 2 * v.length - 1), path);
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        const p = childPath(path, i);
        if (item === undefined) throw new StopScan({ kind: 'not_json', path: p, detail: 'undefined' });
        // The placeholder byte counted above is replaced by the element itself; removing it first
        // keeps the running total a lower bound of the final size (no false "too large").
        report.bytes -= 1;
        visit(item, p, depth + 1);
      }
      return;
    }
    if (!isPlainObject(v)) throw new StopScan({ kind: 'not_json', path, detail: 'non-plain object' });
    add(2, path);
    let first = true;
    for (const key of Object.keys(v)) {
      const item = v[key];
      if (item === undefined) continue; // JSON.stringify drops it too
      const p = childPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) report.forbiddenKeys.push(p);
      add(utf8Length(JSON.stringify(key)) + 1 + (first ? 0 : 1), p);
      first = false;
      visit(item, p, depth + 1);
    }
  };
  try {
    visit(value, '$', 0);
  } catch (e) {
    if (e instanceof StopScan) report.fatal = e.fatal;
    else throw e;
  }
  return report;
}

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; at: TextPosition; detail: LocalizedText };

/** Parses JSON text; on failure returns the exact position of the first syntax error. */
export function parseJsonText(text: string): ParseOutcome {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Engines word (and sometimes omit) the position differently; locate it ourselves.
    const { offset, detail } = locateJsonError(text);
    return { ok: false, at: toPosition(text, offset), detail };
  }
}

export function toPosition(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly detail: LocalizedText,
  ) {
    super(detail.en);
  }
}

const MAX_LOCATE_DEPTH = 512;

/**
 * Minimal RFC 8259 scanner used only after JSON.parse failed, to say where and why. It builds no
 * values. Nesting beyond MAX_LOCATE_DEPTH is reported at that point (such a document is rejected
 * anyway), which keeps the recursion bounded.
 */
export function locateJsonError(text: string): { offset: number; detail: LocalizedText } {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    // JSON.parse failed but the scanner found nothing (e.g. lone surrogates some engines reject).
    return { offset: 0, detail: localized('JSON inválido', 'invalid JSON') };
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, detail: e.detail };
    throw e;
  }
}

/** locateJsonError's scanner: each method consumes one production from `i` on, or throws JsonSyntax. */
class JsonScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  /** One value and nothing after it but whitespace. */
  document(): void {
    this.value(0);
    this.ws();
    if (this.i < this.text.length)
      this.fail(localized('texto sobrante después del JSON', 'unexpected text after the JSON value'));
  }

  private fail(detail: LocalizedText, at = this.i): never {
    throw new JsonSyntax(at, detail);
  }

  private unexpected(): never {
    const { text, i } = this;
    return i >= text.length
      ? this.fail(localized('fin inesperado del texto', 'unexpected end of input'))
      : this.fail(
          localized(
            `carácter inesperado ${JSON.stringify(text[i])}`,
            `unexpected character ${JSON.stringify(text[i])}`,
          ),
        );
  }

  private ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i] as string)) this.i++;
  }

  private literal(word: string): void {
    for (const ch of word) {
      if (this.text[this.i] !== ch) this.unexpected();
      this.i++;
    }
  }

  private digits(): void {
    const start = this.i;
    while (this.i < this.text.length && (this.text[this.i] as string) >= '0' && (this.text[this.i] as string) <= '9')
      this.i++;
    if (this.i === start) this.fail(localized('número inválido', 'invalid number'));
  }

  private number(): void {
    const { text } = this;
    if (text[this.i] === '-') this.i++;
    if (text[this.i] === '0') this.i++;
    else this.digits();
    if (text[this.i] === '.') {
      this.i++;
      this.digits();
    }
    if (text[this.i] === 'e' || text[this.i] === 'E') {
      this.i++;
      if (text[this.i] === '+' || text[this.i] === '-') this.i++;
      this.digits();
    }
  }

  private string(): void {
    const { text } = this;
    const start = this.i;
    this.i++; // opening quote
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return;
      }
      if (c < 0x20)
        this.fail(localized('carácter de control dentro de una cadena', 'control character inside a string'));
      if (c === 92) {
        const e = text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6)))
            this.fail(localized('secuencia \\u inválida', 'invalid \\u escape'));
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else this.fail(localized('secuencia de escape inválida', 'invalid escape sequence'));
      } else this.i++;
    }
    this.fail(localized('cadena sin cerrar', 'unterminated string'), start);
  }

  private value(depth: number): void {
    if (depth > MAX_LOCATE_DEPTH) this.fail(localized('anidamiento excesivo', 'nesting too deep'));
    this.ws();
    const c = this.text[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    this.unexpected();
  }

  private object(depth: number): void {
    const { text } = this;
    this.i++;
    this.ws();
    if (text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (text[this.i] !== '"')
        this.fail(
          localized('se esperaba un nombre de propiedad entre comillas', 'expected a double-quoted property name'),
        );
      this.string();
      this.ws();
      if (text[this.i] !== ':') this.fail(localized("se esperaba ':'", "expected ':'"));
      this.i++;
      this.value(depth + 1);
      this.ws();
      if (text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (text[this.i] === '}') {
        this.i++;
        return;
      }
      this.fail(localized("se esperaba ',' o '}'", "expected ',' or '}'"));
    }
  }

  private array(depth: number): void {
    const { text } = this;
    this.i++;
    this.ws();
    if (text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.ws();
      if (text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (text[this.i] === ']') {
        this.i++;
        return;
      }
      this.fail(localized("se esperaba ',' o ']'", "expected ',' or ']'"));
    }
  }
}
