import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/access.decorator';
import { ApiErrors } from '../../common/api-errors.decorator';
import { AcceptedDto } from '../dto/common.dto';
import { RegisterValidatorDto, ResendVerificationDto, VerifiedDto, VerifyEmailDto } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('citizens')
@Controller('api/citizens')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

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
  @ApiOperation({ summary: 'Confirm the e-mail address with the token of the verification link (single use, 48 h).' })
  @ApiOkResponse({ type: VerifiedDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN')
  verify(@Body() dto: VerifyEmailDto): Promise<VerifiedDto> {
    return this.registration.verify(dto.token);
  }

  @Post('resend-verification')
  @HttpCode(202)
  @Public()
  @ApiOperation({ summary: 'Send a new verification e-mail. Always 202: never reveals whether the address is registered.' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiErrors('VALIDATION_FAILED', 'RATE_LIMITED')
  async resend(@Body() dto: ResendVerificationDto): Promise<AcceptedDto> {
    await this.registration.resend(dto.email);
    return { accepted: true };
  }
}
