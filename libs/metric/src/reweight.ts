/**
 * Issue #18 item 3: the round's citizen sub-indices re-weighted to the population, a SENSITIVITY
 * CHECK shown beside the published value and never instead of it (METHOD.md §9: a number never looks
 * stronger than it is; validators are volunteers, see §6's notice).
 *
 * Post-stratification by one demographic with a census reference (the municipality type of
 * residence): a validator who declared cell c weighs
 *
 *     w_c = P_c / R_c,   P_c = population share of c,   R_c = n_c / D
 *
 * where n_c is the number of the estimate's validators who declared c and D those who declared any
 * cell. Choice for the others (no consent, "prefer not to say", erased account): they keep weight 1,
 * because nothing is known about them and dropping them would change the estimand, not just balance
 * it. Since Σ_c n_c·w_c = D·Σ_c P_c = D, the declared group keeps its total weight D, so the split
 * between declared and undeclared validators is left exactly as observed.
 *
 * Small cells: a cell with fewer than k declared validators would get a large, noisy weight (and make
 * the weighted value lean on a handful of people), so it is merged with its neighbour (a collapse
 * group, e.g. rural + small city, city + metropolis) — the whole group becomes one stratum. If a
 * stratum with population still has fewer than k, the re-weighting is withheld with a reason code.
 *
 * Estimand (METHOD.md §3.3–§3.5, §4): per institution, TC and PC are weighted means of its validators'
 * cluster values (Σ w·x / Σ w, in validator-id order) instead of plain means; T, P and I follow with
 * the same formulas and the self-report halves TG, PG unchanged; the round value is the plain mean over
 * the institutions with a value, in institution-id order — the national headline's Σx/n. With every
 * weight exactly 1 (respondent shares equal to the population's), each step computes the very same
 * floating-point operations as the published value, so the result is bit-for-bit identical to it.
 */
import { MetricInputError } from './errors';
import { compareStrings } from './order';

/** Minimum declared validators per stratum (the same small-cell k as the published profile). */
export const REWEIGHT_MIN_CELL = 5;

export type ReweightWithheld = 'too_few_declared' | 'cell_too_small' | 'cell_without_population';

export interface PostStratificationInput {
  /** The census reference: population (count or share) of each cell, in the catalogue's order. */
  population: ReadonlyArray<{ cell: string; population: number }>;
  /** Neighbouring cells merged together when one of them is small (each cell in at most one group). */
  collapse: ReadonlyArray<readonly string[]>;
  /**
   * The validators behind the estimate, each with the cell they declared, or null (not declared).
   * A cell the reference does not know (e.g. "prefer not to say") counts as not declared.
   */
  validators: ReadonlyArray<{ validatorId: string; cell: string | null }>;
  k?: number;
}

export interface Stratum {
  /** The cells of the stratum (one, or a merged collapse group), in the reference's order. */
  cells: string[];
  /** Population share P_s (0–1). */
  populationShare: number;
  /** Declared validators in the stratum (n_s). Internal: callers must not publish it (small cells). */
  respondents: number;
  /** w_s = P_s / (n_s / D); null when the stratum has no respondents. */
  weight: number | null;
}

export interface PostStratification {
  /** Null when weights exist; otherwise why the re-weighting is withheld. */
  withheld: ReweightWithheld | null;
  k: number;
  strata: Stratum[];
  /** Validators who declared a known cell (D). */
  declared: number;
  /** Weight of a validator (1 for the undeclared); only meaningful when `withheld` is null. */
  weightOf: (validatorId: string) => number;
}

/**
 * Post-stratification weights of the validators (see the file comment for the rule and its choices).
 * Pure and independent of the order of `validators` and of the collapse groups' listing.
 */
export function postStratify(input: PostStratificationInput): PostStratification {
  const k = input.k ?? REWEIGHT_MIN_CELL;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  const order = new Map(input.population.map((p, i) => [p.cell, i]));
  let totalPopulation = 0;
  for (const p of input.population) {
    if (!(p.population >= 0) || !Number.isFinite(p.population))
      throw new RangeError(`population of ${p.cell} must be a finite number ≥ 0`);
    totalPopulation += p.population;
  }
  if (!(totalPopulation > 0)) throw new RangeError('the population reference is empty');

  const cellOf = new Map<string, string | null>();
  for (const v of input.validators) {
    if (cellOf.has(v.validatorId))
      throw new MetricInputError('DUPLICATE_VALIDATOR', `validator ${v.validatorId} appears twice`);
    cellOf.set(v.validatorId, v.cell !== null && order.has(v.cell) ? v.cell : null);
  }
  const count = new Map<string, number>();
  let declared = 0;
  for (const cell of cellOf.values()) {
    if (cell === null) continue;
    count.set(cell, (count.get(cell) ?? 0) + 1);
    declared += 1;
  }

  // Strata: a collapse group is merged as a whole when any of its populated cells is small.
  const groupOf = new Map<string, readonly string[]>();
  for (const g of input.collapse)
    for (const c of g) {
      if (!order.has(c)) throw new RangeError(`collapse group names unknown cell ${c}`);
      if (groupOf.has(c)) throw new RangeError(`cell ${c} is in two collapse groups`);
      groupOf.set(c, g);
    }
  const popOf = (c: string): number => input.population[order.get(c) as number].population;
  const small = (c: string): boolean => popOf(c) > 0 && (count.get(c) ?? 0) < k;
  const stratumCells: string[][] = [];
  const placed = new Set<string>();
  for (const p of input.population) {
    if (placed.has(p.cell)) continue;
    const g = groupOf.get(p.cell);
    const cells =
      g !== undefined && g.some(small) ? [...g].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) : [p.cell];
    for (const c of cells) placed.add(c);
    stratumCells.push(cells);
  }

  const strata: Stratum[] = stratumCells.map((cells) => {
    let population = 0;
    let respondents = 0;
    for (const c of cells) {
      population += popOf(c);
      respondents += count.get(c) ?? 0;
    }
    const populationShare = population / totalPopulation;
    // P_s / (n_s / D): equal shares give exactly 1 (x / x), the bit-for-bit property.
    const weight = respondents > 0 ? populationShare / (respondents / declared) : null;
    return { cells, populationShare, respondents, weight };
  });

  let withheld: ReweightWithheld | null = null;
  if (declared < k) withheld = 'too_few_declared';
  else if (strata.some((s) => s.populationShare > 0 && s.respondents < k)) withheld = 'cell_too_small';
  else if (strata.some((s) => s.populationShare === 0 && s.respondents > 0)) withheld = 'cell_without_population';

  const weightOfCell = new Map<string, number>();
  for (const s of strata) for (const c of s.cells) if (s.weight !== null) weightOfCell.set(c, s.weight);
  return {
    withheld,
    k,
    strata,
    declared,
    weightOf: (validatorId: string): number => {
      const cell = cellOf.get(validatorId);
      return cell === undefined || cell === null ? 1 : (weightOfCell.get(cell) ?? 1);
    },
  };
}

/** One institution's inputs to the round's citizen values: its self-report halves and its validators' clusters. */
export interface ReweightInstitution {
  institutionId: string;
  /** TG and PG (validated scores, §3.4); null when the institution has none. */
  tg: number | null;
  pg: number | null;
  /** Per validator (cluster): the mean of its per-report TC_j / PC_j (§3.3); null when its reports gave none. */
  clusters: ReadonlyArray<{ validatorId: string; tc: number | null; pc: number | null }>;
}

export interface RoundCitizenValue {
  estimate: number | null;
  /** Institutions with a value (the mean's n). */
  n: number;
}

export interface RoundCitizenValues {
  TC: RoundCitizenValue;
  PC: RoundCitizenValue;
  I: RoundCitizenValue;
}

/** Σ w·x / Σ w over clusters in validator-id order; null without any. */
function weightedClusterMean(
  clusters: ReadonlyArray<{ validatorId: string; x: number }>,
  weightOf: (validatorId: string) => number,
): number | null {
  if (clusters.length === 0) return null;
  let sum = 0;
  let weights = 0;
  for (const c of clusters) {
    const w = weightOf(c.validatorId);
    sum += w * c.x;
    weights += w;
  }
  return sum / weights;
}

/**
 * The round's TC, PC and I (national, unweighted over institutions, §4) with each validator weighing
 * `weightOf(validatorId)` inside its institutions' citizen means. `() => 1` gives the published values.
 */
export function roundCitizenValues(
  institutions: readonly ReweightInstitution[],
  weightOf: (validatorId: string) => number,
): RoundCitizenValues {
  const sorted = [...institutions].sort((a, b) => compareStrings(a.institutionId, b.institutionId));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].institutionId === sorted[i - 1].institutionId)
      throw new MetricInputError('DUPLICATE_INSTITUTION', `institution ${sorted[i].institutionId} appears twice`);
  const sums = { TC: 0, PC: 0, I: 0 };
  const n = { TC: 0, PC: 0, I: 0 };
  for (const inst of sorted) {
    const clusters = [...inst.clusters].sort((a, b) => compareStrings(a.validatorId, b.validatorId));
    for (let i = 1; i < clusters.length; i++)
      if (clusters[i].validatorId === clusters[i - 1].validatorId)
        throw new MetricInputError(
          'DUPLICATE_VALIDATOR',
          `validator ${clusters[i].validatorId} appears twice in ${inst.institutionId}`,
        );
    const tc = weightedClusterMean(
      clusters.flatMap((c) => (c.tc === null ? [] : [{ validatorId: c.validatorId, x: c.tc }])),
      weightOf,
    );
    const pc = weightedClusterMean(
      clusters.flatMap((c) => (c.pc === null ? [] : [{ validatorId: c.validatorId, x: c.pc }])),
      weightOf,
    );
    if (tc !== null) {
      sums.TC += tc;
      n.TC += 1;
    }
    if (pc !== null) {
      sums.PC += pc;
      n.PC += 1;
    }
    // §3.5 in the institution's own operation order: T = (TG + TC)/2, P = (PG + PC)/2, I = (T + P)/2.
    if (tc !== null && pc !== null && inst.tg !== null && inst.pg !== null) {
      sums.I += ((inst.tg + tc) / 2 + (inst.pg + pc) / 2) / 2;
      n.I += 1;
    }
  }
  const value = (code: 'TC' | 'PC' | 'I'): RoundCitizenValue => ({
    estimate: n[code] > 0 ? sums[code] / n[code] : null,
    n: n[code],
  });
  return { TC: value('TC'), PC: value('PC'), I: value('I') };
}
