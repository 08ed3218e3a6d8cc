/**
 * Generated inputs for the specs (not exported from the library). Seed-driven, so a failing
 * fast-check run reports a seed that reproduces the exact institution or area.
 */
import type { ScoredAnswer } from './items';
import type { InstitutionInput } from './institution';
import type { Estimate } from './estimate';
import { mulberry32, randomIndex } from './rng';
import { DEFAULT_METHOD_SETTINGS, SubIndexCode } from './settings';

export type Rng = () => number;

export interface GenOptions {
  minValidators: number;
  maxValidators: number;
  /** Probability that a component is left unanswered (exercises renormalisation / partial sub-indices). */
  skipComponent: number;
  /** Probability that a validator files a second report on the same institution. */
  secondReport: number;
  /** Probability that the institution did not self-report. */
  noSelfReport: number;
  /**
   * Citizen reports with the default instrument's skip structure (METHOD.md §8): an answer that never
   * came scores Disp 0 and, as gated failures, Clar/Comp/Cel 0; a request "not yet" due gives no TC; a
   * proposal with no reception scores Recep/Act/Cel 0.
   */
  instrument?: boolean;
  /** Probability that an institution has exactly one validator (instrument mode). */
  oneValidator?: number;
  /** Probability that all of an institution's validators report identically (instrument mode). */
  zeroSpread?: number;
}

export const DEFAULT_GEN: GenOptions = {
  minValidators: 0,
  maxValidators: 7,
  skipComponent: 0.1,
  secondReport: 0.1,
  noSelfReport: 0.05,
};

const SCORES = [0, 0.25, 0.5, 0.75, 1];

export function answer(name: string, component: string, score: number, verifiable = false, weight = 1): ScoredAnswer {
  return { name, component, score, verifiable, weight };
}

function score(rng: Rng): number {
  // Mix of questionnaire-like steps, exact 0/1 (booleans) and continuous range scores.
  const u = rng();
  if (u < 0.4) return SCORES[randomIndex(rng, SCORES.length)];
  if (u < 0.6) return rng() < 0.5 ? 0 : 1;
  return rng();
}

function componentAnswers(
  rng: Rng,
  sub: SubIndexCode,
  prefix: string,
  skip: number,
  verifiableShare: number,
): ScoredAnswer[] {
  const out: ScoredAnswer[] = [];
  for (const suffix of Object.keys(DEFAULT_METHOD_SETTINGS.weights[sub])) {
    if (rng() < skip) continue;
    const items = 1 + randomIndex(rng, 3);
    for (let i = 0; i < items; i++) {
      out.push(
        answer(
          `${prefix}${sub}_${suffix}_${i}`,
          `${sub}.${suffix}`,
          score(rng),
          rng() < verifiableShare,
          1 + randomIndex(rng, 3),
        ),
      );
    }
  }
  return out;
}

export function generateInstitution(rng: Rng, institutionId: string, opts: GenOptions = DEFAULT_GEN): InstitutionInput {
  const selfReport =
    rng() < opts.noSelfReport
      ? null
      : [
          ...componentAnswers(rng, 'TG', 'q', opts.skipComponent, 0.5),
          ...componentAnswers(rng, 'PG', 'q', opts.skipComponent, 0.5),
        ];
  const verifications: InstitutionInput['verifications'] = {};
  for (const a of selfReport ?? []) {
    if (a.verifiable && rng() < 0.7)
      verifications[a.name] = { confirmed: randomIndex(rng, 4), refuted: randomIndex(rng, 3) };
  }
  if (opts.instrument === true)
    return { institutionId, selfReport, verifications, citizenReports: instrumentReports(rng, institutionId, opts) };
  const nValidators = opts.minValidators + randomIndex(rng, opts.maxValidators - opts.minValidators + 1);
  const citizenReports: InstitutionInput['citizenReports'] = [];
  for (let v = 0; v < nValidators; v++) {
    const reports = rng() < opts.secondReport ? 2 : 1;
    for (let k = 0; k < reports; k++) {
      citizenReports.push({
        reportId: `${institutionId}-r${v}-${k}`,
        validatorId: `val-${v}`,
        answers: [
          ...componentAnswers(rng, 'TC', 'c', opts.skipComponent, 0),
          ...componentAnswers(rng, 'PC', 'c', opts.skipComponent, 0),
        ],
      });
    }
  }
  return { institutionId, selfReport, verifications, citizenReports };
}

/** One citizen report shaped by the default instrument, for an institution with the given behaviour. */
function instrumentReport(rng: Rng, answerRate: number, quality: number): ScoredAnswer[] {
  const out: ScoredAnswer[] = [];
  const q = (): number => Math.min(1, Math.max(0, quality + (rng() - 0.5) * 0.5));
  const u = rng();
  if (u < 0.08) {
    // "Not yet": the legal deadline has not passed — no TC at all from this report.
  } else if (u < 0.08 + (1 - answerRate) * 0.92) {
    out.push(
      answer('c_disp', 'TC.Disp', 0),
      answer('c_clar', 'TC.Clar', 0),
      answer('c_comp', 'TC.Comp', 0),
      answer('c_cel', 'TC.Cel', 0),
    );
  } else {
    out.push(
      answer('c_disp', 'TC.Disp', 1),
      answer('c_clar', 'TC.Clar', q()),
      answer('c_comp', 'TC.Comp', q()),
      answer('c_cel', 'TC.Cel', q()),
    );
  }
  const found = rng() < 0.85;
  out.push(answer('c_met', 'PC.Met', found ? 1 : 0));
  if (found) {
    if (rng() < answerRate)
      out.push(answer('c_recep', 'PC.Recep', 1), answer('c_pact', 'PC.Act', q()), answer('c_pcel', 'PC.Cel', q()));
    else out.push(answer('c_recep', 'PC.Recep', 0), answer('c_pact', 'PC.Act', 0), answer('c_pcel', 'PC.Cel', 0));
  }
  return out;
}

function instrumentReports(rng: Rng, institutionId: string, opts: GenOptions): InstitutionInput['citizenReports'] {
  const answerRate = rng();
  const quality = rng();
  const nValidators =
    rng() < (opts.oneValidator ?? 0)
      ? 1
      : opts.minValidators + randomIndex(rng, opts.maxValidators - opts.minValidators + 1);
  const identical = rng() < (opts.zeroSpread ?? 0);
  const shared = identical ? instrumentReport(rng, answerRate, quality) : null;
  const out: InstitutionInput['citizenReports'] = [];
  for (let v = 0; v < nValidators; v++) {
    const reports = rng() < opts.secondReport ? 2 : 1;
    for (let k = 0; k < reports; k++) {
      out.push({
        reportId: `${institutionId}-r${v}-${k}`,
        validatorId: `val-${v}`,
        answers: shared ?? instrumentReport(rng, answerRate, quality),
      });
    }
  }
  return out;
}

export function generateInstitutions(seed: number, count: number, opts: GenOptions = DEFAULT_GEN): InstitutionInput[] {
  const rng = mulberry32(seed);
  const out: InstitutionInput[] = [];
  for (let i = 0; i < count; i++) out.push(generateInstitution(rng, `inst-${String(i).padStart(3, '0')}`, opts));
  return out;
}

/** Fisher–Yates with a seeded stream: a reproducible permutation. */
export function shuffle<T>(xs: readonly T[], rng: Rng): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Same institution with every list and every record key order permuted. */
export function permuteInstitution(input: InstitutionInput, rng: Rng): InstitutionInput {
  const verifications: InstitutionInput['verifications'] = {};
  for (const k of shuffle(Object.keys(input.verifications), rng)) verifications[k] = { ...input.verifications[k] };
  return {
    institutionId: input.institutionId,
    selfReport: input.selfReport === null ? null : shuffle(input.selfReport, rng),
    verifications,
    citizenReports: shuffle(input.citizenReports, rng).map((r) => ({ ...r, answers: shuffle(r.answers, rng) })),
  };
}

/** A hand-made institution-level estimate for aggregation tests. */
export function estimateOf(estimate: number, se: number | null, n: number | null): Estimate {
  return {
    estimate,
    se,
    lo: null,
    hi: null,
    cv: null,
    halfWidth: null,
    n,
    N: null,
    df: n !== null && n >= 2 ? n - 1 : null,
    sd: se !== null && n !== null ? se * Math.sqrt(n) : null,
    interval: se === null ? 'none' : 't',
    nu: n !== null && n >= 2 ? n : null,
    status: 'caution',
    reasons: [],
    needed: 0,
    neededSubjects: null,
    neededReports: 0,
    pendingRefutations: 0,
    formula: 'test',
  };
}
