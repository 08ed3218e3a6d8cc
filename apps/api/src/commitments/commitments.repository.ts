import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VERDICT_DISPUTE_JOIN, VERDICT_STANDING_SQL } from '@apertura/db';
import type { JsonObject, RoundStatus } from '@apertura/db';
import { MILESTONES_TO_VERIFY_SQL } from '../citizens/milestone-claims';

type Db = EntityManager | DataSource;

export interface RoundRow {
  id: string;
  guarantor_id: string;
  name: string;
  status: RoundStatus;
  settings: unknown;
  synthetic: boolean;
  published_at: Date | null;
  institution_questionnaire_id: string;
  citizen_questionnaire_id: string;
}

export interface CommitmentRow {
  id: string;
  round_id: string;
  institution_id: string;
  institution_name: string;
  key: string;
  title: string;
  owner: string;
  outcome_indicator: string;
  components: string[];
  created_by: 'institution' | 'operator';
  updated_at: Date;
}

export interface MilestoneRow {
  id: string;
  commitment_id: string;
  position: number;
  title: string;
  due_date: string;
  declared_done: boolean;
  confirmed: number;
  refuted: number;
  pending: number;
  verdicts: number;
}

export interface MilestoneToVerifyRow {
  id: string;
  title: string;
  due_date: string;
  declared_done: boolean;
  commitment_title: string;
  outcome_indicator: string;
  owner: string;
  commitment_round_name: string;
}

export interface ComponentValueRow {
  round_id: string;
  institution_id: string;
  indicator: string;
  estimate: number | null;
  se: number | null;
  status: string;
  method: string;
}

export interface MilestoneWrite {
  title: string;
  dueDate: string;
  declaredDone: boolean;
}

export interface CommitmentWrite {
  key: string;
  title: string;
  owner: string;
  outcomeIndicator: string;
  components: string[];
  milestones: MilestoneWrite[];
}

/** Every SQL statement of commitments (issue #18 item 1). */
@Injectable()
export class CommitmentsRepository {
  constructor(@InjectDataSource() readonly ds: DataSource) {}

  milestonesToVerify(roundId: string, institutionId: string): Promise<MilestoneToVerifyRow[]> {
    return this.ds.query(MILESTONES_TO_VERIFY_SQL, [roundId, institutionId]);
  }

  /** The caller's own verdicts on milestones of one institution in one round. */
  myMilestoneVerdicts(
    roundId: string,
    validatorId: string,
    institutionId: string,
  ): Promise<Array<{ milestone_id: string; verdict: string; comment: string | null; evidence_url: string | null }>> {
    return this.ds.query(
      `SELECT milestone_id, verdict, comment, evidence_url FROM verdict
       WHERE round_id = $1 AND validator_id = $2 AND institution_id = $3 AND milestone_id IS NOT NULL`,
      [roundId, validatorId, institutionId],
    );
  }

  /** The validator's own assignment (round and institution), or nothing. */
  async ownAssignment(
    userId: string,
    assignmentId: string,
  ): Promise<{ round_id: string; institution_id: string } | undefined> {
    const rows: Array<{ round_id: string; institution_id: string }> = await this.ds.query(
      'SELECT round_id, institution_id FROM assignment WHERE id = $1 AND validator_id = $2',
      [assignmentId, userId],
    );
    return rows[0];
  }

  async round(m: Db, roundId: string, lock = false): Promise<RoundRow | undefined> {
    const rows: RoundRow[] = await m.query(
      `SELECT id, guarantor_id, name, status, settings, synthetic, published_at, institution_questionnaire_id, citizen_questionnaire_id
       FROM round WHERE id = $1 ${lock ? 'FOR KEY SHARE' : ''}`,
      [roundId],
    );
    return rows[0];
  }

  /** The next published round of the same operator after `round` (by publication). */
  async nextPublishedRound(round: RoundRow): Promise<{ id: string; name: string; settings: unknown } | undefined> {
    if (!round.published_at) return undefined;
    const rows: Array<{ id: string; name: string; settings: unknown }> = await this.ds.query(
      `SELECT id, name, settings FROM round
       WHERE guarantor_id = $1 AND status = 'published' AND synthetic = $2 AND id <> $3
         AND published_at > (SELECT published_at FROM round WHERE id = $3) -- compared in SQL: a JS Date drops microseconds
       ORDER BY published_at, id LIMIT 1`,
      [round.guarantor_id, round.synthetic, round.id],
    );
    return rows[0];
  }

  async definitions(ids: string[]): Promise<JsonObject[]> {
    const rows: Array<{ definition: JsonObject }> = await this.ds.query(
      'SELECT definition FROM questionnaire WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );
    return rows.map((r) => r.definition);
  }

  /** Institutions of the round by id and by universe key (CSV rows name institutions by key). */
  async roundInstitutions(m: Db, roundId: string): Promise<Array<{ id: string; key: string; name: string }>> {
    return m.query(
      `SELECT i.id, i.key, i.name FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
       WHERE ri.round_id = $1 ORDER BY i.key`,
      [roundId],
    );
  }

  async commitments(roundId: string, institutionId?: string): Promise<CommitmentRow[]> {
    return this.ds.query(
      `SELECT c.id, c.round_id, c.institution_id, i.name AS institution_name, c.key, c.title, c.owner, c.outcome_indicator,
              c.components, c.created_by, c.updated_at
       FROM commitment c JOIN institution i ON i.id = c.institution_id
       WHERE c.round_id = $1 AND ($2::uuid IS NULL OR c.institution_id = $2::uuid)
       ORDER BY i.name, i.id, c.key`,
      [roundId, institutionId ?? null],
    );
  }

  async commitment(m: Db, id: string): Promise<CommitmentRow | undefined> {
    const rows: CommitmentRow[] = await m.query(
      `SELECT c.id, c.round_id, c.institution_id, i.name AS institution_name, c.key, c.title, c.owner, c.outcome_indicator,
              c.components, c.created_by, c.updated_at
       FROM commitment c JOIN institution i ON i.id = c.institution_id WHERE c.id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Milestones with their verdicts counted as METHOD.md §3.1 counts claims (verdict-standing.ts):
   * confirmations at once, refutations once final; pending and disputed ones apart. Verdicts from
   * every round count (a milestone is checked on the next rounds' assignments).
   */
  async milestones(m: Db, commitmentIds: string[]): Promise<MilestoneRow[]> {
    if (commitmentIds.length === 0) return [];
    return m.query(
      `SELECT ms.id, ms.commitment_id, ms.position, ms.title, ms.due_date::text AS due_date, ms.declared_done,
              coalesce(x.confirmed, 0)::int AS confirmed, coalesce(x.refuted, 0)::int AS refuted,
              coalesce(x.pending, 0)::int AS pending, coalesce(x.verdicts, 0)::int AS verdicts
       FROM commitment_milestone ms
       LEFT JOIN (
         SELECT v.milestone_id,
                count(*) FILTER (WHERE v.verdict = 'confirmed') AS confirmed,
                count(*) FILTER (WHERE v.verdict = 'refuted' AND ${VERDICT_STANDING_SQL} = 'counted') AS refuted,
                count(*) FILTER (WHERE v.verdict = 'refuted' AND ${VERDICT_STANDING_SQL} IN ('pending', 'disputed')) AS pending,
                count(*) AS verdicts
         FROM verdict v JOIN round r ON r.id = v.round_id ${VERDICT_DISPUTE_JOIN}
         WHERE v.milestone_id IN (SELECT id FROM commitment_milestone WHERE commitment_id = ANY($1::uuid[]))
         GROUP BY v.milestone_id
       ) x ON x.milestone_id = ms.id
       WHERE ms.commitment_id = ANY($1::uuid[])
       ORDER BY ms.commitment_id, ms.position`,
      [commitmentIds],
    );
  }

  /** Institution-scope values of components in the given rounds (metric_result). */
  componentValues(roundIds: string[], institutionIds: string[], components: string[]): Promise<ComponentValueRow[]> {
    if (roundIds.length === 0 || institutionIds.length === 0 || components.length === 0) return Promise.resolve([]);
    return this.ds.query(
      `SELECT round_id, scope_key AS institution_id, indicator, estimate, se, status, method_id || '@' || method_version AS method
       FROM metric_result
       WHERE round_id = ANY($1::uuid[]) AND scope = 'institution' AND aggregation = 'unweighted'
         AND scope_key = ANY($2::text[]) AND indicator = ANY($3::text[])`,
      [roundIds, institutionIds, components],
    );
  }

  /**
   * Creates or updates the commitment (round, institution, key) and replaces its milestones with the
   * given list, kept by position: a milestone at the same position keeps its id (and its verdicts).
   * Returns the commitment id, whether it was created, and what changed (for the audit log).
   */
  async upsert(
    m: EntityManager,
    roundId: string,
    institutionId: string,
    createdBy: 'institution' | 'operator',
    c: CommitmentWrite,
  ): Promise<{ id: string; created: boolean; removedWithVerdicts: string | null; before: JsonObject | null }> {
    // Serialises writers of one institution's commitments in the round: two imports of a new key at
    // once must not both try to insert it (a unique violation would surface as a 500).
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`commitment:${roundId}:${institutionId}`]);
    const [prev]: CommitmentRow[] = await m.query(
      `SELECT id, title, owner, outcome_indicator, components FROM commitment
       WHERE round_id = $1 AND institution_id = $2 AND key = $3 FOR UPDATE`,
      [roundId, institutionId, c.key],
    );
    let id: string;
    let before: JsonObject | null = null;
    if (prev) {
      id = prev.id;
      const oldMilestones: Array<{ title: string; due_date: string; declared_done: boolean }> = await m.query(
        'SELECT title, due_date::text AS due_date, declared_done FROM commitment_milestone WHERE commitment_id = $1 ORDER BY position',
        [id],
      );
      before = {
        title: prev.title,
        owner: prev.owner,
        outcomeIndicator: prev.outcome_indicator,
        components: prev.components,
        milestones: oldMilestones.map((x) => ({ title: x.title, dueDate: x.due_date, declaredDone: x.declared_done })),
      };
      await m.query(
        `UPDATE commitment SET title = $2, owner = $3, outcome_indicator = $4, components = $5::text[], updated_at = now() WHERE id = $1`,
        [id, c.title, c.owner, c.outcomeIndicator, c.components],
      );
    } else {
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO commitment (round_id, institution_id, key, title, owner, outcome_indicator, components, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8) RETURNING id`,
        [roundId, institutionId, c.key, c.title, c.owner, c.outcomeIndicator, c.components, createdBy],
      );
      id = row.id;
    }
    const extra: Array<{ id: string; title: string; has_verdicts: boolean }> = await m.query(
      `SELECT ms.id, ms.title, EXISTS (SELECT 1 FROM verdict v WHERE v.milestone_id = ms.id) AS has_verdicts
       FROM commitment_milestone ms WHERE ms.commitment_id = $1 AND ms.position >= $2 ORDER BY ms.position`,
      [id, c.milestones.length],
    );
    const blocked = extra.find((x) => x.has_verdicts);
    if (blocked) return { id, created: !prev, removedWithVerdicts: blocked.title, before };
    if (extra.length > 0)
      await m.query('DELETE FROM commitment_milestone WHERE id = ANY($1::uuid[])', [extra.map((x) => x.id)]);
    await m.query(
      `INSERT INTO commitment_milestone (commitment_id, position, title, due_date, declared_done, declared_at)
       SELECT $1, x.position, x.title, x.due_date, x.declared_done, CASE WHEN x.declared_done THEN now() END
       FROM unnest($2::int[], $3::text[], $4::date[], $5::boolean[]) AS x(position, title, due_date, declared_done)
       ON CONFLICT (commitment_id, position) DO UPDATE
         SET title = EXCLUDED.title, due_date = EXCLUDED.due_date, declared_done = EXCLUDED.declared_done,
             declared_at = CASE WHEN EXCLUDED.declared_done AND NOT commitment_milestone.declared_done THEN now()
                                WHEN EXCLUDED.declared_done THEN commitment_milestone.declared_at END,
             updated_at = now()`,
      [
        id,
        c.milestones.map((_, i) => i),
        c.milestones.map((x) => x.title),
        c.milestones.map((x) => x.dueDate),
        c.milestones.map((x) => x.declaredDone),
      ],
    );
    return { id, created: !prev, removedWithVerdicts: null, before };
  }

  async keyTaken(m: Db, roundId: string, institutionId: string, key: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      'SELECT 1 FROM commitment WHERE round_id = $1 AND institution_id = $2 AND key = $3',
      [roundId, institutionId, key],
    );
    return rows.length > 0;
  }
}
