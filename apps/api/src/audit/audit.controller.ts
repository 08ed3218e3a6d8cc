import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuditLogService } from './audit.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

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
  list(@CurrentUser() actor: UserPrincipal, @Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.page(actor, q);
  }
}
