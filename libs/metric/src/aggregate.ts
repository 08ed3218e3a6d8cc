/**
 * Aggregates over institutions (METHOD.md §4) with their uncertainty (§5) and status (§6).
 *
 * - `aggregateArea`: unweighted mean over the members with a value, SE² = (1 − n/N)·s²/n + ΣSE_j²/n².
 * - `aggregateMunicipalMeans`: the two extra state/national means over municipal values (plain mean of
 *   municipalities, population-weighted), with the same two-term SE one level up.
 * - `computeAggregates`: everything the worker stores for a round, in one call.
 */
import { Estimate, exactPrecision, precisionOf } from './estimate';
import { MetricInputError } from './errors';
import { INDICATORS, Indicator, needsCitizenData } from './indicators';
import type { InstitutionResult } from './institution';
import { DEFAULT_SD, neededSample } from './needed';
import { ceilTolerant, compareStrings, emptyRecord, groupBy, sortedKeys } from './order';
import { DEFAULT_METHOD_SETTINGS, METHOD_ID, METHOD_VERSION, MethodSettings } from './settings';
import { classifyStatus } from './status';

export type Scope = 'municipality' | 'state' | 'national' | 'level' | 'type';
export type Aggregation = 'unweighted' | 'mean_of_municipalities' | 'population_weighted';

/** An Estimate whose value may be absent (no member has one): the row still carries status and needed. */
export type AreaEstimate = Omit<Estimate, 'estimate'> & { estimate: number | null };

export interface AreaCoverage {
  /** Units with a value (subjects, or municipalities for the two municipal means) and their universe. */
  responding: number;
  universe: number;
  /** Independent citizen reports (one per validator and institution) behind the values. */
  citizenReports: number;
  subjectsWithCitizenData: number;
  municipalitiesWithData: number;
  municipalitiesInUniverse: number | null;
  meetsMinimum: boolean;
  /** Municipality scope, citizen indicators: reports still missing to reach the minimum. */
  neededReports: number | null;
  /** Other scopes: municipalities with data still missing to reach the coverage minimum. */
  neededMunicipalities: number | null;
  /** Units whose own SE was unknown and was imputed (see README, "within-institution term"). */
  imputedSE: number;
}

export interface AggregateRow extends AreaEstimate {
  methodId: string;
  methodVersion: string;
  scope: Scope;
  scopeKey: string;
  aggregation: Aggregation;
  indicator: Indicator;
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
  /** The institution has both citizen sub-indices (its I exists). */
  hasCitizenData: boolean;
}

export interface AreaOptions {
  scope: Scope;
  scopeKey: string;
  indicator: Indicator;
  /** N: obliged subjects of the round in the area. */
  universe: number;
  /** Municipalities of the area in the round's universe (coverage rule for state/national/level/type). */
  municipalitiesInUniverse: number | null;
  settings?: MethodSettings;
}

interface Unit {
  key: string;
  municipality: string;
  x: number;
  se: number | null;
  sd: number | null;
  n: number | null;
  N: number | null;
  df: number | null;
}

/** §4–§6 for one area and one indicator: unweighted mean over the members that have a value. */
export function aggregateArea(members: readonly AreaMember[], opts: AreaOptions): AggregateRow {
  const settings = opts.settings ?? DEFAULT_METHOD_SETTINGS;
  const N = opts.universe;
  if (members.length > N) {
    throw new MetricInputError('UNIVERSE_TOO_SMALL', `${opts.scope} ${opts.scopeKey}: ${members.length} institutions but a universe of ${N}`);
  }
  const sorted = [...members].sort((a, b) => compareStrings(a.institutionId, b.institutionId));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].institutionId === sorted[i - 1].institutionId) {
      throw new MetricInputError('DUPLICATE_INSTITUTION', `institution ${sorted[i].institutionId} appears twice in ${opts.scope} ${opts.scopeKey}`);
    }
  }
  const withValue = sorted.filter((m) => m.value !== null);
  const citizen = needsCitizenData(opts.indicator);
  const units: Unit[] = withValue.map((m) => {
    const v = m.value as Estimate;
    return { key: m.institutionId, municipality: m.municipality, x: v.estimate, se: v.se, sd: v.sd, n: v.n, N: v.N, df: v.df };
  });
  // For citizen indicators the validators behind the value itself; for government ones, behind the institution.
  let citizenReports = 0;
  let subjectsWithCitizenData = 0;
  for (const m of withValue) {
    const v = m.value as Estimate;
    citizenReports += citizen ? (v.n ?? 0) : m.validators;
    if (citizen || m.hasCitizenData) subjectsWithCitizenData += 1;
  }
  const weights = units.map(() => 1 / units.length);
  const stats = weightedTwoTerm(units, weights, N, true);
  return assembleRow({
    opts: { ...opts, settings },
    aggregation: 'unweighted',
    units,
    stats,
    citizenReports,
    subjectsWithCitizenData,
    formula:
      `${opts.indicator}: unweighted mean over the ${units.length} of ${N} obliged subjects with a value; ` +
      'SE² = (1 − n/N)·s²/n + ΣSE_j²/n²',
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
  /** Municipalities of the area in the round's universe (N of this mean and of the coverage rule). */
  municipalitiesInUniverse: number;
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
      (opts.aggregation === 'mean_of_municipalities' || (u.population !== null && Number.isFinite(u.population) && u.population > 0)),
  );
  if (used.length > M) {
    throw new MetricInputError('UNIVERSE_TOO_SMALL', `${opts.scope} ${opts.scopeKey}: ${used.length} municipalities but a universe of ${M}`);
  }
  const mUnits: Unit[] = used.map((u) => ({
    key: u.municipality,
    municipality: u.municipality,
    x: u.row.estimate as number,
    se: u.row.se,
    sd: u.row.sd,
    n: u.row.n,
    N: u.row.N,
    df: u.row.df,
  }));
  let weights: number[];
  if (opts.aggregation === 'population_weighted') {
    let total = 0;
    for (const u of used) total += u.population as number;
    weights = used.map((u) => (u.population as number) / total);
  } else {
    weights = used.map(() => 1 / used.length);
  }
  let citizenReports = 0;
  let subjectsWithCitizenData = 0;
  for (const u of used) {
    citizenReports += u.row.coverage.citizenReports;
    subjectsWithCitizenData += u.row.coverage.subjectsWithCitizenData;
  }
  const stats = weightedTwoTerm(mUnits, weights, M, opts.aggregation === 'mean_of_municipalities');
  const label = opts.aggregation === 'population_weighted' ? 'population-weighted mean' : 'unweighted mean';
  return assembleRow({
    opts: { scope: opts.scope, scopeKey: opts.scopeKey, indicator: opts.indicator, universe: M, municipalitiesInUniverse: M, settings },
    aggregation: opts.aggregation,
    units: mUnits,
    stats,
    citizenReports,
    subjectsWithCitizenData,
    formula:
      `${opts.indicator}: ${label} of the municipal values of ${mUnits.length} of ${M} municipalities; ` +
      'SE² = (1 − M′/M)·M′/(M′−1)·Σw²(x − x̄)² + Σw²SE_m²',
  });
}

interface TwoTermStats {
  estimate: number | null;
  se: number | null;
  df: number | null;
  /** Between-unit spread (the per-unit sd the needed-sample rule uses). */
  sd: number | null;
  exact: boolean;
  imputed: number;
}

/**
 * The two-term variance of a weighted mean of units sampled without replacement from M, each with
 * its own SE (METHOD.md §5). Units arrive sorted by key; every sum runs in that order.
 *
 * A unit whose own SE is unknown (one validator; a municipality with one responding subject) would
 * silently drop out of the second term, so it is imputed from its siblings: SE² = (1 − n/N)·s̄²/n with
 * s̄² the mean per-observation variance of the siblings where it is known (0.5² when none is — the
 * §6 default spread). The count is reported in `coverage.imputedSE`.
 */
function weightedTwoTerm(units: readonly Unit[], weights: readonly number[], M: number, equalWeights: boolean): TwoTermStats {
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

  let pooled = 0;
  let known = 0;
  for (const u of units) {
    if (u.sd !== null && u.n !== null && u.n >= 2) {
      pooled += u.sd * u.sd;
      known += 1;
    }
  }
  const pooledVar = known > 0 ? pooled / known : DEFAULT_SD * DEFAULT_SD;
  let within = 0;
  let imputed = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    let v: number;
    if (u.se !== null) v = u.se * u.se;
    else {
      const m = u.n !== null && u.n > 0 ? u.n : 1;
      const fpc = u.N !== null && u.N > 0 ? Math.max(0, 1 - m / u.N) : 1;
      v = (fpc * pooledVar) / m;
      imputed += 1;
    }
    within += weights[i] * weights[i] * v;
  }

  let ssw = 0;
  for (let i = 0; i < n; i++) ssw += weights[i] * weights[i] * (units[i].x - estimate) ** 2;
  // Equal weights: n/(n−1)·Σ(1/n²)(x − x̄)² = s²/n, so `sd` below is the ordinary s.
  const between = n === M ? 0 : n >= 2 ? (1 - n / M) * (n / (n - 1)) * ssw : null;
  const sd = n >= 2 ? Math.sqrt(n * (n / (n - 1)) * ssw) : null;
  if (between === null) return { estimate, se: null, df: null, sd, exact: false, imputed };
  const se = Math.sqrt(between + within);
  // n = N = 1: the only unit's own degrees of freedom carry the interval.
  const df = n >= 2 ? n - 1 : units[0].df;
  return { estimate, se, df, sd, exact: n === M && within === 0, imputed };
}

interface AssembleInput {
  opts: AreaOptions & { settings: MethodSettings };
  aggregation: Aggregation;
  units: readonly Unit[];
  stats: TwoTermStats;
  citizenReports: number;
  subjectsWithCitizenData: number;
  formula: string;
}

function assembleRow(a: AssembleInput): AggregateRow {
  const { opts, stats } = a;
  const settings = opts.settings;
  const t = settings.thresholds;
  const citizen = needsCitizenData(opts.indicator);
  const n = a.units.length;
  const N = opts.universe;
  const municipalitiesWithData = new Set(a.units.map((u) => u.municipality)).size;
  const perMunicipality = opts.scope === 'municipality';

  // §6 minimum of the scope. Government-only indicators (TG, PG, I_G, …) need no citizen data, so
  // their minimum counts subjects / municipalities *with a value* and has no report count.
  let meetsMinimum: boolean;
  let neededReports: number | null = null;
  let neededMunicipalities: number | null = null;
  let minimumForNeeded: number;
  if (perMunicipality) {
    const reportsOk = !citizen || a.citizenReports >= t.municipalityMinReports;
    meetsMinimum = reportsOk && n >= t.municipalityMinSubjects;
    if (citizen) neededReports = Math.max(0, t.municipalityMinReports - a.citizenReports);
    minimumForNeeded = t.municipalityMinSubjects;
  } else {
    const M = opts.municipalitiesInUniverse;
    if (M === null || !(M > 0)) {
      throw new MetricInputError('UNIVERSE_MISSING', `${opts.scope} ${opts.scopeKey}: municipalities in the universe are required`);
    }
    meetsMinimum = municipalitiesWithData >= t.areaMinMunicipalities || municipalitiesWithData / M >= t.areaMinMunicipalityShare;
    const required = Math.min(t.areaMinMunicipalities, ceilTolerant(t.areaMinMunicipalityShare * M));
    neededMunicipalities = Math.max(0, required - municipalitiesWithData);
    // Each missing municipality needs at least one more responding unit.
    minimumForNeeded = n + neededMunicipalities;
  }

  const precision =
    stats.estimate === null
      ? { lo: null, hi: null, halfWidth: null, cv: null, interval: 'none' as const }
      : stats.exact
        ? exactPrecision(stats.estimate)
        : precisionOf(stats.estimate, stats.se, stats.df, settings.confidence);
  const { status, reasons } = classifyStatus(
    {
      // Rule 1 for government-only indicators: none of the subjects behind the value was validated.
      needsCitizenData: true,
      hasCitizenData: citizen ? n > 0 : a.subjectsWithCitizenData > 0,
      meetsMinimum,
      estimate: stats.estimate,
      se: stats.se,
      halfWidth: precision.halfWidth,
      responseShare: N > 0 ? n / N : null,
    },
    settings,
  );
  const needed = status === 'conclusive' ? 0 : neededSample({ n, sd: stats.sd, N, minimum: minimumForNeeded, settings });

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
    status,
    reasons,
    needed,
    formula: a.formula,
    coverage: {
      responding: n,
      universe: N,
      citizenReports: a.citizenReports,
      subjectsWithCitizenData: a.subjectsWithCitizenData,
      municipalitiesWithData,
      municipalitiesInUniverse: perMunicipality ? null : opts.municipalitiesInUniverse,
      meetsMinimum,
      neededReports,
      neededMunicipalities,
      imputedSE: stats.imputed,
    },
  };
}

/** One institution's result with where it sits. */
export interface InstitutionPlacement {
  result: InstitutionResult;
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
}

const SCOPE_ORDER: readonly Scope[] = ['municipality', 'state', 'national', 'level', 'type'];
const AGGREGATION_ORDER: readonly Aggregation[] = ['unweighted', 'mean_of_municipalities', 'population_weighted'];

/**
 * Every aggregate of a round: by municipality, state (three means), national (three means), level of
 * government and institution type, for each indicator. Every key of the universe gets rows, also
 * areas without any result (status not_validated / inconclusive, with the needed sample), so the
 * recruitment planner sees them. Rows come sorted by scope, key, aggregation and indicator.
 */
export function computeAggregates(
  institutions: readonly InstitutionPlacement[],
  universe: AggregationUniverse,
  settings: MethodSettings = DEFAULT_METHOD_SETTINGS,
  indicators: readonly Indicator[] = INDICATORS,
): AggregateRow[] {
  const placements = [...institutions].sort((a, b) => compareStrings(a.result.institutionId, b.result.institutionId));
  const byMunicipality = groupBy(placements, (p) => p.cvegeo);
  const byState = groupBy(placements, (p) => p.cveEnt);
  const byLevel = groupBy(placements, (p) => p.level);
  const byType = groupBy(placements, (p) => p.type);
  const stateOfMunicipality = emptyRecord<string>();
  for (const p of placements) stateOfMunicipality[p.cvegeo] = p.cveEnt;

  const need = (record: Record<string, number>, key: string, what: string): number => {
    const v = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    if (v === undefined) throw new MetricInputError('UNIVERSE_MISSING', `universe has no ${what} count for ${key}`);
    return v;
  };
  const keysOf = (universeRecord: Record<string, number>, groups: Record<string, InstitutionPlacement[]>, what: string): string[] => {
    for (const k of Object.keys(groups)) need(universeRecord, k, what);
    return sortedKeys(universeRecord);
  };

  const rows: AggregateRow[] = [];
  for (const indicator of indicators) {
    const membersOf = (ps: readonly InstitutionPlacement[] | undefined): AreaMember[] =>
      (ps ?? []).map((p) => ({
        institutionId: p.result.institutionId,
        municipality: p.cvegeo,
        value: p.result.values[indicator],
        validators: p.result.validators,
        hasCitizenData: p.result.values.I !== null,
      }));

    const municipalUnits: MunicipalUnit[] = [];
    for (const m of keysOf(universe.institutionsPerMunicipality, byMunicipality, 'institutions-per-municipality')) {
      const row = aggregateArea(membersOf(byMunicipality[m]), {
        scope: 'municipality',
        scopeKey: m,
        indicator,
        universe: universe.institutionsPerMunicipality[m],
        municipalitiesInUniverse: null,
        settings,
      });
      rows.push(row);
      const pop = Object.prototype.hasOwnProperty.call(universe.population, m) ? universe.population[m] : null;
      municipalUnits.push({ municipality: m, row, population: pop });
    }

    // Municipalities without results have no state here, but also no value: they do not enter the means.
    const unitsByState = groupBy(municipalUnits, (u) => stateOfMunicipality[u.municipality] ?? '');
    for (const s of keysOf(universe.institutionsPerState, byState, 'institutions-per-state')) {
      const M = need(universe.municipalitiesPerState, s, 'municipalities-per-state');
      rows.push(
        aggregateArea(membersOf(byState[s]), {
          scope: 'state',
          scopeKey: s,
          indicator,
          universe: universe.institutionsPerState[s],
          municipalitiesInUniverse: M,
          settings,
        }),
      );
      const units = unitsByState[s] ?? [];
      for (const aggregation of ['mean_of_municipalities', 'population_weighted'] as const) {
        rows.push(aggregateMunicipalMeans(units, { scope: 'state', scopeKey: s, indicator, aggregation, municipalitiesInUniverse: M, settings }));
      }
    }

    rows.push(
      aggregateArea(membersOf(placements), {
        scope: 'national',
        scopeKey: 'national',
        indicator,
        universe: universe.total,
        municipalitiesInUniverse: universe.totalMunicipalities,
        settings,
      }),
    );
    for (const aggregation of ['mean_of_municipalities', 'population_weighted'] as const) {
      rows.push(
        aggregateMunicipalMeans(municipalUnits, {
          scope: 'national',
          scopeKey: 'national',
          indicator,
          aggregation,
          municipalitiesInUniverse: universe.totalMunicipalities,
          settings,
        }),
      );
    }

    for (const l of keysOf(universe.institutionsPerLevel, byLevel, 'institutions-per-level')) {
      rows.push(
        aggregateArea(membersOf(byLevel[l]), {
          scope: 'level',
          scopeKey: l,
          indicator,
          universe: universe.institutionsPerLevel[l],
          municipalitiesInUniverse: need(universe.municipalitiesPerLevel, l, 'municipalities-per-level'),
          settings,
        }),
      );
    }
    for (const ty of keysOf(universe.institutionsPerType, byType, 'institutions-per-type')) {
      rows.push(
        aggregateArea(membersOf(byType[ty]), {
          scope: 'type',
          scopeKey: ty,
          indicator,
          universe: universe.institutionsPerType[ty],
          municipalitiesInUniverse: need(universe.municipalitiesPerType, ty, 'municipalities-per-type'),
          settings,
        }),
      );
    }
  }
  const indicatorRank = new Map(indicators.map((ind, i) => [ind, i]));
  return rows.sort(
    (a, b) =>
      SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) ||
      compareStrings(a.scopeKey, b.scopeKey) ||
      AGGREGATION_ORDER.indexOf(a.aggregation) - AGGREGATION_ORDER.indexOf(b.aggregation) ||
      (indicatorRank.get(a.indicator) ?? 0) - (indicatorRank.get(b.indicator) ?? 0),
  );
}
