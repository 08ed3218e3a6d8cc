import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLogEntity, JsonObject } from '@apertura/db';
import type { Principal } from '../principal';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  guarantorId?: string | null;
  details?: JsonObject;
}

/** Appends to the audit log, inside the caller's transaction so the record and the change land together. */
@Injectable()
export class AuditService {
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
}
