import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from './access.decorator';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, SessionDto } from './dto/login.dto';
import { CurrentUser, UserPrincipal } from './principal';
import { ROLES } from '@apertura/db';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in with e-mail and password; returns a bearer token (JWT).' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'RATE_LIMITED')
  login(@Body() dto: LoginDto): Promise<SessionDto> {
    return this.auth.login(dto.email, dto.password);
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
