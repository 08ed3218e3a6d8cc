import { Transform } from 'stream';
import { stringify, Stringifier } from 'csv-stringify';
import { csvRow, normaliseRow, RawExportRow } from './export-columns';

/** Cells a spreadsheet would run as a formula (CSV injection, OWASP): = + - @ tab CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes an apostrophe to text that starts like a formula; spreadsheets hide the apostrophe and
 * show the text. Applied to every text cell of every CSV (issue #13: imported names such as
 * `=HYPERLINK(…)` reached the default file). Numbers are written by their own cast and keep their sign.
 */
export function excelSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as the export SQL returns them → rows shaped for one CSV line each (see csvRow). */
export function csvShaper(): Transform {
  return new Transform({
    objectMode: true,
    transform(chunk: RawExportRow, _encoding, callback) {
      callback(null, csvRow(chunk));
    },
  });
}

/**
 * Shaped rows (objects keyed by column name) → RFC 4180 CSV with a header line; nulls are empty
 * cells. `bom`: a UTF-8 byte-order mark first, so Excel reads the accents.
 */
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
      string: excelSafe,
    },
  });
}

/**
 * Rows → `{"meta": …, "rows": [ … ]}` written incrementally: one row in, one JSON fragment out, so
 * the stream pipeline's backpressure reaches the database cursor and memory stays flat. JSON text is
 * never evaluated by the programs that read it, so it carries names as they are.
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
