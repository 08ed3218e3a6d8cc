/**
 * Sheet rows as files: CSV (RFC 4180, UTF-8 with BOM) and XLSX (one worksheet), both ways, plus
 * JSON. Written here, without a spreadsheet dependency, because the API and the browser both use
 * them and the format needed is tiny: one sheet of text cells. XLSX reading accepts what Excel,
 * LibreOffice and Google Sheets write for plain cells (shared, inline and formula-result strings,
 * numbers, booleans) and refuses anything else with a clear error instead of guessing.
 */
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { SHEET_COLUMNS, SHEET_MAX_ROWS, SheetCode, emptyRow } from './rows';
import type { SheetColumn, SheetIssue, SheetRow } from './rows';

export interface ParsedSheet {
  rows: SheetRow[];
  /** Problems reading the file (header, format); empty when every row was read. */
  issues: SheetIssue[];
}

/** Largest file accepted, and largest uncompressed XLSX part (zip bombs). */
export const SHEET_FILE_LIMITS = Object.freeze({ maxBytes: 5 * 1024 * 1024, maxUnzippedBytes: 40 * 1024 * 1024 });

const unreadable = (es: string, en: string): ParsedSheet => ({
  rows: [],
  issues: [{ code: SheetCode.UNREADABLE_FILE, message: { es, en } }],
});

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

function mapHeader(header: readonly string[]): { columns: Array<SheetColumn | null> } | { issue: SheetIssue } {
  const byLower = new Map(SHEET_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = header.map((h) => (h.trim() === '' ? null : (byLower.get(h.trim().toLowerCase()) ?? undefined)));
  const unknown = header.filter((_, i) => columns[i] === undefined);
  if (unknown.length) {
    return {
      issue: {
        code: SheetCode.BAD_HEADER,
        message: {
          es: `Columnas desconocidas: ${unknown.join(', ')}. Columnas válidas: ${SHEET_COLUMNS.join(', ')}.`,
          en: `Unknown columns: ${unknown.join(', ')}. Valid columns: ${SHEET_COLUMNS.join(', ')}.`,
        },
      },
    };
  }
  const present = columns.filter((c): c is SheetColumn => c !== null && c !== undefined);
  const missing = (['type', 'name'] as const).filter((c) => !present.includes(c));
  const dup = present.filter((c, i) => present.indexOf(c) !== i);
  if (missing.length || dup.length) {
    return {
      issue: {
        code: SheetCode.BAD_HEADER,
        message: {
          es: missing.length ? `Faltan las columnas: ${missing.join(', ')}.` : `Columnas repetidas: ${dup.join(', ')}.`,
          en: missing.length ? `Missing columns: ${missing.join(', ')}.` : `Repeated columns: ${dup.join(', ')}.`,
        },
      },
    };
  }
  return { columns: columns.map((c) => c ?? null) };
}

function tableToRows(table: readonly string[][]): ParsedSheet {
  const [header, ...body] = table;
  if (!header) return unreadable('El archivo está vacío.', 'The file is empty.');
  const mapped = mapHeader(header);
  if ('issue' in mapped) return { rows: [], issues: [mapped.issue] };
  // Trailing blank lines are not rows.
  while (body.length && body[body.length - 1].every((c) => c.trim() === '')) body.pop();
  if (body.length > SHEET_MAX_ROWS) {
    return {
      rows: [],
      issues: [
        {
          code: SheetCode.TOO_MANY_ROWS,
          message: { es: `Más de ${SHEET_MAX_ROWS} filas.`, en: `More than ${SHEET_MAX_ROWS} rows.` },
        },
      ],
    };
  }
  const rows = body.map((cells) => {
    const row = emptyRow();
    mapped.columns.forEach((c, i) => {
      if (c) row[c] = cells[i] ?? '';
    });
    return row;
  });
  return { rows, issues: [] };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/**
 * Cells a spreadsheet would run as a formula (CSV injection) get a leading apostrophe; so does text
 * that already starts with apostrophes before such a character, so that reading removes exactly one.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

function csvCell(text: string): string {
  const safe = GUARDED.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 with CRLF, UTF-8 BOM so Excel reads the accents. */
export function rowsToCsv(rows: readonly SheetRow[]): string {
  const lines = [SHEET_COLUMNS.join(','), ...rows.map((r) => SHEET_COLUMNS.map((c) => csvCell(r[c] ?? '')).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 parser; the delimiter is `,`, or `;` when the header has no comma (Excel in Spanish). */
export function parseCsvTable(text: string): string[][] | null {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delim = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === delim) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
      if (c === '\r' && src[i + 1] === '\n') i++;
    } else cell += c;
    i++;
  }
  if (quoted) return null;
  if (cell !== '' || row.length) {
    row.push(cell);
    table.push(row);
  }
  return table;
}

/** The apostrophe added on export in front of formula-like text. */
const unguard = (text: string): string => (text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text);

export function csvToRows(text: string): ParsedSheet {
  if (text.length > SHEET_FILE_LIMITS.maxBytes)
    return unreadable('El archivo es demasiado grande (máx. 5 MB).', 'The file is too large (max. 5 MB).');
  const table = parseCsvTable(text);
  if (!table)
    return unreadable('CSV mal formado: una comilla no se cierra.', 'Malformed CSV: a quote is never closed.');
  return tableToRows(table.map((r) => r.map(unguard)));
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlEscape(text: string): string {
  const map: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
  return text.replace(XML_INVALID, '').replace(/[&<>"\r]/g, (c) => map[c] ?? c);
}

function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Text cells only: a spreadsheet never evaluates inline strings, so `=…` stays text. */
export function rowsToXlsx(rows: readonly SheetRow[], sheetName = 'preguntas'): Uint8Array {
  const rowXml = (n: number, cells: readonly string[], header: boolean): string =>
    `<row r="${n}">${cells
      .map((v, i) =>
        v === ''
          ? ''
          : `<c r="${columnLetters(i)}${n}"${header ? ' s="1"' : ''} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`,
      )
      .join('')}</row>`;
  const sheet =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>' +
    rowXml(1, SHEET_COLUMNS, true) +
    rows
      .map((r, i) =>
        rowXml(
          i + 2,
          SHEET_COLUMNS.map((c) => r[c] ?? ''),
          false,
        ),
      )
      .join('') +
    '</sheetData></worksheet>';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '</styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return zipSync(files, { level: 6 });
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}='([^']*)'`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** Text of a string item (`<si>` or `<is>`): every `<t>` run, except phonetic `<rPh>` hints. */
function stringItemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += decodeXml(m[1]);
  return out;
}

class XlsxError extends Error {
  constructor(
    readonly es: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function readWorksheet(xml: string, shared: readonly string[]): string[][] {
  const table: string[][] = [];
  let nextRow = 0;
  for (const rowMatch of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = attr(rowMatch[0].slice(0, rowMatch[0].indexOf('>') + 1), 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    if (!Number.isInteger(rowIndex) || rowIndex < nextRow)
      throw new XlsxError('Filas fuera de orden en la hoja.', 'Rows out of order in the sheet.');
    if (rowIndex > SHEET_MAX_ROWS + 1)
      throw new XlsxError(`Más de ${SHEET_MAX_ROWS} filas.`, `More than ${SHEET_MAX_ROWS} rows.`);
    while (table.length < rowIndex) table.push([]);
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const c of (rowMatch[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const open = `<c${c[1]}>`;
      const ref = attr(open, 'r');
      const col = ref ? columnIndex((/^[A-Z]+/.exec(ref) ?? [''])[0]) : nextCol;
      if (col < 0 || col > 200)
        throw new XlsxError(`Celda fuera de rango: ${ref ?? ''}`, `Cell out of range: ${ref ?? ''}`);
      nextCol = col + 1;
      const type = attr(open, 't') ?? 'n';
      const body = c[2] ?? '';
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
      const raw = v ? decodeXml(v[1]) : '';
      let text: string;
      if (type === 's') {
        const idx = Number(raw);
        if (!Number.isInteger(idx) || idx < 0 || idx >= shared.length)
          throw new XlsxError(
            `Cadena compartida inexistente en ${ref ?? ''}.`,
            `Missing shared string at ${ref ?? ''}.`,
          );
        text = shared[idx];
      } else if (type === 'inlineStr') text = stringItemText(body);
      else if (type === 'str') text = raw;
      else if (type === 'b') text = raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
      else if (type === 'n') text = raw;
      else
        throw new XlsxError(
          `La celda ${ref ?? ''} tiene un tipo que no se puede leer (${type}); escriba texto o números.`,
          `Cell ${ref ?? ''} has a type that cannot be read (${type}); use text or numbers.`,
        );
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    table.push(cells);
  }
  return table;
}

/** Reads the first worksheet of an XLSX file into rows. Never throws: unreadable files come back as an issue. */
export function xlsxToRows(bytes: Uint8Array): ParsedSheet {
  if (bytes.length > SHEET_FILE_LIMITS.maxBytes)
    return unreadable('El archivo es demasiado grande (máx. 5 MB).', 'The file is too large (max. 5 MB).');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return unreadable(
      'No es un archivo XLSX (los .xls antiguos y los archivos cifrados no se pueden leer; guárdelo como .xlsx o CSV).',
      'Not an XLSX file (old .xls and encrypted files cannot be read; save it as .xlsx or CSV).',
    );
  }
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > SHEET_FILE_LIMITS.maxUnzippedBytes)
          throw new XlsxError('El XLSX descomprimido es demasiado grande.', 'The unzipped XLSX is too large.');
        return (
          f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          f.name.startsWith('xl/worksheets/')
        );
      },
    });
  } catch (e) {
    if (e instanceof XlsxError) return unreadable(e.es, e.en);
    return unreadable(
      'El archivo XLSX está dañado (no es un zip válido).',
      'The XLSX file is damaged (not a valid zip).',
    );
  }
  try {
    const text = (name: string): string | undefined => (files[name] ? strFromU8(files[name]) : undefined);
    const workbook = text('xl/workbook.xml');
    if (!workbook)
      throw new XlsxError('El XLSX no tiene libro (xl/workbook.xml).', 'The XLSX has no workbook (xl/workbook.xml).');
    const firstSheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook);
    if (!firstSheet) throw new XlsxError('El libro no tiene hojas.', 'The workbook has no sheets.');
    const relId = attr(firstSheet[0], 'r:id') ?? attr(firstSheet[0], 'id');
    let target = 'xl/worksheets/sheet1.xml';
    const rels = text('xl/_rels/workbook.xml.rels');
    if (relId && rels) {
      for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
        if (attr(m[0], 'Id') === relId) {
          const t = attr(m[0], 'Target') ?? '';
          target = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
        }
      }
    }
    const sheet = text(target);
    if (!sheet) throw new XlsxError(`Falta la hoja ${target}.`, `Missing worksheet ${target}.`);
    const sharedXml = text('xl/sharedStrings.xml') ?? '';
    const shared = [...sharedXml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)].map(
      (m) => stringItemText(m[1] ?? ''),
    );
    return tableToRows(readWorksheet(sheet, shared));
  } catch (e) {
    if (e instanceof XlsxError) return unreadable(e.es, e.en);
    const reason = e instanceof Error ? e.message : String(e);
    return unreadable(`No se pudo leer el XLSX: ${reason}`, `The XLSX could not be read: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** Rows as JSON: an array of objects keyed by column (empty cells omitted). */
export function rowsToJson(rows: readonly SheetRow[]): string {
  return JSON.stringify(
    rows.map((r) => Object.fromEntries(SHEET_COLUMNS.filter((c) => r[c] !== '').map((c) => [c, r[c]]))),
    null,
    2,
  );
}

/** Objects keyed by column name; numbers and booleans are accepted and written as text. */
export function jsonToRows(value: unknown): ParsedSheet {
  if (!Array.isArray(value)) return unreadable('Se esperaba una lista de filas.', 'Expected an array of rows.');
  if (value.length > SHEET_MAX_ROWS)
    return {
      rows: [],
      issues: [
        {
          code: SheetCode.TOO_MANY_ROWS,
          message: { es: `Más de ${SHEET_MAX_ROWS} filas.`, en: `More than ${SHEET_MAX_ROWS} rows.` },
        },
      ],
    };
  const issues: SheetIssue[] = [];
  const rows = value.map((item: unknown, i) => {
    const row = emptyRow();
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push({
        code: SheetCode.UNREADABLE_FILE,
        row: i,
        message: { es: 'La fila no es un objeto.', en: 'The row is not an object.' },
      });
      return row;
    }
    for (const [k, v] of Object.entries(item)) {
      const col = SHEET_COLUMNS.find((c) => c.toLowerCase() === k.toLowerCase());
      if (!col) {
        issues.push({
          code: SheetCode.BAD_HEADER,
          row: i,
          message: { es: `Columna desconocida: ${k}`, en: `Unknown column: ${k}` },
        });
        continue;
      }
      if (typeof v === 'string') row[col] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') row[col] = String(v);
      else if (v !== null && v !== undefined) {
        if (col === 'extra' && typeof v === 'object') row[col] = JSON.stringify(v);
        else
          issues.push({
            code: SheetCode.BAD_HEADER,
            row: i,
            column: col,
            message: { es: `«${k}» debe ser texto.`, en: `'${k}' must be text.` },
          });
      }
    }
    return row;
  });
  return { rows, issues };
}
