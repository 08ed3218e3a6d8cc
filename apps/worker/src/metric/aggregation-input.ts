/**
 * What area aggregation needs, and nothing else (pure).
 *
 * Why institution_result instead of recomputing every institution from its answers on each area
 * job: a national round has thousands of institutions and tens of thousands of citizen reports;
 * one new verdict would otherwise re-read and re-score all of them. computeAggregates reads only
 * each institution's values and validator count; what is stored is the pool-independent core they
 * are finalised from (≈ 3 KB per institution, no validator ids, see StoredDocument), and the full
 * rebuild finalises and aggregates the very same parsed core, so both paths give bit-identical
 * aggregates.
 */
import {
  computeAggregates,
  computeInstitution,
  finalizeInstitution,
  INDICATORS,
  pooledVariances,
  withFinalized,
} from '@apertura/metric';
import type {
  AggregateReuse,
  AggregateRow,
  AggregationUniverse,
  BuiltInstitution,
  Estimate,
  FinalizedInstitution,
  Indicator,
  InstitutionCore,
  InstitutionPlacement,
  InstitutionResult,
  MethodSettings,
  PooledVariances,
  SampleDesign,
} from '@apertura/metric';
import type { PlacementRecord } from './metric-inputs';

/**
 * What is kept of one institution's computation. `core` is the pooled-variance-independent part (§5:
 * census values and the raw statistics of citizen values, no validator ids); `values`, `components`
 * and `neededReports` are its finalisation under the pool named by `pooledKey`, which an area job
 * redoes when the round's pool has moved since.
 */
export interface StoredInstitutionResult {
  institutionId: string;
  selfReported: boolean;
  citizenReports: number;
  validators: number;
  verified: boolean;
  pendingRefutations: number;
  headline: 'I' | 'I_G' | null;
  neededReports: number | null;
  warnings: string[];
  values: Record<Indicator, Estimate | null>;
  components: Record<string, Estimate>;
  core: InstitutionCore;
  /** poolKey() of the pooled variances the values were finalised with. */
  pooledKey: string;
}

/** A stored result with the JSON it is written as (serialised once: a national rebuild writes 12,000). */
export interface StoredForm {
  value: StoredInstitutionResult;
  json: string;
}

/**
 * What institution_result holds: the core, the warnings and the pool the values were finalised
 * with — not the values themselves. They are a pure function of these (finalizeInstitution), and
 * as finalised estimates they were two thirds of the document, i.e. of the ≈ 140 MB a national
 * rebuild serialised, sent and stored for nothing (bench/RESULTS.md, 2026-12-06). A reader finalises
 * the core again under the pool the key spells (expandStored); the rebuild and the institution job
 * finalise the very same parsed core, so writers and readers get the same bits. When an area job
 * re-finalises a stored result under a new pool, it sets the row's `pooled_key` instead of rewriting
 * the document, which then names the pool it was written under.
 */
export interface StoredDocument {
  format: 'core';
  warnings: string[];
  core: InstitutionCore;
  pooledKey: string;
}

/** Identity of a pool (its canonical JSON: codes in order). '' is "no pool yet" (the bound is used). */
export function poolKey(pooled: PooledVariances | null): string {
  if (pooled === null) return '';
  const ordered: Record<string, number> = {};
  for (const code of Object.keys(pooled).sort()) ordered[code] = pooled[code];
  return JSON.stringify(ordered);
}

/** The pool a key spells (its JSON numbers are the pool's exact doubles). */
function poolOfKey(key: string): PooledVariances | null {
  return key === '' ? null : (JSON.parse(key) as PooledVariances);
}

function documentJson(core: InstitutionCore, warnings: readonly string[], pooledKey: string): string {
  const doc: StoredDocument = { format: 'core', warnings: [...warnings], core, pooledKey };
  return JSON.stringify(doc);
}

/** The stored result of a document and its finalisation. */
function storedValue(doc: StoredDocument, f: FinalizedInstitution): StoredInstitutionResult {
  const c = doc.core;
  const values = {} as Record<Indicator, Estimate | null>;
  for (const ind of INDICATORS) values[ind] = f.values[ind];
  return {
    institutionId: c.institutionId,
    selfReported: c.selfReported,
    citizenReports: c.citizenReports,
    validators: c.validators,
    verified: c.verified,
    pendingRefutations: c.pendingRefutations,
    headline: f.headline,
    neededReports: f.neededReports,
    warnings: doc.warnings,
    values,
    components: f.components,
    core: c,
    pooledKey: doc.pooledKey,
  };
}

/**
 * A built institution finalised under the round's pool, for its rows and for storage: the core is
 * finalised as it is stored (after its trip through JSON), so the rows written now, the aggregates
 * formed now and an area job's later reading of the document are the same numbers.
 */
export function finalizeForStorage(
  built: BuiltInstitution,
  settings: MethodSettings,
  pooled: PooledVariances | null,
): { result: InstitutionResult; form: StoredForm } {
  const json = documentJson(built.core, built.warnings, poolKey(pooled));
  const doc = JSON.parse(json) as StoredDocument;
  const f = finalizeInstitution(doc.core, settings, pooled);
  return { result: withFinalized(built, f, doc.core), form: { value: storedValue(doc, f), json } };
}

/**
 * A stored result as read from institution_result: a document is finalised under the pool its row's
 * `pooled_key` names when an area job re-finalised it since (migration 1765500000000), else under the
 * one the document names; the full form earlier versions wrote (values included) is used as it is.
 */
export function expandStored(
  stored: unknown,
  settings: MethodSettings,
  refinalizedUnder: string | null = null,
): StoredInstitutionResult {
  const doc = stored as Partial<StoredDocument> | null;
  if (
    doc === null ||
    doc.format !== 'core' ||
    typeof doc.core !== 'object' ||
    doc.core === null ||
    typeof doc.pooledKey !== 'string'
  ) {
    return stored as StoredInstitutionResult;
  }
  const full = { ...(doc as StoredDocument), pooledKey: refinalizedUnder ?? doc.pooledKey };
  return storedValue(full, finalizeInstitution(full.core, settings, poolOfKey(full.pooledKey)));
}

/**
 * The stored form of a finalised result (the empty result, tests): its document, and its value
 * passed through JSON as PostgreSQL would return it.
 */
export function storedForm(r: InstitutionResult, pooled: PooledVariances | null): StoredForm {
  const pooledKey = poolKey(pooled);
  const f: FinalizedInstitution = {
    values: r.values,
    components: r.components,
    headline: r.headline,
    neededReports: r.neededReports,
  };
  const value = JSON.parse(
    JSON.stringify(storedValue({ format: 'core', warnings: r.warnings, core: r.core, pooledKey }, f)),
  ) as StoredInstitutionResult;
  return { value, json: documentJson(r.core, r.warnings, pooledKey) };
}

/**
 * The stored result finalised under `pooled` (§5): null when it already was; otherwise its new value
 * (what expandStored reads once the row's pool key is set to `key`), and whether its values really
 * changed (only then are its rows rewritten). `key` is poolKey(pooled), for callers that check a whole
 * round against one pool.
 */
export function refinalized(
  s: StoredInstitutionResult,
  settings: MethodSettings,
  pooled: PooledVariances | null,
  key: string = poolKey(pooled),
): { value: StoredInstitutionResult; changed: boolean } | null {
  if (s.pooledKey === key) return null;
  const f = finalizeInstitution(s.core, settings, pooled);
  const value = storedValue({ format: 'core', warnings: s.warnings, core: s.core, pooledKey: key }, f);
  const changed =
    s.headline !== value.headline ||
    s.neededReports !== value.neededReports ||
    !sameJsonValue(s.values, value.values) ||
    !sameJsonValue(s.components, value.components);
  return { value, changed };
}

/**
 * Whether two JSON-like values hold the same content (objects compared key by key, in any order).
 * Never says "same" when their JSON differs in anything but key order; it may say "different" where
 * JSON would not (NaN, a key set to undefined), which only costs rewriting rows. Used instead of
 * comparing JSON.stringify of both: when a round's pool moves, every institution is compared, and
 * the strings were ≈ 180 MB per national area job.
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJsonValue(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !sameJsonValue(ra[k], rb[k])) return false;
  }
  return true;
}

/**
 * The round's pooled per-validator variances (§5) from the cores of its universe's institutions with
 * ≥ 2 validators: the same numbers whether formed from a rebuild's results or from stored ones.
 */
export function roundPool(
  members: Iterable<Pick<StoredInstitutionResult, 'institutionId' | 'validators' | 'core'>>,
): PooledVariances {
  const institutions: Array<{ institutionId: string; raw: InstitutionCore['citizen'] }> = [];
  for (const s of members)
    if (s.validators >= 2) institutions.push({ institutionId: s.institutionId, raw: s.core.citizen });
  return pooledVariances(institutions);
}

/** The result of an institution without any input (what computeInstitution gives for nothing). */
export function emptyStoredResult(
  institutionId: string,
  settings: MethodSettings,
  pooled: PooledVariances | null,
): StoredInstitutionResult {
  return storedForm(
    computeInstitution({ institutionId, selfReport: null, verifications: {}, citizenReports: [] }, settings, pooled),
    pooled,
  ).value;
}

/**
 * Placements of every institution of the universe; one without a stored result (never computed:
 * no input yet) gets the empty result, so incremental and full aggregation see the same members.
 * Stored results of institutions no longer in the universe are ignored.
 */
export function placementsFor(
  universe: readonly PlacementRecord[],
  results: ReadonlyMap<string, StoredInstitutionResult>,
  settings: MethodSettings,
  pooled: PooledVariances | null,
): InstitutionPlacement[] {
  let empty: StoredInstitutionResult | null = null;
  return universe.map((p) => {
    let stored = results.get(p.institutionId);
    if (stored === undefined) {
      empty ??= emptyStoredResult('', settings, pooled);
      stored = { ...empty, institutionId: p.institutionId };
    }
    const result = {
      institutionId: stored.institutionId,
      selfReported: stored.selfReported,
      verified: stored.verified,
      validators: stored.validators,
      values: stored.values,
    };
    return { result, cvegeo: p.cvegeo, cveEnt: p.cveEnt, level: p.level, type: p.type };
  });
}

const bump = (r: Record<string, number>, k: string): void => {
  r[k] = (r[k] ?? 0) + 1;
};

function distinctCounts(pairs: Iterable<[string, string]>): Record<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const [group, municipality] of pairs) {
    let s = sets.get(group);
    if (!s) sets.set(group, (s = new Set()));
    s.add(municipality);
  }
  const out: Record<string, number> = {};
  for (const [g, s] of sets) out[g] = s.size;
  return out;
}

/** Universe counts of a round (§4, §6): subjects and municipalities per area, population per municipality. */
export function aggregationUniverse(
  universe: readonly PlacementRecord[],
  population: Readonly<Record<string, number>>,
  design: SampleDesign | null = null,
): AggregationUniverse {
  const institutionsPerMunicipality: Record<string, number> = {};
  const institutionsPerState: Record<string, number> = {};
  const institutionsPerLevel: Record<string, number> = {};
  const institutionsPerType: Record<string, number> = {};
  const pop: Record<string, number> = {};
  for (const p of universe) {
    bump(institutionsPerMunicipality, p.cvegeo);
    bump(institutionsPerState, p.cveEnt);
    bump(institutionsPerLevel, p.level);
    bump(institutionsPerType, p.type);
    if (Object.prototype.hasOwnProperty.call(population, p.cvegeo)) pop[p.cvegeo] = population[p.cvegeo];
  }
  return {
    institutionsPerMunicipality,
    institutionsPerState,
    institutionsPerLevel,
    institutionsPerType,
    total: universe.length,
    municipalitiesPerState: distinctCounts(universe.map((p) => [p.cveEnt, p.cvegeo])),
    municipalitiesPerLevel: distinctCounts(universe.map((p) => [p.level, p.cvegeo])),
    municipalitiesPerType: distinctCounts(universe.map((p) => [p.type, p.cvegeo])),
    totalMunicipalities: Object.keys(institutionsPerMunicipality).length,
    population: pop,
    ...(design === null ? {} : { design }),
  };
}

/**
 * Every area row of a round from its universe and stored results, in passes: the members and
 * universe counts are formed once, then each call aggregates the indicators it is given (the worker
 * yields to its event loop between indicators). A round without a universe yet (a draft) has no
 * areas: no rows rather than an error. With `reuse`, the rows of areas it does not name as touched
 * are taken from an earlier aggregation (see computeAggregates).
 */
export function roundAggregation(
  universe: readonly PlacementRecord[],
  results: ReadonlyMap<string, StoredInstitutionResult>,
  population: Readonly<Record<string, number>>,
  settings: MethodSettings,
  pooled: PooledVariances | null,
  design: SampleDesign | null,
): (indicators: readonly Indicator[], reuse?: AggregateReuse | null) => AggregateRow[] {
  if (universe.length === 0) return () => [];
  const placements = placementsFor(universe, results, settings, pooled);
  const counts = aggregationUniverse(universe, population, design);
  return (indicators, reuse = null) => computeAggregates(placements, counts, settings, indicators, pooled, reuse);
}
