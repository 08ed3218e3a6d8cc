import { compareStrings } from '@apertura/metric';
import type { ClusterValue } from '@apertura/metric';
import type { StoredForm } from './aggregation-input';
import { CopyEncoder } from './copy-stream';
import type { EncodedRows } from './copy-stream';
import { copyJson, copyLeadingFields, copyLine } from './copy-text';
import type { CopyJson } from './copy-text';
import type { ResultRow } from './to-result-rows';

/**
 * Result rows and stored documents as COPY lines for the staging tables of MetricResultsRepository
 * (pure: a rebuild's build threads encode with it without loading the repository's database layer).
 */

/** One result row as a COPY line (RESULT_STAGE_COLUMNS). */
export function resultLine(r: ResultRow): string {
  return `${resultLeadingFields(r)}${resultDetails(r)}\n`;
}

/** resultLine(r), written into `encoder` without building the line (CopyEncoder.addSplit). */
export function addResultLine(encoder: CopyEncoder, r: ResultRow): void {
  encoder.addSplit(resultLeadingFields(r), resultDetails(r));
}

/** Every column of a result row but the last (details), each followed by a tab. */
function resultLeadingFields(r: ResultRow): string {
  return copyLeadingFields([
    r.scope,
    r.scopeKey,
    r.aggregation,
    r.indicator,
    r.estimate,
    r.se,
    r.lo,
    r.hi,
    r.cv,
    r.n,
    r.populationSize,
    r.status,
    r.needed,
    r.neededSubjects,
    r.neededReports,
    r.validatedShare,
    r.formula,
  ]);
}

/** The details column in COPY form. */
function resultDetails(r: ResultRow): string {
  return copyJson(detailsJson(r)).json;
}

/** A row's details as JSON, with its pre-serialised item list last (ResultRow.itemsJson). */
function detailsJson(r: ResultRow): string {
  const json = JSON.stringify(r.details);
  if (r.itemsJson === undefined) return json;
  return json === '{}' ? `{"items":${r.itemsJson}}` : `${json.slice(0, -1)},"items":${r.itemsJson}}`;
}

/** An institution's per-validator cluster values (libs/metric InstitutionResult.clusters). */
export type InstitutionClusters = { TC: readonly ClusterValue[]; PC: readonly ClusterValue[] };

/** A stored document with the cluster values of the same computation (written in the same row). */
export interface StoredWithClusters {
  form: StoredForm;
  clusters: InstitutionClusters;
}

/** JavaScript's string order (one global order for every writer's keys). */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Issue #18 item 3: the institution's cluster values as three parallel arrays in validator order,
 * TC and PC merged per validator, null where its reports gave none. One row per institution instead
 * of one per (institution, validator): a national rebuild writes ≈ 150,000 fewer rows, and no
 * foreign-key check per validator (see migration 1765100000000).
 */
export function clusterArrays(clusters: InstitutionClusters): {
  validatorIds: string[];
  tc: Array<number | null>;
  pc: Array<number | null>;
} {
  const values = new Map<string, { tc: number | null; pc: number | null }>();
  for (const c of clusters.TC) values.set(c.clusterId, { tc: c.value, pc: null });
  for (const c of clusters.PC) values.set(c.clusterId, { tc: values.get(c.clusterId)?.tc ?? null, pc: c.value });
  const validatorIds = [...values.keys()].sort(byId);
  const at = (id: string): { tc: number | null; pc: number | null } =>
    values.get(id) as { tc: number | null; pc: number | null };
  return { validatorIds, tc: validatorIds.map((id) => at(id).tc), pc: validatorIds.map((id) => at(id).pc) };
}

/**
 * An array in COPY text form. Its elements are uuids and numbers only (never quoted: no comma,
 * brace, quote or backslash can occur); numbers as the shortest string that reads back as the same
 * double, so PostgreSQL stores the very bits the worker averaged.
 */
export function copyArray(values: ReadonlyArray<string | number | null>): CopyJson {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    text += (i === 0 ? '' : ',') + (v === null ? 'NULL' : String(v));
  }
  return { json: `${text}}` };
}

/** One stored document and its cluster values as a COPY line (institution_result_stage). */
export function storedLine(f: StoredForm, clusters: InstitutionClusters): string {
  const { validatorIds, tc, pc } = clusterArrays(clusters);
  return copyLine([f.value.institutionId, copyJson(f.json), copyArray(validatorIds), copyArray(tc), copyArray(pc)]);
}

/**
 * The cluster columns of a stored line (validator ids, TC, PC), each preceded by a tab. A rebuild
 * encodes them as soon as an institution is built: they do not depend on the round's pool.
 */
export function storedClusterFields(clusters: InstitutionClusters): string {
  const { validatorIds, tc, pc } = clusterArrays(clusters);
  return `\t${copyArray(validatorIds).json}\t${copyArray(tc).json}\t${copyArray(pc).json}`;
}

/**
 * storedLine, written into `encoder` with the document unconcatenated (CopyEncoder.addSplit);
 * `clusterFields` from storedClusterFields.
 */
export function addStoredLine(encoder: CopyEncoder, f: StoredForm, clusterFields: string): void {
  encoder.addSplit(`${f.value.institutionId}\t`, copyJson(f.json).json, clusterFields);
}

/** Result rows in COPY form, in key order: every writer's keys in one global order, so concurrent batches cannot deadlock. */
export function encodeResultRows(rows: readonly ResultRow[]): EncodedRows {
  const encoder = new CopyEncoder();
  for (const r of [...rows].sort(compareResultKeys)) addResultLine(encoder, r);
  return encoder.finish();
}

/** Stored documents (with their cluster values) in COPY form, in institution order (see encodeResultRows). */
export function encodeStoredForms(results: readonly StoredWithClusters[]): EncodedRows {
  const id = (r: StoredWithClusters): string => r.form.value.institutionId;
  const encoder = new CopyEncoder();
  for (const r of [...results].sort((a, b) => byId(id(a), id(b)))) {
    addStoredLine(encoder, r.form, storedClusterFields(r.clusters));
  }
  return encoder.finish();
}

/** The order of result keys every writer uses (scope, key, aggregation, indicator). */
export const compareResultKeys = (a: ResultRow, b: ResultRow): number =>
  compareStrings(a.scope, b.scope) ||
  compareStrings(a.scopeKey, b.scopeKey) ||
  compareStrings(a.aggregation, b.aggregation) ||
  compareStrings(a.indicator, b.indicator);
