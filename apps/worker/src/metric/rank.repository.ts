import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { copyInto } from './copy-stream';
import { copyLine } from './copy-text';
import { RANKED_INDICATORS } from './rank-rows';
import type { InstitutionRankInput, MunicipalityRankInput, RankInputs, RankRow, StateRankInput } from './rank-rows';

/** What a ranking reads of a stored value: rankRows applies the §9 rule again (single source of truth). */
const RANKABLE = `r.status IN ('conclusive', 'caution') AND r.estimate IS NOT NULL AND r.se IS NOT NULL`;

interface ValueColumns {
  indicator: string;
  estimate: number | null;
  se: number | null;
  status: string;
}

/**
 * Reads the inputs of the rankings from metric_result and stores the rankings in metric_rank (METHOD.md
 * §9: computed by the worker with the results, never on request).
 */
/** What every stored ranking row of one write carries besides its own columns. */
interface RankStamp {
  roundId: string;
  methodId: string;
  watermark: string;
  computedAt: Date;
}

@Injectable()
export class RankRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The rankable values of the round's institutions (with their state), municipalities and states
   * (aggregation 'unweighted', the Métrica's plain mean) for the ranked indicators. Only values the
   * §9 rule can rank are read; rankRows checks the rule again.
   */
  async loadRankInputs(roundId: string, m: EntityManager = this.ds.manager): Promise<RankInputs> {
    const indicators = [...RANKED_INDICATORS];
    const institutions: Array<{ institution_id: string; cve_ent: string } & ValueColumns> = await m.query(
      `SELECT r.scope_key AS institution_id, i.cve_ent, r.indicator, r.estimate, r.se, r.status
         FROM metric_result r JOIN institution i ON i.id::text = r.scope_key
        WHERE r.round_id = $1 AND r.scope = 'institution' AND r.aggregation = 'unweighted' AND r.indicator = ANY($2::text[]) AND ${RANKABLE}
        ORDER BY r.scope_key, r.indicator`,
      [roundId, indicators],
    );
    // A cvegeo is its state's cve_ent followed by the municipality's own three digits (INEGI).
    const municipalities: Array<{ cvegeo: string; cve_ent: string } & ValueColumns> = await m.query(
      `SELECT r.scope_key AS cvegeo, left(r.scope_key, 2) AS cve_ent, r.indicator, r.estimate, r.se, r.status
         FROM metric_result r
        WHERE r.round_id = $1 AND r.scope = 'municipality' AND r.aggregation = 'unweighted' AND r.indicator = ANY($2::text[]) AND ${RANKABLE}
        ORDER BY r.scope_key, r.indicator`,
      [roundId, indicators],
    );
    const states: Array<{ cve_ent: string } & ValueColumns> = await m.query(
      `SELECT r.scope_key AS cve_ent, r.indicator, r.estimate, r.se, r.status
         FROM metric_result r
        WHERE r.round_id = $1 AND r.scope = 'state' AND r.aggregation = 'unweighted' AND r.indicator = ANY($2::text[]) AND ${RANKABLE}
        ORDER BY r.scope_key, r.indicator`,
      [roundId, indicators],
    );
    const value = (r: ValueColumns): ValueColumns => ({
      indicator: r.indicator,
      estimate: r.estimate,
      se: r.se,
      status: r.status,
    });
    return {
      institutions: institutions.map((r): InstitutionRankInput => ({
        institutionId: r.institution_id,
        cveEnt: r.cve_ent,
        ...value(r),
      })),
      municipalities: municipalities.map((r): MunicipalityRankInput => ({
        cvegeo: r.cvegeo,
        cveEnt: r.cve_ent,
        ...value(r),
      })),
      states: states.map((r): StateRankInput => ({ cveEnt: r.cve_ent, ...value(r) })),
    };
  }

  /**
   * Replaces every ranking of the round. Inside the caller's transaction when `m` belongs to one (the
   * caller then holds the round's lock, see MetricResultsRepository.inRoundTransaction), else in its own,
   * under the same lock. Guarded like the result upserts: when the round's stored ranks come from a
   * newer snapshot (higher watermark), nothing is written and the answer is false.
   */
  async replaceRanks(
    roundId: string,
    rows: readonly RankRow[],
    methodId: string,
    watermark: string,
    computedAt: Date,
    m?: EntityManager,
  ): Promise<boolean> {
    const stamp: RankStamp = { roundId, methodId, watermark, computedAt };
    if (m?.queryRunner?.isTransactionActive) return this.replaceIn(m, rows, stamp);
    return this.ds.transaction(async (own) => {
      await own.query(`SELECT pg_advisory_xact_lock(hashtextextended('metric:' || $1, 0))`, [roundId]);
      return this.replaceIn(own, rows, stamp);
    });
  }

  private async replaceIn(m: EntityManager, rows: readonly RankRow[], stamp: RankStamp): Promise<boolean> {
    const { roundId, watermark } = stamp;
    const newer: unknown[] = await m.query(
      'SELECT 1 FROM metric_rank WHERE round_id = $1 AND watermark > $2::bigint LIMIT 1',
      [roundId, watermark],
    );
    if (newer.length > 0) return false;
    const [{ had }]: Array<{ had: boolean }> = await m.query(
      'SELECT EXISTS (SELECT 1 FROM metric_rank WHERE round_id = $1) AS had',
      [roundId],
    );
    await m.query('DELETE FROM metric_rank WHERE round_id = $1', [roundId]);
    await this.insertRows(m, rows, stamp);
    // A round's first rankings: until the planner's statistics know its id, it estimates one ranking
    // row per round and joins the ranking pages by nested loops — measured at national size, 44 s for
    // the first page of the institution ranking instead of 0.6 s once analysed (≈ 0.3 s, counting this
    // transaction's own rows). Later replacements keep the same distribution; autovacuum follows growth.
    if (!had) await m.query('ANALYZE metric_rank');
    return true;
  }

  /**
   * Replaces the rows of some ranking groups only (an area job whose changes left the others as they
   * are stored). In the caller's transaction, which holds the round's lock and has made sure through
   * round_area_write that the stored rankings are the ones it computed the others from.
   */
  async replaceRankGroups(
    m: EntityManager,
    roundId: string,
    groups: ReadonlyArray<Pick<RankRow, 'ranking' | 'groupKey' | 'indicator'>>,
    rows: readonly RankRow[],
    methodId: string,
    watermark: string,
    computedAt: Date,
  ): Promise<void> {
    if (groups.length === 0) return;
    await m.query(
      `DELETE FROM metric_rank r USING unnest($2::text[], $3::text[], $4::text[]) AS g(ranking, group_key, indicator)
        WHERE r.round_id = $1 AND r.ranking = g.ranking AND r.group_key = g.group_key AND r.indicator = g.indicator`,
      [roundId, groups.map((g) => g.ranking), groups.map((g) => g.groupKey), groups.map((g) => g.indicator)],
    );
    await this.insertRows(m, rows, { roundId, methodId, watermark, computedAt });
  }

  private async insertRows(m: EntityManager, rows: readonly RankRow[], stamp: RankStamp): Promise<void> {
    if (rows.length === 0) return;
    const { roundId, methodId, watermark, computedAt } = stamp;
    // COPY, not unnest($n::type[]): a national round has ≈ 55,000 rankings rows (see copy-text.ts for why).
    const at = computedAt.toISOString();
    await copyInto(
      m,
      'metric_rank (round_id, ranking, group_key, indicator, scope_key, "position", lo, hi, "of", seed, method_id, watermark, computed_at)',
      (function* () {
        for (const r of rows)
          yield copyLine([
            roundId,
            r.ranking,
            r.groupKey,
            r.indicator,
            r.scopeKey,
            r.position,
            r.lo,
            r.hi,
            r.of,
            r.seed,
            methodId,
            watermark,
            at,
          ]);
      })(),
    );
  }
}
