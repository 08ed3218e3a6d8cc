import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import { AuditService } from '../../common/audit/audit.service';
import type { UserPrincipal } from '../../auth/principal';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { CitizenErrors } from '../citizens.errors';
import { institutionShortfall, municipalityNeed, neededMunicipalities, roundSettings } from '../needs';
import {
  ExpireResultDto,
  MunicipalityRecruitmentDto,
  RecruitmentCountsDto,
  RecruitmentDto,
  RecruitmentQueryDto,
  RoundValidatorPageDto,
  StateRecruitmentDto,
  ValidationStateDto,
} from './dto/guarantor.dto';
import { RoundsRepository } from '../../rounds/rounds.repository';

interface MunicipalityCountRow {
  cvegeo: string;
  name: string;
  cve_ent: string;
  state_name: string;
  subjects: number;
  with_data: number;
  reports: number;
  active: number;
  shortfall: number;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The guarantor's side of citizen validation: open/close, validators (personal data), recruitment planner. */
@Injectable()
export class ValidationAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async setValidationOpen(actor: UserPrincipal, roundId: string, open: boolean): Promise<ValidationStateDto> {
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, actor.guarantorId, roundId, { lock: 'update' });
      if (open && (round.status === 'closed' || round.status === 'published')) throw CitizenErrors.roundClosed();
      await this.rounds.setValidationOpen(m, roundId, open);
      await this.audit.record(m, actor, {
        action: open ? 'round.validation-open' : 'round.validation-close',
        entityType: 'round',
        entityId: roundId,
        guarantorId: actor.guarantorId,
      });
      return { roundId, validationOpen: open };
    });
  }

  async expire(actor: UserPrincipal, roundId: string, now = new Date()): Promise<ExpireResultDto> {
    return this.ds.transaction(async (m) => {
      await this.rounds.findOwned(m, actor.guarantorId, roundId);
      const expired = await this.assignments.expireOverdue(m, now, roundId);
      await this.audit.record(m, actor, {
        action: 'assignment.expire',
        entityType: 'round',
        entityId: roundId,
        guarantorId: actor.guarantorId,
        details: { expired },
      });
      return { expired };
    });
  }

  /**
   * Validators who worked on the round, with their personal data. The only route that shows it;
   * every read is audited (who looked at whose data, and when).
   */
  async validators(
    actor: UserPrincipal,
    roundId: string,
    page: number,
    pageSize: number,
  ): Promise<RoundValidatorPageDto> {
    return this.ds.transaction(async (m) => {
      await this.rounds.findOwned(m, actor.guarantorId, roundId);
      const rows: Array<{
        id: string;
        pseudonym: string;
        email: string | null;
        display_name: string | null;
        cvegeo: string | null;
        email_verified_at: Date | null;
        created_at: Date;
        consent_at: Date;
        privacy_notice_version: string;
        active: number;
        completed: number;
        expired: number;
        verdicts: number;
        reports: number;
        total: number;
      }> = await m.query(
        `SELECT u.id, p.pseudonym, u.email, u.display_name, p.cvegeo, u.email_verified_at, u.created_at, p.consent_at, p.privacy_notice_version,
                count(*) FILTER (WHERE a.status = 'active')::int AS active,
                count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE a.status = 'expired')::int AS expired,
                (SELECT count(*) FROM verdict v WHERE v.round_id = $1 AND v.validator_id = u.id)::int AS verdicts,
                (SELECT count(*) FROM citizen_report c WHERE c.round_id = $1 AND c.validator_id = u.id)::int AS reports,
                count(*) OVER ()::int AS total
         FROM assignment a JOIN app_user u ON u.id = a.validator_id JOIN validator_profile p ON p.user_id = u.id
         WHERE a.round_id = $1
         GROUP BY u.id, p.user_id
         ORDER BY p.pseudonym LIMIT $2 OFFSET $3`,
        [roundId, pageSize, (page - 1) * pageSize],
      );
      const total =
        rows[0]?.total ??
        (
          (await m.query('SELECT count(DISTINCT validator_id)::int AS n FROM assignment WHERE round_id = $1', [
            roundId,
          ])) as Array<{ n: number }>
        )[0].n;
      await this.audit.record(m, actor, {
        action: 'validator.personal-data-read',
        entityType: 'round',
        entityId: roundId,
        guarantorId: actor.guarantorId,
        details: { page, pageSize, validatorIds: rows.map((r) => r.id) },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          pseudonym: r.pseudonym,
          email: r.email,
          displayName: r.display_name,
          cvegeo: r.cvegeo,
          emailVerified: r.email_verified_at !== null,
          registeredAt: r.created_at.toISOString(),
          consentAt: r.consent_at.toISOString(),
          privacyNoticeVersion: r.privacy_notice_version,
          assignments: { active: r.active, completed: r.completed, expired: r.expired },
          verdicts: r.verdicts,
          reports: r.reports,
        })),
        total,
        page,
        pageSize,
      };
    });
  }

  /**
   * Recruitment planner: where citizen reports are missing for a conclusive result (METHOD.md §6).
   * Counts only, never personal data. Needed figures come from the metric results when they exist
   * (the spread-aware needed sample), with live counts for the minimums.
   */
  async recruitment(
    actor: UserPrincipal,
    roundId: string,
    q: RecruitmentQueryDto,
    now = new Date(),
  ): Promise<RecruitmentDto> {
    const round = await this.rounds.findOwned(this.ds.manager, actor.guarantorId, roundId);
    const settings = roundSettings(round.settings);
    const t = settings.thresholds;
    const params: unknown[] = [roundId, now, t.institutionMinReports];
    let stateFilter = '';
    if (q.cveEnt) {
      params.push(q.cveEnt);
      stateFilter = `AND i.cve_ent = $${params.length}`;
    }
    const [municipalRows, validatorRows, metricRows]: [
      MunicipalityCountRow[],
      Array<{ cvegeo: string; n: number }>,
      Array<{ scope_key: string; needed: number | null; needed_subjects: number | null }>,
    ] = await Promise.all([
      this.ds.query(
        `WITH inst AS (
           SELECT i.id, i.cvegeo FROM round_institution ri JOIN institution i ON i.id = ri.institution_id
           WHERE ri.round_id = $1 ${stateFilter}),
         rep AS (SELECT institution_id, count(*)::int AS n FROM citizen_report WHERE round_id = $1 GROUP BY institution_id),
         act AS (SELECT institution_id, count(*)::int AS n FROM assignment
                 WHERE round_id = $1 AND status = 'active' AND expires_at > $2 GROUP BY institution_id)
         SELECT inst.cvegeo, mu.nom_mun AS name, mu.cve_ent, mu.nom_ent AS state_name,
                count(*)::int AS subjects, count(rep.n)::int AS with_data,
                COALESCE(sum(rep.n), 0)::int AS reports, COALESCE(sum(act.n), 0)::int AS active,
                sum(GREATEST(0, $3::int - COALESCE(rep.n, 0)))::int AS shortfall
         FROM inst JOIN municipality mu ON mu.cvegeo = inst.cvegeo
         LEFT JOIN rep ON rep.institution_id = inst.id LEFT JOIN act ON act.institution_id = inst.id
         GROUP BY inst.cvegeo, mu.nom_mun, mu.cve_ent, mu.nom_ent`,
        params,
      ),
      this.ds.query(
        // The demo's generated validators count for the demo round only, never in a real guarantor's planner.
        `SELECT p.cvegeo, count(*)::int AS n FROM validator_profile p JOIN app_user u ON u.id = p.user_id
         WHERE p.cvegeo IS NOT NULL AND u.deleted_at IS NULL AND u.email_verified_at IS NOT NULL
           AND u.synthetic = (SELECT r.synthetic FROM round r WHERE r.id = $1)
         GROUP BY p.cvegeo`,
        [roundId],
      ),
      this.ds.query(
        `SELECT scope_key, needed, needed_subjects FROM metric_result
         WHERE round_id = $1 AND scope = 'municipality' AND indicator = 'I' AND aggregation = 'unweighted'`,
        [roundId],
      ),
    ]);
    const validatorsByMunicipality = new Map(validatorRows.map((r) => [r.cvegeo, r.n]));
    const validatorsByState = new Map<string, number>();
    for (const r of validatorRows)
      validatorsByState.set(r.cvegeo.slice(0, 2), (validatorsByState.get(r.cvegeo.slice(0, 2)) ?? 0) + r.n);
    const metricNeeded = new Map(
      metricRows.map((r) => [r.scope_key, { needed: r.needed, neededSubjects: r.needed_subjects }]),
    );

    const municipalities: MunicipalityRecruitmentDto[] = municipalRows.map((r) => {
      const need = municipalityNeed(
        { subjects: r.subjects, subjectsWithData: r.with_data, reports: r.reports },
        settings,
        metricNeeded.get(r.cvegeo) ?? null,
      );
      return {
        cvegeo: r.cvegeo,
        name: r.name,
        cveEnt: r.cve_ent,
        stateName: r.state_name,
        subjects: r.subjects,
        subjectsWithCitizenData: r.with_data,
        validatorsRegistered: validatorsByMunicipality.get(r.cvegeo) ?? 0,
        activeAssignments: r.active,
        reportsReceived: r.reports,
        needed: need.needed,
        neededSubjects: need.neededSubjects,
        unreachable: need.unreachable,
        neededForInstitutions: r.shortfall,
      };
    });

    const states = new Map<string, StateRecruitmentDto>();
    for (const mu of municipalities) {
      const s =
        states.get(mu.cveEnt) ??
        ({
          cveEnt: mu.cveEnt,
          name: mu.stateName,
          subjects: 0,
          subjectsWithCitizenData: 0,
          validatorsRegistered: validatorsByState.get(mu.cveEnt) ?? 0,
          activeAssignments: 0,
          reportsReceived: 0,
          needed: 0,
          municipalities: 0,
          municipalitiesWithCitizenData: 0,
          neededMunicipalities: 0,
        } satisfies StateRecruitmentDto);
      s.subjects += mu.subjects;
      s.subjectsWithCitizenData += mu.subjectsWithCitizenData;
      s.activeAssignments += mu.activeAssignments;
      s.reportsReceived += mu.reportsReceived;
      s.needed += mu.needed;
      s.municipalities += 1;
      s.municipalitiesWithCitizenData += mu.subjectsWithCitizenData > 0 ? 1 : 0;
      states.set(mu.cveEnt, s);
    }
    for (const s of states.values())
      s.neededMunicipalities = neededMunicipalities(s.municipalities, s.municipalitiesWithCitizenData, t);

    const totals: RecruitmentCountsDto = {
      subjects: 0,
      subjectsWithCitizenData: 0,
      validatorsRegistered: 0,
      activeAssignments: 0,
      reportsReceived: 0,
      needed: 0,
    };
    for (const s of states.values()) {
      totals.subjects += s.subjects;
      totals.subjectsWithCitizenData += s.subjectsWithCitizenData;
      totals.validatorsRegistered += s.validatorsRegistered;
      totals.activeAssignments += s.activeAssignments;
      totals.reportsReceived += s.reportsReceived;
      totals.needed += s.needed;
    }

    const keyOf = (row: MunicipalityRecruitmentDto | StateRecruitmentDto): string =>
      'cvegeo' in row ? row.cvegeo : row.cveEnt;
    const rows: Array<MunicipalityRecruitmentDto | StateRecruitmentDto> =
      q.level === 'state' ? [...states.values()] : municipalities;
    rows.sort((a, b) => (q.sort === 'needed' ? b.needed - a.needed : 0) || byKey(keyOf(a), keyOf(b)));
    return {
      level: q.level,
      items: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: rows.length,
      page: q.page,
      pageSize: q.pageSize,
      source: metricNeeded.size > 0 ? 'metric' : 'threshold',
      thresholds: {
        institutionMinReports: t.institutionMinReports,
        municipalityMinReports: t.municipalityMinReports,
        municipalityMinSubjects: t.municipalityMinSubjects,
        areaMinMunicipalities: t.areaMinMunicipalities,
        areaMinMunicipalityShare: t.areaMinMunicipalityShare,
      },
      totals,
      notice: { ...VOLUNTEER_SAMPLE_NOTICE },
    };
  }
}
