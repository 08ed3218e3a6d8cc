/**
 * One institution's scores and their uncertainty (METHOD.md §3 and §5, status and needed sample §6).
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
import { Estimate, exactPrecision, Precision, precisionOf, wilsonPrecision } from './estimate';
import { Indicator } from './indicators';
import { neededSample } from './needed';
import { compareStrings } from './order';
import { DEFAULT_METHOD_SETTINGS, METHOD_ID, METHOD_VERSION, MethodSettings, SUB_INDICES, SubIndexCode } from './settings';
import { classifyStatus } from './status';
import { resolveSubIndex, SubIndexInfo, weightedValue } from './subindices';
import { clusteredLinearVariance } from './uncertainty';

export interface InstitutionInput {
  institutionId: string;
  /** Scored answers of the submitted self-report, or null when the institution did not submit. */
  selfReport: ScoredAnswer[] | null;
  /** Verdict counts per self-report item name (`unverifiable` verdicts are not counted). */
  verifications: Record<string, VerificationCounts>;
  citizenReports: CitizenReport[];
}

export interface CitizenComponentResult extends CitizenComponent {
  value: Estimate;
}

export interface InstitutionResult {
  methodId: string;
  methodVersion: string;
  institutionId: string;
  selfReported: boolean;
  /** Citizen reports received, and distinct validators behind them (the clusters). */
  citizenReports: number;
  validators: number;
  items: ItemResult[];
  governmentComponents: GovernmentComponent[];
  citizenComponents: CitizenComponentResult[];
  /** Weights actually used, partial flag and missing components; null when the sub-index is missing. */
  subIndices: Record<SubIndexCode, SubIndexInfo | null>;
  /** Every indicator; null when it cannot be computed (e.g. T, P, I without citizen sub-indices). */
  values: Record<Indicator, Estimate | null>;
  /** What to publish for this institution: I when computable, otherwise I_G (not validated). */
  headline: 'I' | 'I_G' | null;
  /** Additional citizen reports (validators) for I to become conclusive; 0 when it is. */
  neededReports: number;
  warnings: string[];
}

const GOVERNMENT_PREFIXES = ['TG.', 'PG.'];
const CITIZEN_PREFIXES = ['TC.', 'PC.'];
const hasPrefix = (code: string, prefixes: readonly string[]): boolean => prefixes.some((p) => code.startsWith(p));

/** A value built from citizen component means: estimate and coefficients on each component (for the SE). */
interface CitizenCombo {
  estimate: number;
  coefficients: Record<string, number>;
  formula: string;
  /** Set when the value is a single binary component (Wilson interval, §5). */
  wilson: Precision | null;
  /** A single component's own n and SE (sd/√n), reported as is rather than re-derived. */
  direct?: { n: number; se: number | null; sd: number | null };
}

export function computeInstitution(input: InstitutionInput, settings: MethodSettings = DEFAULT_METHOD_SETTINGS): InstitutionResult {
  const warnings: string[] = [];
  const confidence = settings.confidence;
  const minimum = settings.thresholds.institutionMinReports;

  // §3.1–3.2 self-report.
  let items: ItemResult[] = [];
  if (input.selfReport !== null) {
    const clean = sanitiseAnswers(input.selfReport, 'self-report', warnings);
    for (const a of clean) {
      if (!hasPrefix(a.component, GOVERNMENT_PREFIXES)) {
        warnings.push(`self-report item ${a.name} has component ${a.component} (not TG.* or PG.*); ignored`);
      }
    }
    items = validateItems(
      clean.filter((a) => hasPrefix(a.component, GOVERNMENT_PREFIXES)),
      input.verifications,
      confidence,
      warnings,
    );
  } else if (Object.keys(input.verifications).length > 0) {
    warnings.push('verdicts present but no self-report; ignored');
  }
  const govComponents = governmentComponents(items);
  const govByCode = new Map(govComponents.map((c) => [c.code, c]));

  // §3.3 citizen reports, in canonical order.
  const reports = [...input.citizenReports]
    .sort((a, b) => compareStrings(a.reportId, b.reportId) || compareStrings(a.validatorId, b.validatorId))
    .map((r) => {
      const clean = sanitiseAnswers(r.answers, `citizen report ${r.reportId}`, warnings);
      for (const a of clean) {
        if (!hasPrefix(a.component, CITIZEN_PREFIXES)) {
          warnings.push(`citizen report ${r.reportId} item ${a.name} has component ${a.component} (not TC.* or PC.*); ignored`);
        }
      }
      return { ...r, answers: clean.filter((a) => hasPrefix(a.component, CITIZEN_PREFIXES)) };
    });
  for (let i = 1; i < reports.length; i++) {
    if (reports[i].reportId === reports[i - 1].reportId) warnings.push(`citizen report ${reports[i].reportId} appears more than once`);
  }
  const citComponents = citizenComponents(reports, confidence);
  const citByCode = new Map(citComponents.map((c) => [c.code, c]));
  const validators = new Set(reports.map((r) => r.validatorId)).size;

  // §3.4 sub-index weights over the present components.
  const present = new Set<string>([...govByCode.keys(), ...citByCode.keys()]);
  const subIndices: Record<SubIndexCode, SubIndexInfo | null> = {
    TG: resolveSubIndex('TG', present, settings),
    TC: resolveSubIndex('TC', present, settings),
    PG: resolveSubIndex('PG', present, settings),
    PC: resolveSubIndex('PC', present, settings),
  };
  for (const comp of [...present].sort(compareStrings)) {
    const [sub, suffix] = splitCode(comp);
    const w = sub === null ? undefined : settings.weights[sub][suffix];
    if (w === undefined || !(w > 0)) warnings.push(`component ${comp} has no weight in the method settings; not used in any sub-index`);
  }

  const citizenCombo = (code: 'TC' | 'PC'): CitizenCombo | null => {
    const info = subIndices[code];
    if (info === null) return null;
    const only = Object.keys(info.weights);
    const single = only.length === 1 ? citByCode.get(only[0]) : undefined;
    return {
      estimate: weightedValue(info, (k) => (citByCode.get(k) as CitizenComponent).mean),
      coefficients: { ...info.weights },
      formula: info.formula,
      wilson: single !== undefined && single.wilson !== null ? wilsonPrecision(single.mean, single.se, single.wilson) : null,
    };
  };
  const tc = citizenCombo('TC');
  const pc = citizenCombo('PC');
  const citizenComplete = tc !== null && pc !== null;

  const clustered = citComponents.map(toClustered);
  const estimateCitizen = (combo: CitizenCombo): Estimate => {
    const { n, variance } = combo.direct
      ? { n: combo.direct.n, variance: combo.direct.se === null ? null : combo.direct.se ** 2 }
      : clusteredLinearVariance(clustered, combo.coefficients);
    const se = combo.direct ? combo.direct.se : variance === null ? null : Math.sqrt(variance);
    const df = n >= 2 ? n - 1 : null;
    const sd = combo.direct ? combo.direct.sd : se === null ? null : se * Math.sqrt(n);
    const precision = combo.wilson ?? precisionOf(combo.estimate, se, df, confidence);
    const { status, reasons } = classifyStatus(
      {
        needsCitizenData: true,
        hasCitizenData: n > 0,
        meetsMinimum: n >= minimum,
        estimate: combo.estimate,
        se,
        halfWidth: precision.halfWidth,
        responseShare: null,
      },
      settings,
    );
    const needed = status === 'conclusive' ? 0 : neededSample({ n, sd, N: null, minimum, settings });
    return {
      estimate: combo.estimate,
      se,
      ...pick(precision),
      n,
      N: null,
      df: precision.interval === 't' ? df : null,
      sd,
      interval: precision.interval,
      status,
      reasons,
      needed,
      formula: combo.formula,
    };
  };

  const tgInfo = subIndices.TG;
  const pgInfo = subIndices.PG;
  const govValue = (info: SubIndexInfo | null, raw: boolean): number | null =>
    info === null
      ? null
      : weightedValue(info, (k) => {
          const c = govByCode.get(k) as GovernmentComponent;
          return raw ? c.raw : c.validated;
        });
  const tg = govValue(tgInfo, false);
  const pg = govValue(pgInfo, false);
  const tgRaw = govValue(tgInfo, true);
  const pgRaw = govValue(pgInfo, true);

  // §3.5: T = (TG + TC)/2, P = (PG + PC)/2, I = (T + P)/2. The self-report parts are constants (SE 0),
  // so only the citizen coefficients carry variance. Each needs all its parts: never a silent mix.
  const tCombo: CitizenCombo | null =
    tg !== null && tc !== null
      ? { estimate: (tg + tc.estimate) / 2, coefficients: scale(tc.coefficients, 0.5), formula: 'T = (TG + TC)/2', wilson: null }
      : null;
  const pCombo: CitizenCombo | null =
    pg !== null && pc !== null
      ? { estimate: (pg + pc.estimate) / 2, coefficients: scale(pc.coefficients, 0.5), formula: 'P = (PG + PC)/2', wilson: null }
      : null;
  const iCombo: CitizenCombo | null =
    tCombo !== null && pCombo !== null && tc !== null && pc !== null
      ? {
          estimate: (tCombo.estimate + pCombo.estimate) / 2,
          coefficients: { ...scale(tc.coefficients, 0.25), ...scale(pc.coefficients, 0.25) },
          formula: 'I = (T + P)/2 = (TG + TC + PG + PC)/4',
          wilson: null,
        }
      : null;

  const citizenValues = {
    TC: tc === null ? null : estimateCitizen(tc),
    PC: pc === null ? null : estimateCitizen(pc),
    T: tCombo === null ? null : estimateCitizen(tCombo),
    P: pCombo === null ? null : estimateCitizen(pCombo),
    I: iCombo === null ? null : estimateCitizen(iCombo),
  };
  // Validators still needed for I to be conclusive: the recruitment planner's number, also carried
  // by the not-validated census values below.
  const neededReports =
    citizenValues.I !== null ? citizenValues.I.needed : neededSample({ n: validators, sd: null, N: null, minimum, settings });

  // Government-perspective values are a census of the institution's own answers (SE 0, §5). Their
  // status says whether the citizen perspective exists beside them (§3.5): `not_validated` unless
  // both citizen sub-indices could be computed, in which case `conclusive`.
  const census = (estimate: number | null, formula: string): Estimate | null => {
    if (estimate === null) return null;
    const precision = exactPrecision(estimate);
    const { status, reasons } = classifyStatus(
      {
        needsCitizenData: true,
        hasCitizenData: citizenComplete,
        meetsMinimum: true,
        estimate,
        se: 0,
        halfWidth: 0,
        responseShare: null,
      },
      settings,
    );
    return {
      estimate,
      se: 0,
      ...pick(precision),
      n: null,
      N: null,
      df: null,
      sd: null,
      interval: precision.interval,
      status,
      reasons,
      needed: status === 'conclusive' ? 0 : neededReports,
      formula,
    };
  };

  const iG = tg !== null && pg !== null ? (tg + pg) / 2 : null;
  const iGRaw = tgRaw !== null && pgRaw !== null ? (tgRaw + pgRaw) / 2 : null;
  const values: Record<Indicator, Estimate | null> = {
    I: citizenValues.I,
    T: citizenValues.T,
    P: citizenValues.P,
    TG: census(tg, tgInfo === null ? '' : `${tgInfo.formula} (validated scores s')`),
    TC: citizenValues.TC,
    PG: census(pg, pgInfo === null ? '' : `${pgInfo.formula} (validated scores s')`),
    PC: citizenValues.PC,
    I_G: census(iG, "I_G = (TG + PG)/2 (government perspective only, validated scores s')"),
    TG_raw: census(tgRaw, tgInfo === null ? '' : `${tgInfo.formula.replace(/^TG/, 'TG_raw')} (self-reported scores s)`),
    PG_raw: census(pgRaw, pgInfo === null ? '' : `${pgInfo.formula.replace(/^PG/, 'PG_raw')} (self-reported scores s)`),
    I_G_raw: census(iGRaw, 'I_G_raw = (TG_raw + PG_raw)/2 (self-reported scores s)'),
    DELTA_G: census(iG !== null && iGRaw !== null ? iGRaw - iG : null, 'ΔG = I_G_raw − I_G (self-report inflation)'),
  };

  const citizenComponentResults: CitizenComponentResult[] = citComponents.map((c) => ({
    ...c,
    value: estimateCitizen({
      estimate: c.mean,
      coefficients: { [c.code]: 1 },
      formula: `${c.code} = mean over validators of the weighted item mean`,
      wilson: c.wilson === null ? null : wilsonPrecision(c.mean, c.se, c.wilson),
      direct: { n: c.n, se: c.se, sd: c.sd },
    }),
  }));

  return {
    methodId: METHOD_ID,
    methodVersion: METHOD_VERSION,
    institutionId: input.institutionId,
    selfReported: input.selfReport !== null,
    citizenReports: reports.length,
    validators,
    items,
    governmentComponents: govComponents,
    citizenComponents: citizenComponentResults,
    subIndices,
    values,
    headline: values.I !== null ? 'I' : values.I_G !== null ? 'I_G' : null,
    neededReports,
    warnings,
  };
}

function toClustered(c: CitizenComponent): { code: string; mean: number; clusters: Array<{ clusterId: string; value: number }> } {
  return { code: c.code, mean: c.mean, clusters: c.validators.map((v) => ({ clusterId: v.validatorId, value: v.value })) };
}

function scale(coefficients: Record<string, number>, factor: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(coefficients).sort(compareStrings)) out[k] = coefficients[k] * factor;
  return out;
}

function pick(p: Precision): { lo: number | null; hi: number | null; cv: number | null; halfWidth: number | null } {
  return { lo: p.lo, hi: p.hi, cv: p.cv, halfWidth: p.halfWidth };
}

function splitCode(code: string): [SubIndexCode | null, string] {
  const dot = code.indexOf('.');
  const sub = code.slice(0, dot);
  const known = (SUB_INDICES as readonly string[]).includes(sub);
  return [known ? (sub as SubIndexCode) : null, code.slice(dot + 1)];
}
