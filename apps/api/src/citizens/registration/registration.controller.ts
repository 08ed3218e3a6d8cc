import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/access.decorator';
import { ApiErrors } from '../../common/api-errors.decorator';
import { AcceptedDto } from '../dto/common.dto';
import { RegisteredDto, RegisterValidatorDto, ResendVerificationDto, VerifiedDto, VerifyEmailDto } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('citizens')
@Controller('api/citizens')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post('register')
  @Public()
  @ApiOperation({
    summary: 'Register as a citizen validator; sends a verification e-mail.',
    description: 'An address already registered answers 409 EMAIL_TAKEN (see docs/citizen-api.md for the reasoning).',
  })
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_TAKEN', 'RATE_LIMITED')
  register(@Body() dto: RegisterValidatorDto): Promise<RegisteredDto> {
    return this.registration.register(dto);
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
