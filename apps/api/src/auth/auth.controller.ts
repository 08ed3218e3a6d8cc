import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from './access.decorator';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, PasswordResetConfirmDto, PasswordResetDoneDto, PasswordResetRequestDto, SessionDto } from './dto/login.dto';
import { PasswordResetService } from './password-reset';
import { AcceptedDto } from '../citizens/dto/common.dto';
import { CurrentUser, UserPrincipal } from './principal';
import { ROLES } from '@apertura/db';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in with e-mail and password; returns a bearer token (JWT).',
    description: 'After 5 wrong passwords from one client (address) that client waits 1, 2, 4 … 60 minutes (423 ACCOUNT_LOCKED); other clients are not affected. A password reset lifts every lock.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'RATE_LIMITED')
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<SessionDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Post('password-reset')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Ask for a password reset link by e-mail (every role). Always 202: never reveals whether the address has an account.',
    description: 'The link (web page /restablecer/<token>) works once, for one hour; at most one mail per account per minute.',
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
  @ApiOperation({ summary: 'Set a new password with the token of a reset link; ends older sessions and lifts sign-in locks.' })
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
