import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { InvitationAccess, Roles } from '../auth/access.decorator';
import { CurrentInvitation, CurrentUser, InvitationPrincipal, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  InvitationItemDto,
  InvitationPageDto,
  InvitationProgressDto,
  ListInvitationsQueryDto,
  OpenedInvitationDto,
  ProgressQueryDto,
  ReissueLinkDto,
  ReissuedLinkDto,
  ReminderSettingsDto,
  ReminderSettingsResultDto,
  RemindersDto,
  RemindersResultDto,
  ResendResultDto,
  UpdateInvitationEmailDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('api/rounds/:id')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('reminders')
  @HttpCode(202)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Queue a reminder e-mail to every invited institution of an open round that has not submitted (optionally a subset).',
  })
  @ApiAcceptedResponse({ type: RemindersResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_OPEN')
  remind(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Body() dto: RemindersDto,
  ): Promise<RemindersResultDto> {
    return this.invitations.remind(actor, roundId, dto.institutionIds);
  }

  @Get('invitations/progress')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Invitation progress (invited, mailed, opened, draft, submitted): totals, per state and per municipality (paginated).',
  })
  @ApiOkResponse({ type: InvitationProgressDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  progress(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Query() q: ProgressQueryDto,
  ): Promise<InvitationProgressDto> {
    return this.invitations.progress(actor, roundId, q);
  }

  @Get('invitations')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Invited institutions with their status, filtered by status, state or municipality.' })
  @ApiOkResponse({ type: InvitationPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  list(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Query() q: ListInvitationsQueryDto,
  ): Promise<InvitationPageDto> {
    return this.invitations.list(actor, roundId, q);
  }

  @Post('invitations/:institutionId/revoke-and-reissue')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Revoke an institution's invitation link and mail a new one (audited). The old link stops working at once.",
  })
  @ApiCreatedResponse({ type: InvitationItemDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_OPEN')
  reissue(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<InvitationItemDto> {
    return this.invitations.revokeAndReissue(actor, roundId, institutionId);
  }

  @Post('invitations/:institutionId/resend')
  @HttpCode(202)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Mail an institution's current invitation link again (same link; audited). Refused when the link was revoked.",
  })
  @ApiAcceptedResponse({ type: ResendResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_OPEN', 'INVITATION_REVOKED')
  resend(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<ResendResultDto> {
    return this.invitations.resend(actor, roundId, institutionId);
  }

  @Post('invitations/:institutionId/reissue')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Revoke an institution's link (if active) and issue a new one, returned in this response only (audited); mailed when sendMail is true.",
  })
  @ApiCreatedResponse({ type: ReissuedLinkDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_OPEN')
  reissueLink(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: ReissueLinkDto,
  ): Promise<ReissuedLinkDto> {
    return this.invitations.reissueLink(actor, roundId, institutionId, dto.sendMail ?? false);
  }

  @Patch('invitations/:institutionId')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: "Correct the institution's e-mail address for this round (the universe keeps its own; audited).",
  })
  @ApiOkResponse({ type: InvitationItemDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVITATION_REVOKED')
  updateEmail(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: UpdateInvitationEmailDto,
  ): Promise<InvitationItemDto> {
    return this.invitations.updateEmail(actor, roundId, institutionId, dto.email);
  }

  @Post('invitations/:institutionId/revoke')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Revoke an institution's invitation link (it stops working at once; audited). A new link can be re-issued later.",
  })
  @ApiOkResponse({ type: InvitationItemDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVITATION_REVOKED')
  revoke(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<InvitationItemDto> {
    return this.invitations.revoke(actor, roundId, institutionId);
  }

  @Get('reminder-settings')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Scheduled reminders of the round: enabled, minimum days between mails, maximum reminders per institution.',
  })
  @ApiOkResponse({ type: ReminderSettingsResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  reminderSettings(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
  ): Promise<ReminderSettingsResultDto> {
    return this.invitations.reminderSettings(actor, roundId);
  }

  @Put('reminder-settings')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Set the scheduled reminders of the round (audited). The worker mails institutions that have not submitted while the round is open.',
  })
  @ApiOkResponse({ type: ReminderSettingsResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_CLOSED')
  updateReminderSettings(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Body() dto: ReminderSettingsDto,
  ): Promise<ReminderSettingsResultDto> {
    return this.invitations.updateReminderSettings(actor, roundId, dto);
  }
}

@ApiTags('respond')
@ApiSecurity('invitation')
@Controller('api/respond')
export class RespondOpenController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('open')
  @HttpCode(200)
  @InvitationAccess()
  @ApiOperation({
    summary:
      'Called when an institution opens its invitation link (header X-Invitation-Token): records the first opening and describes the round.',
  })
  @ApiOkResponse({ type: OpenedInvitationDto })
  @ApiErrors('INVALID_TOKEN')
  open(@CurrentInvitation() inv: InvitationPrincipal): Promise<OpenedInvitationDto> {
    return this.invitations.open(inv);
  }
}
