/**
 * One institution's scores and their uncertainty (METHOD.md §3 and §5, status and needed sample §6).
 *
 * Two stages, so that a round can pool variances across institutions (§5's small-n rule):
 * - `institutionCore` — everything that depends on this institution's inputs alone: items, components,
 *   the government census values and, for every citizen value, its estimate, validators and observed
 *   per-validator spread (`CitizenRaw`);
 * - `finalizeInstitution` — SEs, intervals, status, reasons and the needed sample, from the core and the
 *   round's pooled variances. The worker re-finalizes stored cores when the pooled variances move, with
 *   this same function, so incremental and full computations agree bit for bit.
 */
import type { ScoredAnswer } from './items';
import {
  CitizenComponent,
  citizenComponents,
  CitizenReport,
  GovernmentComponent,
  governmentComponents,
  ItemResult,
  sanitiseAnswers,
  validateItems,
  VerificationCounts,
} from './components';
import { Estimate, exactPrecision, precisionOf } from './estimate';
import { Indicator } from './indicators';
import { compareStrings, groupBy, smallestTrue, sortedKeys } from './order';
import {
  DEFAULT_METHOD_SETTINGS,
  METHOD_ID,
  METHOD_VERSION,
  MethodSettings,
  SUB_INDICES,
  SubIndexCode,
} from './settings';
import { assignedVariance, CitizenRaw, PooledVariances, pooledOrBound } from './smalln';
import { classifyStatus, StatusReason, statusOf } from './status';
import { resolveSubIndex, SubIndexInfo, weightedValue } from './subindices';
import { clusteredLinearVariance, criticalValue } from './uncertainty';

export interface InstitutionInput {
  institutionId: string;
  /** Scored answers of the submitted self-report, or null when the institution did not submit. */
  selfReport: ScoredAnswer[] | null;
  /** Counted verdicts per self-report item name (`unverifiable` verdicts are not counted), with pending refutations. */
  verifications: Record<string, VerificationCounts>;
  citizenReports: CitizenReport[];
}

export interface CitizenComponentResult extends CitizenComponent {
  value: Estimate;
}

/** A citizen value before finalisation: its raw statistics and the formula that produced it. */
export interface CitizenCoreValue extends CitizenRaw {
  formula: string;
}

/** Government-perspective census value (SE 0). */
export interface CensusCoreValue {
  estimate: number;
  formula: string;
}

/** What finalisation needs: pooled-variance-independent, JSON-serialisable, free of validator identities. */
export interface InstitutionCore {
  institutionId: string;
  selfReported: boolean;
  citizenReports: number;
  validators: number;
  /** ≥ 1 counted verdict on an answered verifiable item (§3.6): ΔG exists. */
  verified: boolean;
  pendingRefutations: number;
  census: Partial<Record<'TG' | 'PG' | 'I_G' | 'TG_raw' | 'PG_raw' | 'I_G_raw' | 'DELTA_G', CensusCoreValue>>;
  /** I, T, P, TC, PC and every citizen component code (`TC.Disp` …) that exists. */
  citizen: Record<string, CitizenCoreValue>;
}

export interface FinalizedInstitution {
  values: Record<Indicator, Estimate | null>;
  /** Finalised citizen components by code. */
  components: Record<string, Estimate>;
  headline: 'I' | 'I_G' | null;
  /** Additional citizen reports for I to become conclusive; 0 when it is; null when unreachable (no self-report). */
  neededReports: number | null;
}

export interface InstitutionResult extends FinalizedInstitution {
  methodId: string;
  methodVersion: string;
  institutionId: string;
  selfReported: boolean;
  /** Citizen reports received, and distinct validators behind them (the clusters). */
  citizenReports: number;
  validators: number;
  verified: boolean;
  pendingRefutations: number;
  items: ItemResult[];
  governmentComponents: GovernmentComponent[];
  citizenComponents: CitizenComponentResult[];
  /** Weights actually used, partial flag and missing components; null when the sub-index is missing. */
  subIndices: Record<SubIndexCode, SubIndexInfo | null>;
  core: InstitutionCore;
  /**
   * Per-validator TC and PC (cluster means of the per-report sub-indices), by validator id: what the
   * reference bootstrap resamples. Never stored (validator ids).
   */
  clusters: { TC: ClusterValue[]; PC: ClusterValue[] };
  warnings: string[];
}

export interface ClusterValue {
  clusterId: string;
  value: number;
}

const GOVERNMENT_PREFIXES = ['TG.', 'PG.'];
const CITIZEN_PREFIXES = ['TC.', 'PC.'];
const hasPrefix = (code: string, prefixes: readonly string[]): boolean => prefixes.some((p) => code.startsWith(p));
/** Upper bound of the needed-report search: beyond it a value is called unreachable. */
const NEEDED_SEARCH_CAP = 10000;

export function computeInstitution(
  input: InstitutionInput,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
  pooled: PooledVariances | null = null,
): InstitutionResult {
  return finalizeBuilt(buildInstitution(input, settings), settings, pooled);
}

/** An institution's computation before §5–§6 (which need the round's pool): everything else. */
export type BuiltInstitution = Omit<InstitutionResult, keyof FinalizedInstitution | 'citizenComponents'> & {
  citizenComponents: CitizenComponent[];
};

/**
 * §3 for one institution, independent of the round's pooled variances: scores, components,
 * sub-indices and the core. A round rebuild builds every institution first, forms the pool from
 * their cores, then finalises each once (finalizeBuilt).
 */
export function buildInstitution(
  input: InstitutionInput,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
): BuiltInstitution {
  const built = buildCore(input, settings);
  return {
    methodId: METHOD_ID,
    methodVersion: METHOD_VERSION,
    institutionId: input.institutionId,
    selfReported: built.core.selfReported,
    citizenReports: built.core.citizenReports,
    validators: built.core.validators,
    verified: built.core.verified,
    pendingRefutations: built.core.pendingRefutations,
    items: built.items,
    governmentComponents: built.governmentComponents,
    citizenComponents: built.citizenComponents,
    subIndices: built.subIndices,
    core: built.core,
    clusters: built.clusters,
    warnings: built.warnings,
  };
}

/** §5–§6 applied to a built institution under the round's pool. */
export function finalizeBuilt(
  built: BuiltInstitution,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
  pooled: PooledVariances | null = null,
): InstitutionResult {
  return withFinalized(built, finalizeInstitution(built.core, settings, pooled));
}

/**
 * A built institution with its finalisation (finalizeInstitution of its core, or of an equal core:
 * the worker finalises the core as stored, after its trip through JSON, see apps/worker aggregation-input).
 */
export function withFinalized(
  built: BuiltInstitution,
  finalized: FinalizedInstitution,
  core: InstitutionCore = built.core,
): InstitutionResult {
  return {
    ...built,
    core,
    citizenComponents: built.citizenComponents.map((c) => ({ ...c, value: finalized.components[c.code] })),
    ...finalized,
  };
}

interface BuiltCore {
  core: InstitutionCore;
  items: ItemResult[];
  governmentComponents: GovernmentComponent[];
  citizenComponents: CitizenComponent[];
  subIndices: Record<SubIndexCode, SubIndexInfo | null>;
  clusters: { TC: ClusterValue[]; PC: ClusterValue[] };
  warnings: string[];
}

/** §3.1–3.2: the self-report's items, validated scores and components. */
function selfReportPart(input: InstitutionInput, settings: MethodSettings, warnings: string[]): ItemResult[] {
  if (input.selfReport === null) {
    if (Object.keys(input.verifications).length > 0) warnings.push('verdicts present but no self-report; ignored');
    return [];
  }
  const clean = sanitiseAnswers(input.selfReport, 'self-report', warnings);
  for (const a of clean) {
    if (!hasPrefix(a.component, GOVERNMENT_PREFIXES)) {
      warnings.push(`self-report item ${a.name} has component ${a.component} (not TG.* or PG.*); ignored`);
    }
  }
  return validateItems(
    clean.filter((a) => hasPrefix(a.component, GOVERNMENT_PREFIXES)),
    input.verifications,
    settings.confidence,
    warnings,
  );
}

/** Citizen reports in canonical order, answers sanitised and restricted to citizen components. */
function citizenPart(input: InstitutionInput, warnings: string[]): CitizenReport[] {
  const reports = [...input.citizenReports]
    .sort((a, b) => compareStrings(a.reportId, b.reportId) || compareStrings(a.validatorId, b.validatorId))
    .map((r) => {
      const clean = sanitiseAnswers(r.answers, `citizen report ${r.reportId}`, warnings);
      for (const a of clean) {
        if (!hasPrefix(a.component, CITIZEN_PREFIXES)) {
          warnings.push(
            `citizen report ${r.reportId} item ${a.name} has component ${a.component} (not TC.* or PC.*); ignored`,
          );
        }
      }
      return { ...r, answers: clean.filter((a) => hasPrefix(a.component, CITIZEN_PREFIXES)) };
    });
  for (let i = 1; i < reports.length; i++) {
    if (reports[i].reportId === reports[i - 1].reportId)
      warnings.push(`citizen report ${reports[i].reportId} appears more than once`);
  }
  return reports;
}

/** Values of one validator (cluster) with the mean, sd² and n of the cluster values. */
interface ClusterSeries {
  clusters: ClusterValue[];
  mean: number;
  s2: number | null;
}

function clusterSeries(perReport: ReadonlyArray<{ validatorId: string; value: number }>): ClusterSeries | null {
  if (perReport.length === 0) return null;
  const byValidator = groupBy(perReport, (v) => v.validatorId);
  const clusters = sortedKeys(byValidator).map((clusterId) => {
    let s = 0;
    for (const v of byValidator[clusterId]) s += v.value;
    return { clusterId, value: s / byValidator[clusterId].length };
  });
  const n = clusters.length;
  let total = 0;
  for (const c of clusters) total += c.value;
  const mean = total / n;
  let ss = 0;
  for (const c of clusters) ss += (c.value - mean) ** 2;
  return { clusters, mean, s2: n >= 2 ? ss / (n - 1) : null };
}

/**
 * §3.3: the citizen sub-index of every report (weights renormalised over the components that report
 * has), so that a report whose gate recorded a failure weighs its zeros where they belong, and a
 * report with no component of the sub-index (e.g. "not yet" at the gate) gives no value at all.
 */
function perReportSubIndex(
  reports: readonly CitizenReport[],
  code: 'TC' | 'PC',
  settings: MethodSettings,
): Array<{ validatorId: string; value: number }> {
  const declared = settings.weights[code];
  const out: Array<{ validatorId: string; value: number }> = [];
  for (const r of reports) {
    const byComponent = groupBy(
      r.answers.filter((a) => a.component.startsWith(`${code}.`)),
      (a) => a.component,
    );
    let weight = 0;
    let sum = 0;
    for (const comp of sortedKeys(byComponent)) {
      const w = declared[comp.slice(code.length + 1)];
      if (w === undefined || !(w > 0)) continue;
      let iw = 0;
      let is = 0;
      for (const a of byComponent[comp]) {
        iw += a.weight;
        is += a.weight * a.score;
      }
      weight += w;
      sum += w * (is / iw);
    }
    if (weight > 0) out.push({ validatorId: r.validatorId, value: sum / weight });
  }
  return out;
}

function buildCore(input: InstitutionInput, settings: MethodSettings): BuiltCore {
  const warnings: string[] = [];
  const items = selfReportPart(input, settings, warnings);
  const govComponents = governmentComponents(items);
  const reports = citizenPart(input, warnings);
  const citComponents = citizenComponents(reports, settings.confidence);
  const subIndices = resolveSubIndices(govComponents, citComponents, settings, warnings);
  const government = governmentValues(items, govComponents, subIndices);
  const tcSeries = clusterSeries(perReportSubIndex(reports, 'TC', settings));
  const pcSeries = clusterSeries(perReportSubIndex(reports, 'PC', settings));
  const citizen = citizenValues(citComponents, tcSeries, pcSeries, government.tg, government.pg);

  return {
    core: {
      institutionId: input.institutionId,
      selfReported: input.selfReport !== null,
      citizenReports: reports.length,
      validators: new Set(reports.map((r) => r.validatorId)).size,
      verified: government.verified,
      pendingRefutations: government.pendingRefutations,
      census: government.census,
      citizen,
    },
    items,
    governmentComponents: govComponents,
    citizenComponents: citComponents,
    subIndices,
    clusters: { TC: tcSeries?.clusters ?? [], PC: pcSeries?.clusters ?? [] },
    warnings,
  };
}

/** §3.4 sub-index weights over the present components; a present component without a weight is reported. */
function resolveSubIndices(
  govComponents: readonly GovernmentComponent[],
  citComponents: readonly CitizenComponent[],
  settings: MethodSettings,
  warnings: string[],
): Record<SubIndexCode, SubIndexInfo | null> {
  const present = new Set<string>([...govComponents.map((c) => c.code), ...citComponents.map((c) => c.code)]);
  const subIndices: Record<SubIndexCode, SubIndexInfo | null> = {
    TG: resolveSubIndex('TG', present, settings),
    TC: resolveSubIndex('TC', present, settings),
    PG: resolveSubIndex('PG', present, settings),
    PC: resolveSubIndex('PC', present, settings),
  };
  for (const comp of [...present].sort(compareStrings)) {
    const [sub, suffix] = splitCode(comp);
    const w = sub === null ? undefined : settings.weights[sub][suffix];
    if (w === undefined || !(w > 0))
      warnings.push(`component ${comp} has no weight in the method settings; not used in any sub-index`);
  }
  return subIndices;
}

/** The government perspective: census values (SE 0) and what the self-report's verdicts say. */
interface GovernmentValues {
  census: InstitutionCore['census'];
  /** TG and PG on validated scores, the self-report halves of §3.5's T and P. */
  tg: number | null;
  pg: number | null;
  verified: boolean;
  pendingRefutations: number;
}

/**
 * §3.4–§3.6 for the self-report: TG and PG on validated (s') and self-reported (s) scores, I_G and
 * I_G_raw (§3.5), and ΔG (§3.6) for a verified institution.
 */
function governmentValues(
  items: readonly ItemResult[],
  govComponents: readonly GovernmentComponent[],
  subIndices: Record<SubIndexCode, SubIndexInfo | null>,
): GovernmentValues {
  const govByCode = new Map(govComponents.map((c) => [c.code, c]));
  const govValue = (info: SubIndexInfo | null, raw: boolean): number | null =>
    info === null
      ? null
      : weightedValue(info, (k) =>
          raw ? (govByCode.get(k) as GovernmentComponent).raw : (govByCode.get(k) as GovernmentComponent).validated,
        );
  const tg = govValue(subIndices.TG, false);
  const pg = govValue(subIndices.PG, false);
  const tgRaw = govValue(subIndices.TG, true);
  const pgRaw = govValue(subIndices.PG, true);
  const iG = tg !== null && pg !== null ? (tg + pg) / 2 : null;
  const iGRaw = tgRaw !== null && pgRaw !== null ? (tgRaw + pgRaw) / 2 : null;
  const verified = items.some((i) => i.verifiable && i.confirmed + i.refuted > 0);
  let pendingRefutations = 0;
  for (const i of items) pendingRefutations += i.pendingRefutations;

  const census: InstitutionCore['census'] = {};
  const put = (key: keyof InstitutionCore['census'], estimate: number | null, formula: string): void => {
    if (estimate !== null) census[key] = { estimate, formula };
  };
  const tgFormula = subIndices.TG?.formula ?? '';
  const pgFormula = subIndices.PG?.formula ?? '';
  put('TG', tg, `${tgFormula} (validated scores s')`);
  put('PG', pg, `${pgFormula} (validated scores s')`);
  put('I_G', iG, "I_G = (TG + PG)/2 (government perspective only, validated scores s')");
  put('TG_raw', tgRaw, `${tgFormula.replace(/^TG/, 'TG_raw')} (self-reported scores s)`);
  put('PG_raw', pgRaw, `${pgFormula.replace(/^PG/, 'PG_raw')} (self-reported scores s)`);
  put('I_G_raw', iGRaw, 'I_G_raw = (TG_raw + PG_raw)/2 (self-reported scores s)');
  // §3.6: ΔG only for a verified institution; an unverified one has no inflation estimate, never 0.
  put(
    'DELTA_G',
    verified && iG !== null && iGRaw !== null ? iGRaw - iG : null,
    'ΔG = I_G_raw − I_G (self-report inflation, verified institution)',
  );
  return { census, tg, pg, verified, pendingRefutations };
}

/**
 * §3.2–§3.5 for the citizen perspective, before finalisation: every citizen component, TC and PC as
 * means over validators of the per-report sub-indices (§3.3), and T, P and I, whose self-report halves
 * are constants (§3.5) so only the citizen half carries variance.
 */
function citizenValues(
  citComponents: readonly CitizenComponent[],
  tcSeries: ClusterSeries | null,
  pcSeries: ClusterSeries | null,
  tg: number | null,
  pg: number | null,
): Record<string, CitizenCoreValue> {
  const citizen: Record<string, CitizenCoreValue> = {};
  for (const c of citComponents) {
    citizen[c.code] = {
      estimate: c.mean,
      n: c.n,
      s2: c.sd === null ? null : c.sd * c.sd,
      share: 1,
      formula: `${c.code} = mean over validators of the weighted item mean`,
    };
  }
  const seriesValue = (series: ClusterSeries, formula: string): CitizenCoreValue => ({
    estimate: series.mean,
    n: series.clusters.length,
    s2: series.s2,
    share: 1,
    formula,
  });
  if (tcSeries !== null)
    citizen.TC = seriesValue(tcSeries, 'TC = mean over validators of TC_j = Σ w_k·c_kj / Σ w_k (per report, §3.3)');
  if (pcSeries !== null)
    citizen.PC = seriesValue(pcSeries, 'PC = mean over validators of PC_j = Σ w_k·c_kj / Σ w_k (per report, §3.3)');
  // §3.5: the self-report parts are constants (SE 0); the citizen parts carry the variance, scaled.
  if (tg !== null && tcSeries !== null) {
    citizen.T = {
      estimate: (tg + tcSeries.mean) / 2,
      n: tcSeries.clusters.length,
      s2: tcSeries.s2 === null ? null : tcSeries.s2 / 4,
      share: 0.5,
      formula: 'T = (TG + TC)/2',
    };
  }
  if (pg !== null && pcSeries !== null) {
    citizen.P = {
      estimate: (pg + pcSeries.mean) / 2,
      n: pcSeries.clusters.length,
      s2: pcSeries.s2 === null ? null : pcSeries.s2 / 4,
      share: 0.5,
      formula: 'P = (PG + PC)/2',
    };
  }
  if (citizen.T !== undefined && citizen.P !== undefined && tcSeries !== null && pcSeries !== null) {
    // TC and PC come from the same people: the clustered linearisation keeps their covariance.
    const { n, variance } = clusteredLinearVariance(
      [
        { code: 'PC', mean: pcSeries.mean, clusters: pcSeries.clusters },
        { code: 'TC', mean: tcSeries.mean, clusters: tcSeries.clusters },
      ],
      { PC: 0.25, TC: 0.25 },
    );
    citizen.I = {
      estimate: (citizen.T.estimate + citizen.P.estimate) / 2,
      n,
      s2: variance === null ? null : variance * n,
      share: 0.5,
      formula: 'I = (T + P)/2 = (TG + TC + PG + PC)/4',
    };
  }
  return citizen;
}

const CITIZEN_VALUES = ['I', 'T', 'P', 'TC', 'PC'] as const;
const CENSUS_VALUES = ['TG', 'PG', 'I_G', 'TG_raw', 'PG_raw', 'I_G_raw', 'DELTA_G'] as const;

/**
 * §5–§6 for every value of one institution, from its core and the round's pooled variances (null:
 * none yet, the bound is used). Pure: the worker calls it again when the pooled variances change.
 */
export function finalizeInstitution(
  core: InstitutionCore,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
  pooled: PooledVariances | null = null,
): FinalizedInstitution {
  const c = core.census;
  const values = {} as Record<Indicator, Estimate | null>;
  for (const code of CITIZEN_VALUES) {
    const raw = core.citizen[code];
    values[code] = raw === undefined ? null : finalizeCitizenValue(code, raw, core, settings, pooled);
  }
  const components: Record<string, Estimate> = {};
  for (const code of sortedKeys(core.citizen)) {
    if (code.includes('.')) components[code] = finalizeCitizenValue(code, core.citizen[code], core, settings, pooled);
  }

  // Validators still needed for I to be conclusive: the recruitment planner's number, also carried by
  // the government census values below. Null when the institution has no self-report (I impossible).
  // Not yet observed, I is projected at its government counterpart I_G, else ½.
  const neededReports: number | null =
    values.I !== null
      ? values.I.needed
      : neededInstitutionReports(
          c.I_G?.estimate ?? 0.5,
          0,
          null,
          pooledOrBound(pooled, 'I', 0.5),
          settings,
          reachable(core, 'I'),
        );
  const citizenComplete = values.TC !== null && values.PC !== null;

  for (const code of CENSUS_VALUES) {
    const v = c[code];
    values[code] = v === undefined ? null : finalizeCensusValue(v, core, citizenComplete, neededReports, settings);
  }
  return {
    values,
    components,
    headline: values.I !== null ? 'I' : values.I_G !== null ? 'I_G' : null,
    neededReports,
  };
}

/** I, T and P need the self-report's sub-index: without it no number of reports can give them. */
function reachable(core: InstitutionCore, code: string): boolean {
  const c = core.census;
  return code === 'I'
    ? c.I_G !== undefined
    : code === 'T'
      ? c.TG !== undefined
      : code === 'P'
        ? c.PG !== undefined
        : true;
}

/**
 * §5–§6 for one citizen value: the assigned variance under the small-n rule (pooled or bound), its SE
 * and interval, its status and the reports still needed. Refutations pending on the self-report hold
 * back every value that has a self-report half, not the purely citizen ones.
 */
function finalizeCitizenValue(
  code: string,
  raw: CitizenCoreValue,
  core: InstitutionCore,
  settings: MethodSettings,
  pooled: PooledVariances | null,
): Estimate {
  const sp2 = pooledOrBound(pooled, code, raw.share);
  const { variance, nu } = assignedVariance(raw.n, raw.s2, sp2);
  const se = Math.sqrt(variance / raw.n);
  const precision = precisionOf(raw.estimate, se, raw.n, settings.confidence);
  const pending =
    code === 'TC' || code === 'PC' || code.startsWith('TC.') || code.startsWith('PC.') ? 0 : core.pendingRefutations;
  const { status, reasons } = classifyStatus(
    {
      needsCitizenData: true,
      hasCitizenData: true,
      meetsMinimum: raw.n >= settings.thresholds.institutionMinReports,
      estimate: raw.estimate,
      se,
      halfWidth: precision.halfWidth,
      responseShare: null,
      pendingRefutations: pending,
    },
    settings,
  );
  const needed =
    status === 'conclusive'
      ? 0
      : neededInstitutionReports(raw.estimate, raw.n, raw.s2, sp2, settings, reachable(core, code));
  return {
    estimate: raw.estimate,
    se,
    lo: precision.lo,
    hi: precision.hi,
    cv: precision.cv,
    halfWidth: precision.halfWidth,
    n: raw.n,
    N: null,
    df: raw.n,
    sd: Math.sqrt(variance),
    interval: precision.interval,
    nu,
    status,
    reasons: needed === null ? [...reasons, 'not_reachable_by_sampling'] : reasons,
    needed,
    neededSubjects: null,
    neededReports: needed,
    pendingRefutations: pending,
    formula: raw.formula,
  };
}

/**
 * §5–§6 for one government-perspective value: a census of the institution's own answers (SE 0). Its
 * status says whether the citizen perspective exists beside it (§3.5); it needs what I needs.
 */
function finalizeCensusValue(
  v: CensusCoreValue,
  core: InstitutionCore,
  citizenComplete: boolean,
  neededReports: number | null,
  settings: MethodSettings,
): Estimate {
  const precision = exactPrecision(v.estimate);
  const { status, reasons } = classifyStatus(
    {
      needsCitizenData: true,
      hasCitizenData: citizenComplete,
      meetsMinimum: true,
      estimate: v.estimate,
      se: 0,
      halfWidth: 0,
      responseShare: null,
      pendingRefutations: core.pendingRefutations,
    },
    settings,
  );
  const needed = status === 'conclusive' ? 0 : neededReports;
  return {
    estimate: v.estimate,
    se: 0,
    lo: precision.lo,
    hi: precision.hi,
    cv: precision.cv,
    halfWidth: precision.halfWidth,
    n: null,
    N: null,
    df: null,
    sd: null,
    interval: precision.interval,
    nu: null,
    status,
    reasons: needed === null ? [...reasons, 'not_reachable_by_sampling'] : reasons,
    needed,
    neededSubjects: null,
    neededReports: needed,
    pendingRefutations: core.pendingRefutations,
    formula: v.formula,
  };
}

/**
 * §6 needed sample of one institution's citizen value: the fewest additional reports (validators)
 * whose projected status is conclusive, at the observed spread (two or more validators) or the pooled
 * one, with §5's small-n rule and t with the new degrees of freedom. Never 0 for a value that is not
 * conclusive (the search starts at one more report); null when unreachable.
 */
export function neededInstitutionReports(
  estimate: number,
  n: number,
  s2: number | null,
  pooledVariance: number,
  settings: MethodSettings,
  reachable = true,
): number | null {
  if (!reachable) return null;
  const spread = n >= 2 && s2 !== null ? s2 : pooledVariance;
  const conclusiveWith = (k: number): boolean => {
    const m = n + k;
    const { variance } = assignedVariance(m, m >= 2 ? spread : null, pooledVariance);
    const se = Math.sqrt(variance / m);
    const halfWidth = criticalValue(settings.confidence, m) * se;
    const status = statusOf(
      {
        needsCitizenData: true,
        hasCitizenData: true,
        meetsMinimum: m >= settings.thresholds.institutionMinReports,
        estimate,
        se,
        halfWidth,
        responseShare: null,
      },
      settings,
    );
    return status === 'conclusive';
  };
  // More reports only shrink the SE, the t quantile and the CV, and only add to the minimum: the
  // projected status is monotone in k, so an exponential search then bisection finds the fewest.
  return smallestTrue(conclusiveWith, NEEDED_SEARCH_CAP);
}

/** The reasons a missing value of an institution has (no estimate): used by row builders. */
export function missingValueReasons(core: InstitutionCore, indicator: Indicator): StatusReason[] {
  if (indicator === 'DELTA_G' && core.census.I_G !== undefined && !core.verified) return ['not_estimable'];
  return core.validators === 0 ? ['no_citizen_data'] : [];
}

function splitCode(code: string): [SubIndexCode | null, string] {
  const dot = code.indexOf('.');
  const sub = code.slice(0, dot);
  const known = (SUB_INDICES as readonly string[]).includes(sub);
  return [known ? (sub as SubIndexCode) : null, code.slice(dot + 1)];
}
