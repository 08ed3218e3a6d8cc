import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { InstitutionEntity, MunicipalityEntity } from '@apertura/db';
import { AuditService } from '../audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import {
  InstitutionDto,
  InstitutionStatus,
  InstitutionPageDto,
  ListInstitutionsQueryDto,
  UniverseImportResultDto,
  UniverseSummaryDto,
} from './dto/universe.dto';
import { CatalogueService } from './catalogue.service';
import { UniverseRow } from './universe-csv';
import { parseUniverseCsvOffThread } from './parse-off-thread';

/** Rows per upsert statement (seven arrays through unnest): 15,000 institutions take three statements. */
const UPSERT_CHUNK = 5000;

const COLUMNS = ['name', 'type', 'level', 'cve_ent', 'cvegeo', 'email'] as const;
const CHANGED = `(i.${COLUMNS.join(', i.')}) IS DISTINCT FROM (u.${COLUMNS.join(', u.')})`;
const UNNEST = `unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(key, ${COLUMNS.join(', ')})`;

const arrays = (rows: UniverseRow[]): string[][] => [
  rows.map((r) => r.key),
  rows.map((r) => r.name),
  rows.map((r) => r.type),
  rows.map((r) => r.level),
  rows.map((r) => r.cveEnt),
  rows.map((r) => r.cvegeo),
  rows.map((r) => r.email),
];

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

/** Staff of a guarantor only: the universe always belongs to the caller's guarantor. */
export function guarantorOf(actor: UserPrincipal): string {
  if (!actor.guarantorId) throw forbidden();
  return actor.guarantorId;
}

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
      const first = parsed.errors[0];
      const where = `${first.line}${first.column ? `, ${first.column}` : ''}`;
      throw new DomainError(
        'UNIVERSE_INVALID',
        {
          es: `El archivo tiene ${parsed.errorCount} error(es); no se importó nada. Primero (línea ${where}): ${first.message.es}`,
          en: `The file has ${parsed.errorCount} error(s); nothing was imported. First (line ${where}): ${first.message.en}`,
        },
        first.column ?? undefined,
        { errors: parsed.errors, errorCount: parsed.errorCount, rowsRead: parsed.rowsRead },
      );
    }
    const rows = parsed.rows;
    if (dryRun) return this.preview(guarantorId, rows);
    return this.ds.transaction(async (m) => {
      // One import at a time per guarantor, so the counts reported describe exactly this file.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('universe:' || $1))`, [guarantorId]);
      let inserted = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
        const part = rows.slice(i, i + UPSERT_CHUNK);
        // Unchanged rows match the conflict but not the WHERE, so they are neither written nor returned.
        const written: Array<{ inserted: boolean }> = await m.query(
          `INSERT INTO institution AS i (guarantor_id, key, ${COLUMNS.join(', ')})
           SELECT $1, u.key, ${COLUMNS.map((c) => `u.${c}`).join(', ')} FROM ${UNNEST}
           ON CONFLICT (guarantor_id, key) DO UPDATE SET
             ${COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
           WHERE (i.${COLUMNS.join(', i.')}) IS DISTINCT FROM (EXCLUDED.${COLUMNS.join(', EXCLUDED.')})
           RETURNING (xmax = 0) AS inserted`,
          [guarantorId, ...arrays(part)],
        );
        for (const w of written) w.inserted ? inserted++ : updated++;
      }
      const result: UniverseImportResultDto = {
        dryRun: false,
        inserted,
        updated,
        unchanged: rows.length - inserted - updated,
        total: rows.length,
        notInFile: (await this.count(m, guarantorId)) - rows.length,
      };
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
  async setRetired(actor: UserPrincipal, institutionId: string, retired: boolean, reason?: string): Promise<InstitutionDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const [current]: Array<{ retired_at: Date | null }> = await m.query(
        'SELECT retired_at FROM institution WHERE id = $1 AND guarantor_id = $2 FOR UPDATE',
        [institutionId, guarantorId],
      );
      if (!current) throw notFound('institución', 'institutionId');
      if ((current.retired_at !== null) !== retired) {
        await m.query(`UPDATE institution SET retired_at = ${retired ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [institutionId]);
        await this.audit.record(m, actor, {
          action: retired ? 'universe.retire' : 'universe.reactivate',
          entityType: 'institution',
          entityId: institutionId,
          guarantorId,
          details: reason ? { reason } : {},
        });
      }
      const page = await this.page(guarantorId, {}, 1, 1, (qb) => qb.andWhere('i.id = :institutionId', { institutionId }), m);
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
    const qb = m.getRepository(InstitutionEntity).createQueryBuilder('i').where('i.guarantorId = :guarantorId', { guarantorId });
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
      this.ds.query(`SELECT level, count(*)::int AS count FROM institution WHERE guarantor_id = $1 AND retired_at IS NULL GROUP BY level ORDER BY level`, [
        guarantorId,
      ]) as Promise<Array<{ level: string; count: number }>>,
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

  /** What an import would do, computed with the same comparison as the upsert, writing nothing. */
  private async preview(guarantorId: string, rows: UniverseRow[]): Promise<UniverseImportResultDto> {
    let inserted = 0;
    let updated = 0;
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      const part = rows.slice(i, i + UPSERT_CHUNK);
      const [c]: Array<{ inserted: number; updated: number }> = await this.ds.query(
        `SELECT count(*) FILTER (WHERE i.id IS NULL)::int AS inserted,
                count(*) FILTER (WHERE i.id IS NOT NULL AND ${CHANGED})::int AS updated
         FROM ${UNNEST} LEFT JOIN institution i ON i.guarantor_id = $1 AND i.key = u.key`,
        [guarantorId, ...arrays(part)],
      );
      inserted += c.inserted;
      updated += c.updated;
    }
    const existing = await this.count(this.ds.manager, guarantorId);
    return {
      dryRun: true,
      inserted,
      updated,
      unchanged: rows.length - inserted - updated,
      total: rows.length,
      notInFile: existing - (rows.length - inserted),
    };
  }

  private async count(m: EntityManager, guarantorId: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await m.query('SELECT count(*)::int AS n FROM institution WHERE guarantor_id = $1', [guarantorId]);
    return n;
  }
}
