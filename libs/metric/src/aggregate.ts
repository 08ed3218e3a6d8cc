/**
 * Aggregates over institutions (METHOD.md §4) with their uncertainty (§5) and status (§6).
 *
 * - `aggregateArea`: unweighted mean over the members with a value, SE² = (1 − n/N)·s²/n + ΣSE_j²/n²,
 *   t interval with Welch–Satterthwaite degrees of freedom.
 * - `aggregateMunicipalMeans`: the two extra state/national means over municipal values (plain mean of
 *   municipalities, population-weighted), with the same two-term SE one level up.
 * - `stratifiedMean`: a `sample` round's Σ_h W_h·ȳ_h over its strata (states), SE² = Σ W_h²·SE_h².
 * - `computeAggregates`: everything the worker stores for a round, in one call.
 */
import { Estimate, exactPrecision, Precision, precisionOf } from './estimate';
import { MetricInputError } from './errors';
import { citizenShare, GOVERNMENT_PERSPECTIVE, INDICATORS, Indicator, needsCitizenData } from './indicators';
import { AreaProjection, neededForArea, ProjectionUnit } from './needed';
import { ceilTolerant, compareStrings, emptyRecord, groupBy, sortedKeys } from './order';
import { DEFAULT_METHOD_SETTINGS, METHOD_ID, METHOD_VERSION, MethodSettings } from './settings';
import { boundVariance, PooledVariances, pooledOrBound } from './smalln';
import { classifyStatus } from './status';

export type Scope = 'municipality' | 'state' | 'national' | 'level' | 'type';
export type Aggregation = 'unweighted' | 'mean_of_municipalities' | 'population_weighted' | 'stratified';
export type RoundDesign = 'census' | 'sample';

/** An Estimate whose value may be absent (no member has one): the row still carries status and needed. */
export type AreaEstimate = Omit<Estimate, 'estimate'> & { estimate: number | null };

export interface AreaCoverage {
  /** Units with a value (subjects, or municipalities for the two municipal means) and their universe (null: unknown in a sample round). */
  responding: number;
  universe: number | null;
  /** Independent citizen reports (one per validator and institution) behind the values. */
  citizenReports: number;
  subjectsWithCitizenData: number;
  /** Members with a validated I (citizen reports on both TC and PC). */
  validatedMembers: number;
  municipalitiesWithData: number;
  municipalitiesWithValidatedMembers: number;
  municipalitiesInUniverse: number | null;
  meetsMinimum: boolean;
  /** Municipality scope, citizen indicators: reports still missing to reach the minimum. */
  neededReports: number | null;
  /** Other scopes: municipalities with data still missing to reach the coverage minimum. */
  neededMunicipalities: number | null;
  /** Units whose own SE was unknown and was imputed at the pooled spread. */
  imputedSE: number;
}

export interface AggregateRow extends AreaEstimate {
  methodId: string;
  methodVersion: string;
  scope: Scope;
  scopeKey: string;
  aggregation: Aggregation;
  indicator: Indicator;
  /** Members with a validated I / members with a value (§6); null when no member has a value. */
  validatedShare: number | null;
  coverage: AreaCoverage;
}

export interface AreaMember {
  institutionId: string;
  /** INEGI cvegeo of the institution's municipality. */
  municipality: string;
  /** The institution's value of the indicator being aggregated (null: it has none). */
  value: Estimate | null;
  /** Distinct validators who reported on the institution. */
  validators: number;
  /** The institution has both citizen sub-indices (its I exists): a validated member. */
  hasCitizenData: boolean;
  /** The institution submitted a self-report. */
  selfReported?: boolean;
  /** ≥ 1 counted verdict (ΔG exists). */
  verified?: boolean;
}

export interface AreaOptions {
  scope: Scope;
  scopeKey: string;
  indicator: Indicator;
  /** N: obliged subjects of the area (the universe under `census`, N_pop under `sample`); null when unknown. */
  universe: number | null;
  /** Municipalities the coverage rule counts (state/national/level/type): the universe's, or the catalogue's under `sample`. */
  municipalitiesInUniverse: number | null;
  /** The round's pooled per-validator variances (needed sample of new subjects); null: the bound. */
  pooled?: PooledVariances | null;
  settings?: MethodSettings;
}

interface Unit {
  key: string;
  municipality: string;
  x: number;
  /** Within-unit variance of x (its SE²); null when unknown. */
  v: number | null;
  /** Degrees of freedom of that variance (null: infinite). */
  nu: number | null;
  df: number | null;
  /** Citizen reports behind the unit (for the needed sample's placement of new reports). */
  reports: number;
  /** Per-report variance for projections: v·reports (or the pooled spread). */
  perReport: number;
  validated: boolean;
}

/** §4–§6 for one area and one indicator: unweighted mean over the members that have a value. */
export function aggregateArea(members: readonly AreaMember[], opts: AreaOptions): AggregateRow {
  const settings = opts.settings ?? DEFAULT_METHOD_SETTINGS;
  const N = opts.universe;
  if (N !== null && members.length > N && opts.scope !== 'level' && opts.scope !== 'type') {
    throw new MetricInputError(
      'UNIVERSE_TOO_SMALL',
      `${opts.scope} ${opts.scopeKey}: ${members.length} institutions but a universe of ${N}`,
    );
  }
  const sorted = [...members].sort((a, b) => compareStrings(a.institutionId, b.institutionId));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].institutionId === sorted[i - 1].institutionId) {
      throw new MetricInputError(
        'DUPLICATE_INSTITUTION',
        `institution ${sorted[i].institutionId} appears twice in ${opts.scope} ${opts.scopeKey}`,
      );
    }
  }
  const citizen = needsCitizenData(opts.indicator);
  const share = citizenShare(opts.indicator);
  const sp2 = pooledOrBound(opts.pooled ?? null, opts.indicator, share);
  const withValue = sorted.filter((m) => m.value !== null);
  const units: Unit[] = withValue.map((m) => {
    const e = m.value as Estimate;
    // Citizen values: the validators behind the value; government ones: behind the institution.
    const reports = citizen ? (e.n ?? 0) : m.validators;
    return {
      key: m.institutionId,
      municipality: m.municipality,
      x: e.estimate,
      v: e.se === null ? null : e.se * e.se,
      nu: e.nu,
      df: e.df,
      reports,
      perReport: e.sd !== null ? e.sd * e.sd : sp2,
      validated: m.hasCitizenData,
    };
  });
  let citizenReports = 0;
  let subjectsWithCitizenData = 0;
  for (const m of withValue) {
    const e = m.value as Estimate;
    citizenReports += citizen ? (e.n ?? 0) : m.validators;
    if (citizen || m.hasCitizenData) subjectsWithCitizenData += 1;
  }
  // Candidates for the needed sample: who could still become a member of the value with citizen data.
  // I, T and P can only gain members that submitted a self-report and have no value yet.
  const selfReportingWithoutValue = sorted.filter((m) => m.selfReported === true && m.value === null).length;
  let candidates: number;
  if (opts.indicator === 'DELTA_G')
    candidates = sorted.filter((m) => m.selfReported === true && m.verified !== true).length;
  else if (opts.indicator === 'TC' || opts.indicator === 'PC')
    candidates = (N ?? Number.POSITIVE_INFINITY) - units.length;
  else if (citizen) candidates = selfReportingWithoutValue;
  else candidates = units.filter((u) => !u.validated).length;
  const weights = units.map(() => 1 / units.length);
  const stats = weightedTwoTerm(units, weights, N, true, boundVariance(share));
  return assembleRow({
    opts: { ...opts, settings },
    aggregation: 'unweighted',
    units,
    stats,
    citizenReports,
    subjectsWithCitizenData,
    candidates,
    pooledVariance: sp2,
    formula:
      `${opts.indicator}: unweighted mean over the ${units.length} of ${N ?? '?'} obliged subjects with a value; ` +
      'SE² = (1 − n/N)·s²/n + ΣSE_j²/n², t with Welch–Satterthwaite df',
  });
}

export interface MunicipalUnit {
  municipality: string;
  /** The municipality's unweighted row for the indicator. */
  row: AggregateRow;
  /** Population (CONAPO/INEGI); only needed for the population-weighted mean. */
  population: number | null;
}

export interface MunicipalMeansOptions {
  scope: 'state' | 'national';
  scopeKey: string;
  indicator: Indicator;
  aggregation: 'mean_of_municipalities' | 'population_weighted';
  /** Municipalities of the area (N of this mean and of the coverage rule): the universe's, or the catalogue's under `sample`. */
  municipalitiesInUniverse: number;
  pooled?: PooledVariances | null;
  settings?: MethodSettings;
}

/**
 * §4's extra state (and national) means over municipal values. Municipalities are the units:
 *   estimate = Σ w_m x_m,   w_m = 1/M' (plain) or p_m/Σp (population),
 *   SE² = (1 − M'/M)·M'/(M'−1)·Σ w_m²(x_m − estimate)² + Σ w_m² SE_m²,
 * which for equal weights is exactly aggregateArea's formula with municipalities in place of
 * institutions. Municipalities without a population are left out of the weighted mean.
 */
export function aggregateMunicipalMeans(units: readonly MunicipalUnit[], opts: MunicipalMeansOptions): AggregateRow {
  const settings = opts.settings ?? DEFAULT_METHOD_SETTINGS;
  const M = opts.municipalitiesInUniverse;
  const sorted = [...units].sort((a, b) => compareStrings(a.municipality, b.municipality));
  const used = sorted.filter(
    (u) =>
      u.row.estimate !== null &&
      (opts.aggregation === 'mean_of_municipalities' ||
        (u.population !== null && Number.isFinite(u.population) && u.population > 0)),
  );
  if (used.length > M) {
    throw new MetricInputError(
      'UNIVERSE_TOO_SMALL',
      `${opts.scope} ${opts.scopeKey}: ${used.length} municipalities but a universe of ${M}`,
    );
  }
  const share = citizenShare(opts.indicator);
  const sp2 = pooledOrBound(opts.pooled ?? null, opts.indicator, share);
  const mUnits: Unit[] = used.map((u) => municipalityAsUnit(u, sp2));
  const weights = municipalWeights(used, opts.aggregation);
  const { citizenReports, subjectsWithCitizenData, validatedMembers, membersForShare } = municipalCoverage(used);
  const stats = weightedTwoTerm(
    mUnits,
    weights,
    M,
    opts.aggregation === 'mean_of_municipalities',
    boundVariance(share),
  );
  const label = opts.aggregation === 'population_weighted' ? 'population-weighted mean' : 'unweighted mean';
  return assembleRow({
    opts: {
      scope: opts.scope,
      scopeKey: opts.scopeKey,
      indicator: opts.indicator,
      universe: M,
      municipalitiesInUniverse: M,
      settings,
    },
    aggregation: opts.aggregation,
    units: mUnits,
    stats,
    citizenReports,
    subjectsWithCitizenData,
    validatedMembersOverride: validatedMembers,
    membersForShare,
    candidates: Math.max(0, M - mUnits.length),
    pooledVariance: sp2,
    formula:
      `${opts.indicator}: ${label} of the municipal values of ${mUnits.length} of ${M} municipalities; ` +
      'SE² = (1 − M′/M)·M′/(M′−1)·Σw²(x − x̄)² + Σw²SE_m², t with Welch–Satterthwaite df',
  });
}

/** A municipality's value as one unit of a mean over municipalities (its SE squared is its within term). */
function municipalityAsUnit(u: MunicipalUnit, sp2: number): Unit {
  return {
    key: u.municipality,
    municipality: u.municipality,
    x: u.row.estimate as number,
    v: u.row.se === null ? null : u.row.se * u.row.se,
    nu: u.row.df,
    df: u.row.df,
    reports: u.row.coverage.citizenReports,
    perReport:
      u.row.se !== null && u.row.coverage.citizenReports > 0
        ? u.row.se * u.row.se * u.row.coverage.citizenReports
        : sp2,
    validated: u.row.coverage.validatedMembers > 0,
  };
}

/** w_m: p_m/Σp for a population-weighted mean, else 1/M'. */
function municipalWeights(used: readonly MunicipalUnit[], aggregation: MunicipalMeansOptions['aggregation']): number[] {
  if (aggregation === 'population_weighted') {
    let total = 0;
    for (const u of used) total += u.population as number;
    return used.map((u) => (u.population as number) / total);
  }
  return used.map(() => 1 / used.length);
}

/** The coverage counts of a mean over municipalities: the sums of theirs. */
function municipalCoverage(used: readonly MunicipalUnit[]): {
  citizenReports: number;
  subjectsWithCitizenData: number;
  validatedMembers: number;
  membersForShare: number;
} {
  let citizenReports = 0;
  let subjectsWithCitizenData = 0;
  let validatedMembers = 0;
  let membersForShare = 0;
  for (const u of used) {
    citizenReports += u.row.coverage.citizenReports;
    subjectsWithCitizenData += u.row.coverage.subjectsWithCitizenData;
    validatedMembers += u.row.coverage.validatedMembers;
    membersForShare += u.row.coverage.responding;
  }
  return { citizenReports, subjectsWithCitizenData, validatedMembers, membersForShare };
}

interface TwoTermStats {
  estimate: number | null;
  se: number | null;
  df: number | null;
  /** Between-unit spread (the per-unit sd). */
  sd: number | null;
  exact: boolean;
  imputed: number;
}

/**
 * The two-term variance of a weighted mean of units sampled without replacement from M (null: an
 * unknown, large population), each with its own SE (METHOD.md §5), and its Welch–Satterthwaite
 * degrees of freedom: df = (ΣV_k)² / Σ(V_k²/ν_k) over the between term (ν = n − 1) and each unit's
 * within term (ν = its own, infinite for pooled or bound terms); normal when every ν is infinite.
 * Units arrive sorted by key; every sum runs in that order.
 */
function weightedTwoTerm(
  units: readonly Unit[],
  weights: readonly number[],
  M: number | null,
  equalWeights: boolean,
  bound: number,
): TwoTermStats {
  const n = units.length;
  if (n === 0) return { estimate: null, se: null, df: null, sd: null, exact: false, imputed: 0 };
  let estimate = 0;
  if (equalWeights) {
    // The plain Σx/n of the Métrica, not Σ(1/n)·x: a reader re-adding the published values gets the same bits.
    for (let i = 0; i < n; i++) estimate += units[i].x;
    estimate /= n;
  } else {
    for (let i = 0; i < n; i++) estimate += weights[i] * units[i].x;
  }

  let within = 0;
  let wsDenominator = 0;
  let imputed = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    let v: number;
    let nu: number | null;
    if (u.v !== null) {
      v = u.v;
      nu = u.nu;
    } else {
      // A unit whose own SE is unknown would silently drop out: it is given the bound spread.
      v = bound;
      nu = null;
      imputed += 1;
    }
    const term = weights[i] * weights[i] * v;
    within += term;
    if (nu !== null && nu > 0 && term > 0) wsDenominator += (term * term) / nu;
  }

  let ssw = 0;
  for (let i = 0; i < n; i++) ssw += weights[i] * weights[i] * (units[i].x - estimate) ** 2;
  const complete = M !== null && n === M;
  const fpc = M === null ? 1 : Math.max(0, 1 - n / M);
  // Equal weights: n/(n−1)·Σ(1/n²)(x − x̄)² = s²/n, so `sd` below is the ordinary s.
  const between = complete ? 0 : n >= 2 ? fpc * (n / (n - 1)) * ssw : null;
  const sd = n >= 2 ? Math.sqrt(n * (n / (n - 1)) * ssw) : null;
  if (between === null) return { estimate, se: null, df: null, sd, exact: false, imputed };
  if (between > 0) wsDenominator += (between * between) / (n - 1);
  const total = between + within;
  const se = Math.sqrt(total);
  if (total === 0) return { estimate, se, df: null, sd, exact: true, imputed };
  // A single member of a single-member area keeps its own interval (its own degrees of freedom).
  if (n === 1) return { estimate, se, df: units[0].df, sd, exact: false, imputed };
  // Terms far below the others can underflow the denominator: an infinite df is the normal interval.
  const ws = wsDenominator > 0 ? (total * total) / wsDenominator : null;
  const df = ws !== null && Number.isFinite(ws) ? ws : null;
  return { estimate, se, df, sd, exact: false, imputed };
}

interface AssembleInput {
  opts: AreaOptions & { settings: MethodSettings };
  aggregation: Aggregation;
  units: readonly Unit[];
  stats: TwoTermStats;
  citizenReports: number;
  subjectsWithCitizenData: number;
  /** Municipal means: validated institutions summed over the municipalities (units are municipalities). */
  validatedMembersOverride?: number;
  /** Municipal means: the institutions behind the municipal units (denominator of the validated share). */
  membersForShare?: number;
  /** Who could still join the value with citizen data (needed sample). */
  candidates: number;
  pooledVariance: number;
  formula: string;
}

interface Minimums {
  meetsMinimum: boolean;
  validationCovered: boolean | null;
  neededReports: number | null;
  neededMunicipalities: number | null;
}

/** §6 rule 2's minimum of the scope, and rule 1's validation coverage of government-perspective aggregates. */
function minimumsOf(
  a: AssembleInput,
  municipalitiesWithData: number,
  municipalitiesWithValidated: number,
  validatedMembers: number,
): Minimums {
  const { opts } = a;
  const t = opts.settings.thresholds;
  const citizen = needsCitizenData(opts.indicator);
  const government = GOVERNMENT_PERSPECTIVE.has(opts.indicator);
  const n = a.units.length;
  const N = opts.universe;
  if (opts.scope === 'municipality') {
    const minSubjects = Math.min(t.municipalityMinSubjects, N ?? t.municipalityMinSubjects);
    const reportsOk = !citizen || a.citizenReports >= t.municipalityMinReports;
    let validationCovered: boolean | null = null;
    if (government) {
      let validatedReports = 0;
      for (const u of a.units) if (u.validated) validatedReports += u.reports;
      validationCovered = validatedReports >= t.municipalityMinReports && validatedMembers >= minSubjects;
    }
    return {
      meetsMinimum: reportsOk && n >= minSubjects,
      validationCovered,
      neededReports: citizen ? Math.max(0, t.municipalityMinReports - a.citizenReports) : null,
      neededMunicipalities: null,
    };
  }
  const M = opts.municipalitiesInUniverse;
  if (M === null || !(M > 0)) {
    throw new MetricInputError(
      'UNIVERSE_MISSING',
      `${opts.scope} ${opts.scopeKey}: municipalities in the universe are required`,
    );
  }
  const covered = (k: number): boolean => k >= t.areaMinMunicipalities || k / M >= t.areaMinMunicipalityShare;
  const required = Math.min(t.areaMinMunicipalities, ceilTolerant(t.areaMinMunicipalityShare * M));
  return {
    meetsMinimum: covered(municipalitiesWithData),
    validationCovered: government ? covered(municipalitiesWithValidated) : null,
    neededReports: null,
    neededMunicipalities: Math.max(0, required - municipalitiesWithData),
  };
}

/**
 * §6: how many more subjects and reports would make a non-conclusive area conclusive (all null when
 * no addition can: reason `not_reachable_by_sampling`). Never 0 for a value that is not conclusive.
 */
function neededSampleOf(
  a: AssembleInput,
  estimate: number | null,
  validatedMembers: number,
): { needed: number | null; neededSubjects: number | null; neededReports: number | null } {
  const { opts } = a;
  const settings = opts.settings;
  const projection: AreaProjection = {
    scope: opts.scope,
    indicator: opts.indicator,
    estimate,
    units: a.units.map((u): ProjectionUnit => ({
      municipality: u.municipality,
      x: u.x,
      v: u.v,
      nu: u.nu,
      reports: u.reports,
      perReport: u.perReport,
      validated: u.validated,
    })),
    N: opts.universe,
    municipalitiesInUniverse: opts.municipalitiesInUniverse,
    citizenReports: a.citizenReports,
    validatedMembers,
    candidates: a.candidates,
    pooledVariance: a.pooledVariance,
    settings,
  };
  const result = neededForArea(projection);
  if (result === null) return { needed: null, neededSubjects: null, neededReports: null };
  const { neededSubjects } = result;
  let { neededReports } = result;
  let needed = neededSubjects * settings.thresholds.institutionMinReports + neededReports;
  if (needed === 0) neededReports = needed = 1;
  return { needed, neededSubjects, neededReports };
}

/** Validated members behind a row: the count given, else the units with a validated member. */
function validatedMembersOf(a: AssembleInput): number {
  let validatedMembers = a.validatedMembersOverride ?? 0;
  if (a.validatedMembersOverride === undefined) for (const u of a.units) if (u.validated) validatedMembers += 1;
  return validatedMembers;
}

/** The interval of an estimate: none without one, exact when there is no sampling error, else t. */
function precisionOfStats(stats: TwoTermStats, confidence: number): Precision {
  if (stats.estimate === null) return { lo: null, hi: null, halfWidth: null, cv: null, interval: 'none' };
  return stats.exact ? exactPrecision(stats.estimate) : precisionOf(stats.estimate, stats.se, stats.df, confidence);
}

function assembleRow(a: AssembleInput): AggregateRow {
  const { opts, stats } = a;
  const settings = opts.settings;
  const citizen = needsCitizenData(opts.indicator);
  const government = GOVERNMENT_PERSPECTIVE.has(opts.indicator);
  const n = a.units.length;
  const N = opts.universe;
  const municipalitiesWithData = new Set(a.units.map((u) => u.municipality)).size;
  const municipalitiesWithValidated = new Set(a.units.filter((u) => u.validated).map((u) => u.municipality)).size;
  const validatedMembers = validatedMembersOf(a);
  const members = a.membersForShare ?? n;
  const validatedShare = members === 0 ? null : validatedMembers / Math.max(members, validatedMembers);
  const minimums = minimumsOf(a, municipalitiesWithData, municipalitiesWithValidated, validatedMembers);

  const precision = precisionOfStats(stats, settings.confidence);
  const { status, reasons } = classifyStatus(
    {
      needsCitizenData: citizen,
      hasCitizenData: n > 0,
      validationCovered: minimums.validationCovered,
      validatedShare: government ? validatedShare : null,
      meetsMinimum: minimums.meetsMinimum,
      estimate: stats.estimate,
      se: stats.se,
      halfWidth: precision.halfWidth,
      responseShare: N !== null && N > 0 ? n / N : null,
    },
    settings,
  );

  const { needed, neededSubjects, neededReports } =
    status === 'conclusive'
      ? { needed: 0, neededSubjects: 0, neededReports: 0 }
      : neededSampleOf(a, stats.estimate, validatedMembers);

  return {
    methodId: METHOD_ID,
    methodVersion: METHOD_VERSION,
    scope: opts.scope,
    scopeKey: opts.scopeKey,
    aggregation: a.aggregation,
    indicator: opts.indicator,
    estimate: stats.estimate,
    se: stats.se,
    lo: precision.lo,
    hi: precision.hi,
    cv: precision.cv,
    halfWidth: precision.halfWidth,
    n,
    N,
    df: precision.interval === 't' ? stats.df : null,
    sd: stats.sd,
    interval: precision.interval,
    nu: null,
    status,
    reasons: needed === null ? [...reasons, 'not_reachable_by_sampling'] : reasons,
    needed,
    neededSubjects,
    neededReports,
    pendingRefutations: 0,
    formula: a.formula,
    validatedShare,
    coverage: {
      responding: n,
      universe: N,
      citizenReports: a.citizenReports,
      subjectsWithCitizenData: a.subjectsWithCitizenData,
      validatedMembers,
      municipalitiesWithData,
      municipalitiesWithValidatedMembers: municipalitiesWithValidated,
      municipalitiesInUniverse: opts.scope === 'municipality' ? null : opts.municipalitiesInUniverse,
      meetsMinimum: minimums.meetsMinimum,
      neededReports: minimums.neededReports,
      neededMunicipalities: minimums.neededMunicipalities,
      imputedSE: stats.imputed,
    },
  };
}

/**
 * §4 `sample` design: the stratified mean Σ_h W_h·ȳ_h over the strata (states) with a value,
 * W_h = N_pop,h / Σ N_pop (over those strata), SE² = Σ_h W_h²·SE_h²; labelled `stratified`.
 * Status and coverage follow the unweighted row of the same area (the Métrica-convention headline).
 */
export function stratifiedMean(
  strata: ReadonlyArray<{ key: string; row: AggregateRow; populationCount: number }>,
  headline: AggregateRow,
  settings: MethodSettings,
): AggregateRow {
  const used = [...strata]
    .filter((s) => s.row.estimate !== null && s.populationCount > 0)
    .sort((a, b) => compareStrings(a.key, b.key));
  let total = 0;
  for (const s of used) total += s.populationCount;
  let estimate = 0;
  let variance = 0;
  let unknown = false;
  let wsDen = 0;
  for (const s of used) {
    const w = s.populationCount / total;
    estimate += w * (s.row.estimate as number);
    if (s.row.se === null) unknown = true;
    else {
      const term = w * w * s.row.se * s.row.se;
      variance += term;
      if (s.row.df !== null && s.row.df > 0 && term > 0) wsDen += (term * term) / s.row.df;
    }
  }
  const se = used.length === 0 || unknown ? null : Math.sqrt(variance);
  const df = se !== null && wsDen > 0 ? (variance * variance) / wsDen : null;
  const precision =
    used.length === 0
      ? { lo: null, hi: null, halfWidth: null, cv: null, interval: 'none' as const }
      : se === 0
        ? exactPrecision(estimate)
        : precisionOf(estimate, se, df, settings.confidence);
  return {
    ...headline,
    aggregation: 'stratified',
    estimate: used.length === 0 ? null : estimate,
    se,
    lo: precision.lo,
    hi: precision.hi,
    cv: precision.cv,
    halfWidth: precision.halfWidth,
    df: precision.interval === 't' ? df : null,
    interval: precision.interval,
    formula: `${headline.indicator}: stratified mean Σ W_h·ȳ_h over ${used.length} strata (W_h = N_pop,h/ΣN_pop); SE² = Σ W_h²·SE_h²`,
  };
}

/** What aggregation needs of one institution's result (the worker's stored form provides it). */
export interface AreaInstitution {
  institutionId: string;
  selfReported: boolean;
  verified: boolean;
  validators: number;
  values: Record<Indicator, Estimate | null>;
}

/** One institution's result with where it sits. */
export interface InstitutionPlacement {
  result: AreaInstitution;
  cvegeo: string;
  cveEnt: string;
  /** Level of government: federal, estatal, municipal (free string; grouped as given). */
  level: string;
  /** Institution type (free string; grouped as given). */
  type: string;
}

/** The round's universe: obliged subjects and municipalities per area, and population per municipality. */
export interface AggregationUniverse {
  institutionsPerMunicipality: Record<string, number>;
  institutionsPerState: Record<string, number>;
  institutionsPerLevel: Record<string, number>;
  institutionsPerType: Record<string, number>;
  total: number;
  /** Municipalities of each state in the round's universe (§6 coverage rule; N of the municipal means). */
  municipalitiesPerState: Record<string, number>;
  /** Municipalities where each level / type has obliged subjects (coverage rule of those groupings). */
  municipalitiesPerLevel: Record<string, number>;
  municipalitiesPerType: Record<string, number>;
  totalMunicipalities: number;
  population: Record<string, number>;
  /** §4 design; absent: `census`. */
  design?: SampleDesign;
}

/** A `sample` round's declared population counts and the catalogue's municipalities per state (§4). */
export interface SampleDesign {
  kind: RoundDesign;
  /** N_pop of obliged subjects per state stratum (required for every state of a `sample` round). */
  populationPerState: Record<string, number>;
  /** N_pop per municipality, where declared (otherwise the universe count). */
  populationPerMunicipality: Record<string, number>;
  /** Municipalities of each state in the national catalogue (coverage counts these, not only the sampled ones). */
  catalogueMunicipalitiesPerState: Record<string, number>;
}

const SCOPE_ORDER: readonly Scope[] = ['municipality', 'state', 'national', 'level', 'type'];
const AGGREGATION_ORDER: readonly Aggregation[] = [
  'unweighted',
  'mean_of_municipalities',
  'population_weighted',
  'stratified',
];

const own = (record: Readonly<Record<string, number>>, key: string): number | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/**
 * The universe's counts per area as §4–§5 use them: N (obliged subjects; the declared population under
 * `sample`) and M (municipalities; the catalogue's under `sample`). Throws for an area with results but
 * no count.
 */
function universeCounts(universe: AggregationUniverse) {
  const sample = universe.design !== undefined && universe.design.kind === 'sample' ? universe.design : null;
  const need = (record: Record<string, number>, key: string, what: string): number => {
    const v = own(record, key);
    if (v === undefined) throw new MetricInputError('UNIVERSE_MISSING', `universe has no ${what} count for ${key}`);
    return v;
  };
  const keysOf = (
    universeRecord: Record<string, number>,
    groups: Record<string, InstitutionPlacement[]>,
    what: string,
  ): string[] => {
    for (const k of Object.keys(groups)) need(universeRecord, k, what);
    return sortedKeys(universeRecord);
  };
  const states = sortedKeys(universe.institutionsPerState);
  // §4: under `sample`, N is the declared population and coverage counts the catalogue's municipalities.
  const stateN = (s: string): number =>
    sample === null
      ? universe.institutionsPerState[s]
      : need(sample.populationPerState, s, 'population (N_pop) of state');
  const stateM = (s: string): number =>
    sample === null
      ? need(universe.municipalitiesPerState, s, 'municipalities-per-state')
      : need(sample.catalogueMunicipalitiesPerState, s, 'catalogue municipalities of state');
  const municipalityN = (m: string): number =>
    sample === null
      ? universe.institutionsPerMunicipality[m]
      : (own(sample.populationPerMunicipality, m) ?? universe.institutionsPerMunicipality[m]);
  let nationalN = universe.total;
  let nationalM = universe.totalMunicipalities;
  if (sample !== null) {
    nationalN = 0;
    nationalM = 0;
    for (const s of states) {
      nationalN += stateN(s);
      nationalM += stateM(s);
    }
  }
  return { sample, need, keysOf, stateN, stateM, municipalityN, nationalN, nationalM };
}

/** A round's institutions grouped by every kind of area, in institution id order. */
function groupPlacements(institutions: readonly InstitutionPlacement[]) {
  const placements = [...institutions].sort((a, b) => compareStrings(a.result.institutionId, b.result.institutionId));
  const stateOfMunicipality = emptyRecord<string>();
  for (const p of placements) stateOfMunicipality[p.cvegeo] = p.cveEnt;
  return {
    placements,
    byMunicipality: groupBy(placements, (p) => p.cvegeo),
    byState: groupBy(placements, (p) => p.cveEnt),
    byLevel: groupBy(placements, (p) => p.level),
    byType: groupBy(placements, (p) => p.type),
    stateOfMunicipality,
  };
}

/** The institutions of an area as the members of its mean of one indicator. */
function areaMembers(ps: readonly InstitutionPlacement[] | undefined, indicator: Indicator): AreaMember[] {
  return (ps ?? []).map((p) => ({
    institutionId: p.result.institutionId,
    municipality: p.cvegeo,
    value: p.result.values[indicator],
    validators: p.result.validators,
    hasCitizenData: p.result.values.I !== null,
    selfReported: p.result.selfReported,
    verified: p.result.verified,
  }));
}

/** The areas of each kind whose members' inputs may differ from those an earlier computation saw. */
export interface TouchedAreas {
  municipality: ReadonlySet<string>;
  state: ReadonlySet<string>;
  level: ReadonlySet<string>;
  type: ReadonlySet<string>;
}

/**
 * Rows of an earlier computeAggregates to keep where nothing changed. The caller vouches that the
 * earlier call had the same universe, settings, design and pool, and that every member outside
 * `touched` had the same inputs; then an untouched area's row is what computing it again would give
 * (every row is a pure function of its members and those), bit for bit. The national area is
 * always computed again: any change touches it.
 */
export interface AggregateReuse {
  touched: TouchedAreas;
  previous: ReadonlyMap<string, AggregateRow>;
}

/** Identity of an aggregate row within its round (what metric_result's key spells). */
export function aggregateRowKey(r: Pick<AggregateRow, 'scope' | 'scopeKey' | 'aggregation' | 'indicator'>): string {
  return `${r.scope}\u0000${r.scopeKey}\u0000${r.aggregation}\u0000${r.indicator}`;
}

/** The earlier row of an untouched area, when the caller gave one. */
function keptRow(
  reuse: AggregateReuse | null,
  key: Pick<AggregateRow, 'scope' | 'scopeKey' | 'aggregation' | 'indicator'>,
): AggregateRow | undefined {
  if (reuse === null || key.scope === 'national' || reuse.touched[key.scope].has(key.scopeKey)) return undefined;
  return reuse.previous.get(aggregateRowKey(key));
}

interface IndicatorPass {
  indicator: Indicator;
  universe: AggregationUniverse;
  groups: ReturnType<typeof groupPlacements>;
  counts: ReturnType<typeof universeCounts>;
  settings: MethodSettings;
  pooled: PooledVariances | null;
  reuse: AggregateReuse | null;
}

/** Every area's rows of one indicator (municipalities, states, national, levels, types), unsorted. */
function aggregatesOfIndicator({
  indicator,
  universe,
  groups,
  counts,
  settings,
  pooled,
  reuse,
}: IndicatorPass): AggregateRow[] {
  const { placements, byMunicipality, byState, byLevel, byType, stateOfMunicipality } = groups;
  const { sample, need, keysOf, stateN, stateM, municipalityN, nationalN, nationalM } = counts;
  const rows: AggregateRow[] = [];
  const kept = (scope: Scope, scopeKey: string, aggregation: Aggregation): AggregateRow | undefined =>
    keptRow(reuse, { scope, scopeKey, aggregation, indicator });
  const area = (
    ps: readonly InstitutionPlacement[] | undefined,
    scope: Scope,
    scopeKey: string,
    N: number | null,
    M: number | null,
  ): AggregateRow =>
    kept(scope, scopeKey, 'unweighted') ??
    aggregateArea(areaMembers(ps, indicator), {
      scope,
      scopeKey,
      indicator,
      universe: N,
      municipalitiesInUniverse: M,
      pooled,
      settings,
    });
  const municipalMeans = (
    units: MunicipalUnit[],
    scope: 'state' | 'national',
    scopeKey: string,
    M: number,
  ): AggregateRow[] =>
    (['mean_of_municipalities', 'population_weighted'] as const).map(
      (aggregation) =>
        kept(scope, scopeKey, aggregation) ??
        aggregateMunicipalMeans(units, {
          scope,
          scopeKey,
          indicator,
          aggregation,
          municipalitiesInUniverse: M,
          pooled,
          settings,
        }),
    );

  const municipalUnits: MunicipalUnit[] = [];
  for (const m of keysOf(universe.institutionsPerMunicipality, byMunicipality, 'institutions-per-municipality')) {
    const row = area(byMunicipality[m], 'municipality', m, municipalityN(m), null);
    rows.push(row);
    municipalUnits.push({ municipality: m, row, population: own(universe.population, m) ?? null });
  }

  // Municipalities without results have no state here, but also no value: they do not enter the means.
  const unitsByState = groupBy(municipalUnits, (u) => stateOfMunicipality[u.municipality] ?? '');
  const stateRows: Array<{ key: string; row: AggregateRow; populationCount: number }> = [];
  for (const s of keysOf(universe.institutionsPerState, byState, 'institutions-per-state')) {
    const M = stateM(s);
    const row = area(byState[s], 'state', s, stateN(s), M);
    rows.push(row);
    stateRows.push({ key: s, row, populationCount: stateN(s) });
    rows.push(...municipalMeans(unitsByState[s] ?? [], 'state', s, M));
  }

  const national = area(placements, 'national', 'national', nationalN, nationalM);
  rows.push(national);
  rows.push(...municipalMeans(municipalUnits, 'national', 'national', nationalM));
  if (sample !== null) rows.push(stratifiedMean(stateRows, national, settings));

  // Levels and types cut across the strata of a sample round: their population is unknown (no FPC).
  for (const l of keysOf(universe.institutionsPerLevel, byLevel, 'institutions-per-level')) {
    const M = sample === null ? need(universe.municipalitiesPerLevel, l, 'municipalities-per-level') : nationalM;
    rows.push(area(byLevel[l], 'level', l, sample === null ? universe.institutionsPerLevel[l] : null, M));
  }
  for (const ty of keysOf(universe.institutionsPerType, byType, 'institutions-per-type')) {
    const M = sample === null ? need(universe.municipalitiesPerType, ty, 'municipalities-per-type') : nationalM;
    rows.push(area(byType[ty], 'type', ty, sample === null ? universe.institutionsPerType[ty] : null, M));
  }
  return rows;
}

/**
 * A municipality's row of one indicator: a function of its members, its N, the settings and the pool
 * only (what aggregatesOfIndicator's `area` computes for a municipality; a property test holds the two equal).
 */
function municipalityRow(
  ps: readonly InstitutionPlacement[] | undefined,
  municipality: string,
  indicator: Indicator,
  N: number,
  pooled: PooledVariances | null,
  settings: MethodSettings,
): AggregateRow {
  return aggregateArea(areaMembers(ps, indicator), {
    scope: 'municipality',
    scopeKey: municipality,
    indicator,
    universe: N,
    municipalitiesInUniverse: null,
    pooled,
    settings,
  });
}

/** computeAggregates' order: scope, key, aggregation, then the order of `indicators`. */
function sortAggregates(rows: AggregateRow[], indicators: readonly Indicator[]): AggregateRow[] {
  const indicatorRank = new Map(indicators.map((ind, i) => [ind, i]));
  return rows.sort(
    (a, b) =>
      SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) ||
      compareStrings(a.scopeKey, b.scopeKey) ||
      AGGREGATION_ORDER.indexOf(a.aggregation) - AGGREGATION_ORDER.indexOf(b.aggregation) ||
      (indicatorRank.get(a.indicator) ?? 0) - (indicatorRank.get(b.indicator) ?? 0),
  );
}

/**
 * The rows of the given municipalities only, bit for bit those computeAggregates gives them under the
 * same universe, settings and pool: a municipality's row depends on nothing but its own members, so
 * `institutions` need only hold theirs. Municipalities outside the universe have no rows. What an area
 * job writes first during a burst (issue #17), before every other area.
 */
export function computeMunicipalityAggregates(
  institutions: readonly InstitutionPlacement[],
  universe: AggregationUniverse,
  municipalities: Iterable<string>,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
  indicators: readonly Indicator[] = INDICATORS,
  pooled: PooledVariances | null = null,
): AggregateRow[] {
  const { byMunicipality } = groupPlacements(institutions);
  const { municipalityN } = universeCounts(universe);
  const keys = [...new Set(municipalities)].filter((m) => own(universe.institutionsPerMunicipality, m) !== undefined);
  const rows: AggregateRow[] = [];
  for (const indicator of indicators)
    for (const m of keys)
      rows.push(municipalityRow(byMunicipality[m], m, indicator, municipalityN(m), pooled, settings));
  return sortAggregates(rows, indicators);
}

/**
 * Every aggregate of a round: by municipality, state (three means), national (three means; four in a
 * `sample` round), level of government and institution type, for each indicator. Every key of the
 * universe gets rows, also areas without any result (with status and the needed sample), so the
 * recruitment planner sees them. Rows come sorted by scope, key, aggregation and indicator.
 */
export function computeAggregates(
  institutions: readonly InstitutionPlacement[],
  universe: AggregationUniverse,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
  indicators: readonly Indicator[] = INDICATORS,
  pooled: PooledVariances | null = null,
  reuse: AggregateReuse | null = null,
): AggregateRow[] {
  const groups = groupPlacements(institutions);
  const counts = universeCounts(universe);
  const rows: AggregateRow[] = [];
  for (const indicator of indicators) {
    rows.push(...aggregatesOfIndicator({ indicator, universe, groups, counts, settings, pooled, reuse }));
  }
  return sortAggregates(rows, indicators);
}
