import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { DemographicsRepository, DemographicsRow } from './demographics.repository';
import { MyDemographicsDto, SaveDemographicsDto } from './dto/demographics.dto';

const toDto = (r: DemographicsRow | undefined): MyDemographicsDto =>
  r
    ? {
        consented: true,
        purposeVersion: r.purpose_version,
        consentAt: r.consent_at.toISOString(),
        answers: {
          ageBand: r.age_band,
          gender: r.gender,
          municipalityType: r.municipality_type,
          indigenousLanguage: r.indigenous_language,
          disability: r.disability,
        },
      }
    : { consented: false, purposeVersion: null, consentAt: null, answers: null };

/**
 * A validator's own optional demographics (issue #18 item 3). Consent changes are audited — which
 * purpose version was accepted and when, never the answers: the audit log must not become a second
 * copy of what the person can delete.
 */
@Injectable()
export class DemographicsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: DemographicsRepository,
    private readonly audit: AuditService,
  ) {}

  async mine(userId: string): Promise<MyDemographicsDto> {
    return toDto(await this.repo.find(userId));
  }

  async save(user: UserPrincipal, dto: SaveDemographicsDto): Promise<MyDemographicsDto> {
    return this.ds.transaction(async (m) => {
      const created = await this.repo.upsert(m, user.userId, dto, dto.purposeVersion);
      await this.audit.record(m, user, {
        action: created ? 'validator.demographics.consent' : 'validator.demographics.update',
        entityType: 'user',
        entityId: user.userId,
        details: { purposeVersion: dto.purposeVersion },
      });
      return toDto(await this.repo.find(user.userId, m));
    });
  }

  /** Withdrawal deletes the answers at once (idempotent; only an actual deletion is audited). */
  async withdraw(user: UserPrincipal): Promise<MyDemographicsDto> {
    return this.ds.transaction(async (m) => {
      if (await this.repo.delete(m, user.userId)) {
        await this.audit.record(m, user, {
          action: 'validator.demographics.withdraw',
          entityType: 'user',
          entityId: user.userId,
        });
      }
      return toDto(undefined);
    });
  }
}
