/**
 * Open-data exports: datasets, columns and the machine-readable data dictionary. Long format — one
 * row per entity × aggregation × indicator — so a file streams row by row and a new indicator adds
 * rows, never columns. docs/open-data.md documents the same columns (a unit test keeps them in step).
 */
import { METHOD_ID, METHOD_VERSION, VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import { CATALOGUE_SOURCE } from '@apertura/geo';

export const EXPORT_DATASETS = ['institutions', 'municipalities', 'states'] as const;
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

export const STATUSES = [
  {
    code: 'conclusive',
    label: { es: 'Concluyente', en: 'Conclusive' },
    meaning: {
      es: 'Muestra suficiente y precisión adecuada (CV < 15 % y semiamplitud ≤ 0.10, o semiamplitud ≤ 0.05).',
      en: 'Enough sample and adequate precision (CV < 15% and half-width ≤ 0.10, or half-width ≤ 0.05).',
    },
  },
  {
    code: 'caution',
    label: { es: 'Usar con cautela', en: 'Use with caution' },
    meaning: {
      es: 'Precisión moderada (15 % ≤ CV < 30 %, semiamplitud > 0.10) o respondió menos de la mitad del universo.',
      en: 'Moderate precision (15% ≤ CV < 30%, half-width > 0.10) or fewer than half of the universe responded.',
    },
  },
  {
    code: 'inconclusive',
    label: { es: 'No es estadísticamente concluyente', en: 'Not statistically conclusive' },
    meaning: {
      es: 'Muestra por debajo del mínimo, CV ≥ 30 % o semiamplitud ≥ 0.15.',
      en: 'Sample below the minimum, CV ≥ 30% or half-width ≥ 0.15.',
    },
  },
  {
    code: 'not_validated',
    label: { es: 'Sin validación ciudadana', en: 'Not validated by citizens' },
    meaning: {
      es: 'El valor requiere datos ciudadanos y no los tiene (n = 0).',
      en: 'The value needs citizen data and has none (n = 0).',
    },
  },
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
] as const;

export const INDICATORS = [
  { code: 'I', description: { es: 'Índice de apertura: (T + P) / 2.', en: 'Openness index: (T + P) / 2.' } },
  { code: 'T', description: { es: 'Transparencia: (TG + TC) / 2.', en: 'Transparency: (TG + TC) / 2.' } },
  { code: 'P', description: { es: 'Participación: (PG + PC) / 2.', en: 'Participation: (PG + PC) / 2.' } },
  { code: 'TG', description: { es: 'Transparencia, perspectiva gubernamental (autodiagnóstico validado).', en: 'Transparency, government perspective (validated self-report).' } },
  { code: 'TC', description: { es: 'Transparencia, perspectiva ciudadana (reportes ciudadanos).', en: 'Transparency, citizen perspective (citizen reports).' } },
  { code: 'PG', description: { es: 'Participación, perspectiva gubernamental (autodiagnóstico validado).', en: 'Participation, government perspective (validated self-report).' } },
  { code: 'PC', description: { es: 'Participación, perspectiva ciudadana (reportes ciudadanos).', en: 'Participation, citizen perspective (citizen reports).' } },
  { code: 'I_G', description: { es: 'Índice solo gubernamental: (TG + PG) / 2, con puntajes validados.', en: 'Government-only index: (TG + PG) / 2, validated scores.' } },
  { code: 'TG_raw', description: { es: 'TG con los puntajes autodeclarados (sin validar).', en: 'TG with self-reported (unvalidated) scores.' } },
  { code: 'PG_raw', description: { es: 'PG con los puntajes autodeclarados (sin validar).', en: 'PG with self-reported (unvalidated) scores.' } },
  { code: 'I_G_raw', description: { es: 'I_G con los puntajes autodeclarados (sin validar).', en: 'I_G with self-reported (unvalidated) scores.' } },
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
  { code: 'unweighted', description: { es: 'Media simple de los sujetos obligados con valor (convención de la Métrica); para una institución, su propio valor.', en: "Plain mean over the obliged subjects with a value (the Métrica's convention); for an institution, its own value." } },
  { code: 'mean_of_municipalities', description: { es: 'Media de los valores municipales (solo estados).', en: 'Mean of the municipal values (states only).' } },
  { code: 'population_weighted', description: { es: 'Media de los valores municipales ponderada por población CONAPO/INEGI 2020 (solo estados).', en: 'Mean of municipal values weighted by CONAPO/INEGI 2020 population (states only).' } },
] as const;

export const AGGREGATION_ORDER: readonly string[] = AGGREGATIONS.map((a) => a.code);

const c = (name: string, type: ColumnType, nullable: boolean, unit: string | null, es: string, en: string, values?: readonly string[]): ColumnSpec =>
  values ? { name, type, nullable, unit, description: { es, en }, values } : { name, type, nullable, unit, description: { es, en } };

/** Every column any dataset can have, in file order. */
export const COLUMNS: readonly ColumnSpec[] = [
  c('round_id', 'uuid', false, null, 'Identificador de la ronda de diagnóstico.', 'Identifier of the diagnostic round.'),
  c('synthetic', 'boolean', false, null, 'true si la ronda contiene datos sintéticos (generados para demostración); no describen instituciones reales.', 'true when the round holds synthetic (generated demo) data; it does not describe real institutions.'),
  c('method_id', 'string', false, null, 'Método con que se calculó el valor (METHOD.md).', 'Method the value was computed with (METHOD.md).'),
  c('method_version', 'string', false, null, 'Versión del método.', 'Method version.'),
  c('watermark', 'integer', false, null, 'Marca de agua de entradas: id del último evento incluido en el cálculo.', 'Input watermark: id of the last event included in the computation.'),
  c('computed_at', 'datetime', false, 'ISO 8601, UTC', 'Momento del cálculo.', 'When the value was computed.'),
  c('institution_id', 'uuid', false, null, 'Identificador del sujeto obligado.', 'Identifier of the obliged subject.'),
  c('institution_key', 'string', true, null, 'Clave estable del sujeto obligado en el padrón del órgano garante.', "Stable key of the obliged subject in the guarantor's register."),
  c('institution_name', 'string', true, null, 'Nombre del sujeto obligado.', 'Name of the obliged subject.'),
  c('institution_type', 'string', true, null, 'Tipo de sujeto obligado (ayuntamiento, secretaría, …), en minúsculas.', 'Type of obliged subject (ayuntamiento, secretaría, …), lower case.'),
  c('institution_level', 'string', true, null, 'Orden de gobierno.', 'Level of government.', ['federal', 'estatal', 'municipal', 'autonomo']),
  c('cvegeo', 'string', true, null, 'Clave geoestadística INEGI del municipio (5 dígitos: entidad + municipio).', 'INEGI geostatistical code of the municipality (5 digits: state + municipality).'),
  c('municipality_name', 'string', true, null, 'Nombre del municipio (catálogo CONAPO 2020).', 'Municipality name (CONAPO 2020 catalogue).'),
  c('cve_ent', 'string', true, null, 'Clave INEGI de la entidad federativa (2 dígitos).', 'INEGI state code (2 digits).'),
  c('state_name', 'string', true, null, 'Nombre de la entidad federativa.', 'State name.'),
  c('aggregation', 'string', false, null, 'Cómo se agregó el valor sobre los sujetos obligados.', 'How the value was aggregated over obliged subjects.', AGGREGATION_ORDER),
  c('indicator', 'string', false, null, 'Indicador (ver «indicators»); puede haber además códigos de componente como TG.AI.', "Indicator (see 'indicators'); component codes such as TG.AI may also appear.", INDICATOR_ORDER),
  c(
    'formula',
    'string',
    true,
    null,
    'Descripción (en inglés) de la fórmula que produjo el valor y sus datos, p. ej. «I: unweighted mean over the 5 of 5 obliged subjects with a value; SE² = …»; en un subíndice parcial, los componentes que faltaron.',
    "Description of the formula that produced the value and its inputs, e.g. 'I: unweighted mean over the 5 of 5 obliged subjects with a value; SE² = …'; for a partial sub-index, the missing components.",
  ),
  c('estimate', 'number', true, 'escala 0–1 (DELTA_G: diferencia, −1 a 1)', 'Valor estimado; vacío si no se pudo calcular.', 'Estimated value; empty when it could not be computed.'),
  c('se', 'number', true, 'escala 0–1', 'Error estándar.', 'Standard error.'),
  c('lo', 'number', true, 'escala 0–1', 'Límite inferior del intervalo de confianza al 95 %, recortado a [0, 1].', 'Lower bound of the 95% confidence interval, clipped to [0, 1].'),
  c('hi', 'number', true, 'escala 0–1', 'Límite superior del intervalo de confianza al 95 %, recortado a [0, 1].', 'Upper bound of the 95% confidence interval, clipped to [0, 1].'),
  c('cv', 'number', true, 'proporción (0.15 = 15 %)', 'Coeficiente de variación: se / estimate.', 'Coefficient of variation: se / estimate.'),
  c('n', 'integer', false, 'observaciones', 'Observaciones detrás del valor: reportes ciudadanos (institución) o sujetos obligados con valor (áreas).', 'Observations behind the value: citizen reports (institution) or obliged subjects with a value (areas).'),
  c('N_universe', 'integer', true, 'sujetos obligados', 'Tamaño del universo finito del que n es muestra (sujetos obligados de la ronda en el área); vacío si no aplica.', 'Size of the finite universe n is drawn from (obliged subjects of the round in the area); empty when not applicable.'),
  c('status', 'string', false, null, 'Estado de concluyencia (ver «statuses»).', "Conclusiveness status (see 'statuses').", STATUSES.map((s) => s.code)),
  c('needed', 'integer', false, 'reportes o sujetos', 'Reportes ciudadanos (o sujetos que respondan) adicionales necesarios para que el valor sea concluyente; 0 si ya lo es.', 'Additional citizen reports (or responding subjects) needed for the value to be conclusive; 0 when it already is.'),
];

const PROVENANCE = ['round_id', 'synthetic', 'method_id', 'method_version', 'watermark', 'computed_at'];
const VALUE = ['aggregation', 'indicator', 'formula', 'estimate', 'se', 'lo', 'hi', 'cv', 'n', 'N_universe', 'status', 'needed'];

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
};

export const DATASET_DESCRIPTIONS: Readonly<Record<ExportDataset, Localized>> = {
  institutions: { es: 'Valores por sujeto obligado.', en: 'Values per obliged subject.' },
  municipalities: { es: 'Valores por municipio (cvegeo).', en: 'Values per municipality (cvegeo).' },
  states: { es: 'Valores por entidad federativa (cve_ent).', en: 'Values per state (cve_ent).' },
};

export const SYNTHETIC_NOTICE: Localized = {
  es: 'Datos sintéticos: generados automáticamente para demostración; no describen a ninguna institución real.',
  en: 'Synthetic data: generated automatically for demonstration; they do not describe any real institution.',
};

export const SOURCES = [
  {
    name: 'CONAPO 2020',
    description: { es: CATALOGUE_SOURCE, en: 'CONAPO, municipal marginalisation index 2020 (population: INEGI, 2020 Population and Housing Census): names and codes of states and municipalities, population.' },
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
      es: 'Los publica el órgano garante de la ronda bajo sus términos de uso; cite el órgano garante, la ronda (round_id) y el método (method_id, method_version).',
      en: "Published by the round's guarantor under its terms of use; cite the guarantor, the round (round_id) and the method (method_id, method_version).",
    },
  },
] as const;

export interface DataDictionary {
  title: Localized;
  layout: Localized;
  method: { id: string; version: string; specification: string };
  datasets: Array<{ name: ExportDataset; description: Localized; columns: readonly string[]; files: string[] }>;
  columns: readonly ColumnSpec[];
  indicators: typeof INDICATORS;
  aggregations: typeof AGGREGATIONS;
  statuses: typeof STATUSES;
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
    method: { id: METHOD_ID, version: METHOD_VERSION, specification: 'METHOD.md' },
    datasets: EXPORT_DATASETS.map((name) => ({
      name,
      description: DATASET_DESCRIPTIONS[name],
      columns: DATASET_COLUMNS[name],
      files: EXPORT_FORMATS.map((f) => `${name}.${f}`),
    })),
    columns: COLUMNS,
    indicators: INDICATORS,
    aggregations: AGGREGATIONS,
    statuses: STATUSES,
    notices: { volunteerSample: { ...VOLUNTEER_SAMPLE_NOTICE }, synthetic: SYNTHETIC_NOTICE },
    sources: SOURCES,
    formats: {
      csv: {
        es: 'CSV RFC 4180, UTF-8, separador coma, punto decimal, primera fila con nombres de columna. ?bom=1 antepone la marca BOM para Excel.',
        en: 'RFC 4180 CSV, UTF-8, comma separator, decimal point, first row with column names. ?bom=1 prepends a BOM for Excel.',
      },
      json: { es: 'Objeto { "meta": {…}, "rows": [ {columna: valor} ] }.', en: 'Object { "meta": {…}, "rows": [ {column: value} ] }.' },
    },
  };
}

/** A database row as the export SQL returns it (see export-sql.ts), before normalisation. */
export type RawExportRow = Record<string, unknown>;

/**
 * Normalises one row for output, in place: timestamps → ISO 8601 UTC, the bigint watermark (a
 * string from pg) → number. Everything else already has its output type.
 */
export function normaliseRow(row: RawExportRow): RawExportRow {
  const at = row.computed_at;
  if (at instanceof Date) row.computed_at = at.toISOString();
  const w = row.watermark;
  if (typeof w === 'string') row.watermark = Number(w);
  return row;
}
