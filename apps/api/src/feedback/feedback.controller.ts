import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  CreateReportDto,
  PublicReportDto,
  ReportQueueQueryDto,
  ReportReceiptDto,
  StaffReportDto,
  TriageReportDto,
} from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

/** Anyone: report an error in a published round, follow its status. */
@ApiTags('public feedback')
@Controller('api/public')
export class PublicFeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('rounds/:roundId/reports')
  @Public()
  @ApiOperation({
    summary:
      'Report an error in a published value or evidence link (no account). 5 per hour per connection, 200 per hour per round; ' +
      'the optional contact address is private and never mailed automatically. Answers with the public status page.',
  })
  @ApiCreatedResponse({ type: ReportReceiptDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE')
  create(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: CreateReportDto,
    @Req() req: Request,
  ): Promise<ReportReceiptDto> {
    return this.feedback.create(roundId, dto, req.ip ?? 'unknown');
  }

  @Get('rounds/:roundId/reports')
  @Public()
  @ApiOperation({
    summary: 'Reports on a published round with their status and public reply (newest 500; no reporter data).',
  })
  @ApiOkResponse({ type: [PublicReportDto] })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  list(@Param('roundId', ParseUUIDPipe) roundId: string): Promise<PublicReportDto[]> {
    return this.feedback.publicList(roundId);
  }

  @Get('reports/:id')
  @Public()
  @ApiOperation({ summary: 'Public status of one report: what was reported, its status and the public reply.' })
  @ApiOkResponse({ type: PublicReportDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  status(@Param('id', ParseUUIDPipe) id: string): Promise<PublicReportDto> {
    return this.feedback.publicStatus(id);
  }
}

/** The operator's queue. */
@ApiTags('public feedback')
@ApiBearerAuth()
@Controller('api/feedback')
export class StaffFeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get()
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "The operator's queue of public reports (open first), with the private contact address." })
  @ApiOkResponse({ type: [StaffReportDto] })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  queue(@CurrentUser() actor: UserPrincipal, @Query() q: ReportQueueQueryDto): Promise<StaffReportDto[]> {
    return this.feedback.queue(actor, q);
  }

  @Patch(':id')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Triage a report: open → acknowledged → fixed | rejected (409 REPORT_TRANSITION_INVALID otherwise). Closing needs a public reply (audited).',
  })
  @ApiOkResponse({ type: StaffReportDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'REPORT_TRANSITION_INVALID',
    'REPORT_REPLY_REQUIRED',
  )
  triage(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TriageReportDto,
  ): Promise<StaffReportDto> {
    return this.feedback.triage(actor, id, dto);
  }
}
