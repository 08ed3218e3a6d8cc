/**
 * The universe CSV read as a stream of byte chunks (csv-parse's streaming API), with the same report as
 * parseUniverseCsv over the whole text: the worker imports files of up to 20 MB without ever holding
 * them as one string. Only the valid rows are kept (at most UNIVERSE_LIMITS.maxRows), which the
 * all-or-nothing upsert needs anyway.
 *
 * Equivalence with the whole-string reader, which decides before parsing:
 *  - an empty (blank) file is EMPTY_FILE, whatever else;
 *  - a U+FFFD anywhere (bytes that are not UTF-8) is INVALID_ENCODING alone, even after a CSV error;
 *  - a CSV syntax error is MALFORMED_CSV alone;
 * so those three are settled at the end, after every byte was seen.
 */
import { once } from 'events';
import { parse, Parser } from 'csv-parse';
import {
  CatalogueIndex,
  csvParseOptions,
  detectDelimiter,
  emptyFileIssue,
  encodingIssue,
  malformedIssue,
  onlyIssue,
  RawRecord,
  toParsedRecord,
  UniverseParseResult,
  UniverseValidator,
} from './universe-csv';

/** What a stream has consumed so far, for progress reports. */
export interface UniverseStreamProgress {
  bytes: number;
  rows: number;
  errorCount: number;
}

export interface UniverseStreamOptions {
  /** Called after each chunk was handed to the parser; awaited (the stream waits for it). */
  onProgress?: (p: UniverseStreamProgress) => Promise<void> | void;
}

/** What the decoded text says before parsing: whether it has any content, and the line of the first U+FFFD. */
class TextScan {
  nonBlank = false;
  badLine: number | undefined;
  /** Newlines of the decoded text before the current chunk (to place the first U+FFFD). */
  private newlines = 0;

  scan(text: string): void {
    if (!this.nonBlank && /\S/.test(text)) this.nonBlank = true;
    if (this.badLine === undefined) {
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) this.badLine = this.newlines + text.slice(0, bad).split('\n').length;
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.newlines++;
  }
}

/** The whole-string reader's normalisation (BOM, CRLF and CR → LF), across chunk boundaries. */
class LineEndNormaliser {
  private atStart = true;
  /** A chunk ending in CR is held back: with the next one it may be a CRLF. */
  private pendingCr = false;

  normalise(text: string, last: boolean): string {
    let t = (this.pendingCr ? '\r' : '') + text;
    this.pendingCr = false;
    if (this.atStart && t.length > 0) {
      t = t.replace(/^\uFEFF/, '');
      this.atStart = false;
    }
    if (!last && t.endsWith('\r')) {
      this.pendingCr = true;
      t = t.slice(0, -1);
    }
    return t.replace(/\r\n?/g, '\n');
  }
}

/** Parses and validates a universe CSV given as UTF-8 byte chunks. Never throws on bad input (a failing source throws). */
export async function parseUniverseCsvStream(
  source: AsyncIterable<Uint8Array>,
  catalogue: CatalogueIndex,
  options: UniverseStreamOptions = {},
): Promise<UniverseParseResult> {
  const decoder = new TextDecoder('utf-8');
  const validator = new UniverseValidator(catalogue);
  const scanned = new TextScan();
  const lineEnds = new LineEndNormaliser();
  let bytes = 0;
  /** Text before the first non-blank line is complete (the delimiter is not known yet). */
  let head = '';
  let parser: Parser | undefined;
  let parseError: unknown;

  const startParser = (delimiter: string): Parser => {
    const p = parse(csvParseOptions(delimiter));
    p.on('data', (r: RawRecord) => validator.record(toParsedRecord(r)));
    p.on('error', (err: unknown) => {
      parseError ??= err;
    });
    return p;
  };

  const feed = async (text: string, last: boolean): Promise<void> => {
    if (parseError !== undefined || scanned.badLine !== undefined) return; // the verdict is already known: only scan
    if (!parser) {
      head += text;
      // The separator is the first non-blank line's (detectDelimiter), so wait until that line is whole.
      const first = /^[^\n]*\S[^\n]*$/m.exec(head);
      if (!first || (!last && first.index + first[0].length >= head.length)) return;
      parser = startParser(detectDelimiter(first[0]));
      text = head;
      head = '';
    }
    if (text && !parser.write(text) && parseError === undefined) {
      try {
        await once(parser, 'drain');
      } catch (err: unknown) {
        parseError ??= err; // the parser failed while we waited: a syntax error
      }
    }
  };

  for await (const chunk of source) {
    bytes += chunk.byteLength;
    const text = decoder.decode(chunk, { stream: true });
    scanned.scan(text);
    await feed(lineEnds.normalise(text, false), false);
    await options.onProgress?.({ bytes, rows: validator.rowsRead, errorCount: validator.errorCount });
  }
  const tail = decoder.decode();
  scanned.scan(tail);
  await feed(lineEnds.normalise(tail, true), true);

  if (!scanned.nonBlank) return onlyIssue(emptyFileIssue());
  if (scanned.badLine !== undefined) return onlyIssue(encodingIssue(scanned.badLine));
  if (parser && parseError === undefined) {
    const ended = once(parser, 'end');
    parser.end();
    try {
      // 'end' fires once every record was read; a syntax error found at the end rejects instead.
      await ended;
    } catch (err: unknown) {
      parseError ??= err;
    }
  }
  if (parseError !== undefined) return onlyIssue(malformedIssue(parseError));
  return validator.result();
}

/** Byte chunks of a Buffer (tests, and callers that already hold the bytes). */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, Math.min(i + size, bytes.byteLength));
}
