import { Transform } from 'stream';
import { stringify, Stringifier } from 'csv-stringify';
import { normaliseRow, RawExportRow } from './export-columns';

/** Cells a spreadsheet would run as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Excel mode (`?bom=1`) also neutralises text cells that start like a formula by prefixing an
 * apostrophe, which Excel hides; machine consumers get the raw text from the default variant.
 */
export function excelSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows (objects keyed by column name) → RFC 4180 CSV with a header line; nulls are empty cells. */
export function csvWriter(columns: readonly string[], opts: { bom: boolean }): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    bom: opts.bom,
    record_delimiter: 'windows',
    cast: {
      boolean: (v) => (v ? 'true' : 'false'),
      date: (d) => d.toISOString(),
      number: (n) => (Number.isFinite(n) ? String(n) : ''),
      string: opts.bom ? excelSafe : (s) => s,
    },
  });
}

/**
 * Rows → `{"meta": …, "rows": [ … ]}` written incrementally: one row in, one JSON fragment out, so
 * the stream pipeline's backpressure reaches the database cursor and memory stays flat.
 */
export function jsonWriter(meta: unknown, columns: readonly string[]): Transform {
  const prefix = `{"meta":${JSON.stringify(meta)},"rows":[`;
  let first = true;
  return new Transform({
    writableObjectMode: true,
    readableObjectMode: false,
    transform(chunk: RawExportRow, _encoding, callback) {
      const row = normaliseRow(chunk);
      const out: Record<string, unknown> = {};
      for (const col of columns) out[col] = row[col] ?? null;
      callback(null, `${first ? prefix : ','}\n${JSON.stringify(out)}`);
      first = false;
    },
    flush(callback) {
      callback(null, `${first ? prefix : ''}\n]}\n`);
    },
  });
}
