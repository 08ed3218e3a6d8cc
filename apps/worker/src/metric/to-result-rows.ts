/**
 * From libs/metric results to metric_result rows (pure). One row per (scope, key, aggregation,
 * indicator): every indicator of every institution (also those it cannot compute: estimate null,
 * with a status, the reasons and the needed sample, so lists and the recruitment planner see them),
 * one row per component of the institution (indicator = component code, e.g. `TG.AI`), and every
 * aggregate row. `details` carries what the results API shows beside the columns; never validator
 * identities.
 */
import { INDICATORS, missingValueReasons, needsCitizenData } from '@apertura/metric';
import type {
  AggregateRow,
  BuiltInstitution,
  CitizenComponentResult,
  Estimate,
  GovernmentComponent,
  Indicator,
  InstitutionResult,
  ItemResult,
  Status,
  SubIndexInfo,
} from '@apertura/metric';
import { encodeItemList, type ItemColumns, type PackedItems, type ResultScope } from '@apertura/db';
import { sameJsonValue, type StoredInstitutionResult } from './aggregation-input';
import type { InstitutionProvenance, QuestionnaireRecord } from './metric-inputs';

export interface ResultRow {
  scope: ResultScope;
  scopeKey: string;
  aggregation: string;
  indicator: string;
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  cv: number | null;
  /** Observations behind the value (0 for census values and missing ones; details.n keeps null). */
  n: number;
  /** Finite universe N (areas); null at institution level. */
  populationSize: number | null;
  status: Status;
  /** §6 needed sample (reports in all); null when no citizen addition can make the value conclusive. */
  needed: number | null;
  /** Areas: subjects with citizen data needed first; null for institutions and when unreachable. */
  neededSubjects: number | null;
  neededReports: number | null;
  /** Aggregates: members with a validated I / members with a value; null for institutions. */
  validatedShare: number | null;
  formula: string | null;
  details: Record<string, unknown>;
  /**
   * details.items already in JSON (a rebuild serialises each institution's item lists as soon as it
   * is built: see governmentItemsJson); written after the other details, where `items` would be.
   */
  itemsJson?: string;
}

/** Why an indicator has no value. */
export type MissingReason = 'no_self_report' | 'no_citizen_data' | 'missing_components';

const GOVERNMENT_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>([
  'TG',
  'PG',
  'I_G',
  'TG_raw',
  'PG_raw',
  'I_G_raw',
  'DELTA_G',
]);
const SUB_INDEX_OF: Partial<Record<Indicator, 'TG' | 'TC' | 'PG' | 'PC'>> = {
  TG: 'TG',
  TC: 'TC',
  PG: 'PG',
  PC: 'PC',
  TG_raw: 'TG',
  PG_raw: 'PG',
};

function estimateDetails(e: Omit<Estimate, 'estimate'>): Record<string, unknown> {
  return {
    n: e.n,
    N: e.N,
    df: e.df,
    sd: e.sd,
    halfWidth: e.halfWidth,
    interval: e.interval,
    nu: e.nu,
    reasons: e.reasons,
    pendingRefutations: e.pendingRefutations,
  };
}

function subIndexDetails(info: SubIndexInfo | null): Record<string, unknown> | null {
  return info === null
    ? null
    : { partial: info.partial, missing: info.missing, weights: info.weights, formula: info.formula };
}

/** What a missing value needs to know of its institution (an InstitutionResult or its stored form). */
export type InstitutionFacts = Pick<
  InstitutionResult,
  'institutionId' | 'selfReported' | 'validators' | 'neededReports' | 'core' | 'values'
>;

export function missingReasons(
  indicator: Indicator,
  r: Pick<InstitutionResult, 'selfReported' | 'validators'>,
): MissingReason[] {
  const needsSelfReport =
    GOVERNMENT_INDICATORS.has(indicator) || indicator === 'T' || indicator === 'P' || indicator === 'I';
  const reasons: MissingReason[] = [];
  if (needsSelfReport && !r.selfReported) reasons.push('no_self_report');
  if (needsCitizenData(indicator) && r.validators === 0) reasons.push('no_citizen_data');
  if (reasons.length === 0) reasons.push('missing_components');
  return reasons;
}

function valueRow(institutionId: string, indicator: string, e: Estimate, details: Record<string, unknown>): ResultRow {
  return {
    scope: 'institution',
    scopeKey: institutionId,
    aggregation: 'unweighted',
    indicator,
    estimate: e.estimate,
    se: e.se,
    lo: e.lo,
    hi: e.hi,
    cv: e.cv,
    n: e.n ?? 0,
    populationSize: e.N,
    status: e.status,
    needed: e.needed,
    neededSubjects: null,
    neededReports: e.neededReports,
    validatedShare: null,
    formula: e.formula,
    details: { ...estimateDetails(e), ...details },
  };
}

/**
 * A value the institution cannot have: null estimate, with why and what would fix it. ΔG of an
 * unverified institution is null, never 0 (§3.6): `not_validated` with reason `not_estimable`.
 */
function missingRow(r: InstitutionFacts, indicator: Indicator, details: Record<string, unknown>): ResultRow {
  const missing = missingReasons(indicator, r);
  const citizen = needsCitizenData(indicator);
  const reasons = missingValueReasons(r.core, indicator);
  const unverifiedDelta = indicator === 'DELTA_G' && reasons.includes('not_estimable');
  // Citizen reports cannot supply a missing self-report; ΔG needs a verdict, not a report.
  const unreachable = (!citizen && missing.includes('no_self_report')) || r.neededReports === null;
  const needed = unverifiedDelta || unreachable ? null : r.neededReports;
  if (needed === null && !unverifiedDelta) reasons.push('not_reachable_by_sampling');
  return {
    scope: 'institution',
    scopeKey: r.institutionId,
    aggregation: 'unweighted',
    indicator,
    estimate: null,
    se: null,
    lo: null,
    hi: null,
    cv: null,
    n: citizen ? r.validators : 0,
    populationSize: null,
    // §6 rule 1 when there is no citizen data at all (or ΔG without a verdict); otherwise the value is simply not there yet.
    status: r.validators === 0 || unverifiedDelta ? 'not_validated' : 'inconclusive',
    needed,
    neededSubjects: null,
    neededReports: needed,
    validatedShare: null,
    formula: null,
    details: {
      n: citizen ? r.validators : null,
      N: null,
      df: null,
      sd: null,
      halfWidth: null,
      interval: 'none',
      nu: null,
      reasons,
      pendingRefutations: 0,
      missing,
      ...details,
    },
  };
}

/** Items of one component in the stored packed form (libs/db result-item-list: why packed). */
function itemColumns(items: readonly ItemResult[]): PackedItems | ItemColumns {
  return encodeItemList(
    items.map((i) => ({
      name: i.name,
      weight: i.weight,
      verifiable: i.verifiable,
      s: i.score,
      sValidated: i.validatedScore,
      confirmed: i.confirmed,
      refuted: i.refuted,
      verification: i.verification,
      confirmationRate: i.confirmationRate,
    })),
  );
}

/**
 * Each government component's item list as the JSON its row carries, by component code. A rebuild
 * keeps these strings instead of the item objects between building an institution and writing it:
 * 150 objects per institution that would otherwise outlive every young-generation collection of
 * the build (≈ 1.8 million at national size) and be copied and marked until the write.
 */
export function governmentItemsJson(items: readonly ItemResult[]): Map<string, string> {
  const byComponent = new Map<string, ItemResult[]>();
  for (const i of items) {
    const list = byComponent.get(i.component);
    if (list === undefined) byComponent.set(i.component, [i]);
    else list.push(i);
  }
  const out = new Map<string, string>();
  for (const [code, list] of byComponent) out.set(code, JSON.stringify(itemColumns(list)));
  return out;
}

/**
 * What the rows and the stored document need of a built institution while it waits for the round's
 * pool: its item lists as JSON (governmentItemsJson) instead of its item objects, and neither its
 * citizen components' per-report and per-validator values nor its cluster values (the rows show
 * counts, means and intervals; the stored document's cluster columns are encoded beforehand by the
 * caller). About 3.8 million objects fewer to keep alive across the build of a national round.
 */
export function slimForWriting(built: BuiltInstitution): { built: BuiltInstitution; itemsJson: Map<string, string> } {
  return {
    built: {
      ...built,
      items: [],
      citizenComponents: built.citizenComponents.map((c) => ({ ...c, values: [], validators: [] })),
      clusters: { TC: [], PC: [] },
    },
    itemsJson: governmentItemsJson(built.items),
  };
}

function governmentComponentRow(
  r: InstitutionResult,
  c: GovernmentComponent,
  itemsJson?: ItemsJsonByComponent,
): ResultRow {
  const citizenComplete = r.values.TC !== null && r.values.PC !== null;
  const status: Status = citizenComplete ? 'conclusive' : 'not_validated';
  return {
    scope: 'institution',
    scopeKey: r.institutionId,
    aggregation: 'unweighted',
    indicator: c.code,
    estimate: c.validated,
    se: 0,
    lo: c.validated,
    hi: c.validated,
    cv: 0,
    n: 0,
    populationSize: null,
    status,
    needed: status === 'conclusive' ? 0 : r.neededReports,
    neededSubjects: null,
    neededReports: status === 'conclusive' ? 0 : r.neededReports,
    validatedShare: null,
    formula: `${c.code} = Σ w·s' / Σ w over its answered items`,
    details: {
      kind: 'government',
      n: null,
      N: null,
      df: null,
      sd: null,
      halfWidth: 0,
      interval: 'exact',
      nu: null,
      reasons: status === 'conclusive' ? [] : ['no_citizen_data'],
      pendingRefutations: r.pendingRefutations,
      raw: c.raw,
      validated: c.validated,
      itemCount: c.items,
      totalWeight: c.totalWeight,
      ...(itemsJson === undefined ? { items: itemColumns(r.items.filter((i) => i.component === c.code)) } : {}),
    },
    ...(itemsJson === undefined ? {} : { itemsJson: itemsJson.get(c.code) ?? JSON.stringify(itemColumns([])) }),
  };
}

function citizenComponentRow(r: InstitutionResult, c: CitizenComponentResult): ResultRow {
  return valueRow(r.institutionId, c.code, r.components[c.code] ?? c.value, {
    kind: 'citizen',
    reports: c.nReports,
    validators: c.n,
    mean: c.mean,
    binary: c.binary,
    wilson: c.wilson,
  });
}

type FactsSource = Pick<
  StoredInstitutionResult,
  | 'selfReported'
  | 'citizenReports'
  | 'validators'
  | 'verified'
  | 'values'
  | 'headline'
  | 'neededReports'
  | 'pendingRefutations'
  | 'warnings'
>;

/** What the API says of the institution as a whole: validated means I has both citizen sub-indices. */
function institutionFacts(r: FactsSource): Record<string, unknown> {
  return {
    selfReported: r.selfReported,
    citizenReports: r.citizenReports,
    validators: r.validators,
    verified: r.verified,
    validated: r.values.TC !== null && r.values.PC !== null,
    headline: r.headline,
    neededReports: r.neededReports,
    pendingRefutations: r.pendingRefutations,
    warnings: r.warnings,
  };
}

/** Institution-level facts, stored once, on the `I` row (the API reads them from there). */
function institutionSummary(
  r: InstitutionResult,
  provenance: InstitutionProvenance,
  questionnaires: readonly QuestionnaireRecord[],
): Record<string, unknown> {
  return {
    institution: institutionFacts(r),
    inputs: {
      ...provenance,
      questionnaires: questionnaires.map((q) => ({
        id: q.id,
        kind: q.kind,
        slug: q.slug,
        version: q.version,
        checksum: q.checksum,
      })),
    },
  };
}

/** Item lists already serialised, by government component code (governmentItemsJson). */
export type ItemsJsonByComponent = ReadonlyMap<string, string>;

/**
 * Rows of one institution: every indicator, then every component. With `itemsJson` the government
 * components' item lists come from there (r.items is not read).
 */
export function institutionResultRows(
  r: InstitutionResult,
  provenance: InstitutionProvenance,
  questionnaires: readonly QuestionnaireRecord[],
  itemsJson?: ItemsJsonByComponent,
): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const indicator of INDICATORS) {
    const sub = SUB_INDEX_OF[indicator];
    const extra: Record<string, unknown> = sub === undefined ? {} : { subIndex: subIndexDetails(r.subIndices[sub]) };
    if (indicator === 'I') Object.assign(extra, institutionSummary(r, provenance, questionnaires));
    const e = r.values[indicator];
    rows.push(e === null ? missingRow(r, indicator, extra) : valueRow(r.institutionId, indicator, e, extra));
  }
  for (const c of r.governmentComponents) rows.push(governmentComponentRow(r, c, itemsJson));
  for (const c of r.citizenComponents) rows.push(citizenComponentRow(r, c));
  return rows;
}

/** Aggregate rows as computed (scope key: cvegeo, cve_ent, 'national', level or type). */
export function aggregateResultRows(rows: readonly AggregateRow[]): ResultRow[] {
  return rows.map((a) => ({
    scope: a.scope,
    scopeKey: a.scopeKey,
    aggregation: a.aggregation,
    indicator: a.indicator,
    estimate: a.estimate,
    se: a.se,
    lo: a.lo,
    hi: a.hi,
    cv: a.cv,
    n: a.n ?? 0,
    populationSize: a.N,
    status: a.status,
    needed: a.needed,
    neededSubjects: a.neededSubjects,
    neededReports: a.neededReports,
    validatedShare: a.validatedShare,
    formula: a.formula,
    details: { ...estimateDetails(a), coverage: a.coverage },
  }));
}

/**
 * The rows of an institution that a new pool (§5) changes — of its indicators and citizen components,
 * those whose value differs from `before` (its stored result under the previous pool; every row
 * without it) — built from its stored result, for MetricResultsRepository.patchInstitutions. Their
 * details hold only what finalisation decides (interval, reasons, and on `I` the institution facts):
 * the patch merges them into the stored details, keeping items, sub-index weights and provenance.
 * Skipping the rows a pool leaves as they are matters: a moved pool re-finalises most institutions of
 * a national round, and their government rows (exact) never change.
 */
export function repooledRows(s: StoredInstitutionResult, before?: StoredInstitutionResult): ResultRow[] {
  const moved = (a: unknown, b: unknown): boolean => before === undefined || !sameJsonValue(a, b);
  // What a pool can move besides the values: the facts on `I`, and the needed reports a missing value's
  // row carries (the other facts come from the inputs alone).
  const factsMoved = moved(before?.headline, s.headline) || moved(before?.neededReports, s.neededReports);
  const rows: ResultRow[] = [];
  for (const indicator of INDICATORS) {
    const e = s.values[indicator];
    if (!moved(before?.values[indicator], e) && !((indicator === 'I' || e === null) && factsMoved)) continue;
    const extra: Record<string, unknown> = indicator === 'I' ? { institution: institutionFacts(s) } : {};
    rows.push(e === null ? missingRow(s, indicator, extra) : valueRow(s.institutionId, indicator, e, extra));
  }
  for (const code of Object.keys(s.components).sort())
    if (moved(before?.components[code], s.components[code]))
      rows.push(valueRow(s.institutionId, code, s.components[code], {}));
  return rows;
}
