import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { aggregateRowKey, computeMunicipalityAggregates, INDICATORS, METHOD_ID, sortedBy } from '@apertura/metric';
import type { AggregateRow, AggregationUniverse, MethodSettings, PooledVariances } from '@apertura/metric';
import { AreaRowMemo, areaBasis, areaFrame } from './area-row-memo';
import { OneAtATime } from './one-at-a-time';
import type { AreaReusePlan, RankedGroup, WrittenAreas } from './area-row-memo';
import type { RecomputeAreaJob } from '@apertura/queue';
import {
  aggregationUniverse,
  placementsFor,
  poolKey,
  refinalized,
  roundAggregation,
  roundPool,
  sameJsonValue,
  StoredInstitutionResult,
} from './aggregation-input';
import { LoadedAreaInputs, MetricInputsRepository } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { InstitutionPatch, MetricResultsRepository, Stamp } from './metric-results.repository';
import { rankGroupId, rankGroups, rankInputsFrom } from './rank-rows';
import { RankRepository } from './rank.repository';
import { methodSettingsOf } from './method-settings';
import { yieldToEventLoop } from './progress';
import { aggregateResultRows, repooledRows } from './to-result-rows';

/** A stored result this method wrote (apertura-2 stores the core; apertura-1 did not). */
const isCurrentForm = (s: StoredInstitutionResult): boolean =>
  typeof s.core === 'object' && s.core !== null && typeof s.pooledKey === 'string';

/** Institutions re-finalised between two turns of the event loop. */
const YIELD_EVERY = 200;

/**
 * Institutions whose rows a new pool changes, patched per transaction. Each transaction holds its
 * institutions' row locks until it commits, and an institution job of one of them waits for that: one
 * national patch of 12,000 institutions held them 1.1–1.8 s (bench/RESULTS.md), a chunk holds them
 * for a few tens of milliseconds.
 */
export const AREA_PATCH_CHUNK = 500;

/** What an area job did, for its Bull result and the logs. */
export interface AreaOutcome {
  watermark: string;
  /** Area rows written. */
  rows: number;
  /**
   * 'areas': only the areas its changes touched were aggregated and written; 'all': every area;
   * 'municipalities': during a burst, only the municipalities its changes touched (mayDeferFullPass).
   */
  mode: 'areas' | 'all' | 'municipalities';
  /** Institutions whose results changed since the aggregation it reused ('all': every one). */
  touchedInstitutions: number;
  /** Stored results it re-finalised under a new pool (§5). */
  refinalized: number;
}

/** What the processor tells an area job about the queue. */
export interface AreaJobHints {
  /** Whether another area job of the round waits to start: it reads everything committed after this one read. */
  newerJobWaiting?: () => Promise<boolean>;
}

/** The last pass of a round that aggregated every area: when its rows committed and how long it took. */
export interface FullPass {
  at: number;
  tookMs: number;
}

/** During a burst, a pass over every area is deferred at most its own duration divided by this … */
export const FULL_PASS_SHARE = 0.1;
/** … and never longer than this after the last one. */
export const FULL_PASS_AT_LEAST_EVERY_MS = 60_000;
/**
 * A burst has ended when no other area job of the round arrived this long after a job of the burst
 * wrote the touched municipalities: that job then writes every area. Longer than the area debounce plus
 * an institution batch under load, so that a gap between two batches does not end a burst.
 */
export const BURST_QUIET_MS = 1_000;
/** How often a job that wrote the touched municipalities alone looks for the next area job of its round. */
const QUIET_POLL_MS = 100;

/**
 * Whether an area job may write only the municipalities its changes touched and leave every other area
 * (states, the round, levels, types, the other municipalities, rankings, the institutions a new pool
 * re-finalises) to a later pass over every area: only after this process has written every area once,
 * and only until the last such pass is ten times its own duration old (FULL_PASS_SHARE: passes that
 * take more than a tenth of the time are not deferred) or FULL_PASS_AT_LEAST_EVERY_MS old, whichever
 * comes first. A national pass over every area takes seconds under load; a small round's,
 * milliseconds, so a small round hardly ever defers one.
 */
export function mayDeferFullPass(last: FullPass | undefined, now: number): boolean {
  if (last === undefined) return false;
  const allowed = Math.min(FULL_PASS_AT_LEAST_EVERY_MS, last.tookMs / FULL_PASS_SHARE);
  return now - last.at < allowed;
}

/**
 * Re-aggregates a round (municipality, state, national, level, type; every mean) from the stored
 * institution results: one bulk read, so a burst of institution changes becomes one area job. First
 * it re-forms the round's pooled variances (§5) from the stored cores and re-finalises the
 * institutions the new pool changes (their rows are patched right after the area rows, in chunks),
 * so aggregates, institution rows and a full rebuild agree once the job ends.
 *
 * Only the areas a change touches are aggregated and written again (issue #17): when this process
 * wrote the round's area rows last (round_area_write still holds its token) under the same universe,
 * settings, design and pool, every other area's row is the one it remembers (AreaRowMemo), which is
 * what aggregating it again would give, bit for bit. Otherwise — a new pool, another writer, a
 * restart — every area is aggregated and written, as a full rebuild would.
 *
 * At national size a pass over every area takes seconds, and during a burst of writes nearly every
 * one moves the pool. So during a burst (another area job of the round waits), a job of a large round
 * writes only the municipalities its changes touched (municipalitiesFirst, a few hundred milliseconds);
 * the job after which no other arrives within BURST_QUIET_MS writes every area, and so does any job once
 * mayDeferFullPass says the other areas have waited long enough (docs/decisions.md, "During a burst, an
 * area job writes the touched municipalities first").
 */
@Injectable()
export class AreaRecomputeService {
  private readonly memo = new AreaRowMemo();
  private readonly oneAtATime = new OneAtATime<AreaOutcome>();
  private readonly fullPasses = new Map<string, FullPass>();
  /** The last universe counts of each round, with the frame they were counted under (they depend on nothing else). */
  private readonly universes = new Map<string, { frame: string; universe: AggregationUniverse }>();
  /** Whether a job may leave every area but the touched municipalities to a later one (tests replace it). */
  deferFullPass: (last: FullPass | undefined, now: number) => boolean = mayDeferFullPass;
  /** BURST_QUIET_MS (tests shorten it). */
  burstQuietMs = BURST_QUIET_MS;
  /** Rounds whose last area job wrote the touched municipalities alone because another job waited. */
  private readonly inBurst = new Set<string>();
  /** Institutions patched per transaction (AREA_PATCH_CHUNK; tests set a small one to cross chunks). */
  patchChunk = AREA_PATCH_CHUNK;

  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
    private readonly ranks: RankRepository,
  ) {}

  /**
   * §9: every ranking group's rank intervals (the worker's job, never a request's), from the values
   * this job aggregates. A group whose inputs are those the process last ranked keeps its rows; the
   * others are ranked again, yielding between groups (a national institution ranking is about a
   * second of CPU, and this worker's institution jobs share its event loop).
   */
  private async rankAll(
    roundId: string,
    placements: LoadedAreaInputs['placements'],
    results: ReadonlyMap<string, StoredInstitutionResult>,
    aggregates: readonly AggregateRow[],
  ): Promise<RankPlan> {
    const institutions = placements.map((p) => ({
      institutionId: p.institutionId,
      cveEnt: p.cveEnt,
      values: results.get(p.institutionId)?.values ?? {},
    }));
    const before = this.memo.ranksOf(roundId);
    const ranked = new Map<string, RankedGroup>();
    const changed: RankedGroup[] = [];
    for (const group of rankGroups(roundId, rankInputsFrom(institutions, aggregates))) {
      const id = rankGroupId(group);
      const inputKey = group.inputKey();
      const kept = before?.get(id);
      if (kept !== undefined && kept.inputKey === inputKey) {
        ranked.set(id, kept);
        continue;
      }
      const { ranking, groupKey, indicator } = group;
      const fresh: RankedGroup = { ranking, groupKey, indicator, inputKey, rows: group.rows() };
      ranked.set(id, fresh);
      changed.push(fresh);
      await yieldToEventLoop();
    }
    // Groups that no longer exist (no rankable member left) lose their stored rows.
    for (const [id, gone] of before ?? []) if (!ranked.has(id)) changed.push({ ...gone, rows: [] });
    return { ranked, changed };
  }

  /**
   * The round's area job: after the one of the round this process is running, if any, and shared
   * with another call that is already waiting for it (see OneAtATime).
   */
  recompute(job: RecomputeAreaJob, hints: AreaJobHints = {}): Promise<AreaOutcome> {
    return this.oneAtATime.run(job.roundId, () => this.recomputeNow(job, hints));
  }

  private async recomputeNow(job: RecomputeAreaJob, hints: AreaJobHints): Promise<AreaOutcome> {
    const { roundId } = job;
    const startedAt = Date.now();
    const loaded = await this.inputs.loadArea(roundId);
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    if ([...loaded.results.values()].some((s) => !isCurrentForm(s))) {
      // Results an earlier method (apertura-1) stored have no core to re-finalise: the round is
      // rebuilt under the current method instead, and keeps its labelled old numbers until then.
      await this.results.inRoundTransaction(
        roundId,
        (m) => this.results.requestRebuild(m, roundId, `stored results of an earlier method than ${METHOD_ID}`),
        'exclusive',
      );
      return { watermark: loaded.watermark, rows: 0, mode: 'all', touchedInstitutions: 0, refinalized: 0 };
    }
    const { design, population, placements } = loaded;
    const frame = areaFrame({ settings, design, population, placements });
    if (await this.inABurst(roundId, hints)) {
      const touchedOnly = await this.municipalitiesFirst(roundId, loaded, settings, frame);
      if (touchedOnly !== null) {
        // While the burst goes on, the next area job writes the municipalities it touches in turn; the
        // job after which none comes writes every area, from inputs read again.
        if (await this.anotherJobComes(roundId, hints.newerJobWaiting)) {
          this.inBurst.add(roundId);
          return touchedOnly;
        }
        this.inBurst.delete(roundId);
        return this.recomputeNow(job, {});
      }
    }
    this.inBurst.delete(roundId);
    const computed = await this.compute(roundId, loaded, settings, frame);
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    const token = randomUUID();
    const { basis, results, aggregates, plan } = computed;
    let written: Written;
    let ranks: RankPlan;
    try {
      written = await this.write(roundId, computed, stamp, token);
      // Rank intervals after the area rows commit: a national ranking group is about a second of CPU,
      // and the national values should not wait for it (open pages re-read them on the announcement).
      ranks = await this.rankAll(roundId, loaded.placements, results, aggregates);
      written.ranked = await this.writeRanks(roundId, written.storedRanks, ranks, stamp, token);
    } catch (err) {
      this.memo.forget(roundId);
      throw err;
    }
    if (written.exact && written.ranked)
      this.memo.remember(roundId, { basis, frame, results, rows: aggregates, ranks: ranks.ranked }, token);
    else this.memo.forget(roundId);
    const refinalizedCount = await this.patch(roundId, computed.patches, stamp.watermark);
    this.fullPasses.set(roundId, { at: Date.now(), tookMs: Date.now() - startedAt });
    return {
      watermark: stamp.watermark,
      rows: written.rows,
      mode: written.mode,
      touchedInstitutions:
        written.mode === 'areas' && plan !== null ? plan.touchedInstitutions : loaded.placements.length,
      refinalized: refinalizedCount,
    };
  }

  /**
   * The rankings, in a transaction of their own right after the area rows': only while round_area_write
   * still holds this job's token, i.e. no other area writer (another worker's area job, a rebuild's
   * closing transaction) wrote since — its rankings are then the ones that stand, and this job's are
   * not written. Against the rankings this process last wrote (`stored`), only the groups that differ
   * are replaced; without them, every ranking. Announced (`areas`) when any ranking row changed.
   * Whether this job's rankings are now the stored ones.
   */
  private async writeRanks(
    roundId: string,
    stored: WrittenAreas | null,
    ranks: RankPlan,
    stamp: Stamp,
    token: string,
  ): Promise<boolean> {
    return this.results.inRoundTransaction(
      roundId,
      async (m) => {
        if ((await this.results.areaWriteToken(m, roundId)) !== token) return false;
        const { watermark, computedAt } = stamp;
        if (stored === null) {
          const all = [...ranks.ranked.values()].flatMap((g) => g.rows);
          if (!(await this.ranks.replaceRanks(roundId, all, METHOD_ID, watermark, computedAt, m))) return false;
        } else {
          const groups = ranks.changed.filter((g) => !sameJsonValue(stored.ranks.get(rankGroupId(g))?.rows, g.rows));
          if (groups.length === 0) return true;
          const rankRows = groups.flatMap((g) => g.rows);
          await this.ranks.replaceRankGroups(m, roundId, groups, rankRows, METHOD_ID, watermark, computedAt);
        }
        await this.results.announce(m, roundId, watermark, 'areas');
        return true;
      },
      'shared',
    );
  }

  /**
   * After the area rows and the pool committed: the institutions the new pool re-finalises, in chunks
   * of `patchChunk` (id order), each in a transaction of its own; the last one announces the change
   * again (scope `areas`), so an open page re-reads its institutions once all are written. Between chunks a
   * reader may find some institutions' intervals still under the previous pool, as it does between an
   * institution job and the area job that follows it. If the job stops in between, the next area job
   * re-forms the same pool and patches the rest (their stored results still name the previous pool).
   * Returns how many were patched.
   */
  private async patch(roundId: string, patches: readonly InstitutionPatch[], watermark: string): Promise<number> {
    const sorted = sortedBy(patches, (p) => p.institutionId);
    let applied = 0;
    let start = 0;
    while (start < sorted.length) {
      const chunk = sorted.slice(start, start + this.patchChunk);
      start += this.patchChunk;
      const last = start >= sorted.length;
      const patched = await this.results.inRoundTransaction(
        roundId,
        async (m) => {
          const done = await this.results.patchInstitutions(m, roundId, chunk);
          if (last) await this.results.announce(m, roundId, watermark, 'areas');
          return done;
        },
        'shared',
      );
      applied += patched.applied.length;
      if (patched.version !== null)
        this.inputs.rememberStored(
          roundId,
          patched.version,
          patched.applied.map((p) => ({
            from: { institutionId: p.institutionId, watermark: p.watermark, version: p.version },
            result: p.value,
          })),
        );
    }
    return applied;
  }

  /**
   * During a burst (mayDeferFullPass): the municipalities whose members changed since this process last
   * aggregated them, under the round's pool as of this job's inputs, written in one short transaction
   * with that pool. Each row is what a pass over every area writes for it from the same inputs, bit for
   * bit; every other area keeps its stored row, of an earlier snapshot and pool (its watermark says
   * which), until the next pass over every area. Null when this process does not know what it last
   * wrote under this frame: then only a pass over every area does.
   */
  private async municipalitiesFirst(
    roundId: string,
    loaded: LoadedAreaInputs,
    settings: MethodSettings,
    frame: string,
  ): Promise<AreaOutcome | null> {
    const { placements, population, design } = loaded;
    const touched = this.memo.municipalitiesTouchedSince(roundId, frame, placements, loaded.results);
    const stored = this.memo.writtenOf(roundId);
    if (touched === null || stored === null) return null;
    const outcome = (rows: number, institutions: number): AreaOutcome => ({
      watermark: loaded.watermark,
      rows,
      mode: 'municipalities',
      touchedInstitutions: institutions,
      refinalized: 0,
    });
    if (touched.municipalities.size === 0) return outcome(0, 0);
    const pooled = this.poolOf(loaded);
    const key = poolKey(pooled);
    const members = placements.filter((p) => touched.municipalities.has(p.cvegeo));
    const memberResults = new Map<string, StoredInstitutionResult>();
    for (const p of members) {
      const result = loaded.results.get(p.institutionId);
      if (result !== undefined)
        memberResults.set(p.institutionId, refinalized(result, settings, pooled, key)?.value ?? result);
    }
    const rows = computeMunicipalityAggregates(
      placementsFor(members, memberResults, settings, pooled),
      this.universeOf(roundId, frame, loaded),
      touched.municipalities,
      settings,
      INDICATORS,
      pooled,
    );
    const stamp = { watermark: loaded.watermark, computedAt: new Date() };
    const token = randomUUID();
    const written = await this.results.inRoundTransaction(
      roundId,
      async (m) => {
        const previous = await this.results.claimAreaWrite(m, roundId, token, stamp.watermark);
        const known = previous.token === stored.token;
        const changed = known ? differentFrom(rows, stored) : rows;
        await this.results.upsertResults(m, roundId, aggregateResultRows(changed), stamp);
        await this.results.savePool(m, roundId, pooled, stamp);
        if (changed.length > 0) await this.results.announce(m, roundId, stamp.watermark, 'areas');
        const newest = previous.newestWatermark;
        return { rows: changed.length, exact: known && (newest === null || BigInt(newest) <= BigInt(stamp.watermark)) };
      },
      'shared',
    );
    const basis = areaBasis({ settings, design, population, placements, pooled }, frame);
    if (written.exact)
      this.memo.rememberMunicipalities(roundId, { basis, frame, results: loaded.results, rows }, token);
    else this.memo.forget(roundId);
    return outcome(written.rows, touched.institutions);
  }

  /**
   * Whether this job writes the touched municipalities first (see the class comment): the processor
   * says whether other area jobs wait, mayDeferFullPass allows it, and the last job of the round was one
   * of a burst or another area job waits now. A write on its own gets a pass over every area at once.
   */
  private async inABurst(roundId: string, hints: AreaJobHints): Promise<boolean> {
    if (hints.newerJobWaiting === undefined || !this.deferFullPass(this.fullPasses.get(roundId), Date.now()))
      return false;
    return this.inBurst.has(roundId) || this.oneAtATime.isWaiting(roundId) || hints.newerJobWaiting();
  }

  /** Whether another area job of the round is waiting, or arrives within burstQuietMs. */
  private async anotherJobComes(roundId: string, newerJobWaiting?: () => Promise<boolean>): Promise<boolean> {
    const until = Date.now() + this.burstQuietMs;
    for (;;) {
      if (this.oneAtATime.isWaiting(roundId) || ((await newerJobWaiting?.()) ?? false)) return true;
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
    }
  }

  /** The round's universe counts (§4), counted again only under another frame. */
  private universeOf(roundId: string, frame: string, loaded: LoadedAreaInputs): AggregationUniverse {
    const kept = this.universes.get(roundId);
    if (kept !== undefined && kept.frame === frame) return kept.universe;
    const universe = aggregationUniverse(loaded.placements, loaded.population, loaded.design);
    this.universes.delete(roundId);
    this.universes.set(roundId, { frame, universe });
    // As many rounds as the memo keeps.
    while (this.universes.size > 2) this.universes.delete(this.universes.keys().next().value as string);
    return universe;
  }

  /** The round's pooled variances (§5) from the stored results of its universe's institutions. */
  private poolOf(loaded: LoadedAreaInputs): PooledVariances {
    const inUniverse = new Set(loaded.placements.map((p) => p.institutionId));
    return roundPool([...loaded.results.values()].filter((s) => inUniverse.has(s.institutionId)));
  }

  /** The round's pool, re-finalised results and aggregates, reusing what the memo allows. */
  private async compute(
    roundId: string,
    loaded: LoadedAreaInputs,
    settings: MethodSettings,
    frame: string,
  ): Promise<Computed> {
    const pooled = this.poolOf(loaded);
    const { results, patches } = await this.repool(loaded, settings, pooled);
    const { placements, population, design } = loaded;
    const basis = areaBasis({ settings, design, population, placements, pooled }, frame);
    const plan = this.memo.planFor(roundId, basis, placements, results);
    const written = this.memo.writtenOf(roundId);
    // One indicator at a time, yielding in between (as the full rebuild does): a national round's
    // aggregation is about a second of CPU, and the institution jobs of this worker share its event loop.
    const aggregates: AggregateRow[] = [];
    const aggregate = roundAggregation(placements, results, population, settings, pooled, design);
    for (const indicator of INDICATORS) {
      aggregates.push(...aggregate([indicator], plan?.reuse ?? null));
      await yieldToEventLoop();
    }
    return { pooled, results, patches, basis, plan, written, aggregates };
  }

  /**
   * The area rows and the pool in one transaction, holding the round's lock in shared mode beside
   * institution jobs (which write other rows) and queueing on round_area_write behind other area
   * writers. When round_area_write still holds the token of this process's last write, the stored rows
   * are the remembered ones, and only the rows that differ from them are written — also after a new
   * pool, which changes about a quarter of a national round's area rows (and under 1 % of its ranking
   * rows, writeRanks); otherwise all of them. The institutions a new pool re-finalises are patched after it commits (patch),
   * so that an institution job of one of them never waits for the area rows.
   */
  private async write(roundId: string, c: Computed, stamp: Stamp, token: string): Promise<Written> {
    return this.results.inRoundTransaction(
      roundId,
      async (m) => {
        const previous = await this.results.claimAreaWrite(m, roundId, token, stamp.watermark);
        // Another area write since this process's last one: the stored rows may not be the remembered ones.
        const reused = c.plan !== null && previous.token === c.plan.token ? c.plan : null;
        // What is stored is this process's last write (whatever it was aggregated under), or unknown.
        const stored = c.written !== null && previous.token === c.written.token ? c.written : null;
        const changed =
          reused !== null
            ? recomputedOnly(c.aggregates, reused)
            : stored !== null
              ? differentFrom(c.aggregates, stored)
              : c.aggregates;
        await this.results.upsertResults(m, roundId, aggregateResultRows(changed), stamp);
        // Rows of areas that left the universe go only when every area was aggregated (a new universe is a new basis):
        // by key when the stored rows are known (the unchanged ones keep their older watermark), else by watermark.
        if (reused === null && stored !== null)
          await this.results.deleteAreaRows(m, roundId, goneFrom(stored, c.aggregates));
        else if (reused === null) await this.results.deleteStaleAreas(m, roundId, stamp.watermark);
        await this.results.savePool(m, roundId, c.pooled, stamp);
        const { watermark } = stamp;
        // Open pages re-read the areas now; rankings and re-finalised institutions are announced when written.
        await this.results.announce(m, roundId, watermark, 'areas');
        // A write from a newer snapshot keeps its rows (the upserts are guarded): what is stored is not all ours.
        const newest = previous.newestWatermark;
        const exact = newest === null || BigInt(newest) <= BigInt(watermark);
        return {
          rows: changed.length,
          mode: reused === null ? 'all' : 'areas',
          exact,
          storedRanks: stored,
          ranked: false,
        };
      },
      'shared',
    );
  }

  /** Stored results finalised under `pooled`, with the patches for those that were not yet. */
  private async repool(
    loaded: LoadedAreaInputs,
    settings: MethodSettings,
    pooled: PooledVariances,
  ): Promise<{ results: Map<string, StoredInstitutionResult>; patches: InstitutionPatch[] }> {
    const results = new Map(loaded.results);
    const patches: InstitutionPatch[] = [];
    const key = poolKey(pooled);
    let k = 0;
    for (const [institutionId, stored] of loaded.results) {
      if (++k % YIELD_EVERY === 0) await yieldToEventLoop();
      const next = refinalized(stored, settings, pooled, key);
      if (next === null) continue;
      const row = loaded.versions.get(institutionId);
      if (row === undefined) continue;
      results.set(institutionId, next.value);
      patches.push({
        institutionId,
        watermark: row.watermark,
        version: row.version,
        rows: next.changed ? repooledRows(next.value, stored) : [],
        neededReports: next.value.neededReports,
        neededReportsMoved: next.value.neededReports !== stored.neededReports,
        value: next.value,
      });
    }
    return { results, patches };
  }
}

/** The rows aggregated again (not taken from the plan's remembered rows): what changed and must be written. */
function recomputedOnly(aggregates: readonly AggregateRow[], plan: AreaReusePlan): AggregateRow[] {
  return aggregates.filter((r) => plan.reuse.previous.get(aggregateRowKey(r)) !== r);
}

/** Rows that differ from the stored ones (or are new): after a new pool, about a quarter of a national round's. */
function differentFrom(aggregates: readonly AggregateRow[], stored: Pick<WrittenAreas, 'rows'>): AggregateRow[] {
  return aggregates.filter((r) => !sameJsonValue(stored.rows.get(aggregateRowKey(r)), r));
}

/** Stored rows of areas the aggregation no longer has (they left the universe). */
function goneFrom(stored: WrittenAreas, aggregates: readonly AggregateRow[]): AggregateRow[] {
  const now = new Set(aggregates.map(aggregateRowKey));
  return [...stored.rows.values()].filter((r) => !now.has(aggregateRowKey(r)));
}

/** What an area job computed before taking the round's lock. */
interface Computed {
  pooled: PooledVariances;
  results: Map<string, StoredInstitutionResult>;
  patches: InstitutionPatch[];
  basis: string;
  plan: AreaReusePlan | null;
  /** This process's last area write of the round, if it remembers one. */
  written: WrittenAreas | null;
  aggregates: AggregateRow[];
}

/** What its transactions wrote; `exact`: the stored area rows are now exactly the computed ones. */
interface Written {
  rows: number;
  mode: AreaOutcome['mode'];
  exact: boolean;
  /** The rankings this process last wrote, when they are the stored ones (null: unknown). */
  storedRanks: WrittenAreas | null;
  /** Whether the stored rankings are now this job's (writeRanks). */
  ranked: boolean;
}

/** The ranking groups of an area job: every group's rows, and the groups whose stored rows must change. */
interface RankPlan {
  ranked: Map<string, RankedGroup>;
  /** The groups ranked again or gone: their stored rows are replaced. */
  changed: RankedGroup[];
}
