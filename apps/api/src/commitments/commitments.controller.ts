import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { InvitationAccess, Public, Roles } from '../auth/access.decorator';
import { CurrentInvitation, CurrentUser, InvitationPrincipal, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { VerifiedEmailGuard } from '../citizens/verified-email.guard';
import { CommitmentsService } from './commitments.service';
import {
  CommitmentDto,
  CommitmentInputDto,
  CommitmentListDto,
  CommitmentsCsvDto,
  ImportResultDto,
  MilestonesToVerifyDto,
  StaffCommitmentInputDto,
} from './dto/commitments.dto';

const WRITE_ERRORS = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'ROUND_NOT_PUBLISHED',
  'COMMITMENT_COMPONENT_UNKNOWN',
  'MILESTONE_HAS_VERDICTS',
  'CONFLICT',
] as const;

/** Public: commitments of a published round, with verified and declared progress (issue #18 item 1). */
@ApiTags('commitments')
@Controller('api/public/rounds/:roundId/commitments')
export class PublicCommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @Public()
  @ApiQuery({ name: 'institutionId', required: false, description: 'Only this institution (its results page).' })
  @ApiOperation({
    summary:
      'Commitments after a published round: milestones, declared vs verified progress (interval, status, reasons), and whether the addressed components moved in the next published round.',
  })
  @ApiOkResponse({ type: CommitmentListDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  list(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query('institutionId', new ParseUUIDPipe({ optional: true })) institutionId?: string,
  ): Promise<CommitmentListDto> {
    return this.commitments.publicList(roundId, institutionId);
  }
}

/** The round's operator staff: list, record, edit and import commitments of any institution of the round. */
@ApiTags('commitments')
@ApiBearerAuth()
@Controller('api')
export class StaffCommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get('rounds/:roundId/commitments')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "Commitments of one of your guarantor's rounds (staff view, same figures as public)." })
  @ApiOkResponse({ type: CommitmentListDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  list(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<CommitmentListDto> {
    return this.commitments.staffList(user, roundId);
  }

  @Post('rounds/:roundId/commitments')
  @Roles('guarantor_admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a commitment of an institution of the (published) round. Audited.' })
  @ApiResponse({ status: 201, type: CommitmentDto })
  @ApiErrors(...WRITE_ERRORS, 'UNAUTHENTICATED', 'FORBIDDEN')
  create(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: StaffCommitmentInputDto,
  ): Promise<CommitmentDto> {
    return this.commitments.staffCreate(user, roundId, dto.institutionId, dto);
  }

  @Put('commitments/:commitmentId')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Replace a commitment (its milestones by position; a milestone with citizen verdicts cannot be removed). Audited with before/after.',
  })
  @ApiOkResponse({ type: CommitmentDto })
  @ApiErrors(...WRITE_ERRORS, 'UNAUTHENTICATED', 'FORBIDDEN')
  update(
    @CurrentUser() user: UserPrincipal,
    @Param('commitmentId', ParseUUIDPipe) commitmentId: string,
    @Body() dto: CommitmentInputDto,
  ): Promise<CommitmentDto> {
    return this.commitments.staffUpdate(user, commitmentId, dto);
  }

  @Post('rounds/:roundId/commitments/import')
  @Roles('guarantor_admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Create or update commitments from CSV (one row per milestone; rows name institutions by universe key). All or nothing: 422 COMMITMENTS_CSV_INVALID lists every row problem. Audited.',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiErrors(...WRITE_ERRORS, 'COMMITMENTS_CSV_INVALID', 'UNAUTHENTICATED', 'FORBIDDEN')
  import(
    @CurrentUser() user: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: CommitmentsCsvDto,
  ): Promise<ImportResultDto> {
    return this.commitments.staffImport(user, roundId, dto.csv);
  }
}

/** The institution's officer, with its invitation link of the published round. */
@ApiTags('respond')
@ApiSecurity('invitation')
@Controller('api/respond/commitments')
export class InstitutionCommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @InvitationAccess()
  @ApiOperation({ summary: "This institution's commitments in the invitation's round, with their progress." })
  @ApiOkResponse({ type: CommitmentListDto })
  @ApiErrors('INVALID_TOKEN', 'NOT_FOUND')
  list(@CurrentInvitation() inv: InvitationPrincipal): Promise<CommitmentListDto> {
    return this.commitments.institutionList(inv);
  }

  @Post()
  @InvitationAccess()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a commitment after the published round. Audited.' })
  @ApiResponse({ status: 201, type: CommitmentDto })
  @ApiErrors(...WRITE_ERRORS, 'INVALID_TOKEN')
  create(@CurrentInvitation() inv: InvitationPrincipal, @Body() dto: CommitmentInputDto): Promise<CommitmentDto> {
    return this.commitments.institutionCreate(inv, dto);
  }

  @Put(':commitmentId')
  @InvitationAccess()
  @ApiOperation({ summary: 'Update one of your commitments (e.g. declare a milestone met). Audited.' })
  @ApiOkResponse({ type: CommitmentDto })
  @ApiErrors(...WRITE_ERRORS, 'INVALID_TOKEN')
  update(
    @CurrentInvitation() inv: InvitationPrincipal,
    @Param('commitmentId', ParseUUIDPipe) commitmentId: string,
    @Body() dto: CommitmentInputDto,
  ): Promise<CommitmentDto> {
    return this.commitments.institutionUpdate(inv, commitmentId, dto);
  }

  @Post('import')
  @InvitationAccess()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create or update your commitments from CSV (no institution_key column needed).' })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiErrors(...WRITE_ERRORS, 'COMMITMENTS_CSV_INVALID', 'INVALID_TOKEN')
  import(@CurrentInvitation() inv: InvitationPrincipal, @Body() dto: CommitmentsCsvDto): Promise<ImportResultDto> {
    return this.commitments.institutionImport(inv, dto.csv);
  }
}

/** Validators: the milestones to verify on an assignment (verdicts go through PUT …/verdicts). */
@ApiTags('citizens')
@ApiBearerAuth()
@Roles('citizen_validator')
@UseGuards(VerifiedEmailGuard)
@Controller('api/citizens/assignments/:assignmentId/milestones')
export class MilestoneWorkController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @ApiOperation({
    summary:
      "Commitment milestones of the assigned institution to verify (claim kind 'milestone'): save verdicts with PUT /api/citizens/assignments/:id/verdicts using claimName.",
  })
  @ApiOkResponse({ type: MilestonesToVerifyDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'EMAIL_NOT_VERIFIED', 'NOT_ASSIGNED')
  list(
    @CurrentUser() user: UserPrincipal,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
  ): Promise<MilestonesToVerifyDto> {
    return this.commitments.toVerify(user.userId, assignmentId);
  }
}
