import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { buildInstitution, INDICATORS, METHOD_ID } from '@apertura/metric';
import type { AggregateRow, BuiltInstitution, MethodSettings, PooledVariances } from '@apertura/metric';
import type { InstitutionProvenance } from './metric-inputs';
import type { RecomputeRoundJob } from '@apertura/queue';
import { finalizeForStorage, roundAggregation, roundPool, StoredInstitutionResult } from './aggregation-input';
import { MetricInputsRepository, type LoadedInputs } from './metric-inputs.repository';
import { PermanentMetricError } from './metric-errors';
import { CopyEncoder, type EncodedRows } from './copy-stream';
import { MetricResultsRepository, Stamp } from './metric-results.repository';
import { addResultLine, addStoredLine, compareResultKeys, encodeResultRows, storedClusterFields } from './result-lines';
import { methodSettingsOf } from './method-settings';
import { ProgressReporter, yieldToEventLoop } from './progress';
import { questionnairesUsed } from './provenance';
import { rankInputsFrom, rankRowGroups } from './rank-rows';
import type { RankRow } from './rank-rows';
import { RankRepository } from './rank.repository';
import {
  aggregateResultRows,
  institutionResultRows,
  type ItemsJsonByComponent,
  ResultRow,
  slimForWriting,
} from './to-result-rows';

/** JavaScript's string order (the order compareResultKeys gives institution keys). */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Institutions whose inputs are read and built together (pass 1). */
const LOAD_CHUNK = 1000;
/** Institutions computed and written per transaction (~30 rows each). */
const INSTITUTION_BATCH = 100;
/** Institutions computed between two turns of the event loop (lets the pending writes progress). */
const YIELD_EVERY = 10;
/** Batch transactions in flight at once during a rebuild (each on its own connection). */
const WRITE_CONCURRENCY = 2;

/**
 * A built institution waiting for the round's pool, slimmed for writing (slimForWriting), with its
 * cluster columns already encoded (storedClusterFields).
 */
type BuiltWithProvenance = {
  result: BuiltInstitution;
  provenance: InstitutionProvenance;
  itemsJson: ItemsJsonByComponent;
  clusterFields: string;
};

/** What the write passes of one rebuild share: its inputs, settings, pool and stamp, and the writes in flight. */
interface WritePass {
  roundId: string;
  loaded: Omit<LoadedInputs, 'collector'>;
  settings: MethodSettings;
  pooled: PooledVariances;
  stamp: Stamp;
  /** Each institution's stored form, as written (the areas and ranks are computed from it). */
  stored: Map<string, StoredInstitutionResult>;
  /** Batch transactions in flight, oldest first; awaited in order, rejections surface then. */
  writes: Array<Promise<void>>;
  /** The round had no results when the rebuild started: its rows are new to the planner's statistics. */
  firstResults: boolean;
  progress: ProgressReporter;
}

export type RoundOutcome =
  { status: 'done'; watermark: string; institutions: number; areaRows: number } | { status: 'already-done' };

/**
 * Full rebuild of a round: every input in bulk from one snapshot, every institution, then every
 * area, each written with the snapshot's watermark; rows the rebuild no longer produces (e.g. an
 * institution that left the universe) are deleted once all of its rows are committed, and the run
 * is marked done last, with the pool. A killed run leaves complete batches behind and its retry
 * rewrites all of them, so the end state is the same as an uninterrupted run's.
 */
@Injectable()
export class RoundRecomputeService {
  constructor(
    private readonly inputs: MetricInputsRepository,
    private readonly results: MetricResultsRepository,
    private readonly ranks: RankRepository,
  ) {}

  async recompute(job: RecomputeRoundJob, reportJobProgress: (pct: number) => Promise<void>): Promise<RoundOutcome> {
    const { roundId, runId } = job;
    const state = await this.results.startRun(runId, roundId);
    if (state === 'missing') throw new PermanentMetricError(`recompute run ${runId} of round ${roundId} not found`);
    if (state === 'done') return { status: 'already-done' };
    const progress = new ProgressReporter(async (pct) => {
      await this.results.runProgress(runId, pct);
      await reportJobProgress(pct);
    });
    await progress.report(1);

    const firstResults = !(await this.results.hasResults(roundId));
    const { computed, loaded } = await this.buildAll(roundId, progress);
    const settings = methodSettingsOf(roundId, loaded.round.settings);
    const pass: WritePass = {
      roundId,
      loaded,
      settings,
      pooled: roundPool(computed.map((c) => c.result)),
      stamp: { watermark: loaded.watermark, computedAt: new Date() },
      stored: new Map<string, StoredInstitutionResult>(),
      writes: [],
      firstResults,
      progress,
    };
    let areaRows: ResultRow[];
    try {
      await this.writeInstitutions(pass, computed);
      areaRows = await this.writeAreasAndRanks(pass);
      while (pass.writes.length > 0) await pass.writes.shift();
      // 99: every row, ranking and statistic is stored; what remains is the closing transaction (pool, done).
      await progress.report(99);
    } catch (err) {
      await Promise.allSettled(pass.writes);
      throw err;
    }
    await this.results.inRoundTransaction(
      roundId,
      async (m) => {
        await this.results.savePool(m, roundId, pass.pooled, pass.stamp);
        await this.results.finishRun(m, runId, pass.stamp.watermark);
        // The rebuild's batches are not announced one by one: a page redraws once, on the finished round.
        await this.results.announce(m, roundId, pass.stamp.watermark, 'all');
      },
      'exclusive',
    );
    await reportJobProgress(100);
    return {
      status: 'done',
      watermark: pass.stamp.watermark,
      institutions: loaded.placements.length,
      areaRows: areaRows.length,
    };
  }

  /**
   * Pass 1: every institution's core (§5: the pool needs all of them before any is finalised), built
   * chunk by chunk as its inputs arrive from one snapshot (their inputs are garbage right after).
   */
  private async buildAll(
    roundId: string,
    progress: ProgressReporter,
  ): Promise<{ computed: BuiltWithProvenance[]; loaded: Omit<LoadedInputs, 'collector'> }> {
    const computed: BuiltWithProvenance[] = [];
    let roundSettings: MethodSettings | null = null;
    // Documents without stored scores (loaded by other means than the API, or whose institution job
    // has not run yet) were scored from JSON: their scores are stored meanwhile, one chunk at a time.
    let keepScores: Promise<void> = Promise.resolve();
    const loaded = await this.inputs.loadInChunks(
      roundId,
      LOAD_CHUNK,
      async ({ placements: chunk, collector }, head) => {
        roundSettings ??= methodSettingsOf(roundId, head.round.settings);
        for (const [k, p] of chunk.entries()) {
          if (k % YIELD_EVERY === 0) await yieldToEventLoop();
          const { input, provenance } = collector.institution(p.institutionId);
          const full = buildInstitution(input, roundSettings);
          const { built, itemsJson } = slimForWriting(full);
          computed.push({ result: built, provenance, itemsJson, clusterFields: storedClusterFields(full.clusters) });
          collector.release(p.institutionId);
        }
        const fresh = collector.takeFreshlyScored();
        if (fresh.length > 0) {
          const previous = keepScores;
          keepScores = previous.then(() => this.inputs.keepFreshlyScored(head.questionnaires, fresh));
        }
        await progress.report(1 + (49 * computed.length) / Math.max(1, head.placements.length));
      },
    );
    await keepScores;
    if (loaded === null) throw new PermanentMetricError(`round ${roundId} not found`);
    return { computed, loaded };
  }

  /**
   * Pass 2: finalised under the round's pool, written in batches while the next ones are built, up
   * to WRITE_CONCURRENCY transactions at once: PostgreSQL parses and stores one batch per core while
   * Node builds the next. They hold the round's lock in shared mode (disjoint institutions, upserts
   * only, in MetricResultsRepository's lock order), as institution and area jobs do. The loop
   * yields every few institutions so the writes' round trips proceed. A failed write surfaces when
   * awaited. Consumes `computed`.
   */
  private async writeInstitutions(pass: WritePass, computed: BuiltWithProvenance[]): Promise<void> {
    const { loaded, settings, pooled, stored, writes, progress } = pass;
    let written = 0;
    while (computed.length > 0) {
      // Each institution's rows and document are encoded as soon as they exist (see CopyEncoder: what
      // waits for a write slot is buffers, not objects). Institutions in id order and each one's rows
      // in key order: the batch's keys in the global order every writer uses.
      const rows = new CopyEncoder();
      const documents = new CopyEncoder();
      const next = computed
        .splice(0, INSTITUTION_BATCH)
        .sort((a, b) => byId(a.result.institutionId, b.result.institutionId));
      for (const [k, c] of next.entries()) {
        if (k % YIELD_EVERY === 0) await yieldToEventLoop();
        const { result, form } = finalizeForStorage(c.result, settings, pooled);
        const own = institutionResultRows(
          result,
          c.provenance,
          questionnairesUsed(loaded.round, loaded.questionnaires, c.provenance),
          c.itemsJson,
        );
        for (const r of own.sort(compareResultKeys)) addResultLine(rows, r);
        addStoredLine(documents, form, c.clusterFields);
        stored.set(result.institutionId, form.value);
      }
      const encodedRows = rows.finish();
      const encodedStored = documents.finish();
      while (writes.length >= WRITE_CONCURRENCY) await writes.shift();
      await progress.report(50 + (40 * written) / loaded.placements.length);
      const count = next.length;
      const write = this.sharedWrite(pass.roundId, encodedRows, encodedStored, pass.stamp).then(() => {
        written += count;
      });
      write.catch(() => undefined); // awaited by the caller; see sharedWrite
      writes.push(write);
    }
  }

  /**
   * Every institution is computed; its last batches may still be in PostgreSQL's hands. The areas are
   * aggregated meanwhile (Node's work overlaps the final writes), then written like one more batch
   * while Node ranks (§9) from the values it just computed. Returns the area rows.
   */
  private async writeAreasAndRanks(pass: WritePass): Promise<ResultRow[]> {
    const { roundId, loaded, settings, pooled, stamp, stored, writes, progress } = pass;
    const { placements } = loaded;
    await progress.report(90);
    const aggregates: AggregateRow[] = [];
    // Aggregated from the stored form, exactly as a later recompute-area job will read it back.
    const aggregate = roundAggregation(placements, stored, loaded.population, settings, pooled, loaded.design);
    for (const [k, indicator] of INDICATORS.entries()) {
      // One indicator at a time, yielding in between: a national round's aggregation is CPU-bound.
      aggregates.push(...aggregate([indicator]));
      await yieldToEventLoop();
      await progress.report(90 + (8 * (k + 1)) / INDICATORS.length);
    }
    const areaRows = aggregateResultRows(aggregates);
    writes.push(this.sharedWrite(roundId, encodeResultRows(areaRows), new CopyEncoder().finish(), stamp, true));
    // Once every row of this rebuild is committed, PostgreSQL clears the rows it no longer produces (and
    // for a round's first results refreshes the planner's statistics) while Node ranks.
    writes.push(this.afterAllRows(roundId, stamp, pass.firstResults, [...writes]));
    const institutionValues = placements.map((p) => ({
      institutionId: p.institutionId,
      cveEnt: p.cveEnt,
      values: stored.get(p.institutionId)?.values ?? {},
    }));
    // One ranking group at a time, so the writes keep streaming.
    const ranks: RankRow[] = [];
    for (const group of rankRowGroups(roundId, rankInputsFrom(institutionValues, aggregates))) {
      ranks.push(...group());
      await yieldToEventLoop();
    }
    // The rankings go to PostgreSQL beside the last batches (an area job writing them meanwhile queues
    // on round_area_write, claimed first), so the closing transaction stays short.
    const rankWrite = this.results
      .inRoundTransaction(
        roundId,
        async (m) => {
          await this.results.relaxCommit(m);
          await this.claimAreas(m, roundId, stamp);
          await this.ranks.replaceRanks(roundId, ranks, METHOD_ID, stamp.watermark, stamp.computedAt, m);
        },
        'shared',
      )
      .then(() => undefined);
    rankWrite.catch(() => undefined); // awaited by the caller; see sharedWrite
    writes.push(rankWrite);
    return areaRows;
  }

  /**
   * After every row of the rebuild is committed (`rowWrites`): deletes the round's rows it did not
   * produce (every row it produced carries its watermark, or a newer one a later job wrote), e.g. an
   * institution that left the universe, and, for a round's first results, refreshes the planner's
   * statistics (MetricResultsRepository.analyze says why they cannot wait). A later rebuild rewrites
   * rows the statistics already describe, and every one of them: autovacuum analyses the table after
   * it on its own (≈ 0.6 s a national rebuild no longer waits for). Before the run is marked done, so
   * that the closing transaction stays short; a run that fails after this point has still written
   * its every row, and its retry rewrites them all.
   */
  private afterAllRows(
    roundId: string,
    stamp: Stamp,
    firstResults: boolean,
    rowWrites: ReadonlyArray<Promise<void>>,
  ): Promise<void> {
    const cleanup = Promise.all(rowWrites).then(() =>
      this.results.inRoundTransaction(
        roundId,
        async (m) => {
          await this.claimAreas(m, roundId, stamp);
          await this.results.deleteStale(m, roundId, stamp.watermark);
          if (firstResults) await this.results.analyze(m);
        },
        'exclusive',
      ),
    );
    cleanup.catch(() => undefined); // awaited by the caller; see sharedWrite
    return cleanup;
  }

  /**
   * One batch of the rebuild, in its own transaction under the round's lock in shared mode (disjoint
   * keys, upserts only, in MetricResultsRepository's lock order). Its rejection is handled here so that it is not an unhandled one while
   * later batches compute; the caller awaits the promise and sees the error then.
   */
  private sharedWrite(
    roundId: string,
    rows: EncodedRows,
    stored: EncodedRows,
    stamp: Stamp,
    areaRows = false,
  ): Promise<void> {
    const write = this.results.inRoundTransaction(
      roundId,
      async (m) => {
        await this.results.relaxCommit(m);
        if (areaRows) await this.claimAreas(m, roundId, stamp);
        // The stored results first, in id order: they are the institutions' mutexes (the lock order of
        // MetricResultsRepository), which institution and area jobs take before the rows.
        await this.results.upsertEncodedStored(m, roundId, stored, stamp);
        await this.results.upsertEncodedResults(m, roundId, rows, stamp);
      },
      'shared',
    );
    write.catch(() => undefined);
    return write;
  }

  /**
   * This transaction writes area rows or rankings: an area job's memory of them no longer holds
   * (round_area_write, see AreaRecomputeService).
   */
  private async claimAreas(m: EntityManager, roundId: string, stamp: Stamp): Promise<void> {
    await this.results.claimAreaWrite(m, roundId, randomUUID(), stamp.watermark);
  }

  async fail(job: RecomputeRoundJob, error: string): Promise<void> {
    await this.results.failRun(job.runId, error);
  }
}
