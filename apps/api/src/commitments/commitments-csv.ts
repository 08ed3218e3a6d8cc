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

export function parseCommitmentsCsv(text: string, ctx: CsvContext): CsvResult {
  const errors: CommitmentRowError[] = [];
  let total = 0;
  const add = (line: number, column: Column | null, code: string, es: string, en: string): void => {
    total++;
    if (errors.length < COMMITMENT_LIMITS.csvErrors) errors.push({ line, column, code, message: { es, en } });
  };
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') {
    add(1, null, 'EMPTY_FILE', 'El archivo está vacío.', 'The file is empty.');
    return { ok: false, errors, total };
  }
  let records: ParsedRecord[];
  try {
    const firstLine = /^[^\n]*\S[^\n]*$/m.exec(normalised)?.[0] ?? '';
    const out = parse(normalised, csvParseOptions(detectDelimiter(firstLine))) as unknown as RawRecord[];
    records = out.map(toParsedRecord);
  } catch (err: unknown) {
    const issue = malformedIssue(err);
    add(issue.line, null, 'MALFORMED_CSV', issue.message.es, issue.message.en);
    return { ok: false, errors, total };
  }
  const [header, ...rows] = records;
  const index = new Map<string, number>();
  header.fields.forEach((h, i) => index.set(normaliseHeader(h), i));
  const required = ctx.institutionKeys ? [...REQUIRED, 'institution_key' as const] : REQUIRED;
  for (const col of required) {
    if (!index.has(col)) add(1, col, 'MISSING_COLUMN', `Falta la columna «${col}».`, `The column "${col}" is missing.`);
  }
  if (total > 0) return { ok: false, errors, total };
  if (rows.length === 0) {
    add(1, null, 'NO_ROWS', 'El archivo no tiene filas de datos.', 'The file has no data rows.');
    return { ok: false, errors, total };
  }
  if (rows.length > COMMITMENT_LIMITS.csvRows) {
    add(
      1,
      null,
      'TOO_MANY_ROWS',
      `El archivo tiene ${rows.length} filas; el máximo es ${COMMITMENT_LIMITS.csvRows}.`,
      `The file has ${rows.length} rows; the maximum is ${COMMITMENT_LIMITS.csvRows}.`,
    );
    return { ok: false, errors, total };
  }
  const groups = new Map<string, ParsedCommitment>();
  for (const r of rows) {
    const get = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (r.fields[i] ?? '').trim();
    };
    const line = r.line;
    const before = total;
    let institutionId: string | null = null;
    if (ctx.institutionKeys) {
      const k = get('institution_key');
      institutionId = ctx.institutionKeys.get(k) ?? null;
      if (!institutionId)
        add(
          line,
          'institution_key',
          'UNKNOWN_INSTITUTION',
          `«${k}» no es la clave de una institución de la ronda.`,
          `"${k}" is not the key of an institution of the round.`,
        );
    }
    const key = get('commitment_key');
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(key))
      add(
        line,
        'commitment_key',
        'INVALID_KEY',
        'La clave del compromiso debe tener de 1 a 100 letras sin acentos, cifras, punto, guion o guion bajo.',
        'The commitment key must be 1–100 unaccented letters, digits, dot, hyphen or underscore.',
      );
    const text = (c: Column, min: number, max: number, es: string, en: string): string => {
      const v = get(c);
      if (v.length < min || v.length > max)
        add(
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
    const components = splitComponents(get('components'));
    if (components.length === 0 || components.length > COMMITMENT_LIMITS.components)
      add(
        line,
        'components',
        'INVALID_COMPONENTS',
        `Indique de 1 a ${COMMITMENT_LIMITS.components} componentes (p. ej. «TG.DA | PG.Seg»).`,
        `Give 1 to ${COMMITMENT_LIMITS.components} components (e.g. "TG.DA | PG.Seg").`,
      );
    for (const c of components) {
      if (!ctx.components.has(c))
        add(
          line,
          'components',
          'UNKNOWN_COMPONENT',
          `«${c}» no es un componente de los instrumentos de la ronda.`,
          `"${c}" is not a component of the round's instruments.`,
        );
    }
    const mTitle = text('milestone_title', 3, COMMITMENT_LIMITS.titleMax, 'Título del hito', 'Milestone title');
    const due = get('milestone_due');
    if (!validDate(due))
      add(
        line,
        'milestone_due',
        'INVALID_DATE',
        `«${due}» no es una fecha AAAA-MM-DD.`,
        `"${due}" is not a YYYY-MM-DD date.`,
      );
    const doneRaw = get('milestone_done').toLowerCase();
    if (!YES.has(doneRaw) && !NO.has(doneRaw))
      add(
        line,
        'milestone_done',
        'INVALID_FLAG',
        `«${doneRaw}» no es «sí» ni «no».`,
        `"${doneRaw}" is neither "yes" nor "no".`,
      );
    if (total > before) continue;
    const gkey = `${institutionId ?? ''}\u0000${key}`;
    const unique = [...new Set(components)];
    const g = groups.get(gkey);
    if (!g) {
      groups.set(gkey, {
        institutionId,
        line,
        write: {
          key,
          title,
          owner,
          outcomeIndicator: outcome,
          components: unique,
          milestones: [{ title: mTitle, dueDate: due, declaredDone: YES.has(doneRaw) }],
        },
      });
      continue;
    }
    // Commitment columns repeat on each of its milestone rows: they must agree with its first row.
    const w = g.write;
    if (
      w.title !== title ||
      w.owner !== owner ||
      w.outcomeIndicator !== outcome ||
      w.components.join('|') !== unique.join('|')
    )
      add(
        line,
        null,
        'INCONSISTENT_COMMITMENT',
        `Los datos del compromiso «${key}» no coinciden con los de su primera fila (línea ${g.line}).`,
        `The data of commitment "${key}" differ from its first row (line ${g.line}).`,
      );
    else if (w.milestones.length >= COMMITMENT_LIMITS.milestones)
      add(
        line,
        'milestone_title',
        'TOO_MANY_MILESTONES',
        `El compromiso «${key}» tiene más de ${COMMITMENT_LIMITS.milestones} hitos.`,
        `Commitment "${key}" has more than ${COMMITMENT_LIMITS.milestones} milestones.`,
      );
    else w.milestones.push({ title: mTitle, dueDate: due, declaredDone: YES.has(doneRaw) });
  }
  if (total > 0) return { ok: false, errors, total };
  return { ok: true, commitments: [...groups.values()] };
}
