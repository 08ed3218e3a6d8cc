import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { InstitutionEntity, previewUniverse, upsertUniverse } from '@apertura/db';
import { universeInvalidReport } from '@apertura/geo';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { UniverseErrors } from './universe.errors';
import { guarantorOf } from '../common/guarantor-of';
import {
  InstitutionDto,
  InstitutionPageDto,
  ListInstitutionsQueryDto,
  UniverseImportResultDto,
  UniverseSummaryDto,
} from './dto/universe.dto';
import { CatalogueService } from './catalogue.service';
import { parseUniverseCsvOffThread } from './parse-off-thread';
import { UniverseRepository, type InstitutionFilters, type InstitutionRecord } from './universe.repository';

export type { InstitutionFilters } from './universe.repository';

const toInstitution = (r: InstitutionRecord): InstitutionDto => ({
  id: r.id,
  key: r.key,
  name: r.name,
  type: r.type,
  level: r.level,
  cveEnt: r.cveEnt,
  stateName: r.stateName,
  cvegeo: r.cvegeo,
  municipalityName: r.municipalityName,
  email: r.email,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
});

/**
 * The universe of obliged subjects of a guarantor: CSV import (all-or-nothing, idempotent upsert by a
 * stable key), listing and summary.
 */
@Injectable()
export class UniverseService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: UniverseRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: UserPrincipal, csv: string, dryRun: boolean): Promise<UniverseImportResultDto> {
    const guarantorId = guarantorOf(actor);
    // Large files parse in a worker thread: the API keeps answering other requests meanwhile.
    const { result: parsed } = await parseUniverseCsvOffThread(csv, await this.catalogue.index());
    if (parsed.errorCount > 0) {
      const report = universeInvalidReport(parsed);
      throw UniverseErrors.invalid(report);
    }
    if (dryRun) return previewUniverse(this.ds.manager, guarantorId, parsed.rows);
    return this.ds.transaction(async (m) => {
      // One import at a time per guarantor (upsertUniverse locks), so the counts describe exactly this file.
      const result: UniverseImportResultDto = await upsertUniverse(m, guarantorId, parsed.rows);
      await this.audit.record(m, actor, {
        action: 'universe.import',
        entityType: 'universe',
        entityId: guarantorId,
        guarantorId,
        details: { ...result },
      });
      return result;
    });
  }

  async list(actor: UserPrincipal, q: ListInstitutionsQueryDto): Promise<InstitutionPageDto> {
    // The padrón as it stands: retired institutions only when asked for.
    return this.page(guarantorOf(actor), { ...q, status: q.status ?? 'active' }, q.page, q.pageSize);
  }

  /**
   * Retires an institution from the padrón (soft): new rounds' selections and the default lists leave
   * it out; rounds that already froze their universe keep it, with their responses and published numbers.
   * Idempotent: retiring a retired institution keeps the first date and writes no second audit record.
   */
  async setRetired(
    actor: UserPrincipal,
    institutionId: string,
    retired: boolean,
    reason?: string,
  ): Promise<InstitutionDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const isRetired = await this.repo.lockRetired(m, guarantorId, institutionId);
      if (isRetired === undefined) throw notFound('institución', 'institutionId');
      if (isRetired !== retired) {
        await this.repo.setRetired(m, institutionId, retired);
        await this.audit.record(m, actor, {
          action: retired ? 'universe.retire' : 'universe.reactivate',
          entityType: 'institution',
          entityId: institutionId,
          guarantorId,
          details: reason ? { reason } : {},
        });
      }
      const page = await this.page(
        guarantorId,
        {},
        1,
        1,
        (qb) => qb.andWhere('i.id = :institutionId', { institutionId }),
        m,
      );
      return page.items[0];
    });
  }

  /**
   * A page of a guarantor's institutions with their municipality, filtered; `restrict` narrows it
   * further (a round's universe). Ordered by state, municipality and name so pages are stable.
   */
  async page(
    guarantorId: string,
    filters: InstitutionFilters,
    page: number,
    pageSize: number,
    restrict?: (qb: SelectQueryBuilder<InstitutionEntity>) => void,
    m: EntityManager = this.ds.manager,
  ): Promise<InstitutionPageDto> {
    const { items, total } = await this.repo.page(m, guarantorId, filters, pageSize, (page - 1) * pageSize, restrict);
    return { items: items.map(toInstitution), total, page, pageSize };
  }

  async summary(actor: UserPrincipal): Promise<UniverseSummaryDto> {
    const guarantorId = guarantorOf(actor);
    return this.repo.counts(this.ds, guarantorId);
  }
}
