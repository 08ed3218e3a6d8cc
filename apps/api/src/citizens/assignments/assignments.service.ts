import { inSequence } from '../../common/in-sequence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AssignmentStatus, JsonObject, RoundStatus } from '@apertura/db';
import { claimsOf, claimsToCheck } from '../claims';
import { CitizenErrors } from '../citizens.errors';
import { municipalityNeed, roundSettings } from '../needs';
import { assertCitizenWork, citizenWorkProblem } from '../round-access';
import { assertConflictBound } from '../conflict-bound';
import { ASSIGNMENT_WINDOW, CandidateInstitution, chooseInstitutions, MunicipalityLoad } from './assignment-engine';
import { ASSIGNMENT_COLUMNS, AssignmentRow, AssignmentViews } from './assignment-view';
import {
  AssignmentDto,
  AssignmentListQueryDto,
  AssignmentPageDto,
  CitizenRoundPageDto,
  HistoryPageDto,
  RequestAssignmentsResultDto,
} from './dto/assignment.dto';
import { INSTITUTION_REF_COLUMNS, INSTITUTION_REF_JOIN, InstitutionRefRow, toInstitutionRef } from '../institution-ref';
import { ASSIGNMENT_TTL_MS, expireAssignments } from './expiry';
import { RoundErrors } from '../../rounds/rounds.errors';

export const DEFAULT_ASSIGNMENTS = 3;

interface RoundForAssignment {
  id: string;
  institution_questionnaire_id: string;
  status: RoundStatus;
  opens_at: Date;
  closes_at: Date;
  validation_open: boolean;
  settings: unknown;
}

interface CandidateRow {
  id: string;
  cvegeo: string;
  reports: number;
  pending: number;
  with_data: boolean;
  /** The institution submitted a self-report with at least one answered verifiable claim. */
  has_claims: boolean;
}

/** Rounds open to validators, the assignment engine's I/O, and the validator's own assignments. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly views: AssignmentViews,
  ) {}

  async rounds(userId: string, page: number, pageSize: number, now = new Date()): Promise<CitizenRoundPageDto> {
    const rows: Array<{
      id: string;
      name: string;
      guarantor_name: string;
      status: RoundStatus;
      opens_at: Date;
      closes_at: Date;
      validation_open: boolean;
      active: number;
      completed: number;
      expired: number;
      total: number;
    }> = await this.ds.query(
      `SELECT r.id, r.name, g.name AS guarantor_name, r.status, r.opens_at, r.closes_at, r.validation_open,
              count(a.id) FILTER (WHERE a.status = 'active')::int AS active,
              count(a.id) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(a.id) FILTER (WHERE a.status = 'expired')::int AS expired,
              count(*) OVER ()::int AS total
       FROM round r JOIN guarantor g ON g.id = r.guarantor_id
       LEFT JOIN assignment a ON a.round_id = r.id AND a.validator_id = $1
       WHERE r.validation_open AND r.status = 'open'
         AND r.synthetic = (SELECT u.synthetic FROM app_user u WHERE u.id = $1)
       GROUP BY r.id, g.name
       ORDER BY r.closes_at, r.id LIMIT $2 OFFSET $3`,
      [userId, pageSize, (page - 1) * pageSize],
    );
    const total =
      rows[0]?.total ??
      (
        (await this.ds.query(
          `SELECT count(*)::int AS n FROM round r WHERE r.validation_open AND r.status = 'open' AND r.synthetic = (SELECT u.synthetic FROM app_user u WHERE u.id = $1)`,
          [userId],
        )) as Array<{ n: number }>
      )[0].n;
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        guarantorName: r.guarantor_name,
        status: r.status,
        opensAt: r.opens_at.toISOString(),
        closesAt: r.closes_at.toISOString(),
        acceptingSubmissions:
          citizenWorkProblem(
            { status: r.status, opensAt: r.opens_at, closesAt: r.closes_at, validationOpen: r.validation_open },
            now,
          ) === null,
        myAssignments: { active: r.active, completed: r.completed, expired: r.expired },
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * Tops the validator up to `max` active assignments in the round. Serialised per round with a
   * transaction-scoped advisory lock: two validators asking at once see each other's assignments
   * as pending work, so they are spread instead of piling onto the same neediest institution.
   */
  async request(
    userId: string,
    roundId: string,
    max = DEFAULT_ASSIGNMENTS,
    now = new Date(),
  ): Promise<RequestAssignmentsResultDto> {
    return this.ds.transaction(async (m) => {
      const rounds: RoundForAssignment[] = await m.query(
        // Demo accounts (synthetic) work on demo rounds only, real ones on real rounds only: a generated
        // validator never reports on a real institution, nor a real person on the demo.
        `SELECT r.id, r.institution_questionnaire_id, r.status, r.opens_at, r.closes_at, r.validation_open, r.settings FROM round r
         WHERE r.id = $1 AND r.synthetic = (SELECT u.synthetic FROM app_user u WHERE u.id = $2)`,
        [roundId, userId],
      );
      const round = rounds[0];
      if (!round) throw RoundErrors.notFound('roundId');
      assertCitizenWork(
        {
          status: round.status,
          opensAt: round.opens_at,
          closesAt: round.closes_at,
          validationOpen: round.validation_open,
        },
        now,
      );
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`assignment:${roundId}`]);
      await expireAssignments(m, now, roundId);

      const mine: Array<{ institution_id: string; status: string }> = await m.query(
        'SELECT institution_id, status FROM assignment WHERE round_id = $1 AND validator_id = $2',
        [roundId, userId],
      );
      const active = mine.filter((a) => a.status === 'active').length;
      const want = Math.max(0, max - active);
      let created = 0;
      if (want > 0) {
        const ids = await this.choose(m, round, userId, new Set(mine.map((a) => a.institution_id)), want);
        if (ids.length > 0) {
          const inserted: Array<{ id: string }> = await m.query(
            `INSERT INTO assignment (round_id, validator_id, institution_id, status, expires_at)
             SELECT $1, $2, x, 'active', $3 FROM unnest($4::uuid[]) AS x
             ON CONFLICT (round_id, validator_id, institution_id) DO NOTHING RETURNING id`,
            [roundId, userId, new Date(now.getTime() + ASSIGNMENT_TTL_MS), ids],
          );
          created = inserted.length;
          // Issue #16: the validator hears of new work by mail (the worker honours their opt-out).
          if (created > 0) {
            await m.query(
              `INSERT INTO outbox_event (type, payload)
               VALUES ('mail.validator-assignments', jsonb_build_object('userId', $1::text, 'roundId', $2::text, 'assignmentIds', to_jsonb($3::text[])))`,
              [userId, roundId, inserted.map((r) => r.id)],
            );
          }
        }
      }
      const rows: AssignmentRow[] = await m.query(
        `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a WHERE a.round_id = $1 AND a.validator_id = $2 AND a.status = 'active'
         ORDER BY a.created_at, a.id`,
        [roundId, userId],
      );
      return { created, items: await this.views.build(m, userId, rows, now) };
    });
  }

  /** Loads the engine's inputs set-based (three queries) and runs it. */
  private async choose(
    m: EntityManager,
    round: RoundForAssignment,
    userId: string,
    alreadyAssigned: Set<string>,
    k: number,
  ): Promise<string[]> {
    const [q]: Array<{ definition: JsonObject }> = await m.query('SELECT definition FROM questionnaire WHERE id = $1', [
      round.institution_questionnaire_id,
    ]);
    const claimNames = q ? claimsOf(round.institution_questionnaire_id, q.definition).map((c) => c.name) : [];
    const [candidates, conflicts, profile, metricRows]: [
      CandidateRow[],
      Array<{ institution_id: string }>,
      Array<{ cvegeo: string | null }>,
      Array<{ scope: string; scope_key: string; needed: number | null; needed_subjects: number | null }>,
    ] = await inSequence([
      () =>
        m.query(
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
          [round.id, claimNames],
        ),
      () => m.query('SELECT institution_id FROM validator_conflict WHERE user_id = $1', [userId]),
      () => m.query('SELECT cvegeo FROM validator_profile WHERE user_id = $1', [userId]),
      () =>
        m.query(
          `SELECT scope, scope_key, needed, needed_subjects FROM metric_result
         WHERE round_id = $1 AND scope IN ('municipality', 'institution') AND indicator = 'I' AND aggregation = 'unweighted'`,
          [round.id],
        ),
    ]);
    const settings = roundSettings(round.settings);
    const metricMunicipality = new Map(
      metricRows
        .filter((r) => r.scope === 'municipality')
        .map((r) => [r.scope_key, { needed: r.needed, neededSubjects: r.needed_subjects }]),
    );
    const metricInstitution = new Map(
      metricRows.filter((r) => r.scope === 'institution').map((r) => [r.scope_key, r.needed]),
    );
    const useMetric = metricMunicipality.size > 0;

    const counts = new Map<string, { reports: number; pending: number; subjects: number; withData: number }>();
    for (const c of candidates) {
      const agg = counts.get(c.cvegeo) ?? { reports: 0, pending: 0, subjects: 0, withData: 0 };
      agg.reports += c.reports;
      agg.pending += c.pending;
      agg.subjects += 1;
      agg.withData += c.with_data ? 1 : 0;
      counts.set(c.cvegeo, agg);
    }
    const municipalities = new Map<string, MunicipalityLoad>();
    for (const [cvegeo, c] of counts) {
      const needed = useMetric
        ? municipalityNeed(
            { subjects: c.subjects, subjectsWithData: c.withData, reports: c.reports },
            settings,
            metricMunicipality.get(cvegeo) ?? null,
          ).needed
        : null;
      municipalities.set(cvegeo, { reports: c.reports, pending: c.pending, needed });
    }
    const engineCandidates: CandidateInstitution[] = candidates.map((c) => ({
      id: c.id,
      cvegeo: c.cvegeo,
      reports: c.reports,
      pending: c.pending,
      needed: useMetric ? (metricInstitution.get(c.id) ?? null) : null,
    }));
    const conflictIds = conflicts.map((c) => c.institution_id);
    // Declared before the round opened (or the limit is lower here): refuse until the set is trimmed.
    await assertConflictBound(m, conflictIds, round.id);
    // Issue #16: institutions with claims to verify come first; those without a submitted self-report
    // (or none answered) only fill what is left, as citizen-report-only tasks. Each pool is still drawn
    // at random within the engine's window, with conflicts and earlier assignments excluded.
    const withClaims = new Set(candidates.filter((c) => c.has_claims).map((c) => c.id));
    const validator = {
      id: userId,
      conflicts: new Set(conflictIds),
      alreadyAssigned,
      cvegeo: profile[0]?.cvegeo ?? null,
    };
    const first = chooseInstitutions({
      candidates: engineCandidates.filter((c) => withClaims.has(c.id)),
      municipalities,
      k,
      window: ASSIGNMENT_WINDOW,
      seed: `${round.id}:${userId}`,
      validator,
    });
    if (first.length >= k) return first;
    // The first picks are reports on their way: the second pool sees their municipalities as better served.
    const cvegeoOf = new Map(engineCandidates.map((c) => [c.id, c.cvegeo]));
    const loads = new Map([...municipalities].map(([key, load]) => [key, { ...load }]));
    for (const id of first) {
      const load = loads.get(cvegeoOf.get(id) ?? '');
      if (load) load.pending += 1;
    }
    const rest = chooseInstitutions({
      candidates: engineCandidates.filter((c) => !withClaims.has(c.id)),
      municipalities: loads,
      k: k - first.length,
      window: ASSIGNMENT_WINDOW,
      seed: `${round.id}:${userId}:report-only`,
      validator: { ...validator, alreadyAssigned: new Set([...alreadyAssigned, ...first]) },
    });
    return [...first, ...rest];
  }

  async list(userId: string, q: AssignmentListQueryDto, now = new Date()): Promise<AssignmentPageDto> {
    const params: unknown[] = [userId];
    const where = ['a.validator_id = $1'];
    if (q.roundId) {
      params.push(q.roundId);
      where.push(`a.round_id = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`a.status = $${params.length}`);
    } else {
      where.push(`a.status IN ('active', 'completed')`);
    }
    const filter = where.join(' AND ');
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM assignment a WHERE ${filter}`,
      params,
    );
    const rows: AssignmentRow[] = await this.ds.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a WHERE ${filter}
       ORDER BY a.created_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: await this.views.build(this.ds, userId, rows, now), total, page: q.page, pageSize: q.pageSize };
  }

  /** One own assignment; any other id answers NOT_ASSIGNED (no difference between "absent" and "someone else's"). */
  async get(userId: string, assignmentId: string, now = new Date()): Promise<AssignmentDto> {
    const rows: AssignmentRow[] = await this.ds.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a WHERE a.id = $1 AND a.validator_id = $2`,
      [assignmentId, userId],
    );
    if (rows.length === 0) throw CitizenErrors.notAssigned();
    const [view] = await this.views.build(this.ds, userId, rows, now);
    return view;
  }

  /**
   * Issue #16: the validator's own history, newest first — every assignment (expired too) with its
   * kind, verdict counts, report and, for published rounds, the institution's result when they first
   * worked on it and now. Only the caller's own work; other validators never appear.
   */
  async history(userId: string, page: number, pageSize: number): Promise<HistoryPageDto> {
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      'SELECT count(*)::int AS total FROM assignment WHERE validator_id = $1',
      [userId],
    );
    const rows: Array<
      InstitutionRefRow & {
        assignment_id: string;
        round_id: string;
        round_name: string;
        round_status: string;
        status: AssignmentStatus;
        created_at: Date;
        expires_at: Date;
        questionnaire_id: string;
        definition: JsonObject;
        submitted: JsonObject | null;
        verdicts: string[];
        report_at: Date | null;
        seen: boolean;
        first_estimate: number | null;
        first_status: string | null;
        now_estimate: number | null;
        now_status: string | null;
      }
    > = await this.ds.query(
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
      items: rows.map((r) => {
        const toCheck = claimsToCheck(claimsOf(r.questionnaire_id, r.definition), r.submitted);
        const counts = { confirmed: 0, refuted: 0, unverifiable: 0 };
        for (const v of r.verdicts) if (v === 'confirmed' || v === 'refuted' || v === 'unverifiable') counts[v] += 1;
        const published = r.round_status === 'published';
        return {
          assignmentId: r.assignment_id,
          roundId: r.round_id,
          roundName: r.round_name,
          roundStatus: r.round_status,
          institution: toInstitutionRef(r),
          kind: toCheck.length > 0 ? 'claims' : 'citizen_report_only',
          status: r.status,
          assignedAt: r.created_at.toISOString(),
          expiresAt: r.expires_at.toISOString(),
          claimsToCheck: toCheck.length,
          verdicts: counts,
          reportUpdatedAt: r.report_at ? r.report_at.toISOString() : null,
          result: published
            ? {
                before:
                  r.seen && (r.first_status !== null || r.first_estimate !== null)
                    ? { estimate: r.first_estimate, status: r.first_status }
                    : null,
                after: r.now_status !== null ? { estimate: r.now_estimate, status: r.now_status } : null,
              }
            : null,
        };
      }),
      total,
      page,
      pageSize,
    };
  }
}
