import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { InvitationAccess, Roles } from '../auth/access.decorator';
import { CurrentInvitation, CurrentUser, InvitationPrincipal, UserPrincipal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  InvitationItemDto,
  InvitationPageDto,
  InvitationProgressDto,
  ListInvitationsQueryDto,
  OpenedInvitationDto,
  ProgressQueryDto,
  RemindersDto,
  RemindersResultDto,
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
  @ApiOperation({ summary: 'Queue a reminder e-mail to every invited institution of an open round that has not submitted (optionally a subset).' })
  @ApiAcceptedResponse({ type: RemindersResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_OPEN')
  remind(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) roundId: string, @Body() dto: RemindersDto): Promise<RemindersResultDto> {
    return this.invitations.remind(actor, roundId, dto.institutionIds);
  }

  @Get('invitations/progress')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Invitation progress (invited, mailed, opened, draft, submitted): totals, per state and per municipality (paginated).' })
  @ApiOkResponse({ type: InvitationProgressDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  progress(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) roundId: string, @Query() q: ProgressQueryDto): Promise<InvitationProgressDto> {
    return this.invitations.progress(actor, roundId, q);
  }

  @Get('invitations')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Invited institutions with their status, filtered by status, state or municipality.' })
  @ApiOkResponse({ type: InvitationPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  list(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) roundId: string, @Query() q: ListInvitationsQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(actor, roundId, q);
  }

  @Post('invitations/:institutionId/revoke-and-reissue')
  @Roles('guarantor_admin')
  @ApiOperation({ summary: "Revoke an institution's invitation link and mail a new one (audited). The old link stops working at once." })
  @ApiCreatedResponse({ type: InvitationItemDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUND_NOT_OPEN')
  reissue(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<InvitationItemDto> {
    return this.invitations.revokeAndReissue(actor, roundId, institutionId);
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
  @ApiOperation({ summary: 'Called when an institution opens its invitation link (header X-Invitation-Token): records the first opening and describes the round.' })
  @ApiOkResponse({ type: OpenedInvitationDto })
  @ApiErrors('INVALID_TOKEN')
  open(@CurrentInvitation() inv: InvitationPrincipal): Promise<OpenedInvitationDto> {
    return this.invitations.open(inv);
  }
}
