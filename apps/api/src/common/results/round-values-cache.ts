import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resultWritesSeen } from '@apertura/db';
import { READ_CONNECTION } from '../infrastructure.module';

/**
 * Per-institution values of a round that whole-round pages read on every load, kept per round (issue
 * #17: dashboards within 800 ms). At national size they are ≈ 72,000 rows spread over ≈ 40,000 heap
 * pages of metric_result — 0.5–2 s per reading, read by the overview's distribution, the results
 * summary and the validators' re-weighted indices.
 *
 * For every institution with results, one JSON object: I, I_G, T and P with their statuses (`i`,
 * `i_status`, `has_i`, `ig`, `ig_status`, `has_ig`, `t`, `t_status`, `p`, `p_status`); its TG and PG
 * self-report sub-indices (`tg`, `pg`); whether its I row counts a validator in n (`reported`, also
 * when I has no value) and the refutations its I_G row says are pending (`pending`).
 *
 * Read once per count of result writes (libs/db resultWritesSeen) and kept in round_distribution_cache,
 * on the primary. Concurrent reads of one round share one computation. Read in one REPEATABLE READ
 * snapshot of the read connection, count first: the kept pair is true of the rows it was computed from.
 */
@Injectable()
export class RoundValuesCache {
  /** Values being computed, by round. */
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly read: DataSource,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  /** The round's values as a JSON array (text, ready to be a `json` parameter). */
  of(roundId: string): Promise<string> {
    const running = this.inFlight.get(roundId);
    if (running) return running;
    const computing = this.read
      .transaction('REPEATABLE READ', async (m) => {
        const writes = await resultWritesSeen(m, roundId);
        const [hit]: Array<{ values: string }> = await m.query(
          'SELECT "values"::text AS values FROM round_distribution_cache WHERE round_id = $1 AND writes = $2::bigint',
          [roundId, writes],
        );
        if (hit) return hit.values;
        // One pass over the round's rows of the six indicators, pivoted by FILTER.
        const [{ values }]: Array<{ values: string }> = await m.query(
          `SELECT coalesce(json_agg(v), '[]')::text AS values FROM (
             SELECT r.scope_key,
                    bool_or(r.indicator = 'I') AS has_i,
                    max(r.estimate) FILTER (WHERE r.indicator = 'I') AS i, max(r.status) FILTER (WHERE r.indicator = 'I') AS i_status,
                    max(r.estimate) FILTER (WHERE r.indicator = 'I_G') AS ig, max(r.status) FILTER (WHERE r.indicator = 'I_G') AS ig_status,
                    bool_or(r.indicator = 'I_G') AS has_ig,
                    max(r.estimate) FILTER (WHERE r.indicator = 'T') AS t, max(r.status) FILTER (WHERE r.indicator = 'T') AS t_status,
                    max(r.estimate) FILTER (WHERE r.indicator = 'P') AS p, max(r.status) FILTER (WHERE r.indicator = 'P') AS p_status,
                    max(r.estimate) FILTER (WHERE r.indicator = 'TG') AS tg, max(r.estimate) FILTER (WHERE r.indicator = 'PG') AS pg,
                    coalesce(bool_or(r.n > 0) FILTER (WHERE r.indicator = 'I'), false) AS reported,
                    coalesce(max((r.details->>'pendingRefutations')::int) FILTER (WHERE r.indicator = 'I_G'), 0) AS pending
             FROM metric_result r
             WHERE r.round_id = $1 AND r.scope = 'institution' AND r.aggregation = 'unweighted'
               AND r.indicator IN ('I', 'I_G', 'T', 'P', 'TG', 'PG')
             GROUP BY r.scope_key
           ) v`,
          [roundId],
        );
        // Newest count wins: an older snapshot finishing late does not replace a newer pair.
        await this.primary.query(
          `INSERT INTO round_distribution_cache AS c (round_id, writes, "values") SELECT id, $2::bigint, $3::json FROM round WHERE id = $1
           ON CONFLICT (round_id) DO UPDATE SET writes = EXCLUDED.writes, "values" = EXCLUDED."values", computed_at = now()
           WHERE c.writes < EXCLUDED.writes`,
          [roundId, writes, values],
        );
        return values;
      })
      .finally(() => this.inFlight.delete(roundId));
    this.inFlight.set(roundId, computing);
    return computing;
  }
}
