/**
 * Method identity and round settings (METHOD.md §3.4 weights, §5 confidence/bootstrap, §6 thresholds).
 *
 * A round may override any of these; the API validates the override with `resolveSettings` before
 * storing it, and the worker resolves it again before computing, so both see the same numbers.
 */

export const METHOD_ID = 'mga-2017/apertura-2';
export const METHOD_VERSION = '2.0.0';
/** Earlier methods whose stored results stay readable (labelled with their own id). */
export const PREVIOUS_METHOD_IDS: readonly string[] = ['mga-2017/apertura-1'];

export type SubIndexCode = 'TG' | 'TC' | 'PG' | 'PC';
export const SUB_INDICES: readonly SubIndexCode[] = ['TG', 'TC', 'PG', 'PC'];
/** Sub-indices fed by the self-report (government perspective) and by citizen reports. */
export const GOVERNMENT_SUB_INDICES: readonly SubIndexCode[] = ['TG', 'PG'];
export const CITIZEN_SUB_INDICES: readonly SubIndexCode[] = ['TC', 'PC'];

export interface MethodThresholds {
  /** §6: citizen reports (independent validators) an institution needs to be conclusive. */
  institutionMinReports: number;
  /** §6: citizen reports a municipality needs. */
  municipalityMinReports: number;
  /** §6: subjects with citizen data a municipality needs. */
  municipalityMinSubjects: number;
  /** §6: a state / the round needs this many municipalities with citizen data… */
  areaMinMunicipalities: number;
  /** …or this share of its municipalities. */
  areaMinMunicipalityShare: number;
  cvCaution: number;
  cvInconclusive: number;
  halfWidthCaution: number;
  halfWidthInconclusive: number;
  /** A value at or above its minimum with half-width ≤ this is conclusive whatever its CV. */
  halfWidthConclusive: number;
  /** h* of the needed-sample rule. */
  targetHalfWidth: number;
  /** Fewer than this share of the universe responding gives `caution`. */
  responseShareCaution: number;
  /** Government-perspective aggregates with a validated share below this are `caution` (§6 rule 3). */
  validatedShareCaution: number;
}

export interface MethodSettings {
  /** Component weights per sub-index, keyed by component suffix (`AI` for `TG.AI`). */
  weights: Record<SubIndexCode, Record<string, number>>;
  thresholds: MethodThresholds;
  bootstrapReplicates: number;
  /** Confidence level of every interval (and of the z of the needed-sample rule). */
  confidence: number;
}

/** What a round may store: any subset. A sub-index weight map, when given, replaces the default one. */
export interface PartialMethodSettings {
  weights?: Partial<Record<SubIndexCode, Record<string, number>>>;
  thresholds?: Partial<MethodThresholds>;
  bootstrapReplicates?: number;
  confidence?: number;
}

export const DEFAULT_METHOD_SETTINGS: MethodSettings = deepFreeze({
  weights: {
    // Métrica de Gobierno Abierto 2017, Annex 1.
    TG: { AI: 0.5, TR: 0.2, TP: 0.2, DA: 0.1 },
    TC: { Disp: 0.25, Clar: 0.25, Comp: 0.25, Cel: 0.25 },
    PG: { Mec: 0.2, Act: 0.1, Fun: 0.3, Form: 0.1, Seg: 0.3 },
    PC: { Met: 0.2, Recep: 0.3, Act: 0.3, Cel: 0.2 },
  },
  thresholds: {
    institutionMinReports: 5,
    municipalityMinReports: 10,
    municipalityMinSubjects: 2,
    areaMinMunicipalities: 30,
    areaMinMunicipalityShare: 0.5,
    cvCaution: 0.15,
    cvInconclusive: 0.3,
    halfWidthCaution: 0.1,
    halfWidthInconclusive: 0.15,
    halfWidthConclusive: 0.05,
    targetHalfWidth: 0.1,
    responseShareCaution: 0.5,
    validatedShareCaution: 0.5,
  },
  bootstrapReplicates: 2000,
  confidence: 0.95,
});

export interface SettingsProblem {
  /** Dotted path of the offending setting, e.g. `thresholds.cvCaution` or `weights.TG.AI`. */
  path: string;
  message: string;
}

export type SettingsResolution =
  { ok: true; settings: MethodSettings; problems: [] } | { ok: false; settings: null; problems: SettingsProblem[] };

const THRESHOLD_KEYS = Object.keys(DEFAULT_METHOD_SETTINGS.thresholds) as Array<keyof MethodThresholds>;
const INTEGER_THRESHOLDS: ReadonlyArray<keyof MethodThresholds> = [
  'institutionMinReports',
  'municipalityMinReports',
  'municipalityMinSubjects',
  'areaMinMunicipalities',
];
const SUB_INDEX_KEYS: readonly string[] = ['TG', 'TC', 'PG', 'PC'];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Given weights over `weights`, sub-index by sub-index; every problem goes to `problems`. */
function mergeWeights(
  value: unknown,
  weights: Record<SubIndexCode, Record<string, number>>,
  problems: SettingsProblem[],
): void {
  if (!isRecord(value)) {
    problems.push({ path: 'weights', message: 'must be an object keyed by sub-index (TG, TC, PG, PC)' });
    return;
  }
  for (const sub of Object.keys(value)) {
    const map = value[sub];
    if (!SUB_INDEX_KEYS.includes(sub)) {
      problems.push({ path: `weights.${sub}`, message: 'unknown sub-index (expected TG, TC, PG or PC)' });
      continue;
    }
    if (map === undefined) continue;
    if (!isRecord(map)) {
      problems.push({ path: `weights.${sub}`, message: 'must be an object keyed by component suffix' });
      continue;
    }
    // A sub-index's weights are one unit: merging component by component would keep default
    // components the round meant to drop, so a given map replaces the default map.
    weights[sub as SubIndexCode] = weightMap(sub, map, problems);
  }
}

/** The valid component weights of one sub-index's map; every invalid one goes to `problems`. */
function weightMap(sub: string, map: Record<string, unknown>, problems: SettingsProblem[]): Record<string, number> {
  const replaced: Record<string, number> = {};
  for (const comp of Object.keys(map)) {
    const w = map[comp];
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(comp)) {
      problems.push({
        path: `weights.${sub}.${comp}`,
        message: 'component suffix must be alphanumeric (e.g. AI)',
      });
    } else if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      problems.push({ path: `weights.${sub}.${comp}`, message: 'weight must be a finite number ≥ 0' });
    } else {
      replaced[comp] = w;
    }
  }
  return replaced;
}

/** Given thresholds over `thresholds`, one by one; every problem goes to `problems`. */
function mergeThresholds(value: unknown, thresholds: MethodThresholds, problems: SettingsProblem[]): void {
  if (!isRecord(value)) {
    problems.push({ path: 'thresholds', message: 'must be an object' });
    return;
  }
  for (const t of Object.keys(value)) {
    const v = value[t];
    if (v === undefined) continue;
    if (!(THRESHOLD_KEYS as readonly string[]).includes(t)) {
      problems.push({ path: `thresholds.${t}`, message: 'unknown threshold' });
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push({ path: `thresholds.${t}`, message: 'must be a finite number' });
    } else {
      thresholds[t as keyof MethodThresholds] = v;
    }
  }
}

/**
 * Merges a round's settings over the defaults and validates the result. Accepts `unknown` because
 * the API passes parsed JSON straight in; every problem is reported (not just the first) so a
 * guarantor can fix a settings form in one go. Unknown keys are problems: a typo such as
 * `cvCautoin` must not silently fall back to the default.
 */
export function resolveSettings(partial?: unknown): SettingsResolution {
  const problems: SettingsProblem[] = [];
  const base = DEFAULT_METHOD_SETTINGS;
  const weights: Record<SubIndexCode, Record<string, number>> = {
    TG: { ...base.weights.TG },
    TC: { ...base.weights.TC },
    PG: { ...base.weights.PG },
    PC: { ...base.weights.PC },
  };
  const thresholds: MethodThresholds = { ...base.thresholds };
  let bootstrapReplicates = base.bootstrapReplicates;
  let confidence = base.confidence;

  if (partial !== undefined && partial !== null) {
    if (!isRecord(partial)) {
      return { ok: false, settings: null, problems: [{ path: '', message: 'settings must be an object' }] };
    }
    for (const key of Object.keys(partial)) {
      const value = partial[key];
      if (value === undefined) continue;
      switch (key) {
        case 'weights':
          mergeWeights(value, weights, problems);
          break;
        case 'thresholds':
          mergeThresholds(value, thresholds, problems);
          break;
        case 'bootstrapReplicates':
          if (typeof value !== 'number' || !Number.isFinite(value))
            problems.push({ path: key, message: 'must be a finite number' });
          else bootstrapReplicates = value;
          break;
        case 'confidence':
          if (typeof value !== 'number' || !Number.isFinite(value))
            problems.push({ path: key, message: 'must be a finite number' });
          else confidence = value;
          break;
        default:
          problems.push({ path: key, message: 'unknown setting' });
      }
    }
  }

  const settings: MethodSettings = { weights, thresholds, bootstrapReplicates, confidence };
  problems.push(...validateSettings(settings));
  if (problems.length > 0) return { ok: false, settings: null, problems };
  return { ok: true, settings, problems: [] };
}

/** Range checks on complete settings (also usable on settings built in code). */
export function validateSettings(s: MethodSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const sub of SUB_INDEX_KEYS as SubIndexCode[]) {
    const map = s.weights[sub];
    let total = 0;
    for (const comp of Object.keys(map)) {
      const w = map[comp];
      if (!Number.isFinite(w) || w < 0)
        problems.push({ path: `weights.${sub}.${comp}`, message: 'weight must be a finite number ≥ 0' });
      else total += w;
    }
    if (!(total > 0)) problems.push({ path: `weights.${sub}`, message: 'weights must sum to more than 0' });
  }
  const t = s.thresholds;
  for (const k of INTEGER_THRESHOLDS) {
    if (!Number.isInteger(t[k]) || t[k] < 1)
      problems.push({ path: `thresholds.${k}`, message: 'must be an integer ≥ 1' });
  }
  const inUnit = (k: keyof MethodThresholds, allowZero: boolean): void => {
    const v = t[k];
    if (!(v <= 1 && (allowZero ? v >= 0 : v > 0))) {
      problems.push({ path: `thresholds.${k}`, message: allowZero ? 'must be in [0, 1]' : 'must be in (0, 1]' });
    }
  };
  inUnit('areaMinMunicipalityShare', false);
  inUnit('responseShareCaution', true);
  inUnit('validatedShareCaution', true);
  inUnit('halfWidthConclusive', false);
  inUnit('halfWidthCaution', false);
  inUnit('halfWidthInconclusive', false);
  inUnit('targetHalfWidth', false);
  if (!(t.cvCaution > 0)) problems.push({ path: 'thresholds.cvCaution', message: 'must be > 0' });
  if (!(t.cvInconclusive > 0)) problems.push({ path: 'thresholds.cvInconclusive', message: 'must be > 0' });
  if (t.cvCaution > t.cvInconclusive) {
    problems.push({ path: 'thresholds.cvCaution', message: 'must not exceed thresholds.cvInconclusive' });
  }
  if (t.halfWidthConclusive > t.halfWidthCaution) {
    problems.push({ path: 'thresholds.halfWidthConclusive', message: 'must not exceed thresholds.halfWidthCaution' });
  }
  if (t.halfWidthCaution > t.halfWidthInconclusive) {
    problems.push({ path: 'thresholds.halfWidthCaution', message: 'must not exceed thresholds.halfWidthInconclusive' });
  }
  if (!Number.isInteger(s.bootstrapReplicates) || s.bootstrapReplicates < 100 || s.bootstrapReplicates > 100000) {
    problems.push({ path: 'bootstrapReplicates', message: 'must be an integer in [100, 100000]' });
  }
  if (!(s.confidence > 0.5 && s.confidence < 1)) problems.push({ path: 'confidence', message: 'must be in (0.5, 1)' });
  return problems;
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
