import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ENV, Env } from '@apertura/config';
import { Public, Roles } from '../auth/access.decorator';
import { AuthService } from '../auth/auth.service';
import { SessionDto } from '../auth/dto/login.dto';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { grantSessionCookie } from '../auth/session-cookie';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  AcceptStaffInviteDto,
  CreateUserDto,
  InviteUserDto,
  StaffInviteInfoDto,
  StaffInviteTokenDto,
  UpdateRoleDto,
  UserDto,
} from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Create a staff account (admin or analyst) in the caller's guarantor, with a password chosen by the admin. The console invites by e-mail instead.",
  })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_TAKEN', 'FORBIDDEN')
  create(@CurrentUser() actor: UserPrincipal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: "Staff accounts of the caller's guarantor, with their status (active, invited, deactivated).",
  })
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentUser() actor: UserPrincipal): Promise<UserDto[]> {
    return this.users.list(actor);
  }

  @Post('invite')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Invite an analyst or admin by e-mail: a single-use link, valid 7 days, lets them choose a password (audited).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_TAKEN', 'FORBIDDEN')
  invite(@CurrentUser() actor: UserPrincipal, @Body() dto: InviteUserDto): Promise<UserDto> {
    return this.users.invite(actor, dto);
  }

  @Post(':userId/resend-invite')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Send a new invitation link to an invitee without a password; earlier links stop working (audited).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN')
  resendInvite(@CurrentUser() actor: UserPrincipal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.resendInvite(actor, userId);
  }

  @Patch(':userId/role')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Change the role of a staff account (audited). Never leaves the guarantor without an active admin (409 LAST_ADMIN).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'LAST_ADMIN')
  changeRole(
    @CurrentUser() actor: UserPrincipal,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: UpdateRoleDto,
  ): Promise<UserDto> {
    return this.users.changeRole(actor, userId, dto.role);
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Deactivate a staff account: it cannot sign in and its open sessions stop at once (audited). Never the guarantor's last active admin (409 LAST_ADMIN).",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'LAST_ADMIN')
  deactivate(@CurrentUser() actor: UserPrincipal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.deactivate(actor, userId);
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'Reactivate a deactivated staff account (audited).' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN')
  reactivate(@CurrentUser() actor: UserPrincipal, @Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.users.reactivate(actor, userId);
  }
}

/** The invitee's side of a staff invitation (the link's token is the credential). */
@ApiTags('auth')
@Controller('api/auth/staff-invite')
export class StaffInviteController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Post()
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'What a staff invitation link is for (address, role, guarantor); does not spend the link.' })
  @ApiOkResponse({ type: StaffInviteInfoDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'RATE_LIMITED')
  inspect(@Body() dto: StaffInviteTokenDto): Promise<StaffInviteInfoDto> {
    return this.users.inspectInvite(dto.token);
  }

  @Post('accept')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Choose the password with the token of a staff invitation link; the invitee lands signed in (session cookie to our pages).',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'RATE_LIMITED')
  async accept(
    @Body() dto: AcceptStaffInviteDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const userId = await this.users.acceptInvite(dto.token, dto.password, dto.displayName);
    const session = await this.auth.issue(userId);
    grantSessionCookie(req, res, this.env, session.accessToken);
    return session;
  }
}
