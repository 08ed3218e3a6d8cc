import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VOLUNTEER_SAMPLE_NOTICE } from '@apertura/metric';
import { AuditService } from '../../common/audit/audit.service';
import type { UserPrincipal } from '../../common/principal';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { CitizenErrors } from '../citizens.errors';
import { municipalityNeed, roundSettings } from '../needs';
import {
  ExpireResultDto,
  MunicipalityRecruitmentDto,
  RecruitmentDto,
  RecruitmentQueryDto,
  RoundValidatorPageDto,
  StateRecruitmentDto,
  ValidationStateDto,
} from './dto/guarantor.dto';
import { RoundsRepository } from '../../common/rounds/rounds.repository';
import { ValidatorsRepository } from '../validators.repository';
import { RecruitmentRepository } from './recruitment.repository';
import { recruitmentTotals, rollUpStates } from './recruitment-rollup';

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The guarantor's side of citizen validation: open/close, validators (personal data), recruitment planner. */
@Injectable()
export class ValidationAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly validatorAccounts: ValidatorsRepository,
    private readonly recruitmentData: RecruitmentRepository,
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
      const { items, total } = await this.validatorAccounts.roundValidatorsPage(m, roundId, page, pageSize);
      await this.audit.record(m, actor, {
        action: 'validator.personal-data-read',
        entityType: 'round',
        entityId: roundId,
        guarantorId: actor.guarantorId,
        details: { page, pageSize, validatorIds: items.map((r) => r.id) },
      });
      return {
        items: items.map((r) => ({
          id: r.id,
          pseudonym: r.pseudonym,
          email: r.email,
          displayName: r.displayName,
          cvegeo: r.cvegeo,
          emailVerified: r.emailVerifiedAt !== null,
          registeredAt: r.registeredAt.toISOString(),
          consentAt: r.consentAt.toISOString(),
          privacyNoticeVersion: r.privacyNoticeVersion,
          assignments: r.assignments,
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
    const [municipalRows, validatorsByMunicipality, metricRows] = await Promise.all([
      this.recruitmentData.municipalityLoads(this.ds, roundId, now, t.institutionMinReports, q.cveEnt || null),
      this.recruitmentData.validatorsByMunicipality(this.ds, roundId),
      this.recruitmentData.municipalityNeeds(this.ds, roundId),
    ]);
    const validatorsByState = new Map<string, number>();
    for (const [cvegeo, n] of validatorsByMunicipality)
      validatorsByState.set(cvegeo.slice(0, 2), (validatorsByState.get(cvegeo.slice(0, 2)) ?? 0) + n);
    const metricNeeded = new Map(
      metricRows.map((r) => [r.cvegeo, { needed: r.needed, neededSubjects: r.neededSubjects }]),
    );

    const municipalities: MunicipalityRecruitmentDto[] = municipalRows.map((r) => {
      const need = municipalityNeed(
        { subjects: r.subjects, subjectsWithData: r.withData, reports: r.reports },
        settings,
        metricNeeded.get(r.cvegeo) ?? null,
      );
      return {
        cvegeo: r.cvegeo,
        name: r.name,
        cveEnt: r.cveEnt,
        stateName: r.stateName,
        subjects: r.subjects,
        subjectsWithCitizenData: r.withData,
        validatorsRegistered: validatorsByMunicipality.get(r.cvegeo) ?? 0,
        activeAssignments: r.active,
        reportsReceived: r.reports,
        needed: need.needed,
        neededSubjects: need.neededSubjects,
        unreachable: need.unreachable,
        neededForInstitutions: r.shortfall,
      };
    });

    const states = rollUpStates(municipalities, validatorsByState, t);
    const totals = recruitmentTotals(states);

    const keyOf = (row: MunicipalityRecruitmentDto | StateRecruitmentDto): string =>
      'cvegeo' in row ? row.cvegeo : row.cveEnt;
    const rows: Array<MunicipalityRecruitmentDto | StateRecruitmentDto> = q.level === 'state' ? states : municipalities;
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
