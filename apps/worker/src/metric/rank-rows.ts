/**
 * metric_rank rows of a round (METHOD.md §9, contract §1): every ranking with the 95 % rank interval
 * of each position, computed by the worker with the results and never on request. Pure: the rows it
 * needs come in, the rows to store go out.
 *
 * Rankings: institutions nationally ('MX') and per state; municipalities nationally and per state;
 * states nationally — each for the indicators I, T, P, TC and PC. A value is ranked only when it is
 * validated enough to be ordered: status conclusive or caution, with an estimate and a SE. Everything
 * else stays out of the ranking (the API lists it as "datos insuficientes" / unverified self-report).
 */
import { compareStrings, rankIntervals } from '@apertura/metric';

export const RANKED_INDICATORS = ['I', 'T', 'P', 'TC', 'PC'] as const;
export type RankedIndicator = (typeof RANKED_INDICATORS)[number];
export type Ranking = 'institution' | 'municipality' | 'state';

/** The national group of every ranking. */
export const NATIONAL_GROUP = 'MX';

/** The stored columns a ranking needs of one value. */
export interface RankValue {
  indicator: string;
  estimate: number | null;
  se: number | null;
  status: string;
}

export interface InstitutionRankInput extends RankValue {
  institutionId: string;
  cveEnt: string;
}

/** Municipality rows of aggregation 'unweighted'. */
export interface MunicipalityRankInput extends RankValue {
  cvegeo: string;
  cveEnt: string;
}

/** State rows of aggregation 'unweighted'. */
export interface StateRankInput extends RankValue {
  cveEnt: string;
}

export interface RankInputs {
  institutions: readonly InstitutionRankInput[];
  municipalities: readonly MunicipalityRankInput[];
  states: readonly StateRankInput[];
}

/** One metric_rank row, without what the repository stamps (method id, watermark, computed_at). */
export interface RankRow {
  ranking: Ranking;
  /** 'MX' or a cve_ent. */
  groupKey: string;
  indicator: RankedIndicator;
  /** institution id, cvegeo or cve_ent. */
  scopeKey: string;
  position: number;
  lo: number;
  hi: number;
  of: number;
  seed: string;
}

export interface RankRowOptions {
  /** Draws of the reference simulation when `method` is 'simulation' (tests; default 10,000). */
  draws?: number;
  method?: 'fast' | 'simulation';
}

const RANKED: ReadonlySet<string> = new Set(RANKED_INDICATORS);

/** §9: only validated values with an estimable SE and status conclusive or caution are ordered. */
export function isRankable(v: RankValue): v is RankValue & { estimate: number; se: number } {
  return (
    (v.status === 'conclusive' || v.status === 'caution') &&
    v.estimate !== null &&
    v.se !== null &&
    Number.isFinite(v.estimate) &&
    Number.isFinite(v.se) &&
    v.se >= 0
  );
}

/** The seed of one ranking group (contract §1): reproducible from the stored row alone. */
export function rankSeed(roundId: string, ranking: Ranking, groupKey: string, indicator: string): string {
  return `${roundId}:${ranking}:${groupKey}:${indicator}`;
}

interface Member {
  key: string;
  state: string;
  indicator: RankedIndicator;
  estimate: number;
  se: number;
}

function members<T extends RankValue>(rows: readonly T[], key: (r: T) => string, state: (r: T) => string): Member[] {
  const out: Member[] = [];
  for (const r of rows) {
    if (!RANKED.has(r.indicator) || !isRankable(r)) continue;
    out.push({
      key: key(r),
      state: state(r),
      indicator: r.indicator as RankedIndicator,
      estimate: r.estimate,
      se: r.se,
    });
  }
  return out;
}

/** One ranking group (a ranking, its 'MX' or state group, an indicator), with its rows computed on demand. */
export interface RankGroup {
  ranking: Ranking;
  groupKey: string;
  indicator: RankedIndicator;
  /**
   * Every member's key, estimate and SE, in input order (exact: a number's shortest round-trip
   * text). The rows are a pure function of the group and these, so an equal key means equal rows.
   */
  inputKey: () => string;
  rows: () => RankRow[];
}

/** Identity of a ranking group within its round. */
export function rankGroupId(g: Pick<RankGroup, 'ranking' | 'groupKey' | 'indicator'>): string {
  return `${g.ranking}\u0000${g.groupKey}\u0000${g.indicator}`;
}

/** Ranks each (group, indicator) of one ranking, one group each; `perState` adds a group per cve_ent beside 'MX'. */
function rankingGroups(
  roundId: string,
  ranking: Ranking,
  all: readonly Member[],
  perState: boolean,
  options: RankRowOptions,
): RankGroup[] {
  const groups = new Map<string, Member[]>();
  const add = (group: string, m: Member): void => {
    const k = `${group}\u0000${m.indicator}`;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [m]);
    else list.push(m);
  };
  for (const m of all) {
    add(NATIONAL_GROUP, m);
    if (perState) add(m.state, m);
  }
  return [...groups.keys()].sort(compareStrings).map((k): RankGroup => {
    const list = groups.get(k) ?? [];
    const [groupKey, indicator] = k.split('\u0000') as [string, RankedIndicator];
    const rows = (): RankRow[] => {
      const seed = rankSeed(roundId, ranking, groupKey, indicator);
      const ranked = rankIntervals(
        list.map((m) => ({ id: m.key, estimate: m.estimate, se: m.se })),
        { seed, draws: options.draws, method: options.method },
      );
      return ranked.map((r): RankRow => ({
        ranking,
        groupKey,
        indicator,
        scopeKey: r.id,
        position: r.position,
        lo: r.lo,
        hi: r.hi,
        of: r.of,
        seed,
      }));
    };
    const inputKey = (): string => list.map((m) => `${m.key} ${m.estimate} ${m.se}`).join('\n');
    return { ranking, groupKey, indicator, inputKey, rows };
  });
}

/**
 * The metric_rank rows of a round as one computation per ranking group, in the order rankRows
 * concatenates them: a rebuild runs them with turns of the event loop in between (a national
 * round's rank intervals are seconds of CPU, and its last writes must keep streaming meanwhile).
 */
export function rankRowGroups(
  roundId: string,
  inputs: RankInputs,
  options: RankRowOptions = {},
): Array<() => RankRow[]> {
  return rankGroups(roundId, inputs, options).map((g) => g.rows);
}

/** Every ranking group of a round, in the order rankRows concatenates their rows. */
export function rankGroups(roundId: string, inputs: RankInputs, options: RankRowOptions = {}): RankGroup[] {
  return [
    ...rankingGroups(
      roundId,
      'institution',
      members(
        inputs.institutions,
        (r) => r.institutionId,
        (r) => r.cveEnt,
      ),
      true,
      options,
    ),
    ...rankingGroups(
      roundId,
      'municipality',
      members(
        inputs.municipalities,
        (r) => r.cvegeo,
        (r) => r.cveEnt,
      ),
      true,
      options,
    ),
    ...rankingGroups(
      roundId,
      'state',
      members(
        inputs.states,
        (r) => r.cveEnt,
        (r) => r.cveEnt,
      ),
      false,
      options,
    ),
  ];
}

/**
 * Every metric_rank row of a round. Throws RangeError (from rankIntervals) when one group holds the
 * same key twice: the stored rows are keyed by (scope, scope_key, aggregation, indicator), so that is a
 * caller bug (e.g. rows of two aggregations passed together).
 */
export function rankRows(roundId: string, inputs: RankInputs, options: RankRowOptions = {}): RankRow[] {
  return rankRowGroups(roundId, inputs, options).flatMap((group) => group());
}

/** What a rebuild holds in memory of one institution: its placement's state and its finalised values. */
export interface InstitutionValues {
  institutionId: string;
  cveEnt: string;
  values: Readonly<Record<string, { estimate: number | null; se: number | null; status: string } | null>>;
}

/** What a rebuild holds in memory of one area value (libs/metric AggregateRow). */
export interface AreaValue extends RankValue {
  scope: string;
  scopeKey: string;
  aggregation: string;
}

/**
 * The inputs of the rankings from the values a rebuild has just computed — the very numbers it
 * writes, so the rows equal what RankRepository.loadRankInputs would read back after the write
 * (rankIntervals orders its input canonically, so the order does not matter). Lets the rebuild rank
 * while its last writes are still in PostgreSQL's hands instead of after reading them back.
 */
export function rankInputsFrom(institutions: Iterable<InstitutionValues>, areas: readonly AreaValue[]): RankInputs {
  const inst: InstitutionRankInput[] = [];
  for (const r of institutions) {
    for (const indicator of RANKED_INDICATORS) {
      const v = r.values[indicator];
      if (
        v !== null &&
        v !== undefined &&
        isRankable({ indicator, estimate: v.estimate, se: v.se, status: v.status })
      ) {
        inst.push({
          institutionId: r.institutionId,
          cveEnt: r.cveEnt,
          indicator,
          estimate: v.estimate,
          se: v.se,
          status: v.status,
        });
      }
    }
  }
  const value = (a: AreaValue): RankValue => ({
    indicator: a.indicator,
    estimate: a.estimate,
    se: a.se,
    status: a.status,
  });
  const unweighted = areas.filter((a) => a.aggregation === 'unweighted' && RANKED.has(a.indicator) && isRankable(a));
  return {
    institutions: inst,
    // A cvegeo is its state's cve_ent followed by the municipality's own three digits (INEGI).
    municipalities: unweighted
      .filter((a) => a.scope === 'municipality')
      .map((a) => ({ cvegeo: a.scopeKey, cveEnt: a.scopeKey.slice(0, 2), ...value(a) })),
    states: unweighted.filter((a) => a.scope === 'state').map((a) => ({ cveEnt: a.scopeKey, ...value(a) })),
  };
}
