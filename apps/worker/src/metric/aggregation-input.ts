/**
 * What area aggregation needs, and nothing else (pure).
 *
 * Why institution_result instead of recomputing every institution from its answers on each area
 * job: a national round has thousands of institutions and tens of thousands of citizen reports;
 * one new verdict would otherwise re-read and re-score all of them. computeAggregates reads only
 * each institution's values and validator count, so that is what is stored (a few KB per
 * institution, no validator ids), and the full rebuild aggregates from the very same JSON-normalised
 * form, so both paths give bit-identical aggregates.
 */
import { computeAggregates, computeInstitution, INDICATORS, METHOD_ID, METHOD_VERSION, SUB_INDICES } from '@apertura/metric';
import type { AggregateRow, AggregationUniverse, Estimate, Indicator, InstitutionPlacement, InstitutionResult, MethodSettings } from '@apertura/metric';
import type { PlacementRecord } from './metric-inputs';

export interface StoredInstitutionResult {
  institutionId: string;
  selfReported: boolean;
  citizenReports: number;
  validators: number;
  headline: 'I' | 'I_G' | null;
  neededReports: number;
  values: Record<Indicator, Estimate | null>;
}

/** A stored result with the JSON it is written as (serialised once: a national rebuild writes 12,000). */
export interface StoredForm {
  value: StoredInstitutionResult;
  json: string;
}

/**
 * The stored form of a result, passed through JSON (as PostgreSQL will return it) so the round
 * rebuild aggregates exactly what a later area job reads back.
 */
export function storedForm(r: InstitutionResult): StoredForm {
  const values = {} as Record<Indicator, Estimate | null>;
  for (const ind of INDICATORS) values[ind] = r.values[ind];
  const stored: StoredInstitutionResult = {
    institutionId: r.institutionId,
    selfReported: r.selfReported,
    citizenReports: r.citizenReports,
    validators: r.validators,
    headline: r.headline,
    neededReports: r.neededReports,
    values,
  };
  const json = JSON.stringify(stored);
  return { value: JSON.parse(json) as StoredInstitutionResult, json };
}

export function storedResult(r: InstitutionResult): StoredInstitutionResult {
  return storedForm(r).value;
}

/** The result of an institution without any input (what computeInstitution gives for nothing). */
export function emptyStoredResult(institutionId: string, settings: MethodSettings): StoredInstitutionResult {
  return storedResult(computeInstitution({ institutionId, selfReport: null, verifications: {}, citizenReports: [] }, settings));
}

function asInstitutionResult(s: StoredInstitutionResult): InstitutionResult {
  const subIndices = {} as InstitutionResult['subIndices'];
  for (const code of SUB_INDICES) subIndices[code] = null;
  return {
    methodId: METHOD_ID,
    methodVersion: METHOD_VERSION,
    institutionId: s.institutionId,
    selfReported: s.selfReported,
    citizenReports: s.citizenReports,
    validators: s.validators,
    items: [],
    governmentComponents: [],
    citizenComponents: [],
    subIndices,
    values: s.values,
    headline: s.headline,
    neededReports: s.neededReports,
    warnings: [],
  };
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
): InstitutionPlacement[] {
  let empty: StoredInstitutionResult | null = null;
  return universe.map((p) => {
    let stored = results.get(p.institutionId);
    if (stored === undefined) {
      empty ??= emptyStoredResult('', settings);
      stored = { ...empty, institutionId: p.institutionId };
    }
    return { result: asInstitutionResult(stored), cvegeo: p.cvegeo, cveEnt: p.cveEnt, level: p.level, type: p.type };
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
export function aggregationUniverse(universe: readonly PlacementRecord[], population: Readonly<Record<string, number>>): AggregationUniverse {
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
  };
}

/**
 * Every area row of a round from its universe and stored results. A round without a universe yet
 * (a draft) has no areas: no rows rather than an error.
 */
export function roundAggregates(
  universe: readonly PlacementRecord[],
  results: ReadonlyMap<string, StoredInstitutionResult>,
  population: Readonly<Record<string, number>>,
  settings: MethodSettings,
  indicators: readonly Indicator[] = INDICATORS,
): AggregateRow[] {
  if (universe.length === 0) return [];
  return computeAggregates(placementsFor(universe, results, settings), aggregationUniverse(universe, population), settings, indicators);
}
