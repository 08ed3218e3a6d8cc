import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditLogEntity, JsonObject } from '@apertura/db';
import type { Principal } from '../../auth/principal';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  guarantorId?: string | null;
  details?: JsonObject;
}

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

/** Appends to the audit log, inside the caller's transaction so the record and the change land together. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  async record(manager: EntityManager, actor: Principal | 'system', entry: AuditEntry): Promise<void> {
    const actorUserId = actor !== 'system' && actor.kind === 'user' ? actor.userId : null;
    const actorRole = actor === 'system' ? 'system' : actor.kind === 'user' ? actor.role : 'institution';
    const row = Object.assign(new AuditLogEntity(), {
      actorUserId,
      actorRole,
      guarantorId: entry.guarantorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
    });
    await manager.save(row, { reload: false });
  }

  /** One guarantor's records, newest first, filtered (see AuditQueryDto). */
  async query(guarantorId: string, q: AuditFilter): Promise<{ items: AuditLogEntity[]; total: number }> {
    const qb = this.repo.createQueryBuilder('a').where('a.guarantorId = :guarantorId', { guarantorId });
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
