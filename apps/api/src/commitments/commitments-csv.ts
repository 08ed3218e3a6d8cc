/**
 * A commitments CSV: one row per milestone, grouped into commitments by (institution, commitment
 * key). Pure — the round's components and institutions are passed in — and all-or-nothing: every
 * row problem is reported (line, column, code, Spanish and English), and nothing is written while
 * any exists. Reads like the universe import (libs/geo): same delimiter detection, header
 * normalisation, csv-parse options and line numbers.
 */
import { parse } from 'csv-parse/sync';
import { csvParseOptions, detectDelimiter, malformedIssue, normaliseHeader, toParsedRecord } from '@apertura/geo';
import type { ParsedRecord, RawRecord } from '@apertura/geo';
import type { CommitmentRowError } from './commitments.errors';
import type { CommitmentWrite } from './commitments.repository';
import { COMMITMENT_LIMITS } from './dto/commitments.dto';

export const COMMITMENT_CSV_COLUMNS = [
  'institution_key',
  'commitment_key',
  'title',
  'owner',
  'outcome_indicator',
  'components',
  'milestone_title',
  'milestone_due',
  'milestone_done',
] as const;
type Column = (typeof COMMITMENT_CSV_COLUMNS)[number];
/** Every column but the optional ones (institution_key is required of staff files only, below). */
const REQUIRED: readonly Column[] = COMMITMENT_CSV_COLUMNS.filter(
  (c) => c !== 'institution_key' && c !== 'milestone_done',
);

export interface CsvContext {
  /** Staff files name the institution of each row; an institution's own file may not. */
  institutionKeys: ReadonlyMap<string, string> | null;
  components: ReadonlySet<string>;
}

export interface ParsedCommitment {
  institutionId: string | null;
  line: number;
  write: CommitmentWrite;
}

export type CsvResult =
  { ok: true; commitments: ParsedCommitment[] } | { ok: false; errors: CommitmentRowError[]; total: number };

const YES = new Set(['si', 'sí', 'yes', 'true', '1', 'x', 'cumplido', 'done']);
const NO = new Set(['', 'no', 'false', '0', 'pendiente', 'pending']);

/** Splits "TG.DA | PG.Seg" or "TG.DA PG.Seg" into codes. */
export const splitComponents = (s: string): string[] =>
  s
    .split(/[|,;\s]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

const validDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Collects row problems: all of them are counted, the first COMMITMENT_LIMITS.csvErrors kept. */
class RowErrors {
  readonly errors: CommitmentRowError[] = [];
  total = 0;
  add(line: number, column: Column | null, code: string, es: string, en: string): void {
    this.total++;
    if (this.errors.length < COMMITMENT_LIMITS.csvErrors) this.errors.push({ line, column, code, message: { es, en } });
  }
  failed(): CsvResult {
    return { ok: false, errors: this.errors, total: this.total };
  }
}

/** One data row, read by column name. */
interface Row {
  line: number;
  get(c: Column): string;
}

/** The file's data rows, or null when the file itself is unusable (the reasons are in `sink`). */
function readRows(text: string, ctx: CsvContext, sink: RowErrors): Row[] | null {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') {
    sink.add(1, null, 'EMPTY_FILE', 'El archivo está vacío.', 'The file is empty.');
    return null;
  }
  let records: ParsedRecord[];
  try {
    const firstLine = /^[^\n]*\S[^\n]*$/m.exec(normalised)?.[0] ?? '';
    const out = parse(normalised, csvParseOptions(detectDelimiter(firstLine))) as unknown as RawRecord[];
    records = out.map(toParsedRecord);
  } catch (err: unknown) {
    const issue = malformedIssue(err);
    sink.add(issue.line, null, 'MALFORMED_CSV', issue.message.es, issue.message.en);
    return null;
  }
  const [header, ...rows] = records;
  const index = new Map<string, number>();
  header.fields.forEach((h, i) => index.set(normaliseHeader(h), i));
  const required = ctx.institutionKeys ? [...REQUIRED, 'institution_key' as const] : REQUIRED;
  for (const col of required) {
    if (!index.has(col))
      sink.add(1, col, 'MISSING_COLUMN', `Falta la columna «${col}».`, `The column "${col}" is missing.`);
  }
  if (sink.total > 0) return null;
  if (rows.length === 0) {
    sink.add(1, null, 'NO_ROWS', 'El archivo no tiene filas de datos.', 'The file has no data rows.');
    return null;
  }
  if (rows.length > COMMITMENT_LIMITS.csvRows) {
    sink.add(
      1,
      null,
      'TOO_MANY_ROWS',
      `El archivo tiene ${rows.length} filas; el máximo es ${COMMITMENT_LIMITS.csvRows}.`,
      `The file has ${rows.length} rows; the maximum is ${COMMITMENT_LIMITS.csvRows}.`,
    );
    return null;
  }
  return rows.map((r) => ({
    line: r.line,
    get: (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (r.fields[i] ?? '').trim();
    },
  }));
}

/** What one valid row says: its commitment's columns and one milestone. */
interface RowValues {
  institutionId: string | null;
  key: string;
  title: string;
  owner: string;
  outcome: string;
  components: string[];
  milestone: CommitmentWrite['milestones'][number];
}

/** One row's values, or null when any of its cells is invalid (each problem reported to `sink`). */
function readRow(row: Row, ctx: CsvContext, sink: RowErrors): RowValues | null {
  const { line, get } = row;
  const before = sink.total;
  let institutionId: string | null = null;
  if (ctx.institutionKeys) {
    const k = get('institution_key');
    institutionId = ctx.institutionKeys.get(k) ?? null;
    if (!institutionId)
      sink.add(
        line,
        'institution_key',
        'UNKNOWN_INSTITUTION',
        `«${k}» no es la clave de una institución de la ronda.`,
        `"${k}" is not the key of an institution of the round.`,
      );
  }
  const key = get('commitment_key');
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(key))
    sink.add(
      line,
      'commitment_key',
      'INVALID_KEY',
      'La clave del compromiso debe tener de 1 a 100 letras sin acentos, cifras, punto, guion o guion bajo.',
      'The commitment key must be 1–100 unaccented letters, digits, dot, hyphen or underscore.',
    );
  const text = (c: Column, min: number, max: number, es: string, en: string): string => {
    const v = get(c);
    if (v.length < min || v.length > max)
      sink.add(
        line,
        c,
        'INVALID_TEXT',
        `${es}: entre ${min} y ${max} caracteres.`,
        `${en}: between ${min} and ${max} characters.`,
      );
    return v;
  };
  const title = text('title', 3, COMMITMENT_LIMITS.titleMax, 'Título', 'Title');
  const owner = text('owner', 2, COMMITMENT_LIMITS.ownerMax, 'Responsable', 'Owner');
  const outcome = text(
    'outcome_indicator',
    3,
    COMMITMENT_LIMITS.outcomeMax,
    'Indicador de resultado',
    'Outcome indicator',
  );
  const components = readComponents(row, ctx, sink);
  const mTitle = text('milestone_title', 3, COMMITMENT_LIMITS.titleMax, 'Título del hito', 'Milestone title');
  const due = get('milestone_due');
  if (!validDate(due))
    sink.add(
      line,
      'milestone_due',
      'INVALID_DATE',
      `«${due}» no es una fecha AAAA-MM-DD.`,
      `"${due}" is not a YYYY-MM-DD date.`,
    );
  const doneRaw = get('milestone_done').toLowerCase();
  if (!YES.has(doneRaw) && !NO.has(doneRaw))
    sink.add(
      line,
      'milestone_done',
      'INVALID_FLAG',
      `«${doneRaw}» no es «sí» ni «no».`,
      `"${doneRaw}" is neither "yes" nor "no".`,
    );
  if (sink.total > before) return null;
  return {
    institutionId,
    key,
    title,
    owner,
    outcome,
    components: [...new Set(components)],
    milestone: { title: mTitle, dueDate: due, declaredDone: YES.has(doneRaw) },
  };
}

/** The row's component codes, each checked against the round's instruments. */
function readComponents({ line, get }: Row, ctx: CsvContext, sink: RowErrors): string[] {
  const components = splitComponents(get('components'));
  if (components.length === 0 || components.length > COMMITMENT_LIMITS.components)
    sink.add(
      line,
      'components',
      'INVALID_COMPONENTS',
      `Indique de 1 a ${COMMITMENT_LIMITS.components} componentes (p. ej. «TG.DA | PG.Seg»).`,
      `Give 1 to ${COMMITMENT_LIMITS.components} components (e.g. "TG.DA | PG.Seg").`,
    );
  for (const c of components) {
    if (!ctx.components.has(c))
      sink.add(
        line,
        'components',
        'UNKNOWN_COMPONENT',
        `«${c}» no es un componente de los instrumentos de la ronda.`,
        `"${c}" is not a component of the round's instruments.`,
      );
  }
  return components;
}

/**
 * Adds a valid row to its commitment (the first row of a commitment starts it). Commitment columns
 * repeat on each of its milestone rows: they must agree with its first row.
 */
function addToCommitment(groups: Map<string, ParsedCommitment>, line: number, v: RowValues, sink: RowErrors): void {
  const gkey = `${v.institutionId ?? ''}\u0000${v.key}`;
  const g = groups.get(gkey);
  if (!g) {
    groups.set(gkey, {
      institutionId: v.institutionId,
      line,
      write: {
        key: v.key,
        title: v.title,
        owner: v.owner,
        outcomeIndicator: v.outcome,
        components: v.components,
        milestones: [v.milestone],
      },
    });
    return;
  }
  const w = g.write;
  if (
    w.title !== v.title ||
    w.owner !== v.owner ||
    w.outcomeIndicator !== v.outcome ||
    w.components.join('|') !== v.components.join('|')
  )
    sink.add(
      line,
      null,
      'INCONSISTENT_COMMITMENT',
      `Los datos del compromiso «${v.key}» no coinciden con los de su primera fila (línea ${g.line}).`,
      `The data of commitment "${v.key}" differ from its first row (line ${g.line}).`,
    );
  else if (w.milestones.length >= COMMITMENT_LIMITS.milestones)
    sink.add(
      line,
      'milestone_title',
      'TOO_MANY_MILESTONES',
      `El compromiso «${v.key}» tiene más de ${COMMITMENT_LIMITS.milestones} hitos.`,
      `Commitment "${v.key}" has more than ${COMMITMENT_LIMITS.milestones} milestones.`,
    );
  else w.milestones.push(v.milestone);
}

export function parseCommitmentsCsv(text: string, ctx: CsvContext): CsvResult {
  const sink = new RowErrors();
  const rows = readRows(text, ctx, sink);
  if (rows === null) return sink.failed();
  const groups = new Map<string, ParsedCommitment>();
  for (const row of rows) {
    const values = readRow(row, ctx, sink);
    if (values !== null) addToCommitment(groups, row.line, values, sink);
  }
  if (sink.total > 0) return sink.failed();
  return { ok: true, commitments: [...groups.values()] };
}
