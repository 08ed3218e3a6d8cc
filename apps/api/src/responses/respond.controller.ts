import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvitationAccess } from '../auth/access.decorator';
import { CurrentInvitation, InvitationPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  CopyQueryDto,
  DraftSavedDto,
  PreviousRoundDto,
  RespondContextDto,
  SaveDraftDto,
  SubmitDto,
  SubmitResultDto,
  SubmittedCopyDto,
  VersionSummaryDto,
} from './dto/respond.dto';
import { ResponsesService } from './responses.service';

/** The institution's side of a round, reached with its invitation link (one round, one institution). */
@ApiTags('respond')
@ApiSecurity('invitation')
@Controller('api/respond')
export class RespondController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('context')
  @InvitationAccess()
  @ApiOperation({ summary: 'Round, institution, questionnaire, saved answers and evidence of this invitation.' })
  @ApiResponse({ status: 200, type: RespondContextDto })
  @ApiErrors('INVALID_TOKEN', 'NOT_FOUND')
  context(@CurrentInvitation() inv: InvitationPrincipal): Promise<RespondContextDto> {
    return this.responses.context(inv);
  }

  @Put('draft')
  @InvitationAccess()
  @ApiOperation({
    summary:
      'Autosave the working copy: every valid answer is kept, answers not valid yet are reported per question (types and unknown keys still refuse the whole draft).',
  })
  @ApiResponse({ status: 200, type: DraftSavedDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'INVALID_TOKEN',
    'SUBMISSION_INVALID',
    'ROUND_NOT_OPEN',
    'ROUND_CLOSED',
  )
  saveDraft(@CurrentInvitation() inv: InvitationPrincipal, @Body() dto: SaveDraftDto): Promise<DraftSavedDto> {
    return this.responses.saveDraft(inv, dto);
  }

  @Post('submit')
  @InvitationAccess()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Submit (or amend) the self-report. The same idempotencyKey again answers 200 with the same version.',
  })
  @ApiResponse({ status: 201, type: SubmitResultDto, description: 'New version stored.' })
  @ApiResponse({
    status: 200,
    type: SubmitResultDto,
    description: 'Replay of an earlier submission with the same key.',
  })
  @ApiErrors(
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'INVALID_TOKEN',
    'SUBMISSION_INVALID',
    'IDEMPOTENCY_MISMATCH',
    'VERSION_LIMIT_REACHED',
    'ROUND_NOT_OPEN',
    'ROUND_CLOSED',
  )
  async submit(
    @CurrentInvitation() inv: InvitationPrincipal,
    @Body() dto: SubmitDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmitResultDto> {
    const outcome = await this.responses.submit(inv, dto);
    if (!outcome.created) res.status(200);
    return outcome.result;
  }

  @Get('copy')
  @InvitationAccess()
  @ApiOperation({
    summary:
      'A submitted version (latest unless `version` is given) for the printable copy: folio, answers, questionnaire, evidence.',
  })
  @ApiResponse({ status: 200, type: SubmittedCopyDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'NOT_FOUND')
  copy(@CurrentInvitation() inv: InvitationPrincipal, @Query() query: CopyQueryDto): Promise<SubmittedCopyDto> {
    return this.responses.copy(inv, query.version);
  }

  @Get('previous')
  @InvitationAccess()
  @ApiOperation({
    summary:
      "This institution's answers to the previous round of the same guarantor, limited to this questionnaire's questions (a starting point; nothing is saved).",
  })
  @ApiResponse({ status: 200, type: PreviousRoundDto })
  @ApiErrors('INVALID_TOKEN', 'NOT_FOUND')
  previous(@CurrentInvitation() inv: InvitationPrincipal): Promise<PreviousRoundDto> {
    return this.responses.previous(inv);
  }

  @Get('versions')
  @InvitationAccess()
  @ApiOperation({ summary: 'Submitted versions of this self-report, oldest first.' })
  @ApiResponse({ status: 200, type: [VersionSummaryDto] })
  @ApiErrors('INVALID_TOKEN')
  versions(@CurrentInvitation() inv: InvitationPrincipal): Promise<VersionSummaryDto[]> {
    return this.responses.versions(inv);
  }
}
