import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/domain-error';
import { assertMunicipalityExists } from '../registration/registration.service';
import { DueProcessErrors } from '../../due-process/due-process.errors';
import { assertConflictBound } from '../conflict-bound';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { ValidatorsRepository } from '../validators.repository';
import {
  ConflictsDto,
  InstitutionSearchPageDto,
  InstitutionSearchQueryDto,
  UpdateProfileDto,
  ValidatorProfileDto,
} from './dto/profile.dto';

/** A validator's own profile and conflicts of interest. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly validators: ValidatorsRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  async me(userId: string, m: EntityManager | DataSource = this.ds): Promise<ValidatorProfileDto> {
    const r = await this.validators.profile(m, userId);
    if (!r) throw notFound('validator profile');
    const conflicts = await this.validators.conflicts(m, userId);
    return {
      id: r.id,
      email: r.email,
      displayName: r.displayName,
      pseudonym: r.pseudonym,
      emailVerified: r.emailVerifiedAt !== null,
      cvegeo: r.cvegeo,
      municipality: r.municipality,
      consentAt: r.consentAt.toISOString(),
      privacyNoticeVersion: r.privacyNoticeVersion,
      registeredAt: r.registeredAt.toISOString(),
      mailOptOut: r.mailOptOut,
      conflicts: conflicts.map((c) => c.institution),
      conflictReasons: Object.fromEntries(conflicts.map((c) => [c.institution.id, c.reason])),
    };
  }

  async update(userId: string, dto: UpdateProfileDto): Promise<ValidatorProfileDto> {
    if (dto.cvegeo) await assertMunicipalityExists(this.validators, this.ds, dto.cvegeo);
    return this.ds.transaction(async (m) => {
      if (dto.displayName !== undefined)
        await this.validators.setDisplayName(m, userId, dto.displayName?.trim() || null);
      if (dto.cvegeo !== undefined) await this.validators.setCvegeo(m, userId, dto.cvegeo);
      if (dto.mailOptOut !== undefined) await this.validators.setMailOptOut(m, userId, dto.mailOptOut);
      return this.me(userId, m);
    });
  }

  /**
   * Replaces the declared conflicts. Each needs a reason, and no open round may see more of them
   * among its institutions than its `max_conflicts` (issue #13: declaring conflicts with every other
   * institution must not leave a validator only the one it wants to judge). Active assignments of a
   * newly declared conflict are expired at once so the institution goes back to the pool; work
   * already saved on them stays (the write routes refuse further changes with CONFLICT_OF_INTEREST).
   */
  async setConflicts(userId: string, dto: ConflictsDto): Promise<ValidatorProfileDto> {
    if (dto.institutionIds && dto.institutionIds.length > 0) throw DueProcessErrors.conflictReasonRequired(0);
    const declarations = dto.conflicts ?? [];
    const reasons = new Map<string, string>();
    declarations.forEach((d, i) => {
      const reason = (d.reason ?? '').trim();
      if (reason.length < 3) throw DueProcessErrors.conflictReasonRequired(i);
      reasons.set(d.institutionId, reason);
    });
    const ids = [...reasons.keys()];
    return this.ds.transaction(async (m) => {
      if (ids.length > 0) {
        if ((await this.validators.countInstitutions(m, ids)) !== ids.length)
          throw notFound('institution', 'conflicts');
        await assertConflictBound(this.validators, m, ids);
      }
      await this.validators.replaceConflicts(
        m,
        userId,
        ids.map((id) => ({ institutionId: id, reason: reasons.get(id) ?? '' })),
      );
      await this.assignments.expireActiveOf(m, userId, ids);
      return this.me(userId, m);
    });
  }

  async searchInstitutions(q: InstitutionSearchQueryDto): Promise<InstitutionSearchPageDto> {
    const { items, total } = await this.validators.searchInstitutions(
      this.ds,
      { text: q.q?.trim(), cveEnt: q.cveEnt, cvegeo: q.cvegeo },
      q.page,
      q.pageSize,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
