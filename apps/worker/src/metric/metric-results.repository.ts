import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { METHOD_ID, METHOD_VERSION } from '@apertura/metric';
import type { StoredInstitutionResult } from './aggregation-input';
import { PermanentMetricError } from './metric-errors';
import type { ResultRow } from './to-result-rows';

/** Rows per INSERT … SELECT FROM unnest(…) statement. */
export const RESULT_CHUNK = 2000;
const STORED_CHUNK = 1000;

/** Which snapshot the rows come from, and when they were computed. */
export interface Stamp {
  watermark: string;
  computedAt: Date;
}

const compareKeys = (a: ResultRow, b: ResultRow): number =>
  a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : a.scopeKey < b.scopeKey ? -1 : a.scopeKey > b.scopeKey ? 1 : a.aggregation < b.aggregation ? -1 : a.aggregation > b.aggregation ? 1 : a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0;

/**
 * Writes metric results. Every upsert is guarded by the input watermark (`WHERE stored.watermark <=
 * EXCLUDED.watermark`): a job that read an older snapshot never overwrites newer numbers, and a retry
 * of the same snapshot rewrites the same values (idempotent). Writers of one round serialise on a
 * transaction-scoped advisory lock, so concurrent workers neither deadlock nor interleave a delete
 * with another job's upsert.
 */
@Injectable()
export class MetricResultsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A write transaction holding the round's lock; the round must still exist (else: permanent error). */
  async inRoundTransaction<T>(roundId: string, fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('metric:' || $1, 0))`, [roundId]);
      // KEY SHARE: the round cannot be deleted under us (its results cascade with it).
      const rows: unknown[] = await m.query('SELECT 1 FROM round WHERE id = $1 FOR KEY SHARE', [roundId]);
      if (rows.length === 0) throw new PermanentMetricError(`round ${roundId} no longer exists`);
      return fn(m);
    });
  }

  async upsertResults(m: EntityManager, roundId: string, rows: readonly ResultRow[], stamp: Stamp): Promise<void> {
    const sorted = [...rows].sort(compareKeys);
    for (let i = 0; i < sorted.length; i += RESULT_CHUNK) {
      const part = sorted.slice(i, i + RESULT_CHUNK);
      await m.query(
        `INSERT INTO metric_result AS t (round_id, scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, population_size,
                                         status, needed, formula, details, method_id, method_version, watermark, computed_at)
         SELECT $1::uuid, u.scope, u.scope_key, u.aggregation, u.indicator, u.estimate, u.se, u.lo, u.hi, u.cv, u.n, u.population_size,
                u.status, u.needed, u.formula, u.details, $2, $3, $4::bigint, $5::timestamptz
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[],
                     $15::int[], $16::int[], $17::text[], $18::int[], $19::text[], $20::jsonb[])
           AS u(scope, scope_key, aggregation, indicator, estimate, se, lo, hi, cv, n, population_size, status, needed, formula, details)
         ON CONFLICT (round_id, scope, scope_key, aggregation, indicator) DO UPDATE SET
           estimate = EXCLUDED.estimate, se = EXCLUDED.se, lo = EXCLUDED.lo, hi = EXCLUDED.hi, cv = EXCLUDED.cv, n = EXCLUDED.n,
           population_size = EXCLUDED.population_size, status = EXCLUDED.status, needed = EXCLUDED.needed, formula = EXCLUDED.formula,
           details = EXCLUDED.details, method_id = EXCLUDED.method_id, method_version = EXCLUDED.method_version,
           watermark = EXCLUDED.watermark, computed_at = EXCLUDED.computed_at
         WHERE t.watermark <= EXCLUDED.watermark`,
        [
          roundId,
          METHOD_ID,
          METHOD_VERSION,
          stamp.watermark,
          stamp.computedAt.toISOString(),
          part.map((r) => r.scope),
          part.map((r) => r.scopeKey),
          part.map((r) => r.aggregation),
          part.map((r) => r.indicator),
          part.map((r) => r.estimate),
          part.map((r) => r.se),
          part.map((r) => r.lo),
          part.map((r) => r.hi),
          part.map((r) => r.cv),
          part.map((r) => r.n),
          part.map((r) => r.populationSize),
          part.map((r) => r.status),
          part.map((r) => r.needed),
          part.map((r) => r.formula),
          part.map((r) => JSON.stringify(r.details)),
        ],
      );
    }
  }

  async upsertStored(m: EntityManager, roundId: string, results: readonly StoredInstitutionResult[], stamp: Stamp): Promise<void> {
    const sorted = [...results].sort((a, b) => (a.institutionId < b.institutionId ? -1 : a.institutionId > b.institutionId ? 1 : 0));
    for (let i = 0; i < sorted.length; i += STORED_CHUNK) {
      const part = sorted.slice(i, i + STORED_CHUNK);
      await m.query(
        `INSERT INTO institution_result AS t (round_id, institution_id, result, watermark, computed_at)
         SELECT $1::uuid, u.institution_id, u.result, $2::bigint, $3::timestamptz FROM unnest($4::uuid[], $5::jsonb[]) AS u(institution_id, result)
         ON CONFLICT (round_id, institution_id) DO UPDATE SET result = EXCLUDED.result, watermark = EXCLUDED.watermark, computed_at = EXCLUDED.computed_at
         WHERE t.watermark <= EXCLUDED.watermark`,
        [roundId, stamp.watermark, stamp.computedAt.toISOString(), part.map((r) => r.institutionId), part.map((r) => JSON.stringify(r))],
      );
    }
  }

  /** Rows of one institution the new computation no longer produces (e.g. a component no longer answered). */
  async deleteInstitutionRowsExcept(m: EntityManager, roundId: string, institutionId: string, keep: readonly string[], watermark: string): Promise<void> {
    await m.query(
      `DELETE FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND scope_key = $2 AND watermark <= $3::bigint AND NOT (indicator = ANY($4::text[]))`,
      [roundId, institutionId, watermark, keep],
    );
  }

  /** An institution that left the round's universe. */
  async deleteInstitution(m: EntityManager, roundId: string, institutionId: string, watermark: string): Promise<void> {
    await m.query(`DELETE FROM metric_result WHERE round_id = $1 AND scope = 'institution' AND scope_key = $2 AND watermark <= $3::bigint`, [
      roundId,
      institutionId,
      watermark,
    ]);
    await m.query('DELETE FROM institution_result WHERE round_id = $1 AND institution_id = $2 AND watermark <= $3::bigint', [roundId, institutionId, watermark]);
  }

  /**
   * Area rows an aggregation at `watermark` did not produce. Every row it produced now carries this
   * watermark (or a newer one, written by a later job), so "older than the watermark" is "stale".
   */
  async deleteStaleAreas(m: EntityManager, roundId: string, watermark: string): Promise<void> {
    await m.query(`DELETE FROM metric_result WHERE round_id = $1 AND scope <> 'institution' AND watermark < $2::bigint`, [roundId, watermark]);
  }

  /** Same for a full rebuild: every row of the round, institution rows included. */
  async deleteStale(m: EntityManager, roundId: string, watermark: string): Promise<void> {
    await m.query('DELETE FROM metric_result WHERE round_id = $1 AND watermark < $2::bigint', [roundId, watermark]);
    await m.query('DELETE FROM institution_result WHERE round_id = $1 AND watermark < $2::bigint', [roundId, watermark]);
  }

  /**
   * Marks a run as running. 'missing': the run (or its round) is gone; 'done': a redelivered job of a
   * finished run (nothing to do).
   */
  async startRun(runId: string, roundId: string): Promise<'started' | 'missing' | 'done'> {
    const [run]: Array<{ status: string }> = await this.ds.query('SELECT status FROM recompute_run WHERE id = $1 AND round_id = $2', [runId, roundId]);
    if (run === undefined) return 'missing';
    if (run.status === 'done') return 'done';
    await this.ds.query(`UPDATE recompute_run SET status = 'running', progress = 0, error = NULL, finished_at = NULL WHERE id = $1 AND status <> 'done'`, [runId]);
    return 'started';
  }

  async runProgress(runId: string, progress: number): Promise<void> {
    await this.ds.query(`UPDATE recompute_run SET progress = $2 WHERE id = $1 AND status = 'running'`, [runId, progress]);
  }

  /** In the transaction of the last write, so "done" and the complete results commit together. */
  async finishRun(m: EntityManager, runId: string, watermark: string): Promise<void> {
    await m.query(`UPDATE recompute_run SET status = 'done', progress = 100, watermark = $2::bigint, error = NULL, finished_at = now() WHERE id = $1`, [runId, watermark]);
  }

  async failRun(runId: string, error: string): Promise<void> {
    await this.ds.query(`UPDATE recompute_run SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status <> 'done'`, [runId, error.slice(0, 2000)]);
  }
}
