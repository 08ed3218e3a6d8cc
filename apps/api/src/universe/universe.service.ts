import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { InstitutionEntity, MunicipalityEntity, previewUniverse, upsertUniverse } from '@apertura/db';
import { universeInvalidReport } from '@apertura/geo';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { DomainError, notFound } from '../common/domain-error';
import { guarantorOf } from '../common/guarantor-of';
import {
  InstitutionDto,
  InstitutionStatus,
  InstitutionPageDto,
  ListInstitutionsQueryDto,
  UniverseImportResultDto,
  UniverseSummaryDto,
} from './dto/universe.dto';
import { CatalogueService } from './catalogue.service';
import { parseUniverseCsvOffThread } from './parse-off-thread';

export interface InstitutionFilters {
  cveEnt?: string;
  cvegeo?: string;
  level?: string;
  type?: string;
  q?: string;
  /** Padrón status; no value means every institution (callers choose their default). */
  status?: InstitutionStatus;
}

interface InstitutionRow {
  id: string;
  key: string;
  name: string;
  type: string;
  level: string;
  cve_ent: string;
  cvegeo: string;
  email: string;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
  nom_mun: string;
  nom_ent: string;
}

const toInstitution = (r: InstitutionRow): InstitutionDto => ({
  id: r.id,
  key: r.key,
  name: r.name,
  type: r.type,
  level: r.level,
  cveEnt: r.cve_ent,
  stateName: r.nom_ent,
  cvegeo: r.cvegeo,
  municipalityName: r.nom_mun,
  email: r.email,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  retiredAt: r.retired_at ? r.retired_at.toISOString() : null,
});

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The universe of obliged subjects of a guarantor: CSV import (all-or-nothing, idempotent upsert by a
 * stable key), listing and summary.
 */
@Injectable()
export class UniverseService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: UserPrincipal, csv: string, dryRun: boolean): Promise<UniverseImportResultDto> {
    const guarantorId = guarantorOf(actor);
    // Large files parse in a worker thread: the API keeps answering other requests meanwhile.
    const { result: parsed } = await parseUniverseCsvOffThread(csv, await this.catalogue.index());
    if (parsed.errorCount > 0) {
      const report = universeInvalidReport(parsed);
      throw new DomainError('UNIVERSE_INVALID', report.messages, report.field, report.details);
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
      const [current]: Array<{ retired_at: Date | null }> = await m.query(
        'SELECT retired_at FROM institution WHERE id = $1 AND guarantor_id = $2 FOR UPDATE',
        [institutionId, guarantorId],
      );
      if (!current) throw notFound('institución', 'institutionId');
      if ((current.retired_at !== null) !== retired) {
        await m.query(
          `UPDATE institution SET retired_at = ${retired ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`,
          [institutionId],
        );
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
    const qb = m
      .getRepository(InstitutionEntity)
      .createQueryBuilder('i')
      .where('i.guarantorId = :guarantorId', { guarantorId });
    if (filters.cveEnt) qb.andWhere('i.cveEnt = :cveEnt', { cveEnt: filters.cveEnt });
    if (filters.cvegeo) qb.andWhere('i.cvegeo = :cvegeo', { cvegeo: filters.cvegeo });
    if (filters.level) qb.andWhere('i.level = :level', { level: filters.level });
    if (filters.type) qb.andWhere('i.type = :type', { type: filters.type.trim().toLocaleLowerCase('es-MX') });
    if (filters.q) qb.andWhere(`i.name ILIKE :q ESCAPE '\\'`, { q: `%${escapeLike(filters.q.trim())}%` });
    if (filters.status === 'active') qb.andWhere('i.retiredAt IS NULL');
    else if (filters.status === 'retired') qb.andWhere('i.retiredAt IS NOT NULL');
    restrict?.(qb);
    const total = await qb.getCount();
    const rows = await qb
      .innerJoin(MunicipalityEntity, 'm', 'm.cvegeo = i.cvegeo')
      .select([
        'i.id AS id',
        'i.key AS key',
        'i.name AS name',
        'i.type AS type',
        'i.level AS level',
        'i.cve_ent AS cve_ent',
        'i.cvegeo AS cvegeo',
        'i.email AS email',
        'i.created_at AS created_at',
        'i.updated_at AS updated_at',
        'i.retired_at AS retired_at',
        'm.nom_mun AS nom_mun',
        'm.nom_ent AS nom_ent',
      ])
      .orderBy('i.cve_ent')
      .addOrderBy('i.cvegeo')
      .addOrderBy('i.name')
      .addOrderBy('i.id')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<InstitutionRow>();
    return { items: rows.map(toInstitution), total, page, pageSize };
  }

  async summary(actor: UserPrincipal): Promise<UniverseSummaryDto> {
    const guarantorId = guarantorOf(actor);
    const [byState, byLevel, byType, totals] = await Promise.all([
      this.ds.query(
        `SELECT i.cve_ent, min(m.nom_ent) AS name, count(*)::int AS count
         FROM institution i JOIN municipality m ON m.cvegeo = i.cvegeo
         WHERE i.guarantor_id = $1 AND i.retired_at IS NULL GROUP BY i.cve_ent ORDER BY i.cve_ent`,
        [guarantorId],
      ) as Promise<Array<{ cve_ent: string; name: string; count: number }>>,
      this.ds.query(
        `SELECT level, count(*)::int AS count FROM institution WHERE guarantor_id = $1 AND retired_at IS NULL GROUP BY level ORDER BY level`,
        [guarantorId],
      ) as Promise<Array<{ level: string; count: number }>>,
      this.ds.query(
        `SELECT type, count(*)::int AS count FROM institution WHERE guarantor_id = $1 AND retired_at IS NULL GROUP BY type ORDER BY count(*) DESC, type`,
        [guarantorId],
      ) as Promise<Array<{ type: string; count: number }>>,
      this.ds.query(
        `SELECT count(*) FILTER (WHERE retired_at IS NULL)::int AS total, count(*) FILTER (WHERE retired_at IS NOT NULL)::int AS retired,
                count(DISTINCT cvegeo) FILTER (WHERE retired_at IS NULL)::int AS municipalities
         FROM institution WHERE guarantor_id = $1`,
        [guarantorId],
      ) as Promise<Array<{ total: number; retired: number; municipalities: number }>>,
    ]);
    return {
      total: totals[0].total,
      retired: totals[0].retired,
      municipalities: totals[0].municipalities,
      byState: byState.map((s) => ({ cveEnt: s.cve_ent, name: s.name, count: s.count })),
      byLevel,
      byType,
    };
  }
}
