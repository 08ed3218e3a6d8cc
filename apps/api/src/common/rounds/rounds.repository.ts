import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { InstitutionEntity, RoundEntity } from '@apertura/db';
import type { RoundStatus, UniverseSelection } from '@apertura/db';
import { lockClause, queryOne, queryRows, type RowLock } from '../persistence';
import { RoundErrors } from './rounds.errors';
import type { ActivityCountsRow, AreaCountRow, CoverageRow, LockedRoundRow, RecomputeRunRow } from './rounds.rows';
import { applySelection } from './universe-selection';

/** The round record services see (TypeORM maps the row; pseudonymSalt is never selected). */
export type RoundRecord = RoundEntity;

/** A round share-locked for a submission, with the database clock every window check uses. */
export interface LockedRound {
  id: string;
  guarantorId: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** The database clock at the time of the lock: the one clock every window check uses. */
  now: Date;
  /** round.max_versions_per_response, read with the lock so a submission needs no extra round trip. */
  maxVersionsPerResponse: number;
}

export interface RoundLookup {
  /** Row lock held until the caller's transaction ends (needs a transaction's EntityManager). */
  lock?: RowLock;
  /** The input that carried the id, named by a NOT_FOUND (default `roundId`). */
  field?: string;
}

export interface ActivityCounts {
  invitations: number;
  drafts: number;
  submitted: number;
}

/** Per-institution outcome counts over a universe (what publishing a round is judged by). */
export interface CoverageCounts {
  submitted: number;
  validated: number;
  conclusive: number;
  caution: number;
  inconclusive: number;
  notValidated: number;
  computedAt: Date | null;
}

export interface RecomputeRunState {
  status: RecomputeRunRow['status'];
  progress: number;
  finishedAt: Date | null;
}

/** Institutions per state and municipality (input of round-design's universeCounts). */
export type AreaCount = AreaCountRow;

/** TypeORM's names for the PostgreSQL row locks (RowLock). */
const TYPEORM_LOCK = { update: 'pessimistic_write', share: 'pessimistic_read', key_share: 'for_key_share' } as const;

/**
 * The round aggregate in PostgreSQL: the round row (the one place that looks up "the caller's round"
 * and takes its row lock), its frozen universe (round_institution) and the counts the console shows.
 */
@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * A round of `guarantorId`, optionally row-locked: any other id — or no guarantor at all — is
   * RoundErrors.notFound, so a caller learns nothing about other guarantors' rounds.
   */
  async findOwned(
    m: EntityManager,
    guarantorId: string | null | undefined,
    id: string,
    opts: RoundLookup = {},
  ): Promise<RoundRecord> {
    if (!guarantorId) throw RoundErrors.notFound(opts.field ?? 'roundId');
    return this.found(m, { id, guarantorId }, opts);
  }

  /** A round by id whoever owns it (submission paths, whose principal is tied to the round already). */
  async findById(m: EntityManager, id: string, opts: RoundLookup = {}): Promise<RoundRecord> {
    return this.found(m, { id }, opts);
  }

  private async found(
    m: EntityManager,
    where: { id: string; guarantorId?: string },
    opts: RoundLookup,
  ): Promise<RoundRecord> {
    const round = await m.findOne(RoundEntity, {
      where,
      ...(opts.lock ? { lock: { mode: TYPEORM_LOCK[opts.lock] } } : {}),
    });
    if (!round) throw RoundErrors.notFound(opts.field ?? 'roundId');
    return round;
  }

  /**
   * Share-locks the round row for the rest of the transaction. Closing a round updates that row, so
   * a close waits for the writes in flight and a write that starts after the close sees it: no answer
   * is accepted after the round closed.
   */
  async lockForSubmission(m: EntityManager, roundId: string): Promise<LockedRound> {
    const r = await queryOne<LockedRoundRow>(
      m,
      `SELECT id, guarantor_id, status, opens_at, closes_at, clock_timestamp() AS now, max_versions_per_response
         FROM round WHERE id = $1 ${lockClause('share')}`,
      [roundId],
    );
    // The round comes with the caller's invitation, not from an input: no field to blame.
    if (!r) throw RoundErrors.notFound();
    return {
      id: r.id,
      guarantorId: r.guarantor_id,
      status: r.status,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      now: r.now,
      maxVersionsPerResponse: r.max_versions_per_response,
    };
  }

  /** One page of a guarantor's rounds, newest first. */
  async page(
    guarantorId: string,
    status: RoundStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: RoundRecord[]; total: number }> {
    const [items, total] = await this.ds.getRepository(RoundEntity).findAndCount({
      where: { guarantorId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  /** Inserts a new round (or writes the changes of a loaded one); returns it as stored. */
  save(m: EntityManager, round: Partial<RoundRecord>): Promise<RoundRecord> {
    return m.save(round instanceof RoundEntity ? round : Object.assign(new RoundEntity(), round));
  }

  /** Scheduled reminders of the round (the worker's sweep reads them). */
  async setReminderSettings(
    m: EntityManager,
    id: string,
    r: { enabled: boolean; minDays: number; maxCount: number },
  ): Promise<void> {
    await m.query(
      'UPDATE round SET reminders_enabled = $2, reminder_min_days = $3, reminder_max_count = $4, updated_at = now() WHERE id = $1',
      [id, r.enabled, r.minDays, r.maxCount],
    );
  }

  /** Opens or closes citizen validation of the round. */
  async setValidationOpen(m: EntityManager, id: string, open: boolean): Promise<void> {
    await m.query('UPDATE round SET validation_open = $2, updated_at = now() WHERE id = $1', [id, open]);
  }

  /** METHOD.md §3.1 settings of the round: the reply window and the conflicts a validator may declare. */
  async setDueProcessSettings(
    m: EntityManager,
    id: string,
    r: { replyWindowDays: number; maxConflicts: number },
  ): Promise<void> {
    await m.query('UPDATE round SET reply_window_days = $2, max_conflicts = $3, updated_at = now() WHERE id = $1', [
      id,
      r.replyWindowDays,
      r.maxConflicts,
    ]);
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(RoundEntity, { id });
  }

  /** `qb` (over institution `i`) narrowed to the guarantor's institutions a universe selection matches now. */
  private selected(
    qb: SelectQueryBuilder<InstitutionEntity>,
    guarantorId: string,
    selection: UniverseSelection,
  ): SelectQueryBuilder<InstitutionEntity> {
    return applySelection(qb.where('i.guarantorId = :guarantorId', { guarantorId }), selection);
  }

  /** Ids of the institutions a draft's selection matches now. */
  async selectedInstitutionIds(m: EntityManager, guarantorId: string, selection: UniverseSelection): Promise<string[]> {
    const qb = m.getRepository(InstitutionEntity).createQueryBuilder('i').select('i.id', 'id');
    const rows = await this.selected(qb, guarantorId, selection).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Institutions per state and municipality that a selection matches now. */
  async selectionCounts(m: EntityManager, guarantorId: string, selection: UniverseSelection): Promise<AreaCount[]> {
    const qb = m
      .getRepository(InstitutionEntity)
      .createQueryBuilder('i')
      .select('i.cveEnt', 'cveEnt')
      .addSelect('i.cvegeo', 'cvegeo')
      .addSelect('count(*)::int', 'n');
    return this.selected(qb, guarantorId, selection).groupBy('i.cveEnt').addGroupBy('i.cvegeo').getRawMany<AreaCount>();
  }

  /** How many of `ids` are institutions of the guarantor (a selection must not name others'). */
  async countOwnedInstitutions(m: EntityManager, guarantorId: string, ids: string[]): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      m,
      'SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1 AND id = ANY($2::uuid[])',
      [guarantorId, ids],
    );
    return row.n;
  }

  /**
   * Freezes the round's universe: what its selection matches now goes into round_institution.
   * Returns the institutions added (none when the selection matches nothing).
   */
  async freezeUniverse(m: EntityManager, round: RoundRecord): Promise<string[]> {
    const qb = m.getRepository(InstitutionEntity).createQueryBuilder('i').select('i.id', 'id');
    const [selectSql, params] = this.selected(qb, round.guarantorId, round.universeSelection).getQueryAndParameters();
    const rows = await queryRows<{ institution_id: string }>(
      m,
      `INSERT INTO round_institution (round_id, institution_id)
       SELECT $${params.length + 1}::uuid, s.id FROM (${selectSql}) s
       ON CONFLICT DO NOTHING RETURNING institution_id`,
      [...params, round.id],
    );
    return rows.map((r) => r.institution_id);
  }

  /** Ids of a frozen universe. */
  async frozenInstitutionIds(m: EntityManager, roundId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      m,
      'SELECT institution_id AS id FROM round_institution WHERE round_id = $1',
      [roundId],
    );
    return rows.map((r) => r.id);
  }

  /** Institutions per state and municipality of a frozen universe. */
  frozenCounts(m: EntityManager, roundId: string): Promise<AreaCount[]> {
    return queryRows<AreaCountRow>(
      m,
      `SELECT i.cve_ent AS "cveEnt", i.cvegeo, count(*)::int AS n
         FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
        WHERE ri.round_id = $1 GROUP BY i.cve_ent, i.cvegeo`,
      [roundId],
    );
  }

  /** Active invitations, drafts and submitted responses of the round. */
  async activityCounts(m: EntityManager, roundId: string): Promise<ActivityCounts> {
    const [row] = await queryRows<ActivityCountsRow>(
      m,
      `SELECT (SELECT count(*) FROM invitation WHERE round_id = $1 AND revoked_at IS NULL)::int AS invitations,
              (SELECT count(*) FROM response WHERE round_id = $1 AND status = 'draft')::int AS drafts,
              (SELECT count(*) FROM response WHERE round_id = $1 AND status = 'submitted')::int AS submitted`,
      [roundId],
    );
    return { invitations: row.invitations, drafts: row.drafts, submitted: row.submitted };
  }

  /**
   * Counts per institution of `universeIds`: its institution-level I status; an institution that
   * submitted without an I (no citizen data, so not computed) counts as not_validated; one that never
   * submitted and has no value counts in none.
   */
  async coverage(m: EntityManager, roundId: string, universeIds: string[]): Promise<CoverageCounts> {
    const [row] = await queryRows<CoverageRow>(
      m,
      `WITH u AS (SELECT unnest($2::uuid[]) AS id),
       sub AS (SELECT DISTINCT institution_id AS id FROM response WHERE round_id = $1 AND status = 'submitted'),
       val AS (SELECT DISTINCT institution_id AS id FROM citizen_report WHERE round_id = $1),
       ival AS (SELECT scope_key, status, computed_at FROM metric_result
                 WHERE round_id = $1 AND scope = 'institution' AND indicator = 'I' AND aggregation = 'unweighted'),
       per AS (
         SELECT u.id, (sub.id IS NOT NULL) AS submitted, (val.id IS NOT NULL) AS validated,
                COALESCE(ival.status, CASE WHEN sub.id IS NOT NULL THEN 'not_validated' END) AS status, ival.computed_at
         FROM u LEFT JOIN sub ON sub.id = u.id LEFT JOIN val ON val.id = u.id LEFT JOIN ival ON ival.scope_key = u.id::text)
       SELECT count(*) FILTER (WHERE submitted)::int AS submitted,
              count(*) FILTER (WHERE validated)::int AS validated,
              count(*) FILTER (WHERE status = 'conclusive')::int AS conclusive,
              count(*) FILTER (WHERE status = 'caution')::int AS caution,
              count(*) FILTER (WHERE status = 'inconclusive')::int AS inconclusive,
              count(*) FILTER (WHERE status = 'not_validated')::int AS not_validated,
              max(computed_at) AS computed_at
       FROM per`,
      [roundId, universeIds],
    );
    return {
      submitted: row.submitted,
      validated: row.validated,
      conclusive: row.conclusive,
      caution: row.caution,
      inconclusive: row.inconclusive,
      notValidated: row.not_validated,
      computedAt: row.computed_at ? new Date(row.computed_at) : null,
    };
  }

  /** A recompute run's progress (undefined: no such run). */
  async recomputeRun(m: EntityManager, runId: string): Promise<RecomputeRunState | undefined> {
    const run = await queryOne<RecomputeRunRow>(
      m,
      'SELECT status, progress, finished_at FROM recompute_run WHERE id = $1',
      [runId],
    );
    return run ? { status: run.status, progress: run.progress, finishedAt: run.finished_at } : undefined;
  }

  /** Queues a full rebuild of the round's results; returns the run id (the caller emits round.recompute). */
  async startRecomputeRun(m: EntityManager, roundId: string): Promise<string> {
    const [run] = await queryRows<{ id: string }>(m, 'INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [
      roundId,
    ]);
    return run.id;
  }
}
