/**
 * Parsing and validation of a universe CSV (the obliged subjects of a guarantor). Pure: the caller
 * passes the municipal catalogue in, so the rules are unit-tested without a database.
 *
 * Line numbers are those a person sees in a spreadsheet or text editor: the header is line 1, and a
 * record that spans several lines (quoted newline) is reported at the line where it starts.
 */
import { parse } from 'csv-parse/sync';
import { isEmail } from 'class-validator';
// The entity file, not the package index: @apertura/db's migrations import this library.
import { LEVELS } from '@apertura/db/entities/institution.entity';
import type { Level } from '@apertura/db/entities/institution.entity';
import { nameProblem, normalizeName } from './names';

/** A text in Spanish (es-MX) and English, like the API's error messages. */
export interface Messages {
  es: string;
  en: string;
}

export const UNIVERSE_LIMITS = Object.freeze({
  maxRows: 50_000,
  /** Errors listed in a report; the total is always given. A file with 15,000 bad rows needs fixing at the source anyway. */
  maxErrors: 1_000,
  nameMax: 300,
  typeMax: 100,
  keyMax: 200,
  emailMax: 254,
});

/** Stable codes of universe problems (clients and tests match on them). */
export const UNIVERSE_ISSUE_CODES = [
  'EMPTY_FILE',
  'INVALID_ENCODING',
  'MALFORMED_CSV',
  'MISSING_COLUMN',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'NO_ROWS',
  'TOO_MANY_ROWS',
  'FIELD_COUNT',
  'REQUIRED',
  'TOO_LONG',
  'INVALID_LEVEL',
  'INVALID_CVE_ENT',
  'UNKNOWN_CVE_ENT',
  'INVALID_CVEGEO',
  'UNKNOWN_CVEGEO',
  'CVEGEO_NOT_IN_STATE',
  'INVALID_EMAIL',
  'INVALID_KEY',
  'DUPLICATE_KEY',
  'BIDI_CONTROL',
] as const;
export type UniverseIssueCode = (typeof UNIVERSE_ISSUE_CODES)[number];

export interface UniverseIssue {
  /** 1-based line in the file (header = 1). */
  line: number;
  /** Canonical column name (`name`, `cvegeo`, …) or null when the whole row or file is at fault. */
  column: string | null;
  code: UniverseIssueCode;
  message: Messages;
}

export const UNIVERSE_COLUMNS = ['name', 'type', 'level', 'cve_ent', 'cvegeo', 'email', 'key'] as const;
export type UniverseColumn = (typeof UNIVERSE_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly UniverseColumn[] = ['name', 'type', 'level', 'cve_ent', 'cvegeo', 'email'];

/** Spanish headers are accepted too: guarantors often start from their own spreadsheets. */
const HEADER_ALIASES: Readonly<Record<string, UniverseColumn>> = {
  name: 'name',
  nombre: 'name',
  type: 'type',
  tipo: 'type',
  level: 'level',
  nivel: 'level',
  orden: 'level',
  cve_ent: 'cve_ent',
  cveent: 'cve_ent',
  cvegeo: 'cvegeo',
  cve_geo: 'cvegeo',
  email: 'email',
  e_mail: 'email',
  correo: 'email',
  correo_electronico: 'email',
  key: 'key',
  clave: 'key',
};

/** The municipal catalogue as the validator needs it. */
export interface CatalogueIndex {
  states: ReadonlySet<string>;
  /** cvegeo → cve_ent */
  municipalities: ReadonlyMap<string, string>;
}

/** A valid, normalised row ready to be upserted. */
export interface UniverseRow {
  line: number;
  key: string;
  name: string;
  type: string;
  level: Level;
  cveEnt: string;
  cvegeo: string;
  email: string;
}

export interface UniverseParseResult {
  rows: UniverseRow[];
  /** At most UNIVERSE_LIMITS.maxErrors entries. */
  errors: UniverseIssue[];
  errorCount: number;
  /** Data rows seen (not counting the header and blank lines). */
  rowsRead: number;
}

const msg = (es: string, en: string): Messages => ({ es, en });

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function normaliseHeader(raw: string): string {
  return stripAccents(raw.trim().toLowerCase())
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');
}

/** Lower-case ASCII slug; the default key is `slug(name)|cvegeo`, stable across re-imports. */
export function slugify(s: string): string {
  return stripAccents(s.toLowerCase())
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function defaultKey(name: string, cvegeo: string): string {
  const slug = slugify(name)
    .slice(0, UNIVERSE_LIMITS.keyMax - 6)
    .replace(/-+$/, '');
  return `${slug}|${cvegeo}`;
}

const collapse = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The separator of the header line: comma, semicolon (Excel in some locales) or tab, outside quotes. */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/** A CSV record and the line where it starts. */
export interface ParsedRecord {
  fields: string[];
  line: number;
}

/** csv-parse options shared by the whole-string and the streaming readers, so both see the same records. */
export const csvParseOptions = (delimiter: string) =>
  ({
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
  }) as const;

/** What csv-parse yields with `info` and `raw`. */
export interface RawRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export function toParsedRecord(r: RawRecord): ParsedRecord {
  // info.lines is where the record ends; count the newlines inside it to find where it starts.
  const body = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
  const inner = body.split('\n').length - 1;
  return { fields: r.record, line: r.info.lines - inner };
}

/** A csv-parse error as the issue reported for it. */
export function malformedIssue(err: unknown): UniverseIssue {
  const e = err as { code?: unknown; lines?: unknown; message?: unknown };
  const line = typeof e.lines === 'number' ? e.lines : 1;
  const detail = String(e.message ?? 'parse error');
  return {
    line,
    column: null,
    code: 'MALFORMED_CSV',
    message: msg(
      `CSV mal formado cerca de la línea ${line}: ${detail}.`,
      `Malformed CSV near line ${line}: ${detail}.`,
    ),
  };
}

export const emptyFileIssue = (): UniverseIssue => ({
  line: 1,
  column: null,
  code: 'EMPTY_FILE',
  message: msg('El archivo está vacío.', 'The file is empty.'),
});

export const encodingIssue = (line: number): UniverseIssue => ({
  line,
  column: null,
  code: 'INVALID_ENCODING',
  message: msg(
    'El archivo no está en UTF-8; guárdelo como «CSV UTF-8».',
    'The file is not UTF-8; save it as "CSV UTF-8".',
  ),
});

/** The result of a file refused for one file-level problem (nothing else is reported). */
export const onlyIssue = (issue: UniverseIssue): UniverseParseResult => ({
  rows: [],
  errors: [issue],
  errorCount: 1,
  rowsRead: 0,
});

function readRecords(normalised: string): { records: ParsedRecord[] } | { error: UniverseIssue } {
  const firstLine = /^[^\n]*\S[^\n]*$/m.exec(normalised)?.[0] ?? '';
  try {
    const out = parse(normalised, csvParseOptions(detectDelimiter(firstLine))) as unknown as RawRecord[];
    return { records: out.map(toParsedRecord) };
  } catch (err: unknown) {
    return { error: malformedIssue(err) };
  }
}

/**
 * The row-by-row rules of a universe file, fed one record at a time (the header first), so the same
 * checks run over a whole string (parseUniverseCsv) and over a stream (universe-csv-stream.ts).
 * Holds the valid rows (at most UNIVERSE_LIMITS.maxRows) and the first UNIVERSE_LIMITS.maxErrors errors.
 */
export class UniverseValidator {
  private readonly errors: UniverseIssue[] = [];
  private count = 0;
  private header: ParsedRecord | undefined;
  private readonly positions = new Map<UniverseColumn, number>();
  private missing: UniverseColumn[] = [];
  private headerErrors = 0;
  private headerListed = 0;
  private readonly rows: UniverseRow[] = [];
  private readonly keyLines = new Map<string, number>();
  private data = 0;
  /** Line of the first record beyond UNIVERSE_LIMITS.maxRows. */
  private overflowLine: number | undefined;

  constructor(private readonly catalogue: CatalogueIndex) {}

  /** Problems found so far (for progress reports). */
  get errorCount(): number {
    return this.count;
  }

  /** Data rows seen so far. */
  get rowsRead(): number {
    return this.data;
  }

  private readonly report = (e: UniverseIssue): void => {
    this.count++;
    if (this.errors.length < UNIVERSE_LIMITS.maxErrors) this.errors.push(e);
  };

  record(rec: ParsedRecord): void {
    if (!this.header) {
      this.header = rec;
      this.readHeader(rec);
      return;
    }
    this.data++;
    // Without every required column, row-by-row errors would only repeat the header problem.
    if (this.missing.length) return;
    if (this.data > UNIVERSE_LIMITS.maxRows) {
      // Rows past the limit are only counted: the file is refused for its size alone.
      this.overflowLine ??= rec.line;
      return;
    }
    const row = validateRecord(rec, this.header.fields.length, this.positions, this.catalogue, this.report);
    if (!row) return;
    const first = this.keyLines.get(row.key);
    if (first !== undefined) {
      this.report({
        line: rec.line,
        column: this.positions.has('key') ? 'key' : 'name',
        code: 'DUPLICATE_KEY',
        message: msg(
          `Registro repetido: la clave «${row.key}» ya aparece en la línea ${first}.`,
          `Duplicate record: key '${row.key}' already appears on line ${first}.`,
        ),
      });
      return;
    }
    this.keyLines.set(row.key, rec.line);
    this.rows.push(row);
  }

  /** The report once every record was given. */
  result(): UniverseParseResult {
    const done = (rowsRead: number): UniverseParseResult => ({
      rows: this.count ? [] : this.rows,
      errors: this.errors,
      errorCount: this.count,
      rowsRead,
    });
    if (!this.header) return onlyIssue(emptyFileIssue());
    if (this.missing.length) return done(this.data);
    if (!this.data) {
      this.report({
        line: 2,
        column: null,
        code: 'NO_ROWS',
        message: msg('El archivo no tiene filas de datos.', 'The file has no data rows.'),
      });
      return done(0);
    }
    if (this.overflowLine !== undefined) {
      // Only the header's problems and the size are reported, as when the rows are not looked at.
      this.errors.length = this.headerListed;
      this.count = this.headerErrors;
      this.report({
        line: this.overflowLine,
        column: null,
        code: 'TOO_MANY_ROWS',
        message: msg(
          `El archivo tiene ${this.data} filas; el máximo es ${UNIVERSE_LIMITS.maxRows}.`,
          `The file has ${this.data} rows; the maximum is ${UNIVERSE_LIMITS.maxRows}.`,
        ),
      });
    }
    return done(this.data);
  }

  /** Maps each position to a canonical column, reporting problems once. */
  private readHeader(header: ParsedRecord): void {
    header.fields.forEach((raw, idx) => {
      const canonical = HEADER_ALIASES[normaliseHeader(raw)];
      if (!canonical) {
        this.report({
          line: header.line,
          column: raw,
          code: 'UNKNOWN_COLUMN',
          message: msg(
            `Columna desconocida «${raw}»; las columnas son: ${UNIVERSE_COLUMNS.join(', ')}.`,
            `Unknown column '${raw}'; the columns are: ${UNIVERSE_COLUMNS.join(', ')}.`,
          ),
        });
      } else if (this.positions.has(canonical)) {
        this.report({
          line: header.line,
          column: canonical,
          code: 'DUPLICATE_COLUMN',
          message: msg(
            `La columna «${canonical}» aparece más de una vez.`,
            `Column '${canonical}' appears more than once.`,
          ),
        });
      } else {
        this.positions.set(canonical, idx);
      }
    });
    this.missing = REQUIRED_COLUMNS.filter((c) => !this.positions.has(c));
    for (const c of this.missing) {
      this.report({
        line: header.line,
        column: c,
        code: 'MISSING_COLUMN',
        message: msg(`Falta la columna obligatoria «${c}».`, `Required column '${c}' is missing.`),
      });
    }
    this.headerErrors = this.count;
    this.headerListed = this.errors.length;
  }
}

/** Parses and validates a universe CSV against the catalogue. Never throws on bad input. */
export function parseUniverseCsv(text: string, catalogue: CatalogueIndex): UniverseParseResult {
  if (!text || !text.trim()) return onlyIssue(emptyFileIssue());
  // Bytes that are not UTF-8 reach us as U+FFFD (the body parser decodes UTF-8), typically from a
  // Latin-1 export: importing them would silently corrupt names.
  const badByte = text.indexOf('\uFFFD');
  if (badByte >= 0) return onlyIssue(encodingIssue(text.slice(0, badByte).split('\n').length));
  const read = readRecords(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if ('error' in read) return onlyIssue(read.error);
  const validator = new UniverseValidator(catalogue);
  for (const rec of read.records) validator.record(rec);
  return validator.result();
}

/** One row's cells by column, and the problems found in them (reported as they are found). */
class RowCheck {
  ok = true;
  constructor(
    private readonly rec: ParsedRecord,
    private readonly positions: ReadonlyMap<UniverseColumn, number>,
    private readonly report: (e: UniverseIssue) => void,
  ) {}
  get line(): number {
    return this.rec.line;
  }
  get(c: UniverseColumn): string {
    const i = this.positions.get(c);
    return i === undefined ? '' : (this.rec.fields[i] ?? '');
  }
  fail(column: UniverseColumn, code: UniverseIssueCode, message: Messages): void {
    this.ok = false;
    this.report({ line: this.rec.line, column, code, message });
  }
  /** Present and at most `max` characters. */
  required(column: UniverseColumn, value: string, max: number): boolean {
    if (!value) {
      this.fail(column, 'REQUIRED', msg(`«${column}» es obligatorio.`, `'${column}' is required.`));
      return false;
    }
    if (value.length > max) {
      this.fail(
        column,
        'TOO_LONG',
        msg(`«${column}» excede ${max} caracteres.`, `'${column}' exceeds ${max} characters.`),
      );
      return false;
    }
    return true;
  }
}

/** Names as people will read them (common/text.ts): NFC, no invisible characters; "required" checked after that. */
function checkName(row: RowCheck): string {
  const name = normalizeName(collapse(row.get('name')));
  if (nameProblem(name) === 'bidi-control') {
    row.fail(
      'name',
      'BIDI_CONTROL',
      msg(
        '«name» contiene caracteres de control de dirección (U+202A–U+202E, U+2066–U+2069).',
        "'name' contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069).",
      ),
    );
  } else {
    row.required('name', name, UNIVERSE_LIMITS.nameMax);
  }
  return name;
}

function checkLevel(row: RowCheck): string {
  const rawLevel = row.get('level');
  const level = stripAccents(rawLevel.toLowerCase()).trim();
  if (!rawLevel) row.fail('level', 'REQUIRED', msg('«level» es obligatorio.', "'level' is required."));
  else if (!(LEVELS as readonly string[]).includes(level)) {
    row.fail(
      'level',
      'INVALID_LEVEL',
      msg(
        `Nivel «${rawLevel}» no válido; use uno de: ${LEVELS.join(', ')}.`,
        `Invalid level '${rawLevel}'; use one of: ${LEVELS.join(', ')}.`,
      ),
    );
  }
  return level;
}

/**
 * The state code, padded (spreadsheets drop leading zeros: "9" for Ciudad de México), and whether it
 * is a state of the catalogue.
 */
function checkState(row: RowCheck, catalogue: CatalogueIndex): { cveEnt: string; known: boolean } {
  const rawEnt = row.get('cve_ent');
  const cveEnt = /^\d$/.test(rawEnt) ? `0${rawEnt}` : rawEnt;
  if (!rawEnt) row.fail('cve_ent', 'REQUIRED', msg('«cve_ent» es obligatorio.', "'cve_ent' is required."));
  else if (!/^\d{2}$/.test(cveEnt)) {
    row.fail(
      'cve_ent',
      'INVALID_CVE_ENT',
      msg(`«${rawEnt}» no es una clave de entidad de 2 dígitos.`, `'${rawEnt}' is not a 2-digit state code.`),
    );
  } else if (!catalogue.states.has(cveEnt)) {
    row.fail(
      'cve_ent',
      'UNKNOWN_CVE_ENT',
      msg(`La entidad «${cveEnt}» no existe en el catálogo.`, `State '${cveEnt}' is not in the catalogue.`),
    );
  } else return { cveEnt, known: true };
  return { cveEnt, known: false };
}

/** The municipality code, padded ("9002" for 09002), in the catalogue and in the row's state (when that is known). */
function checkMunicipality(
  row: RowCheck,
  catalogue: CatalogueIndex,
  state: { cveEnt: string; known: boolean },
): string {
  const rawGeo = row.get('cvegeo');
  const cvegeo = /^\d{4}$/.test(rawGeo) ? `0${rawGeo}` : rawGeo;
  if (!rawGeo) {
    row.fail('cvegeo', 'REQUIRED', msg('«cvegeo» es obligatorio.', "'cvegeo' is required."));
    return cvegeo;
  }
  if (!/^\d{5}$/.test(cvegeo)) {
    row.fail(
      'cvegeo',
      'INVALID_CVEGEO',
      msg(`«${rawGeo}» no es una clave de municipio de 5 dígitos.`, `'${rawGeo}' is not a 5-digit municipality code.`),
    );
    return cvegeo;
  }
  const stateOfMunicipality = catalogue.municipalities.get(cvegeo);
  if (stateOfMunicipality === undefined) {
    row.fail(
      'cvegeo',
      'UNKNOWN_CVEGEO',
      msg(
        `El municipio «${cvegeo}» no existe en el catálogo (CONAPO 2020).`,
        `Municipality '${cvegeo}' is not in the catalogue (CONAPO 2020).`,
      ),
    );
  } else if (state.known && stateOfMunicipality !== state.cveEnt) {
    row.fail(
      'cvegeo',
      'CVEGEO_NOT_IN_STATE',
      msg(
        `El municipio «${cvegeo}» pertenece a la entidad ${stateOfMunicipality}, no a ${state.cveEnt}.`,
        `Municipality '${cvegeo}' belongs to state ${stateOfMunicipality}, not ${state.cveEnt}.`,
      ),
    );
  }
  return cvegeo;
}

function checkEmail(row: RowCheck): string {
  const email = row.get('email').toLowerCase();
  if (row.required('email', email, UNIVERSE_LIMITS.emailMax) && !isEmail(email)) {
    row.fail(
      'email',
      'INVALID_EMAIL',
      msg(
        `«${row.get('email')}» no es un correo electrónico válido.`,
        `'${row.get('email')}' is not a valid e-mail address.`,
      ),
    );
  }
  return email;
}

function checkKey(row: RowCheck): string {
  const explicitKey = row.get('key');
  if (explicitKey.length > UNIVERSE_LIMITS.keyMax) {
    row.fail(
      'key',
      'TOO_LONG',
      msg(`«key» excede ${UNIVERSE_LIMITS.keyMax} caracteres.`, `'key' exceeds ${UNIVERSE_LIMITS.keyMax} characters.`),
    );
  } else if (/[\u0000-\u001f]/.test(explicitKey)) {
    row.fail('key', 'INVALID_KEY', msg('«key» contiene caracteres de control.', "'key' contains control characters."));
  }
  return explicitKey;
}

function validateRecord(
  rec: ParsedRecord,
  width: number,
  positions: ReadonlyMap<UniverseColumn, number>,
  catalogue: CatalogueIndex,
  report: (e: UniverseIssue) => void,
): UniverseRow | undefined {
  const line = rec.line;
  // Spreadsheets often leave trailing empty cells; only a real mismatch is an error.
  const extraIsEmpty = rec.fields.slice(width).every((f) => f === '');
  if (rec.fields.length < width || !extraIsEmpty) {
    report({
      line,
      column: null,
      code: 'FIELD_COUNT',
      message: msg(
        `La fila tiene ${rec.fields.length} campos y el encabezado ${width}.`,
        `The row has ${rec.fields.length} fields but the header has ${width}.`,
      ),
    });
    return undefined;
  }
  const row = new RowCheck(rec, positions, report);
  // Checked in column order, so a row's problems are listed as the reader meets them.
  const name = checkName(row);
  const type = collapse(row.get('type')).toLocaleLowerCase('es-MX');
  row.required('type', type, UNIVERSE_LIMITS.typeMax);
  const level = checkLevel(row);
  const state = checkState(row, catalogue);
  const cvegeo = checkMunicipality(row, catalogue, state);
  const email = checkEmail(row);
  const explicitKey = checkKey(row);
  if (!row.ok) return undefined;
  return {
    line,
    key: explicitKey || defaultKey(name, cvegeo),
    name,
    type,
    level: level as Level,
    cveEnt: state.cveEnt,
    cvegeo,
    email,
  };
}

/** The 422 UNIVERSE_INVALID answer to a refused file: one wording for the synchronous route and the job. */
export interface UniverseInvalidReport {
  code: 'UNIVERSE_INVALID';
  message: string;
  messages: Messages;
  field?: string;
  details: { errors: UniverseIssue[]; errorCount: number; rowsRead: number };
}

export function universeInvalidReport(parsed: UniverseParseResult): UniverseInvalidReport {
  const first = parsed.errors[0];
  const where = `${first.line}${first.column ? `, ${first.column}` : ''}`;
  const messages = msg(
    `El archivo tiene ${parsed.errorCount} error(es); no se importó nada. Primero (línea ${where}): ${first.message.es}`,
    `The file has ${parsed.errorCount} error(s); nothing was imported. First (line ${where}): ${first.message.en}`,
  );
  return {
    code: 'UNIVERSE_INVALID',
    message: messages.en,
    messages,
    ...(first.column ? { field: first.column } : {}),
    details: { errors: parsed.errors, errorCount: parsed.errorCount, rowsRead: parsed.rowsRead },
  };
}
