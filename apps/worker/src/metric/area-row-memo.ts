import { aggregateRowKey, METHOD_ID } from '@apertura/metric';
import type {
  AggregateReuse,
  AggregateRow,
  MethodSettings,
  PooledVariances,
  SampleDesign,
  TouchedAreas,
} from '@apertura/metric';
import { poolKey } from './aggregation-input';
import type { StoredInstitutionResult } from './aggregation-input';
import type { PlacementRecord } from './metric-inputs';
import type { RankGroup, RankRow } from './rank-rows';

/** What areaFrame needs: the round's settings, design, population counts and universe. */
export interface AreaFrameInput {
  settings: MethodSettings;
  design: SampleDesign | null;
  population: Readonly<Record<string, number>>;
  placements: readonly PlacementRecord[];
}

/**
 * Everything besides the members' own results and the pool that an area row depends on: the method,
 * the round's settings and design, its population counts and the universe (who is where).
 */
export function areaFrame(input: AreaFrameInput): string {
  const universe = input.placements.map((p) => `${p.institutionId} ${p.cvegeo} ${p.cveEnt} ${p.level} ${p.type}`);
  const population = Object.keys(input.population)
    .sort()
    .map((k) => `${k}=${input.population[k]}`);
  return JSON.stringify([METHOD_ID, input.settings, input.design, population, universe.join('\n')]);
}

/**
 * Everything besides the members' own results that an area row depends on: its frame (areaFrame) and
 * the pool. Two aggregations with the same basis and the same member results give the same rows, bit
 * for bit.
 */
export function areaBasis(
  input: AreaFrameInput & { pooled: PooledVariances | null },
  frame = areaFrame(input),
): string {
  return JSON.stringify([frame, poolKey(input.pooled)]);
}

/**
 * The areas whose members' results are not the very objects `before` held. The stored-result cache
 * hands out one object per (institution, input watermark) and a re-finalised result is a new object,
 * so "same object" means "same inputs to every area it belongs to"; a new object with equal content
 * only costs recomputing its areas.
 */
export function touchedAreas(
  placements: readonly PlacementRecord[],
  before: ReadonlyMap<string, StoredInstitutionResult>,
  after: ReadonlyMap<string, StoredInstitutionResult>,
): TouchedAreas & { institutions: number } {
  const municipality = new Set<string>();
  const state = new Set<string>();
  const level = new Set<string>();
  const type = new Set<string>();
  let institutions = 0;
  for (const p of placements) {
    if (before.get(p.institutionId) === after.get(p.institutionId)) continue;
    institutions++;
    municipality.add(p.cvegeo);
    state.add(p.cveEnt);
    level.add(p.level);
    type.add(p.type);
  }
  return { municipality, state, level, type, institutions };
}

/** A ranking group's rows with the inputs they were computed from (RankGroup.inputKey). */
export interface RankedGroup extends Pick<RankGroup, 'ranking' | 'groupKey' | 'indicator'> {
  inputKey: string;
  rows: readonly RankRow[];
}

interface Remembered {
  /** '' after a write of some municipalities under another pool: nothing is reused until every area is written again. */
  basis: string;
  /** The frame (areaFrame) of the last write, whatever it wrote. */
  frame: string;
  /** The member results the last pass over every area aggregated (by institution id). */
  results: ReadonlyMap<string, StoredInstitutionResult>;
  /** The member results the stored municipality rows came from: `results`, or a later write of some municipalities. */
  municipalResults: ReadonlyMap<string, StoredInstitutionResult>;
  /** Replaced in place by a write of some municipalities (a national round has ≈ 31,000 rows). */
  rows: Map<string, AggregateRow>;
  /** By rankGroupId. */
  ranks: ReadonlyMap<string, RankedGroup>;
  /** What this process's last area write of the round left in round_area_write. */
  token: string;
}

/** An area write this process committed: what it was aggregated under and from, and the rows it wrote. */
export interface AreaWrite {
  basis: string;
  frame: string;
  results: ReadonlyMap<string, StoredInstitutionResult>;
  rows: readonly AggregateRow[];
}

/** The area rows (by aggregateRowKey) and ranking groups (by rankGroupId) of a process's last area write. */
export interface WrittenAreas {
  token: string;
  rows: ReadonlyMap<string, AggregateRow>;
  ranks: ReadonlyMap<string, RankedGroup>;
}

/** What an area job may reuse of the process's last aggregation of the round. */
export interface AreaReusePlan {
  reuse: AggregateReuse;
  /** The token the stored rows carry if nobody else wrote them since (compare under the round's lock). */
  token: string;
  touchedInstitutions: number;
}

/**
 * The area rows this worker process last wrote for a few rounds, with the member results and basis
 * they came from (issue #17: an area job aggregates only the areas its changes touch). Bounded,
 * least recently used out first; a process that has not written a round yet aggregates all of it.
 */
export class AreaRowMemo {
  private readonly rounds = new Map<string, Remembered>();

  constructor(private readonly capacity = 2) {}

  /** The reuse for an aggregation of `results` under `basis`, or null when every area must be computed. */
  planFor(
    roundId: string,
    basis: string,
    placements: readonly PlacementRecord[],
    results: ReadonlyMap<string, StoredInstitutionResult>,
  ): AreaReusePlan | null {
    const held = this.rounds.get(roundId);
    if (held === undefined || held.basis !== basis) return null;
    const { institutions, ...touched } = touchedAreas(placements, held.results, results);
    return { reuse: { touched, previous: held.rows }, token: held.token, touchedInstitutions: institutions };
  }

  /**
   * The ranking groups last computed for the round, whatever their basis: a group's rows depend on
   * nothing but its identity and its inputs (RankGroup.inputKey).
   */
  ranksOf(roundId: string): ReadonlyMap<string, RankedGroup> | null {
    return this.rounds.get(roundId)?.ranks ?? null;
  }

  /**
   * After the write of `rows` (every area row of the round) and `ranks` (every ranking group)
   * committed with `token`, and the stored rows and rankings are exactly these.
   */
  remember(roundId: string, memo: AreaWrite & { ranks: ReadonlyMap<string, RankedGroup> }, token: string): void {
    const rows = new Map(memo.rows.map((r) => [aggregateRowKey(r), r]));
    this.keep(roundId, { ...memo, municipalResults: memo.results, rows, token });
  }

  /**
   * After a write of some municipalities' rows only (`rows`, from `results` under `basis`) committed with
   * `token` over what this process remembered: the stored rows are the remembered ones with these
   * replaced. Under the same basis the next pass over every area still reuses what its changes did not
   * touch (planFor compares with the results of the last such pass, so the states, levels and types of
   * these municipalities are aggregated again); under another pool nothing is reused. The municipalities
   * touched since are found against `results` (municipalitiesTouchedSince).
   */
  rememberMunicipalities(roundId: string, memo: AreaWrite, token: string): void {
    const held = this.rounds.get(roundId);
    if (held === undefined || held.frame !== memo.frame) return this.forget(roundId);
    for (const r of memo.rows) held.rows.set(aggregateRowKey(r), r);
    const basis = memo.basis === held.basis ? held.basis : '';
    this.keep(roundId, { ...held, basis, municipalResults: memo.results, token });
  }

  /**
   * The municipalities whose members' results are not the ones this process last aggregated them from,
   * or null when it has not written the round under this frame (then only a write of every area knows).
   */
  municipalitiesTouchedSince(
    roundId: string,
    frame: string,
    placements: readonly PlacementRecord[],
    results: ReadonlyMap<string, StoredInstitutionResult>,
  ): { municipalities: ReadonlySet<string>; institutions: number } | null {
    const held = this.rounds.get(roundId);
    if (held === undefined || held.frame !== frame) return null;
    const { municipality, institutions } = touchedAreas(placements, held.municipalResults, results);
    return { municipalities: municipality, institutions };
  }

  private keep(roundId: string, remembered: Remembered): void {
    this.rounds.delete(roundId);
    this.rounds.set(roundId, remembered);
    while (this.rounds.size > this.capacity) this.rounds.delete(this.rounds.keys().next().value as string);
  }

  /**
   * What this process last wrote for the round, whatever the basis it was aggregated under: the
   * stored area rows and rankings while round_area_write still holds `token` (compare under the
   * round's lock). A row equal to one of these needs no write, even when nothing can be reused.
   */
  writtenOf(roundId: string): WrittenAreas | null {
    const held = this.rounds.get(roundId);
    return held === undefined ? null : { token: held.token, rows: held.rows, ranks: held.ranks };
  }

  /** After a failed write: the stored rows are no longer known. */
  forget(roundId: string): void {
    this.rounds.delete(roundId);
  }
}
