import { postStratify, REWEIGHT_MIN_CELL, roundCitizenValues } from '@apertura/metric';
import type { ReweightInstitution } from '@apertura/metric';
import type { ReweightedIndicesDto, ReweightedValueDto } from './dto/demographics.dto';
import type { CensusValueRecord, ClusterValueRecord, MainValueRecord } from './reweighted-indices.repository';

/** Neighbouring municipality types merged when one is small (libs/metric postStratify). */
export const MUNICIPALITY_TYPE_COLLAPSE = [
  ['rural', 'small_city'],
  ['city', 'metropolis'],
];
const CODES = ['I', 'TC', 'PC'] as const;

export interface ReweightInput {
  roundStatus: string;
  clusters: readonly ClusterValueRecord[];
  census: readonly CensusValueRecord[];
  main: readonly MainValueRecord[];
  /** The census reference by municipality type (libs/geo populationByMunicipalityType). */
  population: ReadonlyArray<{ category: string; population: number }>;
}

/**
 * Issue #18 item 3: the round's I, TC and PC re-weighted to the population by municipality type, as a
 * sensitivity check beside the published value (never instead of it).
 *
 * Why on read, in the API: the weights depend on the demographics as they are now (consent can be
 * withdrawn at any time and must count at once, and demographics are never copied into derived
 * tables), while everything else is the worker's: its stored per-validator cluster values
 * (arrays in institution_result, with method version and watermark) and its published values. The
 * libs/metric functions are deterministic and, with every weight 1, recompute the published national
 * value bit for bit — which is checked here on every read: if the stored cluster values do not
 * reproduce the published value exactly (results being updated, or computed before the cluster values
 * were stored), nothing is shown rather than a difference against the wrong baseline.
 */
export function reweightedIndices(input: ReweightInput): ReweightedIndicesDto {
  const base = {
    variable: 'municipalityType' as const,
    k: REWEIGHT_MIN_CELL,
    methodVersion: input.main[0]?.methodVersion ?? null,
    watermark: input.main[0]?.watermark ?? null,
  };
  const withheld = (
    reason: NonNullable<ReweightedIndicesDto['withheld']>,
    strata: ReweightedIndicesDto['strata'] = [],
  ) => ({
    ...base,
    withheld: reason,
    strata,
    values: [],
  });
  // Same rule as the profile: while validators can still join, two readings could be differenced.
  if (input.roundStatus === 'draft' || input.roundStatus === 'open') return withheld('round_open');
  const main = new Map(input.main.map((m) => [m.indicator, m]));
  if (input.clusters.length === 0 || !CODES.some((c) => (main.get(c)?.estimate ?? null) !== null))
    return withheld('no_results');
  if (input.clusters.some((c) => c.methodVersion !== base.methodVersion)) return withheld('results_updating');

  const census = new Map<string, { tg: number | null; pg: number | null }>();
  for (const c of input.census) {
    const e = census.get(c.institutionId) ?? { tg: null, pg: null };
    if (c.indicator === 'TG') e.tg = c.estimate;
    else e.pg = c.estimate;
    census.set(c.institutionId, e);
  }
  const byInstitution = new Map<string, ReweightInstitution>();
  const cellOf = new Map<string, string | null>();
  for (const c of input.clusters) {
    let inst = byInstitution.get(c.institutionId);
    if (inst === undefined) {
      const cv = census.get(c.institutionId);
      inst = { institutionId: c.institutionId, tg: cv?.tg ?? null, pg: cv?.pg ?? null, clusters: [] };
      byInstitution.set(c.institutionId, inst);
    }
    (inst.clusters as Array<{ validatorId: string; tc: number | null; pc: number | null }>).push({
      validatorId: c.validatorId,
      tc: c.tc,
      pc: c.pc,
    });
    cellOf.set(c.validatorId, c.municipalityType);
  }
  const institutions = [...byInstitution.values()];

  const published = roundCitizenValues(institutions, () => 1);
  for (const code of CODES) {
    const m = main.get(code);
    if ((m?.estimate ?? null) !== published[code].estimate) return withheld('results_updating');
  }

  const ps = postStratify({
    population: input.population.map((p) => ({ cell: p.category, population: p.population })),
    collapse: MUNICIPALITY_TYPE_COLLAPSE,
    validators: [...cellOf.entries()].map(([validatorId, cell]) => ({ validatorId, cell })),
  });
  // Counts and weights of strata are not published: with the profile's published cells they could
  // give a suppressed cell away. The composition (which types were merged) says no more than "<k".
  const strata = ps.strata.map((s) => ({ cells: s.cells, populationShare: s.populationShare }));
  if (ps.withheld !== null) return withheld(ps.withheld, strata);

  const reweighted = roundCitizenValues(institutions, ps.weightOf);
  const values: ReweightedValueDto[] = [];
  for (const code of CODES) {
    const m = main.get(code);
    const r = reweighted[code].estimate;
    if (m === undefined || m.estimate === null || r === null) continue;
    const difference = r - m.estimate;
    values.push({
      indicator: code,
      main: m.estimate,
      lo: m.lo,
      hi: m.hi,
      halfWidth: m.halfWidth,
      status: m.status,
      reweighted: r,
      difference,
      withinUncertainty: m.halfWidth === null ? null : Math.abs(difference) <= m.halfWidth,
    });
  }
  return { ...base, withheld: null, strata, values };
}
