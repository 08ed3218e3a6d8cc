import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { claimsOf, claimsToCheck } from '../claims';
import { CitizenErrors } from '../citizens.errors';
import type { MethodSettings } from '@apertura/metric';
import { municipalityNeed, roundSettings, type MetricNeed } from '../needs';
import { assertCitizenWork, citizenWorkProblem } from '../round-access';
import { assertConflictBound } from '../conflict-bound';
import { ASSIGNMENT_WINDOW, CandidateInstitution, chooseInstitutions, MunicipalityLoad } from './assignment-engine';
import { AssignmentViews } from './assignment-view';
import { ValidatorsRepository } from '../validators.repository';
import { AssignmentsRepository, CandidateRecord, RoundForAssignment } from './assignments.repository';
import {
  AssignmentDto,
  AssignmentListQueryDto,
  AssignmentPageDto,
  CitizenRoundPageDto,
  HistoryPageDto,
  RequestAssignmentsResultDto,
} from './dto/assignment.dto';
import { ASSIGNMENT_TTL_MS } from './expiry';
import { RoundErrors } from '../../common/rounds/rounds.errors';

export const DEFAULT_ASSIGNMENTS = 3;

/** Rounds open to validators, the assignment engine's I/O, and the validator's own assignments. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assignments: AssignmentsRepository,
    private readonly views: AssignmentViews,
    private readonly validators: ValidatorsRepository,
  ) {}

  async rounds(userId: string, page: number, pageSize: number, now = new Date()): Promise<CitizenRoundPageDto> {
    const { items, total } = await this.assignments.openRoundsPage(this.ds, userId, page, pageSize);
    return {
      items: items.map((r) => ({
        id: r.id,
        name: r.name,
        guarantorName: r.guarantorName,
        status: r.status,
        opensAt: r.opensAt.toISOString(),
        closesAt: r.closesAt.toISOString(),
        acceptingSubmissions: citizenWorkProblem(r, now) === null,
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
      const round = await this.assignments.roundForValidator(m, userId, roundId);
      if (!round) throw RoundErrors.notFound('roundId');
      assertCitizenWork(round, now);
      await this.assignments.serializeRound(m, roundId);
      await this.assignments.expireOverdue(m, now, roundId);

      const mine = await this.assignments.mineInRound(m, roundId, userId);
      const active = mine.filter((a) => a.status === 'active').length;
      const want = Math.max(0, max - active);
      let created = 0;
      if (want > 0) {
        const ids = await this.choose(m, round, userId, new Set(mine.map((a) => a.institutionId)), want);
        if (ids.length > 0) {
          const inserted = await this.assignments.insertActive(
            m,
            roundId,
            userId,
            new Date(now.getTime() + ASSIGNMENT_TTL_MS),
            ids,
          );
          created = inserted.length;
          // Issue #16: the validator hears of new work by mail (the worker honours their opt-out).
          if (created > 0) await this.assignments.queueNewAssignmentsMail(m, userId, roundId, inserted);
        }
      }
      const rows = await this.assignments.activeInRound(m, roundId, userId);
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
    const definition = await this.assignments.questionnaireDefinition(m, round.institutionQuestionnaireId);
    const claimNames = definition ? claimsOf(round.institutionQuestionnaireId, definition).map((c) => c.name) : [];
    const candidates = await this.assignments.candidates(m, round.id, claimNames);
    const conflictIds = await this.assignments.conflictInstitutionIds(m, userId);
    const cvegeo = await this.assignments.validatorCvegeo(m, userId);
    const metricRows = await this.assignments.metricNeeds(m, round.id);
    const settings = roundSettings(round.settings);
    const metricMunicipality = new Map(
      metricRows
        .filter((r) => r.scope === 'municipality')
        .map((r) => [r.scopeKey, { needed: r.needed, neededSubjects: r.neededSubjects }]),
    );
    const metricInstitution = new Map(
      metricRows.filter((r) => r.scope === 'institution').map((r) => [r.scopeKey, r.needed]),
    );
    const useMetric = metricMunicipality.size > 0;
    const municipalities = municipalityLoads(candidates, settings, metricMunicipality);
    const engineCandidates: CandidateInstitution[] = candidates.map((c) => ({
      id: c.id,
      cvegeo: c.cvegeo,
      reports: c.reports,
      pending: c.pending,
      needed: useMetric ? (metricInstitution.get(c.id) ?? null) : null,
    }));
    // Declared before the round opened (or the limit is lower here): refuse until the set is trimmed.
    await assertConflictBound(this.validators, m, conflictIds, round.id);
    // Issue #16: institutions with claims to verify come first; those without a submitted self-report
    // (or none answered) only fill what is left, as citizen-report-only tasks. Each pool is still drawn
    // at random within the engine's window, with conflicts and earlier assignments excluded.
    const withClaims = new Set(candidates.filter((c) => c.hasClaims).map((c) => c.id));
    const validator = {
      id: userId,
      conflicts: new Set(conflictIds),
      alreadyAssigned,
      cvegeo,
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
    const rest = chooseInstitutions({
      candidates: engineCandidates.filter((c) => !withClaims.has(c.id)),
      municipalities: withFirstPicks(municipalities, engineCandidates, first),
      k: k - first.length,
      window: ASSIGNMENT_WINDOW,
      seed: `${round.id}:${userId}:report-only`,
      validator: { ...validator, alreadyAssigned: new Set([...alreadyAssigned, ...first]) },
    });
    return [...first, ...rest];
  }

  async list(userId: string, q: AssignmentListQueryDto, now = new Date()): Promise<AssignmentPageDto> {
    const { items, total } = await this.assignments.page(
      this.ds,
      userId,
      { roundId: q.roundId, status: q.status },
      q.page,
      q.pageSize,
    );
    return { items: await this.views.build(this.ds, userId, items, now), total, page: q.page, pageSize: q.pageSize };
  }

  /** One own assignment; any other id answers NOT_ASSIGNED (no difference between "absent" and "someone else's"). */
  async get(userId: string, assignmentId: string, now = new Date()): Promise<AssignmentDto> {
    const assignment = await this.assignments.findOwn(this.ds, userId, assignmentId);
    if (!assignment) throw CitizenErrors.notAssigned();
    const [view] = await this.views.build(this.ds, userId, [assignment], now);
    return view;
  }

  /**
   * Issue #16: the validator's own history, newest first — every assignment (expired too) with its
   * kind, verdict counts, report and, for published rounds, the institution's result when they first
   * worked on it and now. Only the caller's own work; other validators never appear.
   */
  async history(userId: string, page: number, pageSize: number): Promise<HistoryPageDto> {
    const { items, total } = await this.assignments.historyPage(this.ds, userId, page, pageSize);
    return {
      items: items.map((r) => {
        const toCheck = claimsToCheck(claimsOf(r.questionnaireId, r.definition), r.submitted);
        const counts = { confirmed: 0, refuted: 0, unverifiable: 0 };
        for (const v of r.verdicts) if (v === 'confirmed' || v === 'refuted' || v === 'unverifiable') counts[v] += 1;
        const published = r.roundStatus === 'published';
        return {
          assignmentId: r.assignmentId,
          roundId: r.roundId,
          roundName: r.roundName,
          roundStatus: r.roundStatus,
          institution: r.institution,
          kind: toCheck.length > 0 ? 'claims' : 'citizen_report_only',
          status: r.status,
          assignedAt: r.createdAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
          claimsToCheck: toCheck.length,
          verdicts: counts,
          reportUpdatedAt: r.reportAt ? r.reportAt.toISOString() : null,
          result: published
            ? {
                before:
                  r.seen && (r.firstStatus !== null || r.firstEstimate !== null)
                    ? { estimate: r.firstEstimate, status: r.firstStatus }
                    : null,
                after: r.nowStatus !== null ? { estimate: r.nowEstimate, status: r.nowStatus } : null,
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

/**
 * Each candidate municipality's load for the engine: its reports and pending work, and — once the
 * round has metric results — the reports it still needs (else null).
 */
function municipalityLoads(
  candidates: readonly CandidateRecord[],
  settings: MethodSettings,
  metricMunicipality: ReadonlyMap<string, MetricNeed>,
): Map<string, MunicipalityLoad> {
  const useMetric = metricMunicipality.size > 0;
  const counts = new Map<string, { reports: number; pending: number; subjects: number; withData: number }>();
  for (const c of candidates) {
    const agg = counts.get(c.cvegeo) ?? { reports: 0, pending: 0, subjects: 0, withData: 0 };
    agg.reports += c.reports;
    agg.pending += c.pending;
    agg.subjects += 1;
    agg.withData += c.withData ? 1 : 0;
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
  return municipalities;
}

/** The first picks are reports on their way: the second pool sees their municipalities as better served. */
function withFirstPicks(
  municipalities: ReadonlyMap<string, MunicipalityLoad>,
  engineCandidates: readonly CandidateInstitution[],
  first: readonly string[],
): Map<string, MunicipalityLoad> {
  const cvegeoOf = new Map(engineCandidates.map((c) => [c.id, c.cvegeo]));
  const loads = new Map([...municipalities].map(([key, load]) => [key, { ...load }]));
  for (const id of first) {
    const load = loads.get(cvegeoOf.get(id) ?? '');
    if (load) load.pending += 1;
  }
  return loads;
}
