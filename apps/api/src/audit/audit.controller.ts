import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLogEntity } from '@apertura/db';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { DomainError } from '../common/domain-error';
import { guarantorOf } from '../common/guarantor-of';
import { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto';
import { AuditService } from '../common/audit/audit.service';

export const toAuditEntryDto = (a: AuditLogEntity): AuditEntryDto => ({
  id: String(a.id),
  at: a.at.toISOString(),
  actorUserId: a.actorUserId,
  actorRole: a.actorRole,
  action: a.action,
  entityType: a.entityType,
  entityId: a.entityId,
  details: a.details,
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: "Audit log of the caller's guarantor (append-only), newest first.",
    description:
      'Round transitions, universe imports, questionnaire versions, submissions and amendments, verdict edits, role changes, ' +
      'invitation reissues, reads of validators’ personal data and erasures. Filter by exact `action` (or prefix `round.*`), ' +
      '`entityType`, `entityId`, the acting account `actorUserId`, the round `roundId` and the window `from` ≤ at < `to`.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  async list(@CurrentUser() actor: UserPrincipal, @Query() q: AuditQueryDto): Promise<AuditPageDto> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from.getTime() > to.getTime()) {
      throw new DomainError(
        'VALIDATION_FAILED',
        { es: '«from» debe ser anterior a «to».', en: "'from' must not be after 'to'." },
        'from',
      );
    }
    const { items, total } = await this.audit.query(guarantorOf(actor), { ...q, from, to });
    return { items: items.map(toAuditEntryDto), total, page: q.page, pageSize: q.pageSize };
  }
}
