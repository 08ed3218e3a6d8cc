import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  DecideDisputeDto,
  DisputeDto,
  DisputePageDto,
  DisputeQueryDto,
  DueProcessSettingsDto,
  OutlierListDto,
} from './dto/due-process.dto';
import { DueProcessService } from './due-process.service';

/** The guarantor's side of due process and of the no-steering checks. */
@ApiTags('validation')
@ApiBearerAuth()
@Controller('api/rounds/:roundId')
export class DisputesController {
  constructor(private readonly dueProcess: DueProcessService) {}

  @Get('disputes')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Queue of disputed refutations (open by default, or decided) with a summary of every refutation’s standing.',
  })
  @ApiOkResponse({ type: DisputePageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  queue(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() q: DisputeQueryDto,
  ): Promise<DisputePageDto> {
    return this.dueProcess.queue(actor, roundId, q);
  }

  @Post('disputes/:disputeId/decision')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Uphold (the refutation counts) or overturn (it is dropped) a dispute, with a reason; audited; recomputes the institution.',
  })
  @ApiOkResponse({ type: DisputeDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'DISPUTE_DECIDED')
  decide(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('disputeId', ParseUUIDPipe) disputeId: string,
    @Body() dto: DecideDisputeDto,
  ): Promise<DisputeDto> {
    return this.dueProcess.decide(actor, roundId, disputeId, dto);
  }

  @Get('due-process')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Reply window (days) and maximum conflicts of interest of the round.' })
  @ApiOkResponse({ type: DueProcessSettingsDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  settings(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<DueProcessSettingsDto> {
    return this.dueProcess.settings(actor, roundId);
  }

  @Put('due-process')
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'Set the reply window and the conflict limit (draft rounds only); audited.' })
  @ApiOkResponse({ type: DueProcessSettingsDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_DRAFT')
  updateSettings(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: DueProcessSettingsDto,
  ): Promise<DueProcessSettingsDto> {
    return this.dueProcess.updateSettings(actor, roundId, dto);
  }

  @Get('validators/outliers')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Validators whose refutation rate is an outlier for their municipality (exact binomial test); a prompt to review, changes nothing.',
  })
  @ApiOkResponse({ type: OutlierListDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  outliers(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<OutlierListDto> {
    return this.dueProcess.outliers(actor, roundId);
  }
}
