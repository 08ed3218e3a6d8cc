import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from '@apertura/db';

/** An audit record as services see it (TypeORM maps the row). */
export type AuditRecord = AuditLogEntity;

export interface AuditFilter {
  page: number;
  pageSize: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  roundId?: string;
  from?: Date;
  to?: Date;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The read side of audit_log (append-only; common/audit/AuditService writes it inside each change's
 * transaction).
 */
@Injectable()
export class AuditRepository {
  /** One guarantor's records, newest first, filtered (see AuditQueryDto). */
  async page(m: EntityManager, guarantorId: string, q: AuditFilter): Promise<{ items: AuditRecord[]; total: number }> {
    const qb = m
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .where('a.guarantorId = :guarantorId', { guarantorId });
    if (q.action?.endsWith('.*'))
      qb.andWhere("a.action LIKE :prefix ESCAPE '\\'", { prefix: `${escapeLike(q.action.slice(0, -1))}%` });
    else if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.entityType) qb.andWhere('a.entityType = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.actorUserId) qb.andWhere('a.actorUserId = :actorUserId', { actorUserId: q.actorUserId });
    if (q.roundId) {
      qb.andWhere(
        `((a.entityType = 'round' AND a.entityId = :roundId) OR (a.details ? 'roundId' AND a.details->>'roundId' = :roundId))`,
        { roundId: q.roundId },
      );
    }
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    const [items, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
