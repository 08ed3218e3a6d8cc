/**
 * Open-data exports: datasets, columns and the machine-readable data dictionary. Long format — one
 * row per entity × aggregation × indicator — so a file streams row by row and a new indicator adds
 * rows, never columns. docs/open-data.md documents the same columns (a unit test keeps them in step).
 */
import {
  METHOD_ID,
  METHOD_VERSION,
  MISSING_SENTENCES,
  REASON_SENTENCES,
  reasonSentence,
  STATUS_LABELS,
  STATUS_MEANINGS,
  VOLUNTEER_SAMPLE_NOTICE,
} from '@apertura/metric';
import type { Status } from '@apertura/metric';
import { CATALOGUE_SOURCE } from '@apertura/geo';

export const EXPORT_DATASETS = ['institutions', 'municipalities', 'states', 'national', 'levels', 'types'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFile = { kind: 'data'; dataset: ExportDataset; format: ExportFormat } | { kind: 'dictionary' };

/** `institutions.csv` → dataset + format; `dictionary.json`; anything else → null (answered 404). */
export function parseExportFile(file: string): ExportFile | null {
  if (file === 'dictionary.json') return { kind: 'dictionary' };
  const m = /^([a-z]+)\.([a-z]+)$/.exec(file);
  if (!m) return null;
  const dataset = EXPORT_DATASETS.find((d) => d === m[1]);
  const format = EXPORT_FORMATS.find((f) => f === m[2]);
  return dataset && format ? { kind: 'data', dataset, format } : null;
}

export interface Localized {
  es: string;
  en: string;
}

export type ColumnType = 'uuid' | 'string' | 'integer' | 'number' | 'boolean' | 'datetime';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  unit: string | null;
  description: Localized;
  /** Closed vocabulary, when there is one. */
  values?: readonly string[];
}

/** Worst-first would hide the good news: listed best first, as the dictionary always has. */
const STATUS_ORDER: readonly Status[] = ['conclusive', 'caution', 'inconclusive', 'not_validated'];

/** Labels and meanings come from the one table the API and the web app use (reasons-text.ts). */
/** A universe institution with no computed value gets one row with one of these (the institutions dataset lists all). */
const ROW_ONLY_STATUSES = [
  {
    code: 'no_response',
    label: { es: 'Sin respuesta', en: 'No response' },
    meaning: {
      es: 'Sujeto obligado del universo de la ronda sin autodiagnóstico enviado y sin valores calculados: una sola fila, sin valor.',
      en: "Obliged subject of the round's universe with no submitted self-report and no computed values: a single row, no value.",
    },
  },
  {
    code: 'not_computed',
    label: { es: 'Aún sin calcular', en: 'Not computed yet' },
    meaning: {
      es: 'Sujeto obligado del universo que respondió pero cuyos valores aún no se calculan: una sola fila, sin valor.',
      en: 'Obliged subject of the universe that responded but whose values are not computed yet: a single row, no value.',
    },
  },
];

export const STATUSES = [
  ...STATUS_ORDER.map((code) => ({
    code: code as string,
    label: { ...STATUS_LABELS[code] },
    meaning: { ...STATUS_MEANINGS[code] },
  })),
  ...ROW_ONLY_STATUSES,
];

/** Every code `reasons` can hold: the status rules that fired, then why a blank value is blank. */
export const REASONS = [
  ...Object.entries(REASON_SENTENCES).map(([code, sentence]) => ({
    code,
    kind: 'status_rule' as const,
    sentence: { ...sentence },
  })),
  ...Object.entries(MISSING_SENTENCES)
    .filter(([code]) => !Object.prototype.hasOwnProperty.call(REASON_SENTENCES, code))
    .map(([code, sentence]) => ({ code, kind: 'missing_value' as const, sentence: { ...sentence } })),
];

export const INDICATORS = [
  { code: 'I', description: { es: 'Índice de apertura: (T + P) / 2.', en: 'Openness index: (T + P) / 2.' } },
  { code: 'T', description: { es: 'Transparencia: (TG + TC) / 2.', en: 'Transparency: (TG + TC) / 2.' } },
  { code: 'P', description: { es: 'Participación: (PG + PC) / 2.', en: 'Participation: (PG + PC) / 2.' } },
  {
    code: 'TG',
    description: {
      es: 'Transparencia, perspectiva gubernamental (autodiagnóstico validado).',
      en: 'Transparency, government perspective (validated self-report).',
    },
  },
  {
    code: 'TC',
    description: {
      es: 'Transparencia, perspectiva ciudadana (reportes ciudadanos).',
      en: 'Transparency, citizen perspective (citizen reports).',
    },
  },
  {
    code: 'PG',
    description: {
      es: 'Participación, perspectiva gubernamental (autodiagnóstico validado).',
      en: 'Participation, government perspective (validated self-report).',
    },
  },
  {
    code: 'PC',
    description: {
      es: 'Participación, perspectiva ciudadana (reportes ciudadanos).',
      en: 'Participation, citizen perspective (citizen reports).',
    },
  },
  {
    code: 'I_G',
    description: {
      es: 'Índice solo gubernamental: (TG + PG) / 2, con puntajes validados.',
      en: 'Government-only index: (TG + PG) / 2, validated scores.',
    },
  },
  {
    code: 'TG_raw',
    description: {
      es: 'TG con los puntajes autodeclarados (sin validar).',
      en: 'TG with self-reported (unvalidated) scores.',
    },
  },
  {
    code: 'PG_raw',
    description: {
      es: 'PG con los puntajes autodeclarados (sin validar).',
      en: 'PG with self-reported (unvalidated) scores.',
    },
  },
  {
    code: 'I_G_raw',
    description: {
      es: 'I_G con los puntajes autodeclarados (sin validar).',
      en: 'I_G with self-reported (unvalidated) scores.',
    },
  },
  {
    code: 'DELTA_G',
    description: {
      es: 'Inflación del autodiagnóstico: I_G_raw − I_G (afirmaciones que no resistieron la verificación ciudadana).',
      en: 'Self-report inflation: I_G_raw − I_G (claims that did not survive citizen verification).',
    },
  },
] as const;

/** Display order of indicators inside one entity (others follow alphabetically). */
export const INDICATOR_ORDER: readonly string[] = INDICATORS.map((i) => i.code);

export const AGGREGATIONS = [
  {
    code: 'unweighted',
    description: {
      es: 'Media simple de los sujetos obligados con valor (convención de la Métrica); para una institución, su propio valor.',
      en: "Plain mean over the obliged subjects with a value (the Métrica's convention); for an institution, its own value.",
    },
  },
  {
    code: 'mean_of_municipalities',
    description: {
      es: 'Media de los valores municipales (estados y nacional).',
      en: 'Mean of the municipal values (states and national).',
    },
  },
  {
    code: 'population_weighted',
    description: {
      es: 'Media de los valores municipales ponderada por población CONAPO/INEGI 2020 (estados y nacional).',
      en: 'Mean of municipal values weighted by CONAPO/INEGI 2020 population (states and national).',
    },
  },
  {
    code: 'stratified',
    description: {
      es: 'Media estratificada Σ W_h·ȳ_h con pesos de la población declarada de cada estado (solo rondas de diseño `sample`, estados y nacional).',
      en: 'Stratified mean Σ W_h·ȳ_h weighted by the declared population of each state (`sample` rounds only, states and national).',
    },
  },
] as const;

export const AGGREGATION_ORDER: readonly string[] = AGGREGATIONS.map((a) => a.code);

const c = (
  name: string,
  type: ColumnType,
  nullable: boolean,
  unit: string | null,
  es: string,
  en: string,
  values?: readonly string[],
): ColumnSpec =>
  values
    ? { name, type, nullable, unit, description: { es, en }, values }
    : { name, type, nullable, unit, description: { es, en } };

/** Every column any dataset can have, in file order. */
export const COLUMNS: readonly ColumnSpec[] = [
  c(
    'round_id',
    'uuid',
    false,
    null,
    'Identificador de la ronda de diagnóstico.',
    'Identifier of the diagnostic round.',
  ),
  c(
    'synthetic',
    'boolean',
    false,
    null,
    'true si la ronda contiene datos sintéticos (generados para demostración); no describen instituciones reales.',
    'true when the round holds synthetic (generated demo) data; it does not describe real institutions.',
  ),
  c(
    'method_id',
    'string',
    false,
    null,
    'Método con que se calculó esta fila (docs/method.md); las filas calculadas con un método anterior conservan el suyo, p. ej. mga-2017/apertura-1.',
    'Method this row was computed with (docs/method.md); rows computed under an earlier method keep theirs, e.g. mga-2017/apertura-1.',
  ),
  c('method_version', 'string', false, null, 'Versión del método.', 'Method version.'),
  c(
    'watermark',
    'integer',
    false,
    null,
    'Marca de agua de entradas: id del último evento incluido en el cálculo.',
    'Input watermark: id of the last event included in the computation.',
  ),
  c('computed_at', 'datetime', false, 'ISO 8601, UTC', 'Momento del cálculo.', 'When the value was computed.'),
  c('institution_id', 'uuid', false, null, 'Identificador del sujeto obligado.', 'Identifier of the obliged subject.'),
  c(
    'institution_key',
    'string',
    true,
    null,
    'Clave estable del sujeto obligado en el padrón del organismo operador.',
    "Stable key of the obliged subject in the operator's register.",
  ),
  c('institution_name', 'string', true, null, 'Nombre del sujeto obligado.', 'Name of the obliged subject.'),
  c(
    'institution_type',
    'string',
    true,
    null,
    'Tipo de sujeto obligado (ayuntamiento, secretaría, …), en minúsculas.',
    'Type of obliged subject (ayuntamiento, secretaría, …), lower case.',
  ),
  c('institution_level', 'string', true, null, 'Orden de gobierno.', 'Level of government.', [
    'federal',
    'estatal',
    'municipal',
    'autonomo',
  ]),
  c(
    'cvegeo',
    'string',
    true,
    null,
    'Clave geoestadística INEGI del municipio (5 dígitos: entidad + municipio).',
    'INEGI geostatistical code of the municipality (5 digits: state + municipality).',
  ),
  c(
    'municipality_name',
    'string',
    true,
    null,
    'Nombre del municipio (catálogo CONAPO 2020).',
    'Municipality name (CONAPO 2020 catalogue).',
  ),
  c(
    'cve_ent',
    'string',
    true,
    null,
    'Clave INEGI de la entidad federativa (2 dígitos).',
    'INEGI state code (2 digits).',
  ),
  c('state_name', 'string', true, null, 'Nombre de la entidad federativa.', 'State name.'),
  c(
    'aggregation',
    'string',
    false,
    null,
    'Cómo se agregó el valor sobre los sujetos obligados.',
    'How the value was aggregated over obliged subjects.',
    AGGREGATION_ORDER,
  ),
  c(
    'indicator',
    'string',
    false,
    null,
    'Indicador (ver «indicators»); puede haber además códigos de componente como TG.AI.',
    "Indicator (see 'indicators'); component codes such as TG.AI may also appear.",
    INDICATOR_ORDER,
  ),
  c(
    'formula',
    'string',
    true,
    null,
    'Descripción (en inglés) de la fórmula que produjo el valor y sus datos, p. ej. «I: unweighted mean over the 5 of 5 obliged subjects with a value; SE² = …»; en un subíndice parcial, los componentes que faltaron.',
    "Description of the formula that produced the value and its inputs, e.g. 'I: unweighted mean over the 5 of 5 obliged subjects with a value; SE² = …'; for a partial sub-index, the missing components.",
  ),
  c(
    'estimate',
    'number',
    true,
    'escala 0–1 (DELTA_G: diferencia, −1 a 1)',
    'Valor estimado; vacío si no se pudo calcular.',
    'Estimated value; empty when it could not be computed.',
  ),
  c('se', 'number', true, 'escala 0–1', 'Error estándar.', 'Standard error.'),
  c(
    'lo',
    'number',
    true,
    'escala 0–1',
    'Límite inferior del intervalo de confianza al 95 %, recortado a [0, 1].',
    'Lower bound of the 95% confidence interval, clipped to [0, 1].',
  ),
  c(
    'hi',
    'number',
    true,
    'escala 0–1',
    'Límite superior del intervalo de confianza al 95 %, recortado a [0, 1].',
    'Upper bound of the 95% confidence interval, clipped to [0, 1].',
  ),
  c(
    'cv',
    'number',
    true,
    'proporción (0.15 = 15 %)',
    'Coeficiente de variación: se / estimate.',
    'Coefficient of variation: se / estimate.',
  ),
  c(
    'n',
    'integer',
    false,
    'observaciones',
    'Observaciones detrás del valor: reportes ciudadanos (institución) o sujetos obligados con valor (áreas).',
    'Observations behind the value: citizen reports (institution) or obliged subjects with a value (areas).',
  ),
  c(
    'N_universe',
    'integer',
    true,
    'sujetos obligados',
    'Tamaño del universo finito del que n es muestra (sujetos obligados de la ronda en el área); vacío si no aplica.',
    'Size of the finite universe n is drawn from (obliged subjects of the round in the area); empty when not applicable.',
  ),
  c(
    'status',
    'string',
    false,
    null,
    'Estado de concluyencia (ver «statuses»).',
    "Conclusiveness status (see 'statuses').",
    STATUSES.map((s) => s.code),
  ),
  c(
    'reasons',
    'string',
    false,
    null,
    'Códigos de las reglas de estado que se aplicaron y, en un valor vacío, por qué falta (ver «reasons»). CSV: separados por «;»; JSON: lista.',
    "Codes of the status rules that fired and, for a blank value, why it is blank (see 'reasons'). CSV: separated by ';'; JSON: a list.",
    REASONS.map((r) => r.code),
  ),
  c(
    'reasons_es',
    'string',
    false,
    null,
    'Las mismas razones en una frase cada una, en español. CSV: frases seguidas; JSON: lista.',
    'The same reasons as one sentence each, in Spanish. CSV: sentences in a row; JSON: a list.',
  ),
  c('reasons_en', 'string', false, null, 'Las mismas razones en inglés.', 'The same reasons in English.'),
  c(
    'validated_share',
    'number',
    true,
    'proporción (0.5 = 50 %)',
    'Agregados: sujetos con I validado (reportes ciudadanos de transparencia y de participación) entre los sujetos con valor; vacío para una institución.',
    'Aggregates: subjects with a validated I (citizen reports on transparency and on participation) over subjects with a value; empty for an institution.',
  ),
  c(
    'needed',
    'integer',
    true,
    'reportes ciudadanos',
    'Reportes ciudadanos adicionales, en total, para que el valor sea concluyente (los que traen los sujetos nuevos más needed_reports); 0 solo si ya es concluyente; vacío si ningún reporte ciudadano bastaría (razón not_reachable_by_sampling).',
    'Total additional citizen reports for the value to become conclusive (those the new subjects bring plus needed_reports); 0 only when it already is; empty when no citizen report could make it so (reason not_reachable_by_sampling).',
  ),
  c(
    'needed_subjects',
    'integer',
    true,
    'sujetos obligados',
    'Áreas: sujetos obligados adicionales con datos ciudadanos que hacen falta primero (0 si ninguno); vacío en una institución o si no es alcanzable.',
    'Areas: additional obliged subjects with citizen data needed first (0 when none); empty for an institution or when unreachable.',
  ),
  c(
    'needed_reports',
    'integer',
    true,
    'reportes ciudadanos',
    'Reportes adicionales, además de los que traen los sujetos nuevos; vacío si no es alcanzable.',
    'Additional reports beyond those the new subjects bring; empty when unreachable.',
  ),
  c(
    'area_name',
    'string',
    false,
    null,
    'Nombre del área: «Nacional», o el nombre del estado cuando la ronda cubre uno solo.',
    "Name of the area: 'Nacional', or the state's name when the round covers a single one.",
  ),
  c(
    'states_in_universe',
    'integer',
    false,
    'entidades',
    'Entidades federativas con sujetos obligados en el universo de la ronda.',
    "States with obliged subjects in the round's universe.",
  ),
  c(
    'level_name',
    'string',
    false,
    null,
    'Nombre del orden de gobierno (Federal, Estatal, Municipal, Autónomo).',
    'Name of the level of government, in Spanish.',
  ),
  c(
    'notice_es',
    'string',
    false,
    null,
    'Solo CSV: aviso de muestra voluntaria, en español, en cada fila (en JSON va en meta.notices.volunteerSample).',
    'CSV only: the volunteer-sample notice in Spanish, on every row (JSON: meta.notices.volunteerSample).',
  ),
  c('notice_en', 'string', false, null, 'Solo CSV: el mismo aviso en inglés.', 'CSV only: the same notice in English.'),
];

const PROVENANCE = ['round_id', 'synthetic', 'method_id', 'method_version', 'watermark', 'computed_at'];
const VALUE = [
  'aggregation',
  'indicator',
  'formula',
  'estimate',
  'se',
  'lo',
  'hi',
  'cv',
  'n',
  'N_universe',
  'status',
  'reasons',
  'reasons_es',
  'reasons_en',
  'validated_share',
  'needed',
  'needed_subjects',
  'needed_reports',
];
/** The volunteer-sample notice travels inside a CSV on every row; JSON carries it once, in `meta`. */
const CSV_NOTICE = ['notice_es', 'notice_en'];

export const DATASET_COLUMNS: Readonly<Record<ExportDataset, readonly string[]>> = {
  institutions: [
    ...PROVENANCE,
    'institution_id',
    'institution_key',
    'institution_name',
    'institution_type',
    'institution_level',
    'cvegeo',
    'municipality_name',
    'cve_ent',
    'state_name',
    ...VALUE,
  ],
  municipalities: [...PROVENANCE, 'cvegeo', 'municipality_name', 'cve_ent', 'state_name', ...VALUE],
  states: [...PROVENANCE, 'cve_ent', 'state_name', ...VALUE],
  national: [...PROVENANCE, 'area_name', 'states_in_universe', ...VALUE],
  levels: [...PROVENANCE, 'institution_level', 'level_name', ...VALUE],
  types: [...PROVENANCE, 'institution_type', ...VALUE],
};

/** The columns of one file: the dataset's, plus the notice columns in a CSV. */
export function fileColumns(dataset: ExportDataset, format: ExportFormat): readonly string[] {
  return format === 'csv' ? [...DATASET_COLUMNS[dataset], ...CSV_NOTICE] : DATASET_COLUMNS[dataset];
}

export const DATASET_DESCRIPTIONS: Readonly<Record<ExportDataset, Localized>> = {
  institutions: { es: 'Valores por sujeto obligado.', en: 'Values per obliged subject.' },
  municipalities: { es: 'Valores por municipio (cvegeo).', en: 'Values per municipality (cvegeo).' },
  states: { es: 'Valores por entidad federativa (cve_ent).', en: 'Values per state (cve_ent).' },
  national: {
    es: 'Valores de toda la ronda (nacional, o el estado único que cubre).',
    en: 'Values of the whole round (national, or the single state it covers).',
  },
  levels: {
    es: 'Valores por orden de gobierno (federal, estatal, municipal, autónomo).',
    en: 'Values per level of government (federal, state, municipal, autonomous).',
  },
  types: {
    es: 'Valores por tipo de sujeto obligado (ayuntamiento, secretaría, …).',
    en: 'Values per type of obliged subject (ayuntamiento, secretaría, …).',
  },
};

export const SYNTHETIC_NOTICE: Localized = {
  es: 'Datos sintéticos: generados automáticamente para demostración; no describen a ninguna institución real.',
  en: 'Synthetic data: generated automatically for demonstration; they do not describe any real institution.',
};

export const SOURCES = [
  {
    name: 'CONAPO 2020',
    description: {
      es: CATALOGUE_SOURCE,
      en: 'CONAPO, municipal marginalisation index 2020 (population: INEGI, 2020 Population and Housing Census): names and codes of states and municipalities, population.',
    },
    licence: {
      es: 'Datos abiertos del Gobierno de México, Términos de Libre Uso MX (datos.gob.mx): uso libre citando la fuente.',
      en: 'Open data of the Government of Mexico, Libre Uso MX terms (datos.gob.mx): free use with attribution.',
    },
  },
  {
    name: 'Apertura',
    description: {
      es: 'Valores calculados por Apertura a partir de autodiagnósticos, verificaciones y reportes ciudadanos de la ronda.',
      en: "Values computed by Apertura from the round's self-reports, verifications and citizen reports.",
    },
    licence: {
      es: 'Los publica el organismo que opera la ronda (su nombre y tipo, en la página pública de la ronda) bajo sus términos de uso; cite al organismo operador, la ronda (round_id) y el método (method_id, method_version).',
      en: "Published by the body that runs the round (its name and kind are on the round's public page) under its terms of use; cite the operator, the round (round_id) and the method (method_id, method_version).",
    },
  },
] as const;

export interface DataDictionary {
  title: Localized;
  layout: Localized;
  method: { id: string; version: string; specification: string };
  datasets: Array<{
    name: ExportDataset;
    description: Localized;
    columns: readonly string[];
    csvColumns: readonly string[];
    files: string[];
  }>;
  columns: readonly ColumnSpec[];
  indicators: typeof INDICATORS;
  aggregations: typeof AGGREGATIONS;
  statuses: typeof STATUSES;
  reasons: typeof REASONS;
  neutralisation: Localized;
  notices: { volunteerSample: Localized; synthetic: Localized };
  sources: typeof SOURCES;
  formats: { csv: Localized; json: Localized };
}

export function dataDictionary(): DataDictionary {
  return {
    title: { es: 'Diccionario de datos abiertos de Apertura', en: 'Apertura open-data dictionary' },
    layout: {
      es: 'Formato largo: una fila por entidad × agregación × indicador. Columnas de número vacías (CSV) o null (JSON) = sin valor.',
      en: 'Long format: one row per entity × aggregation × indicator. Empty (CSV) or null (JSON) numeric cells = no value.',
    },
    method: { id: METHOD_ID, version: METHOD_VERSION, specification: 'docs/method.md' },
    datasets: EXPORT_DATASETS.map((name) => ({
      name,
      description: DATASET_DESCRIPTIONS[name],
      columns: DATASET_COLUMNS[name],
      csvColumns: fileColumns(name, 'csv'),
      files: EXPORT_FORMATS.map((f) => `${name}.${f}`),
    })),
    columns: COLUMNS,
    indicators: INDICATORS,
    aggregations: AGGREGATIONS,
    statuses: STATUSES,
    reasons: REASONS,
    neutralisation: NEUTRALISATION,
    notices: { volunteerSample: { ...VOLUNTEER_SAMPLE_NOTICE }, synthetic: SYNTHETIC_NOTICE },
    sources: SOURCES,
    formats: {
      csv: {
        es: 'CSV RFC 4180, UTF-8, separador coma, punto decimal, primera fila con nombres de columna; el aviso de muestra voluntaria en las columnas notice_es y notice_en. ?bom=1 antepone la marca BOM para Excel.',
        en: 'RFC 4180 CSV, UTF-8, comma separator, decimal point, first row with column names; the volunteer-sample notice in columns notice_es and notice_en. ?bom=1 prepends a BOM for Excel.',
      },
      json: {
        es: 'Objeto { "meta": {…}, "rows": [ {columna: valor} ] }; el aviso de muestra voluntaria en meta.notices.volunteerSample; reasons, reasons_es y reasons_en son listas.',
        en: 'Object { "meta": {…}, "rows": [ {column: value} ] }; the volunteer-sample notice in meta.notices.volunteerSample; reasons, reasons_es and reasons_en are lists.',
      },
    },
  };
}

/** A database row as the export SQL returns it (see export-sql.ts), before normalisation. */
export type RawExportRow = Record<string, unknown>;

export const NEUTRALISATION: Localized = {
  es: "CSV: toda celda de texto que empieza con =, +, -, @, tabulador o retorno de carro lleva delante un apóstrofo (') para que una hoja de cálculo no la ejecute como fórmula. JSON trae el texto tal cual.",
  en: "CSV: every text cell starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe (') so that a spreadsheet does not run it as a formula. JSON carries the text as is.",
};

const codesOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Normalises one row for output, in place: timestamps → ISO 8601 UTC, the bigint watermark (a
 * string from pg) → number, and the stored reason codes (details.reasons, then details.missing for a
 * blank value) → `reasons` with their sentences in both languages.
 */
export function normaliseRow(row: RawExportRow): RawExportRow {
  const at = row.computed_at;
  if (at instanceof Date) row.computed_at = at.toISOString();
  const w = row.watermark;
  if (typeof w === 'string') row.watermark = Number(w);
  if ('reason_codes' in row || 'missing_codes' in row) {
    const reasons = [...new Set([...codesOf(row.reason_codes), ...codesOf(row.missing_codes)])];
    delete row.reason_codes;
    delete row.missing_codes;
    row.reasons = reasons;
    row.reasons_es = reasons.map((r) => reasonSentence(r, 'es'));
    row.reasons_en = reasons.map((r) => reasonSentence(r, 'en'));
  }
  return row;
}

/** The same row shaped for one CSV line: lists joined, the notice on every row. */
export function csvRow(row: RawExportRow): RawExportRow {
  normaliseRow(row);
  if (Array.isArray(row.reasons)) row.reasons = row.reasons.join(';');
  if (Array.isArray(row.reasons_es)) row.reasons_es = row.reasons_es.join(' ');
  if (Array.isArray(row.reasons_en)) row.reasons_en = row.reasons_en.join(' ');
  row.notice_es = VOLUNTEER_SAMPLE_NOTICE.es;
  row.notice_en = VOLUNTEER_SAMPLE_NOTICE.en;
  return row;
}
