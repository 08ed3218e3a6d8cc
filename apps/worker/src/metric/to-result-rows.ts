/**
 * From libs/metric results to metric_result rows (pure). One row per (scope, key, aggregation,
 * indicator): every indicator of every institution (also those it cannot compute: estimate null,
 * with a status, the reasons and the needed sample, so lists and the recruitment planner see them),
 * one row per component of the institution (indicator = component code, e.g. `TG.AI`), and every
 * aggregate row. `details` carries what the results API shows beside the columns; never validator
 * identities.
 */
import { INDICATORS, needsCitizenData } from '@apertura/metric';
import type {
  AggregateRow,
  CitizenComponentResult,
  Estimate,
  GovernmentComponent,
  Indicator,
  InstitutionResult,
  ItemResult,
  Status,
  SubIndexInfo,
} from '@apertura/metric';
import { encodeItemColumns, type ItemColumns, type ResultScope } from '@apertura/db';
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
  needed: number;
  formula: string | null;
  details: Record<string, unknown>;
}

/** Why an indicator has no value. */
export type MissingReason = 'no_self_report' | 'no_citizen_data' | 'missing_components';

const GOVERNMENT_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>(['TG', 'PG', 'I_G', 'TG_raw', 'PG_raw', 'I_G_raw', 'DELTA_G']);
const SUB_INDEX_OF: Partial<Record<Indicator, 'TG' | 'TC' | 'PG' | 'PC'>> = { TG: 'TG', TC: 'TC', PG: 'PG', PC: 'PC', TG_raw: 'TG', PG_raw: 'PG' };

function estimateDetails(e: Omit<Estimate, 'estimate'>): Record<string, unknown> {
  return { n: e.n, N: e.N, df: e.df, sd: e.sd, halfWidth: e.halfWidth, interval: e.interval, reasons: e.reasons };
}

function subIndexDetails(info: SubIndexInfo | null): Record<string, unknown> | null {
  return info === null ? null : { partial: info.partial, missing: info.missing, weights: info.weights, formula: info.formula };
}

export function missingReasons(indicator: Indicator, r: InstitutionResult): MissingReason[] {
  const needsSelfReport = GOVERNMENT_INDICATORS.has(indicator) || indicator === 'T' || indicator === 'P' || indicator === 'I';
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
    formula: e.formula,
    details: { ...estimateDetails(e), ...details },
  };
}

/** A value the institution cannot have yet: null estimate, with why and what would fix it. */
function missingRow(r: InstitutionResult, indicator: Indicator, details: Record<string, unknown>): ResultRow {
  const missing = missingReasons(indicator, r);
  const citizen = needsCitizenData(indicator);
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
    // §6 rule 1 when there is no citizen data at all; otherwise the value is simply not there yet.
    status: r.validators === 0 ? 'not_validated' : 'inconclusive',
    // Citizen reports cannot supply a missing self-report.
    needed: !citizen && missing.includes('no_self_report') ? 0 : r.neededReports,
    formula: null,
    details: { n: citizen ? r.validators : null, N: null, df: null, sd: null, halfWidth: null, interval: 'none', reasons: [], missing, ...details },
  };
}

/** Items of one component in the stored columnar form (libs/db result-item-list: why columns). */
function itemColumns(items: readonly ItemResult[]): ItemColumns {
  return encodeItemColumns(
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

function governmentComponentRow(r: InstitutionResult, c: GovernmentComponent): ResultRow {
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
    formula: `${c.code} = Σ w·s' / Σ w over its answered items`,
    details: {
      kind: 'government',
      n: null,
      N: null,
      df: null,
      sd: null,
      halfWidth: 0,
      interval: 'exact',
      reasons: [],
      raw: c.raw,
      validated: c.validated,
      itemCount: c.items,
      totalWeight: c.totalWeight,
      items: itemColumns(r.items.filter((i) => i.component === c.code)),
    },
  };
}

function citizenComponentRow(r: InstitutionResult, c: CitizenComponentResult): ResultRow {
  return valueRow(r.institutionId, c.code, c.value, {
    kind: 'citizen',
    reports: c.nReports,
    validators: c.n,
    mean: c.mean,
    binary: c.binary,
    wilson: c.wilson,
  });
}

/** Institution-level facts, stored once, on the `I` row (the API reads them from there). */
function institutionSummary(r: InstitutionResult, provenance: InstitutionProvenance, questionnaires: readonly QuestionnaireRecord[]): Record<string, unknown> {
  return {
    institution: {
      selfReported: r.selfReported,
      citizenReports: r.citizenReports,
      validators: r.validators,
      headline: r.headline,
      neededReports: r.neededReports,
      warnings: r.warnings,
    },
    inputs: {
      ...provenance,
      questionnaires: questionnaires.map((q) => ({ id: q.id, kind: q.kind, slug: q.slug, version: q.version, checksum: q.checksum })),
    },
  };
}

/** Rows of one institution: every indicator, then every component. */
export function institutionResultRows(
  r: InstitutionResult,
  provenance: InstitutionProvenance,
  questionnaires: readonly QuestionnaireRecord[],
): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const indicator of INDICATORS) {
    const sub = SUB_INDEX_OF[indicator];
    const extra: Record<string, unknown> = sub === undefined ? {} : { subIndex: subIndexDetails(r.subIndices[sub]) };
    if (indicator === 'I') Object.assign(extra, institutionSummary(r, provenance, questionnaires));
    const e = r.values[indicator];
    rows.push(e === null ? missingRow(r, indicator, extra) : valueRow(r.institutionId, indicator, e, extra));
  }
  for (const c of r.governmentComponents) rows.push(governmentComponentRow(r, c));
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
    formula: a.formula,
    details: { ...estimateDetails(a), coverage: a.coverage },
  }));
}
