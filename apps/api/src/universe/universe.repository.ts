import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { InstitutionEntity, MunicipalityEntity } from '@apertura/db';
import { lockClause, queryOne, queryRows, type Queryable } from '../common/persistence';
import type { InstitutionStatus } from './dto/universe.dto';
import type {
  InstitutionRow,
  LevelCountRow,
  RetiredAtRow,
  StateCountRow,
  TypeCountRow,
  UniverseTotalsRow,
} from './universe.rows';

export interface InstitutionFilters {
  cveEnt?: string;
  cvegeo?: string;
  level?: string;
  type?: string;
  q?: string;
  /** Padrón status; no value means every institution (callers choose their default). */
  status?: InstitutionStatus;
}

/** An institution of the padrón with its municipality's and state's names. */
export interface InstitutionRecord {
  id: string;
  key: string;
  name: string;
  type: string;
  level: string;
  cveEnt: string;
  stateName: string;
  cvegeo: string;
  municipalityName: string;
  email: string;
  createdAt: Date;
  updatedAt: Date;
  retiredAt: Date | null;
}

export interface UniverseCounts {
  total: number;
  retired: number;
  municipalities: number;
  byState: Array<{ cveEnt: string; name: string; count: number }>;
  byLevel: Array<{ level: string; count: number }>;
  byType: Array<{ type: string; count: number }>;
}

const toInstitution = (r: InstitutionRow): InstitutionRecord => ({
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
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  retiredAt: r.retired_at,
});

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The institution aggregate (a guarantor's padrón) in PostgreSQL. (CSV imports: @apertura/db's upsertUniverse.) */
@Injectable()
export class UniverseRepository {
  /** Whether the institution of `guarantorId` is retired, row-locked; undefined when it is not the guarantor's. */
  async lockRetired(m: EntityManager, guarantorId: string, institutionId: string): Promise<boolean | undefined> {
    const row = await queryOne<RetiredAtRow>(
      m,
      `SELECT retired_at FROM institution WHERE id = $1 AND guarantor_id = $2 ${lockClause('update')}`,
      [institutionId, guarantorId],
    );
    return row ? row.retired_at !== null : undefined;
  }

  /** Retires the institution now, or brings it back. */
  async setRetired(m: EntityManager, institutionId: string, retired: boolean): Promise<void> {
    await m.query(
      `UPDATE institution SET retired_at = ${retired ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`,
      [institutionId],
    );
  }

  /**
   * A page of a guarantor's institutions with their municipality, filtered; `restrict` narrows it
   * further (a round's universe). Ordered by state, municipality and name so pages are stable.
   */
  async page(
    m: EntityManager,
    guarantorId: string,
    filters: InstitutionFilters,
    limit: number,
    offset: number,
    restrict?: (qb: SelectQueryBuilder<InstitutionEntity>) => void,
  ): Promise<{ items: InstitutionRecord[]; total: number }> {
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
      .offset(offset)
      .limit(limit)
      .getRawMany<InstitutionRow>();
    return { items: rows.map(toInstitution), total };
  }

  /** The padrón's counts (active institutions by state, level and type; retired ones counted apart). */
  async counts(q: Queryable, guarantorId: string): Promise<UniverseCounts> {
    const [byState, byLevel, byType, totals] = await Promise.all([
      queryRows<StateCountRow>(
        q,
        `SELECT i.cve_ent, min(m.nom_ent) AS name, count(*)::int AS count
         FROM institution i JOIN municipality m ON m.cvegeo = i.cvegeo
         WHERE i.guarantor_id = $1 AND i.retired_at IS NULL GROUP BY i.cve_ent ORDER BY i.cve_ent`,
        [guarantorId],
      ),
      queryRows<LevelCountRow>(
        q,
        `SELECT level, count(*)::int AS count FROM institution WHERE guarantor_id = $1 AND retired_at IS NULL GROUP BY level ORDER BY level`,
        [guarantorId],
      ),
      queryRows<TypeCountRow>(
        q,
        `SELECT type, count(*)::int AS count FROM institution WHERE guarantor_id = $1 AND retired_at IS NULL GROUP BY type ORDER BY count(*) DESC, type`,
        [guarantorId],
      ),
      queryRows<UniverseTotalsRow>(
        q,
        `SELECT count(*) FILTER (WHERE retired_at IS NULL)::int AS total, count(*) FILTER (WHERE retired_at IS NOT NULL)::int AS retired,
                count(DISTINCT cvegeo) FILTER (WHERE retired_at IS NULL)::int AS municipalities
         FROM institution WHERE guarantor_id = $1`,
        [guarantorId],
      ),
    ]);
    return {
      total: totals[0].total,
      retired: totals[0].retired,
      municipalities: totals[0].municipalities,
      byState: byState.map((s) => ({ cveEnt: s.cve_ent, name: s.name, count: s.count })),
      byLevel: byLevel.map((l) => ({ level: l.level, count: l.count })),
      byType: byType.map((t) => ({ type: t.type, count: t.count })),
    };
  }
}
