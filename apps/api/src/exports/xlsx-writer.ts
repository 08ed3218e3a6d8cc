import { strToU8, Zip, ZipDeflate } from 'fflate';

/**
 * A minimal streaming XLSX (SpreadsheetML) writer on fflate's zip, instead of a spreadsheet
 * dependency: the microdata needs rows of plain cells, nothing more. Parts written: [Content_Types].xml,
 * _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml (bold header) and one
 * xl/worksheets/sheetN.xml per sheet, in order, so rows can come from a database cursor one at a
 * time and leave compressed without the workbook ever being in memory.
 *
 * Text is written as inline strings (`t="inlineStr"`): a spreadsheet never evaluates those, so text
 * that looks like a formula (`=HYPERLINK(…)`) stays text and needs no apostrophe (unlike CSV). Numbers
 * are numeric cells, booleans boolean cells, null/undefined empty cells.
 */
export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxSheet {
  /** 1–31 characters, none of `[]:*?/\` (Excel's rules). */
  name: string;
  columns: readonly string[];
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>;
}

/** Excel refuses longer text in a cell ("we found a problem with some content"). */
export const XLSX_MAX_CELL_TEXT = 32767;
/** Excel's row limit; rows past it would make the file unreadable. */
export const XLSX_MAX_ROWS = 1_048_576;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates): dropped, or the file is not XML. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/** CR as a character reference: XML parsers turn a literal CR into LF, and the cell would change. */
export function xmlEscape(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"\r]/g, (c) => ESCAPES[c] ?? c);
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

export function assertSheetName(name: string): void {
  if (name.length < 1 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name))
    throw new Error(`invalid sheet name: ${JSON.stringify(name)}`);
}

function cellXml(ref: string, value: XlsxCell, style: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value.length > XLSX_MAX_CELL_TEXT ? value.slice(0, XLSX_MAX_CELL_TEXT) : value;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
}

export function rowXml(
  rowNumber: number,
  cells: readonly XlsxCell[],
  letters: readonly string[],
  header = false,
): string {
  const style = header ? ' s="1"' : '';
  let out = `<row r="${rowNumber}">`;
  cells.forEach((v, i) => {
    out += cellXml(`${letters[i] ?? columnName(i)}${rowNumber}`, v, style);
  });
  return `${out}</row>`;
}

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${overrides}</Types>`
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

function workbook(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}<Relationship Id="rId${sheets + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;
}

/** Two cell formats: 0 plain, 1 bold (the header row). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The header row stays visible while scrolling. */
const SHEET_OPEN =
  `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
  '<sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/** Rows are batched into chunks of about this many characters before compression. */
const BATCH_CHARS = 64 * 1024;

/**
 * The workbook as a sequence of zip chunks. Pull-driven: the next rows are read only when the
 * consumer asks for the next chunk, so `Readable.from(xlsxChunks(…))` piped into a response carries
 * the client's backpressure back to the row source.
 */
export async function* xlsxChunks(sheets: readonly XlsxSheet[]): AsyncGenerator<Uint8Array> {
  sheets.forEach((s) => assertSheetName(s.name));
  if (new Set(sheets.map((s) => s.name.toLowerCase())).size !== sheets.length) throw new Error('duplicate sheet names');
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift() as Uint8Array;
  };
  const whole = (name: string, text: string): void => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  whole('[Content_Types].xml', contentTypes(sheets.length));
  whole('_rels/.rels', ROOT_RELS);
  whole('xl/workbook.xml', workbook(sheets.map((s) => s.name)));
  whole('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  whole('xl/styles.xml', STYLES);
  yield* drain();

  for (const [i, sheet] of sheets.entries()) {
    const file = new ZipDeflate(`xl/worksheets/sheet${i + 1}.xml`, { level: 6 });
    zip.add(file);
    const letters = sheet.columns.map((_, c) => columnName(c));
    let buffer = SHEET_OPEN + rowXml(1, sheet.columns, letters, true);
    let rowNumber = 1;
    for await (const row of sheet.rows) {
      if (rowNumber >= XLSX_MAX_ROWS) throw new Error(`sheet ${sheet.name} has more rows than a spreadsheet can hold`);
      rowNumber++;
      buffer += rowXml(rowNumber, row, letters);
      if (buffer.length >= BATCH_CHARS) {
        file.push(strToU8(buffer));
        buffer = '';
        yield* drain();
      }
    }
    file.push(strToU8(buffer + SHEET_CLOSE), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** The whole workbook in memory (tests, small files). */
export async function xlsxBuffer(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of xlsxChunks(sheets)) parts.push(chunk);
  return Buffer.concat(parts);
}
