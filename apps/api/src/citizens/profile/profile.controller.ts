import { Body, Controller, Get, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../../common/principal';
import { ApiErrors } from '../../common/api-errors.decorator';
import {
  ConflictsDto,
  InstitutionSearchPageDto,
  InstitutionSearchQueryDto,
  UpdateProfileDto,
  ValidatorProfileDto,
} from './dto/profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('citizens')
@ApiBearerAuth()
@Controller('api/citizens')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('me')
  @Roles('citizen_validator')
  @ApiOperation({
    summary:
      'Own validator profile (with e-mail and declared conflicts of interest). Works before e-mail verification.',
  })
  @ApiOkResponse({ type: ValidatorProfileDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  me(@CurrentUser() user: UserPrincipal): Promise<ValidatorProfileDto> {
    return this.profiles.me(user.userId);
  }

  @Patch('me')
  @Roles('citizen_validator')
  @ApiOperation({ summary: 'Change display name or municipality of residence (null clears).' })
  @ApiOkResponse({ type: ValidatorProfileDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN')
  update(@CurrentUser() user: UserPrincipal, @Body() dto: UpdateProfileDto): Promise<ValidatorProfileDto> {
    return this.profiles.update(user.userId, dto);
  }

  @Put('me/conflicts')
  @Roles('citizen_validator')
  @ApiOperation({
    summary: 'Declare conflicts of interest (institutions where you work), each with a reason; replaces the set.',
    description:
      'Those institutions are never assigned to you; active assignments of them are expired. No open round may see more than its maxConflicts of them (400 TOO_MANY_CONFLICTS); a missing reason is 400 CONFLICT_REASON_REQUIRED.',
  })
  @ApiOkResponse({ type: ValidatorProfileDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'CONFLICT_REASON_REQUIRED',
    'TOO_MANY_CONFLICTS',
    'NOT_FOUND',
    'UNAUTHENTICATED',
    'FORBIDDEN',
  )
  setConflicts(@CurrentUser() user: UserPrincipal, @Body() dto: ConflictsDto): Promise<ValidatorProfileDto> {
    return this.profiles.setConflicts(user.userId, dto);
  }

  @Get('institutions')
  @Roles('citizen_validator')
  @ApiOperation({ summary: 'Search obliged subjects (public facts only), e.g. to declare conflicts of interest.' })
  @ApiOkResponse({ type: InstitutionSearchPageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN')
  institutions(@Query() q: InstitutionSearchQueryDto): Promise<InstitutionSearchPageDto> {
    return this.profiles.searchInstitutions(q);
  }
}
