import { Injectable } from '@nestjs/common';
import type { AssignmentStatus, JsonObject, RoundStatus, VerdictValue } from '@apertura/db';
import { inSequence } from '../../common/in-sequence';
import { mutateReturning, queryOne, queryRows, type Queryable } from '../../common/persistence';
import type { InstitutionRefDto } from '../dto/common.dto';
import { INSTITUTION_REF_COLUMNS, INSTITUTION_REF_JOIN, InstitutionRefRow, toInstitutionRef } from '../institution-ref';
import type {
  AssignmentRow,
  CandidateRow,
  CitizenRoundRow,
  EvidenceSnapshotRow,
  HistoryRow,
  MetricNeedRow,
  QuestionnaireRow,
  ReportRow,
  RoundForAssignmentRow,
  SubmittedRow,
  VerdictRow,
  ViewRoundRow,
} from './assignments.rows';

export interface AssignmentRecord {
  id: string;
  roundId: string;
  institutionId: string;
  status: AssignmentStatus;
  expiresAt: Date;
  createdAt: Date;
}

/** A round open to validators, with the caller's assignment counts in it. */
export interface CitizenRoundRecord {
  id: string;
  name: string;
  guarantorName: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  validationOpen: boolean;
  active: number;
  completed: number;
  expired: number;
}

export interface RoundForAssignment {
  id: string;
  institutionQuestionnaireId: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  validationOpen: boolean;
  settings: unknown;
}

/** An institution of the round's universe with its load, as the assignment engine weighs it. */
export interface CandidateRecord {
  id: string;
  cvegeo: string;
  reports: number;
  pending: number;
  withData: boolean;
  /** The institution submitted a self-report with at least one answered verifiable claim. */
  hasClaims: boolean;
}

export interface MetricNeed {
  scope: string;
  scopeKey: string;
  needed: number | null;
  neededSubjects: number | null;
}

export interface HistoryRecord {
  assignmentId: string;
  roundId: string;
  roundName: string;
  roundStatus: string;
  status: AssignmentStatus;
  createdAt: Date;
  expiresAt: Date;
  questionnaireId: string;
  definition: JsonObject;
  submitted: JsonObject | null;
  verdicts: string[];
  reportAt: Date | null;
  seen: boolean;
  firstEstimate: number | null;
  firstStatus: string | null;
  nowEstimate: number | null;
  nowStatus: string | null;
  institution: InstitutionRefDto;
}

export interface VerdictRecord {
  id: string;
  roundId: string;
  institutionId: string;
  questionName: string;
  verdict: VerdictValue;
  evidenceUrl: string | null;
  evidenceFileId: string | null;
  comment: string | null;
  updatedAt: Date;
}

export interface ViewRound {
  id: string;
  name: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  validationOpen: boolean;
  institutionQuestionnaireId: string;
  citizenQuestionnaireId: string;
}

export interface QuestionnaireRecord {
  id: string;
  title: string;
  definition: JsonObject;
}

/** What one (round, institution) pair brings to an assignment view. */
export interface PairRecord {
  roundId: string;
  institutionId: string;
}

export interface ViewInputs {
  rounds: ViewRound[];
  questionnaires: QuestionnaireRecord[];
  institutions: InstitutionRefDto[];
  submitted: Array<PairRecord & { submitted: JsonObject }>;
  verdicts: VerdictRecord[];
  reports: Array<PairRecord & { id: string; data: JsonObject; updatedAt: Date }>;
  /** The evidence snapshot of each pair's last submitted version (jsonb written by the responses module). */
  evidence: Array<PairRecord & { evidence: unknown }>;
}

export interface AssignmentFilter {
  roundId?: string;
  status?: AssignmentStatus;
}

/** Columns of `assignment a` that AssignmentRow needs. */
const ASSIGNMENT_COLUMNS = 'a.id, a.round_id, a.institution_id, a.status, a.expires_at, a.created_at';
const PAIRS = 'unnest($1::uuid[], $2::uuid[]) AS p(round_id, institution_id)';
/** Demo accounts (synthetic) work on demo rounds only, real ones on real rounds only. */
const SAME_SYNTHETIC = 'r.synthetic = (SELECT u.synthetic FROM app_user u WHERE u.id = $1)';

const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
  id: r.id,
  roundId: r.round_id,
  institutionId: r.institution_id,
  status: r.status,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});

const toViewRound = (r: ViewRoundRow): ViewRound => ({
  id: r.id,
  name: r.name,
  status: r.status,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  validationOpen: r.validation_open,
  institutionQuestionnaireId: r.institution_questionnaire_id,
  citizenQuestionnaireId: r.citizen_questionnaire_id,
});

const toViewReport = (r: ReportRow): ViewInputs['reports'][number] => ({
  id: r.id,
  roundId: r.round_id,
  institutionId: r.institution_id,
  data: r.data,
  updatedAt: r.updated_at,
});

export const toVerdictRecord = (v: VerdictRow): VerdictRecord => ({
  id: v.id,
  roundId: v.round_id,
  institutionId: v.institution_id,
  questionName: v.question_name,
  verdict: v.verdict,
  evidenceUrl: v.evidence_url,
  evidenceFileId: v.evidence_file_id,
  comment: v.comment,
  updatedAt: v.updated_at,
});

/**
 * The assignment aggregate in PostgreSQL: validators' assignments, the engine's inputs (universe
 * load, conflicts, metric needs) and the set-based reads behind an assignment's full view.
 */
@Injectable()
export class AssignmentsRepository {
  /** One page of the rounds open to the validator (same synthetic flag), soonest closing first. */
  async openRoundsPage(
    m: Queryable,
    userId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: CitizenRoundRecord[]; total: number }> {
    const rows = await queryRows<CitizenRoundRow>(
      m,
      `SELECT r.id, r.name, g.name AS guarantor_name, r.status, r.opens_at, r.closes_at, r.validation_open,
              count(a.id) FILTER (WHERE a.status = 'active')::int AS active,
              count(a.id) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(a.id) FILTER (WHERE a.status = 'expired')::int AS expired,
              count(*) OVER ()::int AS total
       FROM round r JOIN guarantor g ON g.id = r.guarantor_id
       LEFT JOIN assignment a ON a.round_id = r.id AND a.validator_id = $1
       WHERE r.validation_open AND r.status = 'open' AND ${SAME_SYNTHETIC}
       GROUP BY r.id, g.name
       ORDER BY r.closes_at, r.id LIMIT $2 OFFSET $3`,
      [userId, pageSize, (page - 1) * pageSize],
    );
    // Past the last page the window count is gone: count apart.
    const total =
      rows[0]?.total ??
      (
        await queryOne<{ n: number }>(
          m,
          `SELECT count(*)::int AS n FROM round r WHERE r.validation_open AND r.status = 'open' AND ${SAME_SYNTHETIC}`,
          [userId],
        )
      )?.n ??
      0;
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        guarantorName: r.guarantor_name,
        status: r.status,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        validationOpen: r.validation_open,
        active: r.active,
        completed: r.completed,
        expired: r.expired,
      })),
      total,
    };
  }

  /**
   * The round, if the validator may work on it at all: a generated (synthetic) validator never
   * reports on a real institution, nor a real person on the demo.
   */
  async roundForValidator(m: Queryable, userId: string, roundId: string): Promise<RoundForAssignment | undefined> {
    const r = await queryOne<RoundForAssignmentRow>(
      m,
      `SELECT r.id, r.institution_questionnaire_id, r.status, r.opens_at, r.closes_at, r.validation_open, r.settings
       FROM round r WHERE r.id = $2 AND ${SAME_SYNTHETIC}`,
      [userId, roundId],
    );
    return (
      r && {
        id: r.id,
        institutionQuestionnaireId: r.institution_questionnaire_id,
        status: r.status,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        validationOpen: r.validation_open,
        settings: r.settings,
      }
    );
  }

  /** Serialises assignment requests of one round until the caller's transaction ends (advisory lock). */
  async serializeRound(m: Queryable, roundId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`assignment:${roundId}`]);
  }

  /** Marks overdue active assignments expired (one set-based UPDATE); returns how many. */
  async expireOverdue(m: Queryable, now: Date, roundId?: string): Promise<number> {
    const rows = await mutateReturning<{ id: string }>(
      m,
      `UPDATE assignment SET status = 'expired', updated_at = now()
       WHERE status = 'active' AND expires_at < $1 AND ($2::uuid IS NULL OR round_id = $2::uuid) RETURNING id`,
      [now, roundId ?? null],
    );
    return rows.length;
  }

  /**
   * Expires the validator's active assignments of these institutions at once (a newly declared
   * conflict of interest): the institutions go back to the pool; work already saved on them stays.
   */
  async expireActiveOf(m: Queryable, userId: string, institutionIds: readonly string[]): Promise<void> {
    await m.query(
      `UPDATE assignment SET status = 'expired', updated_at = now()
       WHERE validator_id = $1 AND status = 'active' AND institution_id = ANY($2::uuid[])`,
      [userId, [...institutionIds]],
    );
  }

  /** Every assignment of the validator in the round (any status): institution and status. */
  async mineInRound(
    m: Queryable,
    roundId: string,
    userId: string,
  ): Promise<Array<{ institutionId: string; status: AssignmentStatus }>> {
    const rows = await queryRows<{ institution_id: string; status: AssignmentStatus }>(
      m,
      'SELECT institution_id, status FROM assignment WHERE round_id = $1 AND validator_id = $2',
      [roundId, userId],
    );
    return rows.map((r) => ({ institutionId: r.institution_id, status: r.status }));
  }

  /** Inserts active assignments (an existing pair is left alone); returns the new ids. */
  async insertActive(
    m: Queryable,
    roundId: string,
    userId: string,
    expiresAt: Date,
    institutionIds: readonly string[],
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      m,
      `INSERT INTO assignment (round_id, validator_id, institution_id, status, expires_at)
       SELECT $1, $2, x, 'active', $3 FROM unnest($4::uuid[]) AS x
       ON CONFLICT (round_id, validator_id, institution_id) DO NOTHING RETURNING id`,
      [roundId, userId, expiresAt, [...institutionIds]],
    );
    return rows.map((r) => r.id);
  }

  /** Issue #16: queues the "new work" mail to the validator (the worker honours their opt-out). */
  async queueNewAssignmentsMail(m: Queryable, userId: string, roundId: string, assignmentIds: string[]): Promise<void> {
    await m.query(
      `INSERT INTO outbox_event (type, payload)
       VALUES ('mail.validator-assignments', jsonb_build_object('userId', $1::text, 'roundId', $2::text, 'assignmentIds', to_jsonb($3::text[])))`,
      [userId, roundId, assignmentIds],
    );
  }

  /** The validator's active assignments in the round, oldest first. */
  async activeInRound(m: Queryable, roundId: string, userId: string): Promise<AssignmentRecord[]> {
    const rows = await queryRows<AssignmentRow>(
      m,
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a WHERE a.round_id = $1 AND a.validator_id = $2 AND a.status = 'active'
       ORDER BY a.created_at, a.id`,
      [roundId, userId],
    );
    return rows.map(toAssignment);
  }

  /** The definition of a questionnaire, if it exists. */
  async questionnaireDefinition(m: Queryable, questionnaireId: string): Promise<JsonObject | undefined> {
    const q = await queryOne<{ definition: JsonObject }>(m, 'SELECT definition FROM questionnaire WHERE id = $1', [
      questionnaireId,
    ]);
    return q?.definition;
  }

  /**
   * The round's universe with each institution's reports, pending (active, not yet reported)
   * assignments and whether it has claims to verify among `claimNames`.
   */
  async candidates(m: Queryable, roundId: string, claimNames: readonly string[]): Promise<CandidateRecord[]> {
    const rows = await queryRows<CandidateRow>(
      m,
      // has_claims mirrors claimsToCheck (claims.ts): an answer that is neither null, "" nor [].
      `SELECT i.id, i.cvegeo, COALESCE(rep.n, 0)::int AS reports, COALESCE(pend.n, 0)::int AS pending, rep.n IS NOT NULL AS with_data,
              EXISTS (SELECT 1 FROM response resp, jsonb_each(resp.submitted) e
                      WHERE resp.round_id = $1 AND resp.institution_id = i.id AND resp.submitted IS NOT NULL
                        AND e.key = ANY($2::text[]) AND e.value NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb)) AS has_claims
       FROM round_institution ri
       JOIN institution i ON i.id = ri.institution_id
       LEFT JOIN (SELECT institution_id, count(*) AS n FROM citizen_report WHERE round_id = $1 GROUP BY institution_id) rep
         ON rep.institution_id = i.id
       LEFT JOIN (
         SELECT a.institution_id, count(*) AS n FROM assignment a
         WHERE a.round_id = $1 AND a.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM citizen_report c
                           WHERE c.round_id = a.round_id AND c.institution_id = a.institution_id AND c.validator_id = a.validator_id)
         GROUP BY a.institution_id) pend ON pend.institution_id = i.id
       WHERE ri.round_id = $1`,
      [roundId, [...claimNames]],
    );
    return rows.map((c) => ({
      id: c.id,
      cvegeo: c.cvegeo,
      reports: c.reports,
      pending: c.pending,
      withData: c.with_data,
      hasClaims: c.has_claims,
    }));
  }

  /** Institutions the validator declared a conflict of interest with. */
  async conflictInstitutionIds(m: Queryable, userId: string): Promise<string[]> {
    const rows = await queryRows<{ institution_id: string }>(
      m,
      'SELECT institution_id FROM validator_conflict WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.institution_id);
  }

  /** The validator's home municipality (null without a profile or without one declared). */
  async validatorCvegeo(m: Queryable, userId: string): Promise<string | null> {
    const p = await queryOne<{ cvegeo: string | null }>(m, 'SELECT cvegeo FROM validator_profile WHERE user_id = $1', [
      userId,
    ]);
    return p?.cvegeo ?? null;
  }

  /** The metric's remaining need per municipality and institution (indicator I, unweighted), if computed. */
  async metricNeeds(m: Queryable, roundId: string): Promise<MetricNeed[]> {
    const rows = await queryRows<MetricNeedRow>(
      m,
      `SELECT scope, scope_key, needed, needed_subjects FROM metric_result
       WHERE round_id = $1 AND scope IN ('municipality', 'institution') AND indicator = 'I' AND aggregation = 'unweighted'`,
      [roundId],
    );
    return rows.map((r) => ({
      scope: r.scope,
      scopeKey: r.scope_key,
      needed: r.needed,
      neededSubjects: r.needed_subjects,
    }));
  }

  /** One page of the validator's assignments, newest first (active and completed unless a status is given). */
  async page(
    m: Queryable,
    userId: string,
    f: AssignmentFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: AssignmentRecord[]; total: number }> {
    const where = `a.validator_id = $1 AND ($2::uuid IS NULL OR a.round_id = $2::uuid)
      AND (CASE WHEN $3::text IS NULL THEN a.status IN ('active', 'completed') ELSE a.status::text = $3::text END)`;
    const params = [userId, f.roundId ?? null, f.status ?? null];
    const [count, rows] = await inSequence([
      () => queryOne<{ total: number }>(m, `SELECT count(*)::int AS total FROM assignment a WHERE ${where}`, params),
      () =>
        queryRows<AssignmentRow>(
          m,
          `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a WHERE ${where}
           ORDER BY a.created_at DESC, a.id LIMIT $4 OFFSET $5`,
          [...params, pageSize, (page - 1) * pageSize],
        ),
    ]);
    return { items: rows.map(toAssignment), total: count?.total ?? 0 };
  }

  /** One assignment of the validator (undefined when absent or someone else's). */
  async findOwn(m: Queryable, userId: string, assignmentId: string): Promise<AssignmentRecord | undefined> {
    const row = await queryOne<AssignmentRow>(
      m,
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a WHERE a.id = $1 AND a.validator_id = $2`,
      [assignmentId, userId],
    );
    return row && toAssignment(row);
  }

  /**
   * Issue #16: one page of the validator's whole history (expired too), newest first, with the
   * self-report, own verdicts and report, and — for published rounds — the result first seen and now.
   */
  async historyPage(
    m: Queryable,
    userId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: HistoryRecord[]; total: number }> {
    const count = await queryOne<{ total: number }>(
      m,
      'SELECT count(*)::int AS total FROM assignment WHERE validator_id = $1',
      [userId],
    );
    const rows = await queryRows<HistoryRow>(
      m,
      `SELECT a.id AS assignment_id, a.round_id, ro.name AS round_name, ro.status AS round_status, a.status, a.created_at, a.expires_at,
              q.id AS questionnaire_id, q.definition,
              (SELECT r.submitted FROM response r WHERE r.round_id = a.round_id AND r.institution_id = a.institution_id) AS submitted,
              ARRAY(SELECT v.verdict FROM verdict v WHERE v.round_id = a.round_id AND v.institution_id = a.institution_id AND v.validator_id = a.validator_id ORDER BY v.question_name) AS verdicts,
              (SELECT c.updated_at FROM citizen_report c WHERE c.round_id = a.round_id AND c.institution_id = a.institution_id AND c.validator_id = a.validator_id) AS report_at,
              s.user_id IS NOT NULL AS seen, s.first_estimate, s.first_status, mr.estimate AS now_estimate, mr.status AS now_status,
              ${INSTITUTION_REF_COLUMNS}
       FROM assignment a
       JOIN round ro ON ro.id = a.round_id
       JOIN questionnaire q ON q.id = ro.institution_questionnaire_id
       JOIN institution i ON i.id = a.institution_id ${INSTITUTION_REF_JOIN}
       LEFT JOIN validator_result_seen s ON s.user_id = a.validator_id AND s.round_id = a.round_id AND s.institution_id = a.institution_id
       LEFT JOIN metric_result mr ON ro.status = 'published' AND mr.round_id = a.round_id AND mr.scope = 'institution'
                                 AND mr.scope_key = a.institution_id::text AND mr.aggregation = 'unweighted' AND mr.indicator = 'I'
       WHERE a.validator_id = $1
       ORDER BY a.created_at DESC, ro.name, i.name, a.id LIMIT $2 OFFSET $3`,
      [userId, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({
        assignmentId: r.assignment_id,
        roundId: r.round_id,
        roundName: r.round_name,
        roundStatus: r.round_status,
        status: r.status,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        questionnaireId: r.questionnaire_id,
        definition: r.definition,
        submitted: r.submitted,
        verdicts: r.verdicts,
        reportAt: r.report_at,
        seen: r.seen,
        firstEstimate: r.first_estimate,
        firstStatus: r.first_status,
        nowEstimate: r.now_estimate,
        nowStatus: r.now_status,
        institution: toInstitutionRef(r),
      })),
      total: count?.total ?? 0,
    };
  }

  /**
   * Everything the full views of `assignments` need, in a fixed number of set-based queries whatever
   * the page size: rounds, both questionnaires, institutions, submitted self-reports, the
   * validator's own verdicts and reports, and the evidence of the last submitted versions.
   */
  async viewInputs(m: Queryable, validatorId: string, assignments: readonly AssignmentRecord[]): Promise<ViewInputs> {
    const roundIds = [...new Set(assignments.map((a) => a.roundId))];
    const institutionIds = [...new Set(assignments.map((a) => a.institutionId))];
    const pairRounds = assignments.map((a) => a.roundId);
    const pairInstitutions = assignments.map((a) => a.institutionId);
    const rounds = await queryRows<ViewRoundRow>(
      m,
      `SELECT id, name, status, opens_at, closes_at, validation_open, institution_questionnaire_id, citizen_questionnaire_id
       FROM round WHERE id = ANY($1::uuid[])`,
      [roundIds],
    );
    const questionnaireIds = [
      ...new Set(rounds.flatMap((r) => [r.institution_questionnaire_id, r.citizen_questionnaire_id])),
    ];
    const [questionnaires, institutions, submitted, verdicts, reports, evidence] = await inSequence([
      () =>
        queryRows<QuestionnaireRow>(m, 'SELECT id, title, definition FROM questionnaire WHERE id = ANY($1::uuid[])', [
          questionnaireIds,
        ]),
      () =>
        queryRows<InstitutionRefRow>(
          m,
          `SELECT ${INSTITUTION_REF_COLUMNS} FROM institution i ${INSTITUTION_REF_JOIN} WHERE i.id = ANY($1::uuid[])`,
          [institutionIds],
        ),
      () =>
        queryRows<SubmittedRow>(
          m,
          `SELECT r.round_id, r.institution_id, r.submitted FROM response r JOIN ${PAIRS} USING (round_id, institution_id)
           WHERE r.submitted IS NOT NULL`,
          [pairRounds, pairInstitutions],
        ),
      () =>
        queryRows<VerdictRow>(
          m,
          `SELECT v.id, v.round_id, v.institution_id, v.question_name, v.verdict, v.evidence_url, v.evidence_file_id, v.comment, v.updated_at
           FROM verdict v JOIN ${PAIRS} USING (round_id, institution_id) WHERE v.validator_id = $3`,
          [pairRounds, pairInstitutions, validatorId],
        ),
      () =>
        queryRows<ReportRow>(
          m,
          `SELECT c.id, c.round_id, c.institution_id, c.data, c.updated_at
           FROM citizen_report c JOIN ${PAIRS} USING (round_id, institution_id) WHERE c.validator_id = $3`,
          [pairRounds, pairInstitutions, validatorId],
        ),
      // Evidence files attached to the institution's last submitted version (what the claims cite).
      () =>
        queryRows<EvidenceSnapshotRow>(
          m,
          `SELECT DISTINCT ON (r.id) r.round_id, r.institution_id, rv.evidence
           FROM response r JOIN ${PAIRS} USING (round_id, institution_id)
           JOIN response_version rv ON rv.response_id = r.id
           ORDER BY r.id, rv.version DESC`,
          [pairRounds, pairInstitutions],
        ),
    ]);
    return {
      rounds: rounds.map(toViewRound),
      questionnaires,
      institutions: institutions.map(toInstitutionRef),
      submitted: submitted.map((r) => ({
        roundId: r.round_id,
        institutionId: r.institution_id,
        submitted: r.submitted,
      })),
      verdicts: verdicts.map(toVerdictRecord),
      reports: reports.map(toViewReport),
      evidence: evidence.map((r) => ({ roundId: r.round_id, institutionId: r.institution_id, evidence: r.evidence })),
    };
  }
}
