import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READ_CONNECTION } from '../common/infrastructure.module';
import { RoundValuesCache } from '../common/results/round-values-cache';

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

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** What the re-weighted indices read; read-only, on the read connection. Validator ids never leave the service. */
@Injectable()
export class ReweightedIndicesRepository {
  constructor(
    @InjectDataSource(READ_CONNECTION) private readonly ds: DataSource,
    private readonly values: RoundValuesCache,
  ) {}

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
