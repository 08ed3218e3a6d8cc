/**
 * Rows in PostgreSQL's COPY text format (pure). The bulk writes of metric results go through
 * COPY into a staging table instead of `unnest($n::type[])` parameters: node-postgres turns every
 * array parameter into an array literal by escaping each element character by character (the
 * biggest CPU cost of a national rebuild after GC), and PostgreSQL then parses those literals back.
 * COPY text needs only backslash, tab, newline and carriage return escaped.
 */
export type CopyValue = string | number | boolean | null | CopyJson;

const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field. Numbers as JavaScript prints them (the shortest string that reads back as the same
 * double, like the array parameters before; NaN and ±Infinity are valid float8 input), null as \N.
 */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'object') return v.json;
  // Four indexOf scans are an order of magnitude faster than a character-class regex on the
  // kilobytes of JSON a result row carries (which almost never need escaping).
  const special = v.indexOf('\\') !== -1 || v.indexOf('\n') !== -1 || v.indexOf('\t') !== -1 || v.indexOf('\r') !== -1;
  return special ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : v;
}

/**
 * A JSON document as one field. JSON.stringify never emits a raw tab, newline or carriage return
 * (it writes them as \t, \n, \r), so only its backslashes need doubling: one scan instead of four
 * over the ≈ 280 MB of result JSON a national rebuild writes.
 */
export function copyJson(json: string): CopyJson {
  return { json: json.indexOf('\\') === -1 ? json : json.replace(/\\/g, '\\\\') };
}

/** A field already in COPY text form (see copyJson). */
export interface CopyJson {
  json: string;
}

/** One row, newline-terminated. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyField(values[i]);
  return `${line}\n`;
}

/** The fields of a row each followed by a tab: what precedes its last field (CopyEncoder.addSplit). */
export function copyLeadingFields(values: readonly CopyValue[]): string {
  let text = '';
  for (let i = 0; i < values.length; i++) text += `${copyField(values[i])}\t`;
  return text;
}
