import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resultWritesSeen } from '@apertura/db';
import { READ_CONNECTION } from '../common/infrastructure.module';
import { RoundValuesCache } from '../common/results/round-values-cache';
import type { ReweightedIndicesDto } from './dto/demographics.dto';

/** One validator's cluster values in one institution, with the municipality type it declares now (null: none). */
export interface ClusterValueRecord {
  institutionId: string;
  validatorId: string;
  tc: number | null;
  pc: number | null;
  methodVersion: string;
  municipalityType: string | null;
}

/** A published round-level (national, unweighted) value. */
export interface MainValueRecord {
  indicator: string;
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  halfWidth: number | null;
  status: string;
  n: number;
  methodVersion: string;
  watermark: string;
}

/** An institution's self-report sub-index (TG or PG), the constant half of its T or P. */
export interface CensusValueRecord {
  institutionId: string;
  indicator: 'TG' | 'PG';
  estimate: number;
}

/** What a round's re-weighted indices depend on, as counted by one snapshot (migration 1765600000001). */
export interface ReweightKey {
  /** Result writes of the round (libs/db resultWritesSeen). */
  writes: string;
  /** Demographic writes (rows of demographics_write). */
  demographics: string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** What the re-weighted indices read; read-only, on the read connection. Validator ids never leave the service. */
@Injectable()
export class ReweightedIndicesRepository {
  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly ds: DataSource,
    @InjectDataSource() private readonly primary: DataSource,
    private readonly values: RoundValuesCache,
  ) {}

  /**
   * The counts the re-weighted indices of the round now depend on, from one snapshot. Read before the
   * values themselves: what is then read is at least as new as the key it is kept with.
   */
  async currentKey(roundId: string): Promise<ReweightKey> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const writes = await resultWritesSeen(m, roundId);
      const [{ demographics }]: Array<{ demographics: string }> = await m.query(
        'SELECT count(*)::text AS demographics FROM demographics_write',
      );
      return { writes, demographics };
    });
  }

  /** The re-weighted indices kept for exactly this key, if any (kept on the primary). */
  async kept(roundId: string, key: ReweightKey): Promise<ReweightedIndicesDto | null> {
    const [row]: Array<{ value: ReweightedIndicesDto }> = await this.primary.query(
      'SELECT value FROM round_reweight_cache WHERE round_id = $1 AND writes = $2::bigint AND demographics = $3::bigint',
      [roundId, key.writes, key.demographics],
    );
    return row?.value ?? null;
  }

  /** Keeps the re-weighted indices computed under `key`, unless newer ones are kept already. */
  async keep(roundId: string, key: ReweightKey, value: ReweightedIndicesDto): Promise<void> {
    await this.primary.query(
      `INSERT INTO round_reweight_cache AS c (round_id, writes, demographics, value)
       SELECT id, $2::bigint, $3::bigint, $4::json FROM round WHERE id = $1
       ON CONFLICT (round_id) DO UPDATE SET writes = EXCLUDED.writes, demographics = EXCLUDED.demographics,
         value = EXCLUDED.value, computed_at = now()
       WHERE c.writes <= EXCLUDED.writes AND c.demographics <= EXCLUDED.demographics`,
      [roundId, key.writes, key.demographics, JSON.stringify(value)],
    );
  }

  /** Demographics as they are now (a withdrawn consent or an erased account counts at once: undeclared). */
  async clusterValues(roundId: string): Promise<ClusterValueRecord[]> {
    const rows: Array<{
      institution_id: string;
      validator_id: string;
      tc: number | null;
      pc: number | null;
      method_version: string;
      municipality_type: string | null;
    }> = await this.ds.query(
      `SELECT r.institution_id, c.validator_id, c.tc, c.pc, r.method_version, d.municipality_type
       FROM institution_result r
       CROSS JOIN LATERAL unnest(r.validator_ids, r.validator_tc, r.validator_pc) AS c(validator_id, tc, pc)
       LEFT JOIN (validator_demographics d JOIN app_user u ON u.id = d.user_id AND u.deleted_at IS NULL)
         ON d.user_id = c.validator_id
       WHERE r.round_id = $1`,
      [roundId],
    );
    return rows.map((r) => ({
      institutionId: r.institution_id,
      validatorId: r.validator_id,
      tc: num(r.tc),
      pc: num(r.pc),
      methodVersion: r.method_version,
      municipalityType: r.municipality_type,
    }));
  }

  async mainValues(roundId: string): Promise<MainValueRecord[]> {
    const rows: Array<{
      indicator: string;
      estimate: number | null;
      lo: number | null;
      hi: number | null;
      half_width: string | null;
      status: string;
      n: number;
      method_version: string;
      watermark: string;
    }> = await this.ds.query(
      `SELECT indicator, estimate, lo, hi, details->>'halfWidth' AS half_width, status, n, method_version, watermark::text AS watermark
       FROM metric_result
       WHERE round_id = $1 AND scope = 'national' AND scope_key = 'national' AND aggregation = 'unweighted'
         AND indicator IN ('I', 'TC', 'PC')`,
      [roundId],
    );
    return rows.map((r) => ({
      indicator: r.indicator,
      estimate: num(r.estimate),
      lo: num(r.lo),
      hi: num(r.hi),
      halfWidth: num(r.half_width),
      status: r.status,
      n: r.n,
      methodVersion: r.method_version,
      watermark: r.watermark,
    }));
  }

  /**
   * Every institution's TG and PG (the self-report halves of T and P) where they have a value, from
   * the round's kept institution values (RoundValuesCache: 24,000 scattered rows at national size).
   */
  async censusValues(roundId: string): Promise<CensusValueRecord[]> {
    const rows = await this.values.census(roundId);
    return rows.map((r) => ({ institutionId: r.institution_id, indicator: r.indicator, estimate: Number(r.estimate) }));
  }
}
