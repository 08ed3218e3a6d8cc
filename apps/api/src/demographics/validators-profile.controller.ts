import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { guarantorOf } from '../common/guarantor-of';
import { ValidatorsProfileDto } from './dto/demographics.dto';
import { ValidatorsProfileService } from './validators-profile.service';

const WHAT =
  'Counts and shares per category of the optional demographics of the people who validated in the round, with small-cell ' +
  'suppression (cells under k, and complementary cells, are null), beside the census population by municipality type; ' +
  'and, as a sensitivity check beside (never instead of) the published values, the round I, TC and PC re-weighted to the ' +
  'population by municipality type (withheld while the round is open or when strata are too small).';

@ApiTags('results')
@Controller('api')
export class ValidatorsProfileController {
  constructor(private readonly profiles: ValidatorsProfileService) {}

  @Get('public/rounds/:roundId/validators-profile')
  @Public()
  @ApiOperation({ summary: "Published round: the validators' aggregate profile.", description: WHAT })
  @ApiOkResponse({ type: ValidatorsProfileDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  publicProfile(@Param('roundId', ParseUUIDPipe) roundId: string): Promise<ValidatorsProfileDto> {
    return this.profiles.profile(roundId, null);
  }

  @Get('rounds/:roundId/validators-profile')
  @ApiBearerAuth()
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary: "A round of the caller's guarantor (any status): the validators' aggregate profile.",
    description: WHAT,
  })
  @ApiOkResponse({ type: ValidatorsProfileDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  profile(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<ValidatorsProfileDto> {
    return this.profiles.profile(roundId, guarantorOf(actor));
  }
}
