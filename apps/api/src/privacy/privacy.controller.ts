import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { EraseSelfDto, ErasureResultDto } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

const WHAT =
  'E-mail, password, display name, municipality of residence, declared conflicts and verification tokens are erased; the pseudonym, ' +
  'verdicts and citizen reports stay (published results do not change). Active assignments expire. The account can no longer sign in.';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Delete('citizens/me')
  @HttpCode(200)
  @Roles('citizen_validator')
  @ApiOperation({
    summary: 'Delete your validator account and personal data (confirm with your password).',
    description: WHAT,
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_CREDENTIALS')
  eraseSelf(@CurrentUser() user: UserPrincipal, @Body() dto: EraseSelfDto): Promise<ErasureResultDto> {
    return this.privacy.eraseSelf(user, dto.password);
  }

  @Post('privacy/validators/:userId/erase')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Erase a validator's personal data on their request (validators who worked on the caller's rounds; audited; idempotent).",
    description: WHAT,
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  erase(
    @CurrentUser() actor: UserPrincipal,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<ErasureResultDto> {
    return this.privacy.eraseByGuarantor(actor, userId);
  }
}
