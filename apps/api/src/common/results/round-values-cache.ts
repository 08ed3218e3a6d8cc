import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RESULT_WRITES_SEEN_SQL, resultWritesSeen } from '@apertura/db';
import { READ_CONNECTION } from '../infrastructure.module';

/** An institution of the round's universe with its kept I (else I_G), T and P (null where it has no results). */
export interface RoundValuesDistributionRow {
  id: string;
  name: string;
  headline: string | null;
  estimate: number | null;
  status: string | null;
  t: number | null;
  t_status: string | null;
  p: number | null;
  p_status: string | null;
}

/**
 * The headline of a row `v` of round_institution_values, as every listing picks it: I where it has a
 * value, else I_G where it has one, else the (empty) I row, else the I_G row; with its status.
 */
export const HEADLINE_PICK_SQL = `CASE WHEN v.i IS NOT NULL THEN 'I' WHEN v.ig IS NOT NULL THEN 'I_G' WHEN v.has_i THEN 'I' WHEN v.has_ig THEN 'I_G' END`;
export const HEADLINE_STATUS_SQL =
  'CASE WHEN v.i IS NOT NULL OR (v.ig IS NULL AND v.has_i) THEN v.i_status ELSE v.ig_status END';

/** An institution's TG or PG, where it has a value. */
export interface RoundValuesCensusRow {
  institution_id: string;
  indicator: 'TG' | 'PG';
  estimate: number;
}

/** The data a round's distribution is read from: result writes seen and the universe's digest. */
export interface RoundDistributionVersion {
  writes: string;
  names: string;
}

/**
 * Whether a distribution read at `kept` is current for a reader that needs at least `wanted`: as many
 * result writes (or more) and the same institutions under the same names.
 */
export function distributionIsCurrent(kept: RoundDistributionVersion, wanted: RoundDistributionVersion): boolean {
  return BigInt(kept.writes) >= BigInt(wanted.writes) && kept.names === wanted.names;
}

/**
 * A digest of the round's universe with every institution's id and name: any rename, any institution
 * joining or leaving changes it (a sum of 64-bit hashes; two universes share one with probability
 * ≈ 2⁻⁶⁴). Reading it costs one pass over the round's memberships, ≈ 8 ms at 12,000 institutions.
 */
const UNIVERSE_DIGEST_SQL = `SELECT count(*)::text || ':' || coalesce(sum(hashtextextended(i.id::text || '/' || i.name, 0)::numeric), 0)::text
  FROM round_institution ri JOIN institution i ON i.id = ri.institution_id WHERE ri.round_id = $1`;

/**
 * Per-institution values of a round that whole-round pages read on every load, kept per round (issue
 * #17: dashboards within 800 ms). At national size they are ≈ 72,000 rows spread over ≈ 40,000 heap
 * pages of metric_result — 0.5–2 s per reading — read by the overview's distribution, the results
 * summary and the validators' re-weighted indices.
 *
 * For every institution with results, one row of round_institution_values: I, I_G, T and P with their
 * statuses; its TG and PG self-report sub-indices; whether its I row counts a validator in n
 * (`reported`, also when I has no value) and the refutations its I_G row says are pending (`pending`).
 *
 * Computed once per count of result writes (libs/db resultWritesSeen, which docs/decisions.md says is
 * exact) in one REPEATABLE READ snapshot of the read connection, count first, so the kept rows are true
 * of the count they are kept with (round_distribution_cache); concurrent readers of one round share one
 * computation, and an older snapshot finishing late never replaces newer rows. They are kept and read
 * on the primary: a replica may not have them yet when they were just written.
 */
@Injectable()
export class RoundValuesCache {
  /** Computations in progress, by round. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly read: DataSource,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  /** Every institution of the round's universe, by name, with its values as kept (names as they are now). */
  async distribution(roundId: string): Promise<RoundValuesDistributionRow[]> {
    return (await this.distributionWithVersion(roundId)).rows;
  }

  /**
   * The distribution with the version it was read at: the count of result writes its values are kept
   * with and the digest of the universe's ids and names, both from the snapshot the rows come from.
   */
  async distributionWithVersion(
    roundId: string,
  ): Promise<{ rows: RoundValuesDistributionRow[]; version: RoundDistributionVersion }> {
    await this.ensure(roundId);
    return this.primary.transaction('REPEATABLE READ', async (m) => {
      const [version]: RoundDistributionVersion[] = await m.query(
        `SELECT (SELECT writes::text FROM round_distribution_cache WHERE round_id = $1) AS writes, (${UNIVERSE_DIGEST_SQL}) AS names`,
        [roundId],
      );
      const rows: RoundValuesDistributionRow[] = await m.query(
        `SELECT i.id, i.name, ${HEADLINE_PICK_SQL} AS headline, coalesce(v.i, v.ig) AS estimate, ${HEADLINE_STATUS_SQL} AS status,
                v.t, v.t_status, v.p, v.p_status
         FROM round_institution ri
         JOIN institution i ON i.id = ri.institution_id
         LEFT JOIN round_institution_values v ON v.round_id = ri.round_id AND v.institution_id = i.id::text
         WHERE ri.round_id = $1
         ORDER BY i.name, i.id`,
        [roundId],
      );
      return { rows, version: { writes: version.writes ?? '0', names: version.names } };
    });
  }

  /**
   * What a distribution read now would at least have to be read at (one statement on the primary,
   * ≈ 8 ms at national size): the round's result writes, and the digest of its universe's ids and
   * names.
   */
  async distributionVersion(roundId: string): Promise<RoundDistributionVersion> {
    const [version]: RoundDistributionVersion[] = await this.primary.query(
      `SELECT (${RESULT_WRITES_SEEN_SQL})::text AS writes, (${UNIVERSE_DIGEST_SQL}) AS names`,
      [roundId],
    );
    return version;
  }

  /** Institutions whose I row counts a validator, and the refutations pending behind the self-reports. */
  async reportCounts(roundId: string): Promise<{ withReports: number; pending: number }> {
    await this.ensure(roundId);
    const [row]: Array<{ with_reports: number; pending: number }> = await this.primary.query(
      `SELECT count(*) FILTER (WHERE reported)::int AS with_reports, coalesce(sum(pending), 0)::int AS pending
       FROM round_institution_values WHERE round_id = $1`,
      [roundId],
    );
    return { withReports: row.with_reports, pending: row.pending };
  }

  /** Every institution's TG and PG where they have a value. */
  async census(roundId: string): Promise<RoundValuesCensusRow[]> {
    await this.ensure(roundId);
    return this.primary.query(
      `SELECT institution_id, 'TG' AS indicator, tg AS estimate FROM round_institution_values WHERE round_id = $1 AND tg IS NOT NULL
       UNION ALL
       SELECT institution_id, 'PG', pg FROM round_institution_values WHERE round_id = $1 AND pg IS NOT NULL`,
      [roundId],
    );
  }

  /**
   * Makes the kept rows those of the round's result writes seen now (or of a later count). A reader
   * that joins round_institution_values itself calls this first and reads on the primary.
   */
  ensure(roundId: string): Promise<void> {
    const running = this.inFlight.get(roundId);
    if (running) return running;
    const computing = this.read
      .transaction('REPEATABLE READ', async (m) => {
        const writes = await resultWritesSeen(m, roundId);
        const kept: unknown[] = await this.primary.query(
          'SELECT 1 FROM round_distribution_cache WHERE round_id = $1 AND writes >= $2::bigint',
          [roundId, writes],
        );
        if (kept.length > 0) return;
        // One pass over the round's rows of the six indicators, pivoted by FILTER.
        const [{ values }]: Array<{ values: string }> = await m.query(
          `SELECT coalesce(json_agg(v), '[]')::text AS values FROM (
             SELECT r.scope_key AS institution_id,
                    bool_or(r.indicator = 'I') AS has_i,
                    max(r.estimate) FILTER (WHERE r.indicator = 'I') AS i, max(r.status) FILTER (WHERE r.indicator = 'I') AS i_status,
                    bool_or(r.indicator = 'I_G') AS has_ig,
                    max(r.estimate) FILTER (WHERE r.indicator = 'I_G') AS ig, max(r.status) FILTER (WHERE r.indicator = 'I_G') AS ig_status,
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
        await this.primary.transaction(async (p) => {
          // Newest count wins: an older snapshot finishing late does not replace newer rows (the
          // header row, locked by the upsert, orders concurrent replacements).
          const claimed: unknown[] = await p.query(
            `INSERT INTO round_distribution_cache AS c (round_id, writes) SELECT id, $2::bigint FROM round WHERE id = $1
             ON CONFLICT (round_id) DO UPDATE SET writes = EXCLUDED.writes, computed_at = now() WHERE c.writes < EXCLUDED.writes
             RETURNING 1`,
            [roundId, writes],
          );
          if (claimed.length === 0) return;
          await p.query('DELETE FROM round_institution_values WHERE round_id = $1', [roundId]);
          await p.query(
            `INSERT INTO round_institution_values (round_id, institution_id, has_i, i, i_status, has_ig, ig, ig_status, t, t_status,
                                                   p, p_status, tg, pg, reported, pending)
             SELECT $1, x.* FROM json_to_recordset($2::json) AS x(institution_id text, has_i boolean, i float8, i_status text,
               has_ig boolean, ig float8, ig_status text, t float8, t_status text, p float8, p_status text, tg float8, pg float8,
               reported boolean, pending int)`,
            [roundId, values],
          );
        });
      })
      .finally(() => this.inFlight.delete(roundId));
    this.inFlight.set(roundId, computing);
    return computing;
  }
}
