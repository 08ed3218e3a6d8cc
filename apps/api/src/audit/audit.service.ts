import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UserPrincipal } from '../common/principal';
import { AuditErrors } from './audit.errors';
import { guarantorOf } from '../common/guarantor-of';
import { AuditRepository, type AuditRecord } from './audit.repository';
import type { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto';

export const toAuditEntryDto = (a: AuditRecord): AuditEntryDto => ({
  id: String(a.id),
  at: a.at.toISOString(),
  actorUserId: a.actorUserId,
  actorRole: a.actorRole,
  action: a.action,
  entityType: a.entityType,
  entityId: a.entityId,
  details: a.details,
});

/** The audit page of a guarantor's console (the log is written by common/audit/AuditService). */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AuditRepository,
  ) {}

  async page(actor: UserPrincipal, q: AuditQueryDto): Promise<AuditPageDto> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from.getTime() > to.getTime()) {
      throw AuditErrors.rangeInverted();
    }
    const { items, total } = await this.repo.page(this.ds.manager, guarantorOf(actor), { ...q, from, to });
    return { items: items.map(toAuditEntryDto), total, page: q.page, pageSize: q.pageSize };
  }
}
