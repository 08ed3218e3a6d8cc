import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json';

export type ResultScope = 'institution' | 'municipality' | 'state' | 'national' | 'level' | 'type';

/**
 * One computed value (METHOD.md §5): an indicator of one scope, with its uncertainty, status and
 * provenance (method id/version + input watermark). Upserted idempotently by its natural key.
 */
@Entity('metric_result')
export class MetricResultEntity {
  // The natural key is the primary key (constraint metric_result_key, migration 1764600000000).
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'metric_result_key' })
  roundId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'metric_result_key' })
  scope: ResultScope;

  /** institution id, cvegeo, cve_ent, 'MX', level or type. */
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'metric_result_key' })
  scopeKey: string;

  /** 'unweighted' | 'mean_of_municipalities' | 'population_weighted' ('unweighted' for institutions). */
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'metric_result_key' })
  aggregation: string;

  /** I, T, P, TG, TC, PG, PC, I_G, I_G_raw, delta_G or a component code (TG.AI …). */
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'metric_result_key' })
  indicator: string;

  @Column({ type: 'double precision', nullable: true })
  estimate: number | null;

  @Column({ type: 'double precision', nullable: true })
  se: number | null;

  @Column({ type: 'double precision', nullable: true })
  lo: number | null;

  @Column({ type: 'double precision', nullable: true })
  hi: number | null;

  @Column({ type: 'double precision', nullable: true })
  cv: number | null;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'integer', nullable: true })
  populationSize: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** §6 needed sample (reports); null when no citizen addition can make the value conclusive. */
  @Column({ type: 'integer', nullable: true })
  needed: number | null;

  /** §6: additional subjects with citizen data needed first (areas); null at institution level or when unreachable. */
  @Column({ type: 'integer', nullable: true })
  neededSubjects: number | null;

  /** §6: additional reports beyond those the new subjects bring; null when unreachable. */
  @Column({ type: 'integer', nullable: true })
  neededReports: number | null;

  /** §6 government-perspective aggregates: members with a validated I / members with a value. */
  @Column({ type: 'double precision', nullable: true })
  validatedShare: number | null;

  /** Which formula produced the value (e.g. 'I = (T + P)/2 = …', a partial sub-index with its missing components). */
  @Column({ type: 'text', nullable: true })
  formula: string | null;

  /**
   * Everything else worth showing (missing components, per-component breakdown, counts). `json`, not
   * jsonb: stored and read whole, never queried inside (migration 1764600000000 says why).
   */
  @Column({ type: 'json', default: () => "'{}'::json" })
  details: JsonObject;

  @Column({ type: 'varchar', length: 64 })
  methodId: string;

  @Column({ type: 'varchar', length: 16 })
  methodVersion: string;

  /** Highest outbox event id whose change is included in the inputs. */
  @Column({ type: 'bigint' })
  watermark: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

/**
 * One position of a ranking with its 95 % rank interval (METHOD.md §9), stored by the worker with the
 * results. ranking: 'institution' | 'municipality' | 'state'; group_key: 'MX' (national) or a cve_ent.
 */
@Entity('metric_rank')
export class MetricRankEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'metric_rank_key' })
  roundId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'metric_rank_key' })
  ranking: 'institution' | 'municipality' | 'state';

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'metric_rank_key' })
  groupKey: string;

  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'metric_rank_key' })
  indicator: string;

  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'metric_rank_key' })
  scopeKey: string;

  /** Competition rank of the estimate (1 = highest). */
  @Column({ type: 'integer' })
  position: number;

  /** 95 % rank interval [lo, hi] (1-based positions). */
  @Column({ type: 'integer' })
  lo: number;

  @Column({ type: 'integer' })
  hi: number;

  /** Values ranked in the group. */
  @Column({ type: 'integer' })
  of: number;

  @Column({ type: 'varchar', length: 200 })
  seed: string;

  @Column({ type: 'varchar', length: 64 })
  methodId: string;

  @Column({ type: 'bigint' })
  watermark: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

/** A round's pooled per-validator variances (METHOD.md §5) as of its last area aggregation. */
@Entity('metric_pool')
export class MetricPoolEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  /** Pooled variance by indicator or citizen component code. `json`: written and read whole. */
  @Column({ type: 'json' })
  pooled: Record<string, number>;

  @Column({ type: 'bigint' })
  watermark: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

/** A full rebuild of a round's results, with progress for the API. */
@Entity('recompute_run')
export class RecomputeRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: 'queued' | 'running' | 'done' | 'failed';

  /** 0–100. */
  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'bigint', nullable: true })
  watermark: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/**
 * What area aggregation needs from one institution's computation (its values and validator count),
 * written by the worker with the same watermark guard as metric_result (migration 1763800500000).
 */
@Entity('institution_result')
export class InstitutionResultEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  institutionId: string;

  /** `json`, not jsonb: written and read whole (see metric_result.details). */
  @Column({ type: 'json' })
  result: JsonObject;

  /**
   * The pool (its key) the values are finalised under when an area job re-finalised the stored result
   * after it was written; null: the one the document names (migration 1765500000000).
   */
  @Column({ type: 'text', nullable: true })
  pooledKey: string | null;

  /**
   * Per-validator cluster values of TC and PC (issue #18 item 3), parallel arrays in validator order,
   * null where a validator's reports gave no value; null arrays: computed before they were kept
   * (migration 1765100000000). Never published per validator.
   */
  @Column({ type: 'uuid', array: true, nullable: true })
  validatorIds: string[] | null;

  @Column({ type: 'double precision', array: true, nullable: true })
  validatorTc: Array<number | null> | null;

  @Column({ type: 'double precision', array: true, nullable: true })
  validatorPc: Array<number | null> | null;

  /** Method version of the computation that wrote the cluster values (null before they were kept). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  methodVersion: string | null;

  @Column({ type: 'bigint' })
  watermark: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
