import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { METHOD_ID, METHOD_VERSION, sortedBy } from '@apertura/metric';
import type { AggregateRow } from '@apertura/metric';
import { RESULTS_CHANNEL } from '@apertura/db';
import type { ResultsChangeScope } from '@apertura/db';
import type { StoredInstitutionResult } from './aggregation-input';
import { copyInto } from './copy-stream';
import type { EncodedRows } from './copy-stream';
import { PermanentMetricError } from './metric-errors';
import { encodeResultRows, encodeStoredForms, type StoredWithClusters } from './result-lines';
import type { ResultRow } from './to-result-rows';

/**
 * Per-connection staging tables for the bulk upserts (created once per session; emptied by the
 * upsert that reads them, and at commit in any case).
 */
const RESULT_STAGE = `CREATE TEMP TABLE IF NOT EXISTS metric_result_stage (
  scope text, scope_key text, aggregation text, indicator text, estimate float8, se float8, lo float8, hi float8, cv float8,
  n int, population_size int, status text, needed int, needed_subjects int, needed_reports int, validated_share float8, formula text, details json)
  ON COMMIT DELETE ROWS`;
const STORED_STAGE = `CREATE TEMP TABLE IF NOT EXISTS institution_result_stage (
  institution_id uuid, result json, validator_ids uuid[], validator_tc float8[], validator_pc float8[]) ON COMMIT DELETE ROWS`;

const RESULT_STAGE_COLUMNS =
  'scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, population_size, status, needed, needed_subjects, needed_reports, validated_share, formula, details';

/** One institution's rows re-finalised under a new pool, and its new stored result. */
export interface InstitutionPatch {
  institutionId: string;
  /** Watermark of the stored result the patch was derived from. */
  watermark: string;
  /** Row version (xmin) of that stored result: the patch applies only while the row is still that one. */
  version: string;
  /** Its rows the new pool changes (repooledRows). */
  rows: ResultRow[];
  neededReports: number | null;
  /** Whether neededReports differs from the stored one (its government components carry it). */
  neededReportsMoved: boolean;
  /** The new stored result (finalised under the area job's pool: the same for every patch of a job). */
  value: StoredInstitutionResult;
}

/** The patches applied (their stored rows unchanged since they were read) and the rows' new version. */
export interface Patched {
  applied: InstitutionPatch[];
  version: string | null;
}

/** Which snapshot the rows come from, and when they were computed. */
export interface Stamp {
  watermark: string;
  computedAt: Date;
}

/**
 * Writes metric results. Every upsert is guarded by the input watermark (`WHERE stored.watermark <=
 * EXCLUDED.watermark`): a job that read an older snapshot never overwrites newer numbers, and a retry
 * of the same snapshot rewrites the same values (idempotent). Bulk rows go through COPY into a
 * per-connection staging table (see copy-text.ts for why).
 *
 * Writers of one round meet on a transaction-scoped advisory lock (inRoundTransaction). Most take it
 * shared and write side by side — institution jobs, area jobs and a rebuild's batches — so an
 * institution's new numbers never wait for a national re-aggregation to commit (issue #17). They
 * cannot deadlock because each takes its row locks in one global order:
 *
 *  1. round_area_write, the round's row (claimAreaWrite), before any area row, ranking or pool: the
 *     writers of those (area jobs, a rebuild's area batch and rankings) queue on it, one at a time;
 *  2. then institution_result rows, in institution id order: a transaction writes an institution's
 *     metric_result rows only after it has inserted, updated or locked that institution's
 *     institution_result row (upsertStored first, or patchInstitutions' SELECT … FOR UPDATE), so that row is the
 *     institution's mutex, also when it did not exist yet (a second inserter waits on the key);
 *  3. result_change, the round's row, last (announce, right before the commit).
 *
 * Deletions beyond one institution's own rows, asking for a rebuild, and a rebuild's clean-up and
 * closing transaction take the lock exclusively.
 */
@Injectable()
export class MetricResultsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * A write transaction holding the round's lock; the round must still exist (else: permanent error).
   * `shared`: for writers that follow the lock order above (institution jobs that upsert, area jobs, a
   * rebuild's batches); `exclusive`: for everything else (deleting an institution that left the
   * universe, a rebuild's clean-up and closing transaction, asking for a rebuild).
   */
  async inRoundTransaction<T>(
    roundId: string,
    fn: (m: EntityManager) => Promise<T>,
    lock: 'exclusive' | 'shared',
  ): Promise<T> {
    return this.ds.transaction(async (m) => {
      const acquire = lock === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
      // apertura.results_round: the round this transaction's result writes belong to (the result_write
      // log of migration 1765300000000 records it, so only this round's cached fingerprint is dropped).
      await m.query(
        `SELECT ${acquire}(hashtextextended('metric:' || $1, 0)), set_config('apertura.results_round', $1, true)`,
        [roundId],
      );
      // KEY SHARE: the round cannot be deleted under us (its results cascade with it).
      const rows: unknown[] = await m.query('SELECT 1 FROM round WHERE id = $1 FOR KEY SHARE', [roundId]);
      if (rows.length === 0) throw new PermanentMetricError(`round ${roundId} no longer exists`);
      return fn(m);
    });
  }

  /**
   * Says that the round's results changed: bumps the round's change counter and sends the "results
   * changed" notification (libs/db/src/results-changed.ts), both in the write's own transaction, so an
   * open results page hears of a write exactly when it is committed (NOTIFY is delivered on commit
   * only). Call it last, right before the commit: the round's result_change row stays locked until
   * then, which orders the versions as the commits of concurrent writers.
   */
  async announce(
    m: EntityManager,
    roundId: string,
    watermark: string,
    scope: ResultsChangeScope,
    institutionId?: string,
  ): Promise<void> {
    if (scope === 'institution' && institutionId !== undefined) {
      await this.announceInstitutions(m, roundId, watermark, [institutionId]);
      return;
    }
    const [{ version }]: Array<{ version: string }> = await m.query(
      `INSERT INTO result_change AS c (round_id, version, watermark, changed_at) VALUES ($1, 1, $2::bigint, now())
       ON CONFLICT (round_id) DO UPDATE SET version = c.version + 1, watermark = GREATEST(c.watermark, EXCLUDED.watermark), changed_at = now()
       RETURNING version::text AS version`,
      [roundId, watermark],
    );
    await m.query('SELECT pg_notify($1, $2)', [
      RESULTS_CHANNEL,
      JSON.stringify({ roundId, version, watermark, scope }),
    ]);
  }

  /**
   * announce for each of these institutions (scope `institution`), in one statement: the counter
   * moves by one per institution and each gets its own notification with its own version, as if
   * each had been written alone, so open pages re-read exactly the institutions that changed.
   */
  async announceInstitutions(
    m: EntityManager,
    roundId: string,
    watermark: string,
    institutionIds: readonly string[],
  ): Promise<void> {
    if (institutionIds.length === 0) return;
    const bumped: Array<{ version: string }> = await m.query(
      `WITH bumped AS (
         INSERT INTO result_change AS c (round_id, version, watermark, changed_at) VALUES ($1, $3::bigint, $2::bigint, now())
         ON CONFLICT (round_id) DO UPDATE SET version = c.version + $3::bigint, watermark = GREATEST(c.watermark, EXCLUDED.watermark), changed_at = now()
         RETURNING version)
       SELECT (b.version - $3::bigint + k.ord)::text AS version FROM bumped b, unnest($4::text[]) WITH ORDINALITY AS k(institution_id, ord)
       ORDER BY k.ord`,
      [roundId, watermark, institutionIds.length, institutionIds],
    );
    const messages = institutionIds.map((institutionId, i) =>
      JSON.stringify({ roundId, version: bumped[i].version, watermark, scope: 'institution', institutionId }),
    );
    await m.query('SELECT pg_notify($1, msg) FROM unnest($2::text[]) WITH ORDINALITY AS t(msg, ord) ORDER BY t.ord', [
      RESULTS_CHANNEL,
      messages,
    ]);
  }

  /**
   * For the batches of a full rebuild only: their commits do not wait for the WAL to reach the disk.
   * Safe because nothing counts them as done on their own: the run turns "done" in the rebuild's
   * closing transaction, which commits synchronously, and its WAL flush covers every earlier record;
   * after a crash before it, the retry rewrites every batch anyway.
   */
  async relaxCommit(m: EntityManager): Promise<void> {
    await m.query('SET LOCAL synchronous_commit = off');
  }

  /** Bulk upsert through COPY into a staging table, then one INSERT … SELECT (see copy-text.ts for why). */
  async upsertResults(m: EntityManager, roundId: string, rows: readonly ResultRow[], stamp: Stamp): Promise<void> {
    await this.upsertEncodedResults(m, roundId, encodeResultRows(rows), stamp);
  }

  /** upsertResults of rows already in COPY form (encodeResultRows). */
  async upsertEncodedResults(m: EntityManager, roundId: string, encoded: EncodedRows, stamp: Stamp): Promise<void> {
    if (encoded.rows === 0) return;
    await m.query(RESULT_STAGE);
    await copyInto(m, `metric_result_stage (${RESULT_STAGE_COLUMNS})`, encoded.chunks);
    await m.query(
      `WITH staged AS (DELETE FROM metric_result_stage RETURNING *)
       INSERT INTO metric_result AS t (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, population_size,
                                       status, needed, needed_subjects, needed_reports, validated_share, formula, details, method_id, method_version, watermark, computed_at)
       SELECT $1::uuid, u.scope, u.scope_key, u.aggregation, u.indicator, u.estimate, u.se, u.lo, u.hi, u.cv, u.n, u.population_size,
              u.status, u.needed, u.needed_subjects, u.needed_reports, u.validated_share, u.formula, u.details, $2, $3, $4::bigint, $5::timestamptz
       FROM staged u
       ON CONFLICT (round_id, scope, scope_key, aggregation, indicator) DO UPDATE SET
         estimate = EXCLUDED.estimate, se = EXCLUDED.se, lo = EXCLUDED.lo, hi = EXCLUDED.hi, cv = EXCLUDED.cv, n = EXCLUDED.n,
         population_size = EXCLUDED.population_size, status = EXCLUDED.status, needed = EXCLUDED.needed,
         needed_subjects = EXCLUDED.needed_subjects, needed_reports = EXCLUDED.needed_reports, validated_share = EXCLUDED.validated_share, formula = EXCLUDED.formula,
         details = EXCLUDED.details, method_id = EXCLUDED.method_id, method_version = EXCLUDED.method_version,
         watermark = EXCLUDED.watermark, computed_at = EXCLUDED.computed_at
       WHERE t.watermark <= EXCLUDED.watermark`,
      [roundId, METHOD_ID, METHOD_VERSION, stamp.watermark, stamp.computedAt.toISOString()],
    );
  }

  async upsertStored(
    m: EntityManager,
    roundId: string,
    results: readonly StoredWithClusters[],
    stamp: Stamp,
  ): Promise<void> {
    await this.upsertEncodedStored(m, roundId, encodeStoredForms(results), stamp);
  }

  /** upsertStored of documents already in COPY form (encodeStoredForms). */
  async upsertEncodedStored(m: EntityManager, roundId: string, encoded: EncodedRows, stamp: Stamp): Promise<void> {
    if (encoded.rows === 0) return;
    await m.query(STORED_STAGE);
    await copyInto(
      m,
      'institution_result_stage (institution_id, result, validator_ids, validator_tc, validator_pc)',
      encoded.chunks,
    );
    await m.query(
      `WITH staged AS (DELETE FROM institution_result_stage RETURNING *)
       INSERT INTO institution_result AS t (round_id, institution_id, result, validator_ids, validator_tc, validator_pc,
                                            method_version, watermark, computed_at)
       SELECT $1::uuid, u.institution_id, u.result, u.validator_ids, u.validator_tc, u.validator_pc, $2, $3::bigint, $4::timestamptz
       FROM staged u
       ON CONFLICT (round_id, institution_id) DO UPDATE SET result = EXCLUDED.result, validator_ids = EXCLUDED.validator_ids,
         validator_tc = EXCLUDED.validator_tc, validator_pc = EXCLUDED.validator_pc, method_version = EXCLUDED.method_version,
         watermark = EXCLUDED.watermark, computed_at = EXCLUDED.computed_at, pooled_key = NULL
       WHERE t.watermark <= EXCLUDED.watermark`,
      [roundId, METHOD_VERSION, stamp.watermark, stamp.computedAt.toISOString()],
    );
  }

  /**
   * Rewrites what a new pool changes in institutions' rows (§5: SE, interval, status, needed; never the
   * estimate) — only the rows it changes (repooledRows) — and records the pool their stored results are
   * now finalised under (`pooled_key`; the documents stay as written). Only rows and documents still at
   * the watermark and row version the new values were derived from: an institution job that wrote
   * meanwhile keeps its numbers. Locks the institutions first, in id order (the lock order of this
   * class): the UPDATE … FROM joins below visit rows in whatever order their plan chooses.
   */
  async patchInstitutions(m: EntityManager, roundId: string, patches: readonly InstitutionPatch[]): Promise<Patched> {
    if (patches.length === 0) return { applied: [], version: null };
    // Locked in id order (the class's lock order), and kept only where the stored row is still the one
    // the patch was derived from: an institution job may have rewritten it since, even at the same
    // watermark (under the pool it read before this job's), and then the next area job patches that.
    const current: Array<{ institution_id: string; watermark: string; version: string }> = await m.query(
      `SELECT institution_id, watermark::text AS watermark, xmin::text AS version FROM institution_result
        WHERE round_id = $1 AND institution_id = ANY($2::uuid[]) ORDER BY institution_id FOR UPDATE`,
      [roundId, patches.map((p) => p.institutionId)],
    );
    const unchanged = new Set(current.map((r) => `${r.institution_id} ${r.watermark} ${r.version}`));
    const sorted = sortedBy(
      patches.filter((p) => unchanged.has(`${p.institutionId} ${p.watermark} ${p.version}`)),
      (p) => p.institutionId,
    );
    if (sorted.length === 0) return { applied: [], version: null };
    const rows = sorted.flatMap((p) =>
      p.rows.map((r) => ({
        scope_key: p.institutionId,
        watermark: p.watermark,
        indicator: r.indicator,
        se: r.se,
        lo: r.lo,
        hi: r.hi,
        cv: r.cv,
        status: r.status,
        needed: r.needed,
        needed_reports: r.neededReports,
        details: r.details,
      })),
    );
    await m.query(
      `UPDATE metric_result t SET se = p.se, lo = p.lo, hi = p.hi, cv = p.cv, status = p.status, needed = p.needed,
              needed_reports = p.needed_reports, details = (t.details::jsonb || p.details)::json
       FROM json_to_recordset($2::json) AS p(scope_key uuid, watermark bigint, indicator text, se float8, lo float8, hi float8, cv float8,
                                             status text, needed int, needed_reports int, details jsonb)
       WHERE t.round_id = $1 AND t.scope = 'institution' AND t.scope_key = p.scope_key::text AND t.aggregation = 'unweighted'
         AND t.indicator = p.indicator AND t.watermark = p.watermark`,
      [roundId, JSON.stringify(rows)],
    );
    // Government components carry the institution's needed reports while they are not conclusive.
    await m.query(
      `UPDATE metric_result t SET needed = p.needed, needed_reports = p.needed
       FROM json_to_recordset($2::json) AS p(scope_key uuid, watermark bigint, needed int)
       WHERE t.round_id = $1 AND t.scope = 'institution' AND t.scope_key = p.scope_key::text AND t.aggregation = 'unweighted'
         AND (t.indicator LIKE 'TG.%' OR t.indicator LIKE 'PG.%') AND t.status <> 'conclusive' AND t.watermark = p.watermark`,
      [
        roundId,
        JSON.stringify(
          sorted
            .filter((p) => p.neededReportsMoved)
            .map((p) => ({ scope_key: p.institutionId, watermark: p.watermark, needed: p.neededReports })),
        ),
      ],
    );
    // The documents stay as their computation wrote them: only the pool they are finalised under changes.
    const refinalizedUnder = sorted[0].value.pooledKey;
    await m.query(
      `UPDATE institution_result t SET pooled_key = $2
       FROM unnest($3::uuid[], $4::bigint[]) AS p(institution_id, watermark)
       WHERE t.round_id = $1 AND t.institution_id = p.institution_id AND t.watermark = p.watermark`,
      [roundId, refinalizedUnder, sorted.map((p) => p.institutionId), sorted.map((p) => p.watermark)],
    );
    // The stored rows' new version: this transaction's id, as their xmin will read once it commits.
    const [{ version }]: Array<{ version: string }> = await m.query(
      'SELECT pg_current_xact_id()::xid::text AS version',
    );
    return { applied: sorted, version };
  }

  /**
   * Asks for a full rebuild of the round (a run row and its outbox event, as the API's recompute
   * route does), unless one is already queued or running. For a round whose stored results an earlier
   * method wrote: they cannot be re-aggregated under this one, only recomputed.
   */
  async requestRebuild(m: EntityManager, roundId: string, reason: string): Promise<string | null> {
    const open: unknown[] = await m.query(
      `SELECT 1 FROM recompute_run WHERE round_id = $1 AND status IN ('queued', 'running')`,
      [roundId],
    );
    if (open.length > 0) return null;
    const [run]: Array<{ id: string }> = await m.query(
      'INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id',
      [roundId],
    );
    await m.query('INSERT INTO outbox_event (type, payload) VALUES ($1, $2::jsonb)', [
      'round.recompute',
      JSON.stringify({ roundId, runId: run.id, reason }),
    ]);
    return run.id;
  }

  /** The round's pool as of this aggregation (what its next institution jobs finalise with). */
  async savePool(
    m: EntityManager,
    roundId: string,
    pooled: Readonly<Record<string, number>>,
    stamp: Stamp,
  ): Promise<void> {
    await m.query(
      `INSERT INTO metric_pool (round_id, pooled, watermark, computed_at) VALUES ($1, $2::json, $3::bigint, $4::timestamptz)
       ON CONFLICT (round_id) DO UPDATE SET pooled = EXCLUDED.pooled, watermark = EXCLUDED.watermark, computed_at = EXCLUDED.computed_at
       WHERE metric_pool.watermark <= EXCLUDED.watermark`,
      [roundId, JSON.stringify(pooled), stamp.watermark, stamp.computedAt.toISOString()],
    );
  }

  /** Whether the round has any result row (committed). */
  async hasResults(roundId: string): Promise<boolean> {
    const [{ had }]: Array<{ had: boolean }> = await this.ds.query(
      'SELECT EXISTS (SELECT 1 FROM metric_result WHERE round_id = $1) AS had',
      [roundId],
    );
    return had;
  }

  /**
   * Fresh planner statistics for the result tables, in the transaction that finishes a rebuild (ANALYZE
   * counts the transaction's own new rows). Without them the first dashboard queries after a round's
   * first rebuild plan for "1 row" and loop: measured 280 s instead of 19 ms for one ranking page of a
   * 2,000-institution round, and 289 ms instead of 5 ms for a state's municipalities at national size.
   * Only the columns queries filter and sort on (≈ 0.3 s at national size).
   */
  async analyze(m: EntityManager): Promise<void> {
    await m.query(
      'ANALYZE metric_result (round_id, scope, scope_key, aggregation, indicator, estimate, status), institution_result (round_id, institution_id)',
    );
  }

  /**
   * Rows of these institutions that their new computation no longer produces (e.g. a component no
   * longer answered): `keep` names, per institution, the indicators it still has. One statement for a
   * whole batch of institution jobs.
   */
  async deleteInstitutionRowsExcept(
    m: EntityManager,
    roundId: string,
    keep: ReadonlyArray<{ institutionId: string; indicators: readonly string[] }>,
    watermark: string,
  ): Promise<void> {
    if (keep.length === 0) return;
    const pairs = keep.flatMap((k) => k.indicators.map((indicator) => [k.institutionId, indicator] as const));
    await m.query(
      `DELETE FROM metric_result r
       WHERE r.round_id = $1 AND r.scope = 'institution' AND r.scope_key = ANY($2::text[]) AND r.watermark <= $3::bigint
         AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $5::text[]) AS k(institution_id, indicator)
                         WHERE k.institution_id = r.scope_key AND k.indicator = r.indicator)`,
      [roundId, keep.map((k) => k.institutionId), watermark, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }

  /** An institution that left the round's universe. */
  async deleteInstitution(m: EntityManager, roundId: string, institutionId: string, watermark: string): Promise<void> {
    await m.query(
      `DELETE FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND scope_key = $2 AND watermark <= $3::bigint`,
      [roundId, institutionId, watermark],
    );
    await m.query(
      'DELETE FROM institution_result WHERE round_id = $1 AND institution_id = $2 AND watermark <= $3::bigint',
      [roundId, institutionId, watermark],
    );
  }

  /** Deletes these area rows of the round (areas that left its universe). */
  async deleteAreaRows(
    m: EntityManager,
    roundId: string,
    rows: ReadonlyArray<Pick<AggregateRow, 'scope' | 'scopeKey' | 'aggregation' | 'indicator'>>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `DELETE FROM metric_result t USING unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS g(scope, scope_key, aggregation, indicator)
        WHERE t.round_id = $1 AND t.scope <> 'institution' AND t.scope = g.scope AND t.scope_key = g.scope_key
          AND t.aggregation = g.aggregation AND t.indicator = g.indicator`,
      [
        roundId,
        rows.map((r) => r.scope),
        rows.map((r) => r.scopeKey),
        rows.map((r) => r.aggregation),
        rows.map((r) => r.indicator),
      ],
    );
  }

  /**
   * Area rows an aggregation at `watermark` did not produce. Every row it produced now carries this
   * watermark (or a newer one, written by a later job), so "older than the watermark" is "stale".
   */
  async deleteStaleAreas(m: EntityManager, roundId: string, watermark: string): Promise<void> {
    await m.query(
      `DELETE FROM metric_result WHERE round_id = $1 AND scope <> 'institution' AND watermark < $2::bigint`,
      [roundId, watermark],
    );
  }

  /**
   * Records that this transaction writes the round's area rows and rankings, as `token` at input
   * snapshot `watermark` (migration 1765400000000), and says what the previous area write left: its
   * token (null: none recorded) and the newest snapshot any area write has had. Call it under the
   * round's lock, in the transaction that writes the rows: an area job that finds its own last token
   * knows the stored area rows are the ones it wrote, and one whose snapshot is older than the
   * newest knows that some of its rows will not replace newer ones.
   */
  async claimAreaWrite(
    m: EntityManager,
    roundId: string,
    token: string,
    watermark: string,
  ): Promise<{ token: string | null; newestWatermark: string | null }> {
    const previous: Array<{ token: string; newest: string }> = await m.query(
      'SELECT token::text AS token, newest_watermark::text AS newest FROM round_area_write WHERE round_id = $1 FOR UPDATE',
      [roundId],
    );
    await m.query(
      `INSERT INTO round_area_write AS w (round_id, token, newest_watermark, written_at) VALUES ($1, $2::uuid, $3::bigint, now())
       ON CONFLICT (round_id) DO UPDATE SET token = EXCLUDED.token, written_at = EXCLUDED.written_at,
         newest_watermark = GREATEST(w.newest_watermark, EXCLUDED.newest_watermark)`,
      [roundId, token, watermark],
    );
    return { token: previous[0]?.token ?? null, newestWatermark: previous[0]?.newest ?? null };
  }

  /**
   * The token of the round's last area write (claimAreaWrite), locking its row until the commit: a
   * writer that finds its own token knows no other area write happened since its own.
   */
  async areaWriteToken(m: EntityManager, roundId: string): Promise<string | null> {
    const rows: Array<{ token: string }> = await m.query(
      'SELECT token::text AS token FROM round_area_write WHERE round_id = $1 FOR UPDATE',
      [roundId],
    );
    return rows[0]?.token ?? null;
  }

  /** Same for a full rebuild: every row of the round, institution rows included. */
  async deleteStale(m: EntityManager, roundId: string, watermark: string): Promise<void> {
    await m.query('DELETE FROM metric_result WHERE round_id = $1 AND watermark < $2::bigint', [roundId, watermark]);
    await m.query('DELETE FROM institution_result WHERE round_id = $1 AND watermark < $2::bigint', [
      roundId,
      watermark,
    ]);
  }

  /**
   * Marks a run as running. 'missing': the run (or its round) is gone; 'done': a redelivered job of a
   * finished run (nothing to do).
   */
  async startRun(runId: string, roundId: string): Promise<'started' | 'missing' | 'done'> {
    const [run]: Array<{ status: string }> = await this.ds.query(
      'SELECT status FROM recompute_run WHERE id = $1 AND round_id = $2',
      [runId, roundId],
    );
    if (run === undefined) return 'missing';
    if (run.status === 'done') return 'done';
    await this.ds.query(
      `UPDATE recompute_run SET status = 'running', progress = 0, error = NULL, finished_at = NULL WHERE id = $1 AND status <> 'done'`,
      [runId],
    );
    return 'started';
  }

  async runProgress(runId: string, progress: number): Promise<void> {
    await this.ds.query(`UPDATE recompute_run SET progress = $2 WHERE id = $1 AND status = 'running'`, [
      runId,
      progress,
    ]);
  }

  /** In the transaction of the last write, so "done", the complete results and a waiting publication commit together. */
  async finishRun(m: EntityManager, runId: string, watermark: string): Promise<void> {
    await m.query(
      `UPDATE recompute_run SET status = 'done', progress = 100, watermark = $2::bigint, error = NULL, finished_at = now() WHERE id = $1`,
      [runId, watermark],
    );
    // A publication waits for its rebuild (issue #13): the round turns public with the rebuilt numbers, never before.
    // A co-signed round (issue #18) also needs its quorum to approve exactly these numbers: when the rebuild
    // changed them, the approvals went stale and the round stays closed until the co-signers decide again.
    await m.query(
      `UPDATE round SET status = 'published', published_at = now(), updated_at = now()
        WHERE publish_run_id = $1 AND status = 'closed' AND round_cosign_quorum_met(id)`,
      [runId],
    );
  }

  async failRun(runId: string, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE recompute_run SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status <> 'done'`,
      [runId, error.slice(0, 2000)],
    );
  }
}
