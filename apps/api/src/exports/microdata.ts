import { answerCell, buildCodebook } from '@apertura/questionnaire';
import type { CodebookVariable, LocalizedText } from '@apertura/questionnaire';
import type { XlsxCell } from './xlsx-writer';

/**
 * The staff microdata of a round (issue #15, item 3): what the datasets hold, column by column, and
 * how a database row becomes a row of cells. Pure (no I/O) so the column layout and the codebook
 * can be tested without a database; microdata.service.ts streams them.
 */
export const MICRODATA_DATASETS = ['answers', 'verdicts', 'citizen_reports'] as const;
export type MicrodataDataset = (typeof MICRODATA_DATASETS)[number];

export type MicrodataFile =
  { kind: 'dataset'; dataset: MicrodataDataset } | { kind: 'codebook' } | { kind: 'workbook' };

/** `answers.csv`, `verdicts.csv`, `citizen_reports.csv`, `codebook.csv`, `microdata.xlsx`. */
export function parseMicrodataFile(file: string): MicrodataFile | null {
  if (file === 'codebook.csv') return { kind: 'codebook' };
  if (file === 'microdata.xlsx') return { kind: 'workbook' };
  const m = /^(answers|verdicts|citizen_reports)\.csv$/.exec(file);
  return m ? { kind: 'dataset', dataset: m[1] as MicrodataDataset } : null;
}

export const MICRODATA_FILES = [
  'answers.csv',
  'verdicts.csv',
  'citizen_reports.csv',
  'codebook.csv',
  'microdata.xlsx',
] as const;

interface FixedColumn {
  name: string;
  type: string;
  title: LocalizedText;
}

const col = (name: string, type: string, es: string, en: string): FixedColumn => ({ name, type, title: { es, en } });

const INSTITUTION_COLUMNS: FixedColumn[] = [
  col('round_id', 'uuid', 'Ronda', 'Round'),
  col('institution_id', 'uuid', 'Identificador de la institución', 'Institution id'),
  col(
    'institution_key',
    'text',
    'Clave de la institución (padrón del garante)',
    "Institution key (guarantor's register)",
  ),
  col('institution_name', 'text', 'Nombre de la institución', 'Institution name'),
  col('institution_type', 'text', 'Tipo de institución', 'Institution type'),
  col('level', 'text', 'Orden de gobierno', 'Level of government'),
  col('cve_ent', 'text', 'Clave INEGI de la entidad', 'INEGI state code'),
  col('cvegeo', 'text', 'Clave INEGI del municipio', 'INEGI municipality code'),
];

export const FIXED_COLUMNS: Record<MicrodataDataset, FixedColumn[]> = {
  answers: [
    ...INSTITUTION_COLUMNS,
    col('response_version', 'integer', 'Versión enviada (la vigente)', 'Submitted version (the current one)'),
    col('submitted_at', 'timestamp', 'Fecha de envío de esa versión (UTC)', 'When that version was submitted (UTC)'),
    col(
      'questionnaire_version',
      'integer',
      'Versión del cuestionario respondido',
      'Version of the questionnaire answered',
    ),
  ],
  verdicts: [
    ...INSTITUTION_COLUMNS,
    col(
      'question_name',
      'text',
      'Afirmación verificada (variable del cuestionario)',
      'Claim checked (questionnaire variable)',
    ),
    col('question_title_es', 'text', 'Título de la pregunta (español)', 'Question title (Spanish)'),
    col('question_title_en', 'text', 'Título de la pregunta (inglés)', 'Question title (English)'),
    col(
      'verdict',
      'text',
      'Veredicto: confirmed | refuted | unverifiable',
      'Verdict: confirmed | refuted | unverifiable',
    ),
    col(
      'standing',
      'text',
      'Situación (METHOD.md §3.1): counted | pending | disputed | overturned | ignored',
      'Standing (METHOD.md §3.1): counted | pending | disputed | overturned | ignored',
    ),
    col('validator', 'text', 'Seudónimo del validador en esta ronda', "Validator's pseudonym in this round"),
    col('evidence_url', 'text', 'Enlace de evidencia que dio el validador', 'Evidence link the validator gave'),
    col('has_evidence_file', 'boolean', 'El validador adjuntó un archivo', 'The validator attached a file'),
    col('comment', 'text', 'Comentario del validador (tal como lo escribió)', "Validator's comment (as written)"),
    col('recorded_at', 'timestamp', 'Registrado (UTC)', 'Recorded (UTC)'),
    col('updated_at', 'timestamp', 'Última modificación (UTC)', 'Last changed (UTC)'),
    col(
      'notified_at',
      'timestamp',
      'Refutación notificada a la institución (UTC)',
      'Refutation notified to the institution (UTC)',
    ),
  ],
  citizen_reports: [
    ...INSTITUTION_COLUMNS,
    col('validator', 'text', 'Seudónimo del validador en esta ronda', "Validator's pseudonym in this round"),
    col(
      'questionnaire_version',
      'integer',
      'Versión del cuestionario ciudadano',
      'Version of the citizen questionnaire',
    ),
    col('submitted_at', 'timestamp', 'Primer envío (UTC)', 'First submitted (UTC)'),
    col('updated_at', 'timestamp', 'Última modificación (UTC)', 'Last changed (UTC)'),
  ],
};

/** A questionnaire variable as a dataset column: its own name, or `q_` + name when a fixed column has it. */
export interface VariableColumn {
  column: string;
  variable: CodebookVariable;
}

export function variableColumns(dataset: MicrodataDataset, variables: readonly CodebookVariable[]): VariableColumn[] {
  const taken = new Set(FIXED_COLUMNS[dataset].map((c) => c.name));
  return variables.map((variable) => {
    let column = variable.name;
    while (taken.has(column)) column = `q_${column}`;
    taken.add(column);
    return { column, variable };
  });
}

/** A questionnaire version a round uses or was answered with (read by ExportsRepository). */
export interface QuestionnaireVersion {
  kind: 'institution' | 'citizen';
  version: number;
  definition: unknown;
}

/** Codebooks of the two instruments from the questionnaire versions the round used. */
export function roundCodebooks(versions: readonly QuestionnaireVersion[]): {
  institution: CodebookVariable[];
  citizen: CodebookVariable[];
} {
  const of = (kind: 'institution' | 'citizen') =>
    buildCodebook(
      versions.filter((v) => v.kind === kind).map((v) => ({ version: v.version, definition: v.definition })),
    );
  return { institution: of('institution'), citizen: of('citizen') };
}

export interface MicrodataLayout {
  columns: Record<MicrodataDataset, string[]>;
  variables: { answers: VariableColumn[]; citizen_reports: VariableColumn[] };
  codebook: CodebookVariable[][];
}

export function microdataLayout(versions: readonly QuestionnaireVersion[]): MicrodataLayout {
  const books = roundCodebooks(versions);
  const answers = variableColumns('answers', books.institution);
  const reports = variableColumns('citizen_reports', books.citizen);
  return {
    columns: {
      answers: [...FIXED_COLUMNS.answers.map((c) => c.name), ...answers.map((v) => v.column)],
      verdicts: FIXED_COLUMNS.verdicts.map((c) => c.name),
      citizen_reports: [...FIXED_COLUMNS.citizen_reports.map((c) => c.name), ...reports.map((v) => v.column)],
    },
    variables: { answers, citizen_reports: reports },
    codebook: [books.institution, books.citizen],
  };
}

export const CODEBOOK_COLUMNS = [
  'dataset',
  'variable',
  'row_kind',
  'title_es',
  'title_en',
  'type',
  'multiple',
  'component',
  'weight',
  'verifiable',
  'scoring',
  'versions',
  'changed_across_versions',
  'choice_value',
  'choice_label_es',
  'choice_label_en',
  'choice_score',
  'not_applicable',
] as const;

export type Row = Record<string, XlsxCell>;

/**
 * The codebook in long form: per dataset, its fixed columns (`row_kind` column), then each
 * questionnaire variable (`variable`) followed by one row per choice (`choice`), so a reader can
 * filter either.
 */
export function codebookRows(layout: MicrodataLayout): Row[] {
  const rows: Row[] = [];
  for (const dataset of MICRODATA_DATASETS) {
    for (const c of FIXED_COLUMNS[dataset])
      rows.push({
        dataset,
        variable: c.name,
        row_kind: 'column',
        title_es: c.title.es,
        title_en: c.title.en,
        type: c.type,
      });
    const vars = dataset === 'verdicts' ? [] : layout.variables[dataset];
    for (const { column, variable: v } of vars) {
      const base: Row = {
        dataset,
        variable: column,
        title_es: v.title.es,
        title_en: v.title.en,
        type: v.type,
        multiple: v.multiple,
        component: v.component,
        weight: v.weight,
        verifiable: v.verifiable,
        scoring: v.scoring,
        versions: v.versions.join(', '),
        changed_across_versions: v.changedAcrossVersions,
      };
      rows.push({ ...base, row_kind: 'variable' });
      for (const ch of v.choices) {
        rows.push({
          ...base,
          row_kind: 'choice',
          choice_value: typeof ch.value === 'boolean' ? String(ch.value) : ch.value,
          choice_label_es: ch.label.es,
          choice_label_en: ch.label.en,
          choice_score: ch.score,
          not_applicable: ch.notApplicable,
        });
      }
    }
  }
  return rows;
}

/** Answers of one submission/report as cells of its variable columns. */
export function answerCells(data: unknown, vars: readonly VariableColumn[]): Row {
  const out: Row = {};
  const record =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  for (const { column, variable } of vars) {
    out[column] = Object.prototype.hasOwnProperty.call(record, variable.name)
      ? answerCell(record[variable.name])
      : null;
  }
  return out;
}

export const toCells = (row: Row, columns: readonly string[]): XlsxCell[] => columns.map((c) => row[c] ?? null);
