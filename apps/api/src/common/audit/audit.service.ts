import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { JsonObject } from '@apertura/db';
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
    // One plain INSERT (audit_log's columns, AuditLogEntity): it sits on hot paths such as every
    // submission, where TypeORM's save() cost more CPU than the statement itself.
    await manager.query(
      `INSERT INTO audit_log (actor_user_id, actor_role, guarantor_id, action, entity_type, entity_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        actorUserId,
        actorRole,
        entry.guarantorId ?? null,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }
}
