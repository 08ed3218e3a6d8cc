import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../../common/principal';
import { ApiErrors } from '../../common/api-errors.decorator';
import { PageQueryDto } from '../dto/common.dto';
import { VerifiedEmailGuard } from '../verified-email.guard';
import { AssignmentsService, DEFAULT_ASSIGNMENTS } from './assignments.service';
import {
  AssignmentDto,
  AssignmentListQueryDto,
  AssignmentPageDto,
  CitizenRoundPageDto,
  HistoryPageDto,
  RequestAssignmentsDto,
  RequestAssignmentsResultDto,
} from './dto/assignment.dto';

@ApiTags('citizens')
@ApiBearerAuth()
@Roles('citizen_validator')
@UseGuards(VerifiedEmailGuard)
@Controller('api/citizens')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get('rounds')
  @ApiOperation({ summary: 'Rounds whose citizen validation is open, with your assignment counts.' })
  @ApiOkResponse({ type: CitizenRoundPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'EMAIL_NOT_VERIFIED')
  rounds(@CurrentUser() user: UserPrincipal, @Query() q: PageQueryDto): Promise<CitizenRoundPageDto> {
    return this.assignments.rounds(user.userId, q.page, q.pageSize);
  }

  @Post('rounds/:roundId/assignments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ask for work: the engine tops you up to `max` active assignments (default 3, each for 14 days).',
    description:
      'Municipalities furthest from a conclusive result first, then institutions with fewest citizen reports; each pick is drawn at random (seeded per validator and round) among the 5 neediest eligible institutions, so no declaration picks a target; never an institution of conflict or one already assigned to you. More declared conflicts among the round’s institutions than its maximum → 400 TOO_MANY_CONFLICTS.',
  })
  @ApiOkResponse({ type: RequestAssignmentsResultDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'EMAIL_NOT_VERIFIED',
    'NOT_FOUND',
    'VALIDATION_CLOSED',
    'ROUND_NOT_OPEN',
    'ROUND_CLOSED',
    'TOO_MANY_CONFLICTS',
  )
  request(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: RequestAssignmentsDto,
  ): Promise<RequestAssignmentsResultDto> {
    return this.assignments.request(user.userId, roundId, dto.max ?? DEFAULT_ASSIGNMENTS);
  }

  @Get('assignments')
  @ApiOperation({
    summary: 'Your assignments (default: active and completed), with claims, self-report, verdicts and report.',
  })
  @ApiOkResponse({ type: AssignmentPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'EMAIL_NOT_VERIFIED')
  list(@CurrentUser() user: UserPrincipal, @Query() q: AssignmentListQueryDto): Promise<AssignmentPageDto> {
    return this.assignments.list(user.userId, q);
  }

  @Get('history')
  @ApiOperation({
    summary:
      'Your history: every assignment (newest first) with its verdicts, report and, for published rounds, the result before your work and now.',
  })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'EMAIL_NOT_VERIFIED')
  history(@CurrentUser() user: UserPrincipal, @Query() q: PageQueryDto): Promise<HistoryPageDto> {
    return this.assignments.history(user.userId, q.page, q.pageSize);
  }

  @Get('assignments/:assignmentId')
  @ApiOperation({ summary: 'One of your assignments.' })
  @ApiOkResponse({ type: AssignmentDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'EMAIL_NOT_VERIFIED', 'NOT_ASSIGNED')
  get(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
  ): Promise<AssignmentDto> {
    return this.assignments.get(user.userId, assignmentId);
  }
}
