import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ENV, Env } from '@apertura/config';
import { AuthService } from '../../auth/auth.service';
import { grantSessionCookie } from '../../auth/session-cookie';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/access.decorator';
import { ApiErrors } from '../../common/api-errors.decorator';
import { AcceptedDto } from '../../common/accepted.dto';
import { RegisterValidatorDto, ResendVerificationDto, VerifiedDto, VerifyEmailDto } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('citizens')
@Controller('api/citizens')
export class RegistrationController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly auth: AuthService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Post('register')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Register as a citizen validator; sends a verification e-mail.',
    description:
      'Always 202 `{ accepted: true }`, whether or not the address already has an account (no enumeration): a new address gets the ' +
      'verification mail, an existing one a notice to its owner (with the password-reset route). See docs/citizen-api.md.',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiErrors('VALIDATION_FAILED', 'RATE_LIMITED')
  async register(@Body() dto: RegisterValidatorDto): Promise<AcceptedDto> {
    await this.registration.register(dto);
    return { accepted: true };
  }

  @Post('verify')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Confirm the e-mail address with the token of the verification link (single use, 48 h); the validator lands signed in.',
    description:
      'Answers with a session like /api/auth/login (and the session cookie to our own pages): following the link proves control of the address.',
  })
  @ApiOkResponse({ type: VerifiedDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN')
  async verify(
    @Body() dto: VerifyEmailDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerifiedDto> {
    const { userId } = await this.registration.verify(dto.token);
    const session = await this.auth.issue(userId);
    grantSessionCookie(req, res, this.env, session.accessToken);
    return { verified: true, session };
  }

  @Post('resend-verification')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Send a new verification e-mail. Always 202: never reveals whether the address is registered.',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiErrors('VALIDATION_FAILED', 'RATE_LIMITED')
  async resend(@Body() dto: ResendVerificationDto): Promise<AcceptedDto> {
    await this.registration.resend(dto.email);
    return { accepted: true };
  }
}
