import type { Municipality } from './municipalities';

/**
 * Issue #18 item 3: the optional, consented demographics of citizen validators, and the rules for
 * reporting them only in aggregate. Pure definitions shared by the API, the migration's CHECK
 * constraints and the tests.
 */

/** Every question can be answered "prefiero no decir"; it is a real answer, counted as such. */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const AGE_BANDS = ['18_29', '30_44', '45_59', '60_plus', PREFER_NOT_TO_SAY] as const;
export const GENDERS = ['woman', 'man', 'non_binary', 'other', PREFER_NOT_TO_SAY] as const;
/**
 * Municipality type = population-size band of the municipality of residence (Census 2020 total
 * population, as in the shipped catalogue). Chosen over the marginalisation degree because a person
 * can answer it without looking anything up, and the same bands can be computed for the population
 * from `libs/geo/data/municipios.csv` (INEGI population, CONAPO catalogue) — see `municipalityType`.
 */
export const MUNICIPALITY_TYPES = ['rural', 'small_city', 'city', 'metropolis', PREFER_NOT_TO_SAY] as const;
export const YES_NO = ['yes', 'no', PREFER_NOT_TO_SAY] as const;

export type AgeBand = (typeof AGE_BANDS)[number];
export type Gender = (typeof GENDERS)[number];
export type MunicipalityType = (typeof MUNICIPALITY_TYPES)[number];
export type YesNo = (typeof YES_NO)[number];

export const DEMOGRAPHIC_QUESTIONS = {
  ageBand: AGE_BANDS,
  gender: GENDERS,
  municipalityType: MUNICIPALITY_TYPES,
  indigenousLanguage: YES_NO,
  disability: YES_NO,
} as const;
export type DemographicQuestion = keyof typeof DEMOGRAPHIC_QUESTIONS;
export const DEMOGRAPHIC_QUESTION_KEYS = Object.keys(DEMOGRAPHIC_QUESTIONS) as DemographicQuestion[];

/** Lower bounds (inhabitants) of the size bands; a municipality belongs to the last band it reaches. */
export const MUNICIPALITY_TYPE_BOUNDS: ReadonlyArray<{
  type: Exclude<MunicipalityType, 'prefer_not_to_say'>;
  min: number;
}> = [
  { type: 'rural', min: 0 },
  { type: 'small_city', min: 15_000 },
  { type: 'city', min: 100_000 },
  { type: 'metropolis', min: 500_000 },
];

export function municipalityType(population: number): Exclude<MunicipalityType, 'prefer_not_to_say'> {
  let found = MUNICIPALITY_TYPE_BOUNDS[0].type;
  for (const b of MUNICIPALITY_TYPE_BOUNDS) if (population >= b.min) found = b.type;
  return found;
}

/** Share of the national population living in each municipality type (the census reference). */
export function populationByMunicipalityType(
  municipalities: ReadonlyArray<Pick<Municipality, 'population'>>,
): Array<{ type: Exclude<MunicipalityType, 'prefer_not_to_say'>; population: number; share: number }> {
  const totals = new Map(MUNICIPALITY_TYPE_BOUNDS.map((b) => [b.type, 0]));
  let all = 0;
  for (const m of municipalities) {
    const t = municipalityType(m.population);
    totals.set(t, (totals.get(t) ?? 0) + m.population);
    all += m.population;
  }
  return MUNICIPALITY_TYPE_BOUNDS.map((b) => {
    const population = totals.get(b.type) ?? 0;
    return { type: b.type, population, share: all > 0 ? population / all : 0 };
  });
}

/** One published cell: a count and its share of the question's total, or suppressed (both null). */
export interface ProtectedCell<C extends string = string> {
  category: C;
  count: number | null;
  share: number | null;
  suppressed: boolean;
}

/**
 * Small-cell suppression of one question's counts (each validator answers each question once, so the
 * counts add up to the published total).
 *
 * Primary: every non-zero cell under `k` is suppressed — a small count can single a person out
 * (the only indigenous-language speaker of a round). Zero is published: it tells nothing about anyone.
 * Complementary: if exactly one cell is suppressed, it could be recovered as total − the others, so
 * the smallest other published non-zero cell is suppressed too; repeated until no suppressed cell is alone.
 * If the total itself is under `k`, every cell is suppressed (and the caller shows no breakdown).
 */
export function suppressSmallCells<C extends string>(
  counts: ReadonlyArray<{ category: C; count: number }>,
  k: number,
): ProtectedCell<C>[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  const total = counts.reduce((s, c) => s + c.count, 0);
  const hidden = new Set<number>();
  if (total < k) counts.forEach((c, i) => c.count > 0 && hidden.add(i));
  else counts.forEach((c, i) => c.count > 0 && c.count < k && hidden.add(i));
  while (hidden.size === 1) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (hidden.has(i) || c.count === 0) return;
      if (pick < 0 || c.count < counts[pick].count) pick = i;
    });
    // Nothing else to hide: the single small cell is then total − (zeros), so hide the total's breakdown entirely.
    if (pick < 0) break;
    hidden.add(pick);
  }
  return counts.map((c, i) => {
    const suppressed = hidden.has(i);
    return {
      category: c.category,
      count: suppressed ? null : c.count,
      share: suppressed || total === 0 ? null : c.count / total,
      suppressed,
    };
  });
}
