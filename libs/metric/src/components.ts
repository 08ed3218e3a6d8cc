/**
 * From scored answers to components (METHOD.md §3.1–3.3): validated item scores, self-report
 * components (raw and validated) and citizen components with validators as clusters.
 */
import type { ScoredAnswer } from './items';
import { compareNumbers, compareStrings, emptyRecord, groupBy, sortedKeys } from './order';
import { wilsonInterval, Interval } from './uncertainty';

/** Counted verdicts of one item (§3.1: a refutation counts once final) and the refutations still pending. */
export interface VerificationCounts {
  confirmed: number;
  refuted: number;
  /** Refutations within the institution's reply window or under dispute: shown, not counted. */
  pending?: number;
}

export type VerificationState = 'not_verifiable' | 'unverified' | 'confirmed' | 'refuted' | 'mixed';

export interface ItemResult {
  name: string;
  component: string;
  weight: number;
  verifiable: boolean;
  /** Self-reported score s. */
  score: number;
  /** Validated score s' = s·c/(c + r) when c + r ≥ 1, else s (§3.1). */
  validatedScore: number;
  confirmed: number;
  refuted: number;
  verification: VerificationState;
  /** Refutations not yet final (§3.1): not in s'. */
  pendingRefutations: number;
  /** c/(c + r) with its Wilson interval (informative: §5 treats the self-report as a census). */
  confirmationRate: { p: number; lo: number; hi: number; n: number } | null;
}

/** Canonical order of answers: by name, then the other fields, so duplicates cannot reorder sums. */
export function compareAnswers(a: ScoredAnswer, b: ScoredAnswer): number {
  return (
    compareStrings(a.name, b.name) ||
    compareStrings(a.component, b.component) ||
    compareNumbers(a.weight, b.weight) ||
    compareNumbers(a.score, b.score) ||
    compareNumbers(Number(a.verifiable), Number(b.verifiable))
  );
}

/**
 * Drops answers that cannot be scored (non-finite score, weight not > 0) and clips scores to [0,1].
 * Each fix is reported in `warnings`: bad input is shown, never silently absorbed.
 */
export function sanitiseAnswers(answers: readonly ScoredAnswer[], context: string, warnings: string[]): ScoredAnswer[] {
  const out: ScoredAnswer[] = [];
  for (const a of [...answers].sort(compareAnswers)) {
    if (!Number.isFinite(a.score)) {
      warnings.push(`${context}: item ${a.name} has a non-finite score; excluded`);
      continue;
    }
    if (!Number.isFinite(a.weight) || a.weight <= 0) {
      warnings.push(`${context}: item ${a.name} has weight ${String(a.weight)} (must be > 0); excluded`);
      continue;
    }
    if (a.score < 0 || a.score > 1) {
      warnings.push(`${context}: item ${a.name} score ${a.score} outside [0,1]; clipped`);
      out.push({ ...a, score: a.score < 0 ? 0 : 1 });
      continue;
    }
    out.push(a);
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i].name === out[i - 1].name)
      warnings.push(`${context}: item ${out[i].name} answered more than once; all answers kept`);
  }
  return out;
}

const countOf = (x: number): number => (Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);

/** §3.1: validated item scores. `answers` must be sanitised (canonical order). */
export function validateItems(
  answers: readonly ScoredAnswer[],
  verifications: Readonly<Record<string, VerificationCounts>>,
  confidence: number,
  warnings: string[],
): ItemResult[] {
  const answered = new Set(answers.map((a) => a.name));
  for (const name of sortedKeys(verifications)) {
    if (!answered.has(name)) warnings.push(`verdicts for item ${name}, which the self-report does not answer, ignored`);
  }
  return answers.map((a) => {
    const v = Object.prototype.hasOwnProperty.call(verifications, a.name) ? verifications[a.name] : undefined;
    if (!a.verifiable) {
      if (v !== undefined && v.confirmed + v.refuted > 0)
        warnings.push(`verdicts for non-verifiable item ${a.name} ignored`);
      return item(a, a.score, 0, 0, 0, 'not_verifiable', null);
    }
    const c = v === undefined ? 0 : countOf(v.confirmed);
    const r = v === undefined ? 0 : countOf(v.refuted);
    const pending = v === undefined ? 0 : countOf(v.pending ?? 0);
    if (c + r === 0) return item(a, a.score, 0, 0, pending, 'unverified', null);
    const state: VerificationState = r === 0 ? 'confirmed' : c === 0 ? 'refuted' : 'mixed';
    const iv = wilsonInterval(c, c + r, confidence);
    const rate = iv === null ? null : { p: c / (c + r), lo: iv.lo, hi: iv.hi, n: c + r };
    // s·(c/(c + r)), ratio first: with r = 0 the ratio is exactly 1 (so s' = s bit for bit), and the
    // correctly rounded ratio is monotone in c, so one more confirmation can never lower s'.
    return item(a, a.score * (c / (c + r)), c, r, pending, state, rate);
  });
}

function item(
  a: ScoredAnswer,
  validatedScore: number,
  confirmed: number,
  refuted: number,
  pendingRefutations: number,
  verification: VerificationState,
  confirmationRate: ItemResult['confirmationRate'],
): ItemResult {
  return {
    name: a.name,
    component: a.component,
    weight: a.weight,
    verifiable: a.verifiable,
    score: a.score,
    validatedScore,
    confirmed,
    refuted,
    verification,
    pendingRefutations,
    confirmationRate,
  };
}

export interface GovernmentComponent {
  code: string;
  /** C_k with self-reported scores s. */
  raw: number;
  /** C_k with validated scores s'. */
  validated: number;
  /** Answered, visible items and their total weight (the renormalising denominator, §3.2). */
  items: number;
  totalWeight: number;
}

/**
 * §3.2: C_k = Σ w_i s'_i / Σ w_i over the answered items of k. Unanswered or not-applicable items
 * never reach this function (scoreAnswers drops them), so weights renormalise automatically.
 */
export function governmentComponents(items: readonly ItemResult[]): GovernmentComponent[] {
  const byCode = groupBy(items, (i) => i.component);
  return sortedKeys(byCode).map((code) => {
    let w = 0;
    let raw = 0;
    let validated = 0;
    for (const i of byCode[code]) {
      w += i.weight;
      raw += i.weight * i.score;
      validated += i.weight * i.validatedScore;
    }
    return { code, raw: raw / w, validated: validated / w, items: byCode[code].length, totalWeight: w };
  });
}

export interface CitizenReport {
  reportId: string;
  validatorId: string;
  answers: ScoredAnswer[];
}

export interface CitizenComponent {
  code: string;
  /** c_kj for every report j that answered k (§3.3), by report id. */
  values: Array<{ reportId: string; validatorId: string; value: number }>;
  /** Cluster values: mean of each validator's reports, by validator id. */
  validators: Array<{ validatorId: string; value: number; reports: number }>;
  nReports: number;
  /** n_k: validators (clusters) that answered k. */
  n: number;
  /** C_k: mean of the validator values. */
  mean: number;
  sd: number | null;
  se: number | null;
  /** Every validator value is exactly 0 or 1: summarised as a proportion (Wilson interval). */
  binary: boolean;
  wilson: Interval | null;
}

/**
 * §3.3 with §5's clustering. Reports of one validator about one institution are not independent
 * observations, so they are averaged into one value per validator before the mean, sd and SE:
 * C_k = mean over validators, SE = sd/√n_k with n_k validators. With one report per validator (the
 * normal case: assignments are per institution) this is exactly §3.3's mean over reports.
 * `reports` must be sorted by (reportId, validatorId) and their answers sanitised.
 */
export function citizenComponents(reports: readonly CitizenReport[], confidence: number): CitizenComponent[] {
  const perComponent: Record<string, Array<{ reportId: string; validatorId: string; value: number }>> = emptyRecord();
  for (const r of reports) {
    const byCode = groupBy(r.answers, (a) => a.component);
    for (const code of sortedKeys(byCode)) {
      let w = 0;
      let s = 0;
      for (const a of byCode[code]) {
        w += a.weight;
        s += a.weight * a.score;
      }
      (perComponent[code] ??= []).push({ reportId: r.reportId, validatorId: r.validatorId, value: s / w });
    }
  }
  return sortedKeys(perComponent).map((code) => {
    const values = perComponent[code];
    const byValidator = groupBy(values, (v) => v.validatorId);
    const validators = sortedKeys(byValidator).map((validatorId) => {
      const vs = byValidator[validatorId];
      let s = 0;
      for (const v of vs) s += v.value;
      return { validatorId, value: s / vs.length, reports: vs.length };
    });
    const n = validators.length;
    let total = 0;
    for (const v of validators) total += v.value;
    const mean = total / n;
    let ss = 0;
    for (const v of validators) ss += (v.value - mean) ** 2;
    const sd = n >= 2 ? Math.sqrt(ss / (n - 1)) : null;
    const binary = validators.every((v) => v.value === 0 || v.value === 1);
    return {
      code,
      values,
      validators,
      nReports: values.length,
      n,
      mean,
      sd,
      se: sd === null ? null : sd / Math.sqrt(n),
      binary,
      wilson: binary ? wilsonInterval(total, n, confidence) : null,
    };
  });
}
