/**
 * Needed sample (METHOD.md §6): for a value that is not conclusive, the smallest additions that make
 * its *projected* status conclusive under every rule (t quantile with the new degrees of freedom, CV,
 * half-width, minimums, coverage, response and validated shares):
 *   1. `neededSubjects` — the fewest additional subjects with citizen data without which no number of
 *      reports could make it conclusive (they go first to municipalities without citizen data; each
 *      brings the institution minimum of reports at the pooled spread);
 *   2. `neededReports` — then the fewest additional reports, each placed where it most reduces the SE.
 * Null when no citizen addition can help (reason `not_reachable_by_sampling`): only more
 * self-reports can. The recruitment planner sums these per municipality.
 */
import { citizenShare, GOVERNMENT_PERSPECTIVE, Indicator, needsCitizenData } from './indicators';
import type { Scope } from './aggregate';
import type { MethodSettings } from './settings';
import { ceilTolerant, smallestTrue } from './order';
import { boundVariance } from './smalln';
import { statusOf } from './status';
import { criticalValue } from './uncertainty';

/** §6: spread assumed when fewer than 2 observations exist (the largest sd of a [0,1] variable). */
export const DEFAULT_SD = 0.5;

export interface NeededSampleInput {
  /** Observations already there. */
  n: number;
  /** Observed spread; null (or n < 2) means "use 0.5". */
  sd: number | null;
  /** Finite universe size, or null for an unbounded one. */
  N: number | null;
  /** The scope's minimum n. */
  minimum: number;
  settings: MethodSettings;
}

/**
 * The classic planning formula n0 = (z·sd/h*)², n = n0/(1 + (n0 − 1)/N), used by the recruitment
 * planner for a quick per-municipality target before any result exists; stored values carry the exact
 * procedure below.
 */
export function neededSample({ n, sd, N, minimum, settings }: NeededSampleInput): number {
  const spread = sd === null || n < 2 ? DEFAULT_SD : sd;
  const z = criticalValue(settings.confidence, null);
  const h = settings.thresholds.targetHalfWidth;
  const n0 = ((z * spread) / h) ** 2;
  const required = N !== null && n0 > 0 ? n0 / (1 + (n0 - 1) / N) : n0;
  const needed = Math.max(0, ceilTolerant(required) - n, minimum - n);
  return N !== null ? Math.min(needed, Math.max(0, N - n)) : needed;
}

export interface ProjectionUnit {
  municipality: string;
  x: number;
  /** Within variance (SE²); null when unknown (the bound is used). */
  v: number | null;
  nu: number | null;
  /** Reports behind the unit. */
  reports: number;
  /** Per-report variance: adding a report to a unit with r reports makes its variance perReport/(r + 1). */
  perReport: number;
  validated: boolean;
}

export interface AreaProjection {
  scope: Scope;
  indicator: Indicator;
  estimate: number | null;
  units: readonly ProjectionUnit[];
  N: number | null;
  municipalitiesInUniverse: number | null;
  citizenReports: number;
  validatedMembers: number;
  /** Subjects that could still join the value with citizen data. */
  candidates: number;
  /** Pooled per-validator variance of the indicator at institution level (new subjects' spread). */
  pooledVariance: number;
  settings: MethodSettings;
}

/** Upper bound of additional reports searched before a value is called unreachable. */
const REPORT_CAP = 20000;
/** Further subjects tried when the fewest subjects would need more reports than REPORT_CAP. */
const EXTRA_SUBJECT_TRIES = 64;

interface Projected {
  within: Float64Array;
  reports: Float64Array;
  perReport: Float64Array;
  nu: Array<number | null>;
}

/** What a projection of one area needs to know besides the additions (computed once per area). */
interface AreaFacts {
  p: AreaProjection;
  citizen: boolean;
  government: boolean;
  /** Whether additions join the value as members (citizen values and ΔG) or only validate it. */
  addsMembers: boolean;
  n: number;
  estimate: number;
  share: number;
  /** Between-subject spread of new members. */
  s2: number;
  municipalities: number;
  validatedMunicipalities: number;
}

/** Between-subject spread of new members: the observed one, or the bound of a [0,1] value. */
function memberSpread(units: readonly ProjectionUnit[], estimate: number, share: number): number {
  const n = units.length;
  let mean = 0;
  for (const u of units) mean += u.x;
  mean = n > 0 ? mean / n : estimate;
  let ss = 0;
  for (const u of units) ss += (u.x - mean) ** 2;
  return n >= 2 ? ss / (n - 1) : share > 0 ? boundVariance(share) : boundVariance(1);
}

function areaFacts(p: AreaProjection): AreaFacts {
  const citizen = needsCitizenData(p.indicator);
  const estimate = p.estimate ?? 0.5;
  const share = citizenShare(p.indicator);
  return {
    p,
    citizen,
    government: GOVERNMENT_PERSPECTIVE.has(p.indicator),
    // Who joins the value: citizen values and ΔG gain members; other government values gain validation.
    addsMembers: citizen || p.indicator === 'DELTA_G',
    n: p.units.length,
    estimate,
    share,
    s2: memberSpread(p.units, estimate, share),
    municipalities: new Set(p.units.map((u) => u.municipality)).size,
    validatedMunicipalities: new Set(p.units.filter((u) => u.validated).map((u) => u.municipality)).size,
  };
}

export function neededForArea(p: AreaProjection): { neededSubjects: number; neededReports: number } | null {
  const f = areaFacts(p);
  if (f.n === 0 && !f.addsMembers) return null;
  const maxSubjects = Number.isFinite(p.candidates) ? Math.max(0, Math.floor(p.candidates)) : REPORT_CAP;

  // 1. Subjects: the fewest whose addition makes it conclusive with unlimited reports.
  let subjects: number | null;
  if (conclusiveWith(f, 0, 'infinite', 0)) subjects = 0;
  else subjects = maxSubjects === 0 ? null : smallestTrue((m) => conclusiveWith(f, m, 'infinite', 0), maxSubjects);
  if (subjects === null) return null;
  for (let m = subjects; m <= Math.min(maxSubjects, subjects + EXTRA_SUBJECT_TRIES); m++) {
    const reports = neededReportsWith(f, m);
    if (reports !== null) return { neededSubjects: m, neededReports: reports };
  }
  return null;
}

function neededReportsWith(f: AreaFacts, m: number): number | null {
  // 2. Reports, greedily placed where each most reduces the SE (prefix-consistent: the allocation for R
  // reports extends the one for R − 1), found by exponential search then bisection.
  const allocate = (R: number): Projected => {
    const state = initialProjection(f, m);
    if (state.within.length === 0) return state;
    const heap = new ReductionHeap(state);
    for (let k = 0; k < R; k++) heap.addOne();
    return state;
  };
  if (conclusiveWith(f, m, allocate(0), 0)) return 0;
  return smallestTrue((R) => conclusiveWith(f, m, allocate(R), R), REPORT_CAP);
}

/** The units as they are, plus `m` new members each with the institution minimum of reports. */
function initialProjection(f: AreaFacts, m: number): Projected {
  const { p, share, citizen } = f;
  const minR = p.settings.thresholds.institutionMinReports;
  const within: number[] = [];
  const reports: number[] = [];
  const perReport: number[] = [];
  const nu: Array<number | null> = [];
  for (const u of p.units) {
    const r = Math.max(1, u.reports);
    within.push(u.v ?? boundVariance(share > 0 ? share : 1));
    reports.push(r);
    perReport.push(u.v !== null && u.reports > 0 ? u.v * u.reports : u.perReport);
    nu.push(u.nu);
  }
  if (f.addsMembers) {
    for (let k = 0; k < m; k++) {
      within.push(citizen ? p.pooledVariance / minR : 0);
      reports.push(minR);
      perReport.push(citizen ? p.pooledVariance : 0);
      nu.push(null);
    }
  }
  return {
    within: Float64Array.from(within),
    reports: Float64Array.from(reports),
    perReport: Float64Array.from(perReport),
    nu,
  };
}

/** SE and half-width of the projected mean of `members`; null when its spread is unknown (fewer than 2). */
function projectedPrecision(
  f: AreaFacts,
  members: number,
  extra: Projected | 'infinite',
): { se: number; halfWidth: number } | null {
  const { p, s2 } = f;
  const fpc = p.N === null ? 1 : Math.max(0, 1 - members / p.N);
  const between = p.N !== null && members >= p.N ? 0 : members >= 2 ? (fpc * s2) / members : null;
  if (between === null) return null;
  let within = 0;
  let wsDen = between > 0 ? (between * between) / (members - 1) : 0;
  if (extra !== 'infinite') {
    for (let i = 0; i < extra.within.length; i++) {
      const term = extra.within[i] / (members * members);
      within += term;
      const nu = extra.nu[i];
      if (nu !== null && nu > 0 && term > 0) wsDen += (term * term) / nu;
    }
  }
  const total = between + within;
  const se = Math.sqrt(total);
  const df = total === 0 ? null : wsDen > 0 ? (total * total) / wsDen : null;
  return { se, halfWidth: criticalValue(p.settings.confidence, df === null ? null : Math.max(1, df)) * se };
}

/** The projected minimums and validation coverage; null when the area has no municipal universe. */
function projectedMinimums(
  f: AreaFacts,
  m: number,
  members: number,
  validated: number,
  reports: number,
): { meetsMinimum: boolean; validationCovered: boolean | null } | null {
  const { p, citizen, government, addsMembers, municipalities, validatedMunicipalities } = f;
  const t = p.settings.thresholds;
  const M = p.municipalitiesInUniverse;
  let meetsMinimum: boolean;
  let validationCovered: boolean | null = null;
  if (p.scope === 'municipality') {
    const minSubjects = Math.min(t.municipalityMinSubjects, p.N ?? t.municipalityMinSubjects);
    meetsMinimum = (!citizen || reports >= t.municipalityMinReports) && members >= minSubjects;
    if (government) validationCovered = reports >= t.municipalityMinReports && validated >= minSubjects;
  } else {
    if (M === null || !(M > 0)) return null;
    const covered = (k: number): boolean => k >= t.areaMinMunicipalities || k / M >= t.areaMinMunicipalityShare;
    const withData = addsMembers ? Math.min(M, municipalities + m) : municipalities;
    meetsMinimum = covered(withData);
    if (government) validationCovered = covered(Math.min(municipalities, validatedMunicipalities + m));
  }
  return { meetsMinimum, validationCovered };
}

/** Whether the value would be conclusive with `m` more subjects and these within terms (or unlimited reports). */
function conclusiveWith(f: AreaFacts, m: number, extra: Projected | 'infinite', addedReports: number): boolean {
  const { p, citizen, government } = f;
  const members = f.n + (f.addsMembers ? m : 0);
  if (members === 0) return false;
  const validated = Math.min(members, p.validatedMembers + m);
  const precision = projectedPrecision(f, members, extra);
  if (precision === null) return false;
  const reports =
    extra === 'infinite'
      ? Number.POSITIVE_INFINITY
      : p.citizenReports + m * p.settings.thresholds.institutionMinReports + addedReports;
  const minimums = projectedMinimums(f, m, members, validated, reports);
  if (minimums === null) return false;
  const status = statusOf(
    {
      needsCitizenData: citizen,
      hasCitizenData: true,
      validationCovered: minimums.validationCovered,
      validatedShare: government ? validated / members : null,
      meetsMinimum: minimums.meetsMinimum,
      estimate: f.estimate,
      se: precision.se,
      halfWidth: precision.halfWidth,
      responseShare: p.N !== null && p.N > 0 ? members / p.N : null,
    },
    p.settings,
  );
  return status === 'conclusive';
}

/** Max-heap of units by the variance one more report would remove from them. */
class ReductionHeap {
  private readonly heap: number[] = [];

  constructor(private readonly s: Projected) {
    for (let i = 0; i < s.within.length; i++) this.push(i);
  }

  private gain(i: number): number {
    const r = this.s.reports[i];
    return this.s.perReport[i] / r - this.s.perReport[i] / (r + 1);
  }

  private better(a: number, b: number): boolean {
    const ga = this.gain(a);
    const gb = this.gain(b);
    return ga > gb || (ga === gb && a < b);
  }

  private push(i: number): void {
    const h = this.heap;
    h.push(i);
    let k = h.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.better(h[k], h[parent])) break;
      [h[k], h[parent]] = [h[parent], h[k]];
      k = parent;
    }
  }

  private pop(): number {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as number;
    if (h.length > 0) {
      h[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let best = k;
        if (l < h.length && this.better(h[l], h[best])) best = l;
        if (r < h.length && this.better(h[r], h[best])) best = r;
        if (best === k) break;
        [h[k], h[best]] = [h[best], h[k]];
        k = best;
      }
    }
    return top;
  }

  addOne(): void {
    const i = this.pop();
    this.s.reports[i] += 1;
    this.s.within[i] = this.s.perReport[i] / this.s.reports[i];
    const nu = this.s.nu[i];
    if (nu !== null) this.s.nu[i] = nu + 1;
    this.push(i);
  }
}
