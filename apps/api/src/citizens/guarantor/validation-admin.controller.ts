import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../../common/principal';
import { ApiErrors } from '../../common/api-errors.decorator';
import { PageQueryDto } from '../dto/common.dto';
import {
  ExpireResultDto,
  MunicipalityRecruitmentDto,
  RecruitmentDto,
  RecruitmentQueryDto,
  RoundValidatorPageDto,
  StateRecruitmentDto,
  ValidationStateDto,
} from './dto/guarantor.dto';
import { ValidationAdminService } from './validation-admin.service';

@ApiTags('validation')
@ApiBearerAuth()
@ApiExtraModels(MunicipalityRecruitmentDto, StateRecruitmentDto)
@Controller('api/rounds/:roundId')
export class ValidationAdminController {
  constructor(private readonly admin: ValidationAdminService) {}

  @Post('validation/open')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'Open citizen validation of the round (validators can ask for assignments); audited.' })
  @ApiOkResponse({ type: ValidationStateDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_CLOSED')
  open(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<ValidationStateDto> {
    return this.admin.setValidationOpen(actor, roundId, true);
  }

  @Post('validation/close')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Close citizen validation of the round (no new assignments, verdicts or reports); audited.',
  })
  @ApiOkResponse({ type: ValidationStateDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  close(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<ValidationStateDto> {
    return this.admin.setValidationOpen(actor, roundId, false);
  }

  @Get('validators')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Validators who worked on the round, with personal data (admins only; every read is audited).',
  })
  @ApiOkResponse({ type: RoundValidatorPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  validators(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() q: PageQueryDto,
  ): Promise<RoundValidatorPageDto> {
    return this.admin.validators(actor, roundId, q.page, q.pageSize);
  }

  @Get('recruitment')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Recruitment planner: per municipality or state, validators, reports and how many more reports are needed (no personal data).',
  })
  @ApiOkResponse({ type: RecruitmentDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  recruitment(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() q: RecruitmentQueryDto,
  ): Promise<RecruitmentDto> {
    return this.admin.recruitment(actor, roundId, q);
  }

  @Post('assignments/expire')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Expire overdue assignments of the round now (their institutions return to the pool); audited.',
  })
  @ApiOkResponse({ type: ExpireResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  expire(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<ExpireResultDto> {
    return this.admin.expire(actor, roundId);
  }
}
