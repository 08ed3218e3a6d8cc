import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { MyDemographicsDto, SaveDemographicsDto } from './dto/demographics.dto';
import { DemographicsService } from './demographics.service';

const PURPOSE =
  'Optional. Used only for aggregate statistics of who validates (with small-cell suppression); never shown or exported per person.';

@ApiTags('citizens')
@ApiBearerAuth()
@Controller('api/citizens/me/demographics')
export class DemographicsController {
  constructor(private readonly demographics: DemographicsService) {}

  @Get()
  @Roles('citizen_validator')
  @ApiOperation({ summary: 'Your own optional demographics (null answers when not given).', description: PURPOSE })
  @ApiOkResponse({ type: MyDemographicsDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  mine(@CurrentUser() user: UserPrincipal): Promise<MyDemographicsDto> {
    return this.demographics.mine(user.userId);
  }

  @Put()
  @Roles('citizen_validator')
  @ApiOperation({
    summary: 'Give or change your demographics, with explicit consent (every question has prefer_not_to_say).',
    description: PURPOSE,
  })
  @ApiOkResponse({ type: MyDemographicsDto })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN')
  save(@CurrentUser() user: UserPrincipal, @Body() dto: SaveDemographicsDto): Promise<MyDemographicsDto> {
    return this.demographics.save(user, dto);
  }

  @Delete()
  @HttpCode(200)
  @Roles('citizen_validator')
  @ApiOperation({ summary: 'Withdraw consent: your demographics are deleted at once (idempotent).' })
  @ApiOkResponse({ type: MyDemographicsDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  withdraw(@CurrentUser() user: UserPrincipal): Promise<MyDemographicsDto> {
    return this.demographics.withdraw(user);
  }
}
