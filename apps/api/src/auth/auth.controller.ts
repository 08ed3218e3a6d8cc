import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ENV, Env } from '@apertura/config';
import { AuthErrors } from './auth.errors';
import { clearSessionCookie, crossSiteProblem, grantSessionCookie, readSessionCookie } from './session-cookie';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from './access.decorator';
import { AuthService } from './auth.service';
import {
  LoginDto,
  MeDto,
  PasswordResetConfirmDto,
  PasswordResetDoneDto,
  PasswordResetRequestDto,
  SessionDto,
} from './dto/login.dto';
import { PasswordResetService } from './password-reset';
import { AcceptedDto } from '../common/accepted.dto';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ROLES } from '@apertura/db';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Sign in with e-mail and password; returns a bearer token (JWT) and, to our own pages, the session cookie.',
    description:
      'After 5 wrong passwords from one client (address) that client waits 1, 2, 4 … 60 minutes (423 ACCOUNT_LOCKED); other clients are not affected. A password reset lifts every lock. ' +
      'A request from our own pages (Sec-Fetch-Site: same-origin, or a matching Origin) also gets the httpOnly session cookie (docs/security.md, "Sessions").',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DEACTIVATED', 'RATE_LIMITED')
  async login(
    @Body() dto: LoginDto,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const session = await this.auth.login(dto.email, dto.password, ip);
    grantSessionCookie(req, res, this.env, session.accessToken);
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'Sign out of the browser: clears the session cookie (Bearer clients simply forget their token).',
  })
  @ApiErrors('CSRF_REJECTED')
  logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    // Another site must not be able to sign a visitor out either.
    if (readSessionCookie(req, this.env) && crossSiteProblem(req, this.env)) {
      throw AuthErrors.csrfRejected();
    }
    clearSessionCookie(res, this.env);
  }

  @Post('password-reset')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary:
      'Ask for a password reset link by e-mail (every role). Always 202: never reveals whether the address has an account.',
    description:
      'The link (web page /restablecer/<token>) works once, for one hour; at most one mail per account per minute.',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiErrors('VALIDATION_FAILED', 'RATE_LIMITED')
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<AcceptedDto> {
    await this.resets.request(dto.email);
    return { accepted: true };
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link; ends older sessions and lifts sign-in locks.',
  })
  @ApiOkResponse({ type: PasswordResetDoneDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN', 'RATE_LIMITED')
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<PasswordResetDoneDto> {
    await this.resets.confirm(dto.token, dto.password);
    return { reset: true };
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account.' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors('UNAUTHENTICATED')
  me(@CurrentUser() user: UserPrincipal): Promise<MeDto> {
    return this.auth.me(user.userId);
  }
}
