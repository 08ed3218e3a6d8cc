import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { OperatorDto, UpdateOperatorDto } from '../cosign/dto/cosign.dto';
import { OperatorService } from './operator.service';

@ApiTags('operator')
@ApiBearerAuth()
@Controller('api/operator')
export class OperatorController {
  constructor(private readonly operator: OperatorService) {}

  @Get()
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "The caller's operator: public name and kind." })
  @ApiOkResponse({ type: OperatorDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  get(@CurrentUser() actor: UserPrincipal): Promise<OperatorDto> {
    return this.operator.get(actor);
  }

  @Patch()
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      'Change the public name and kind (guarantor body, transparency authority, comptroller, civil society, academia) shown on public pages (audited).',
  })
  @ApiOkResponse({ type: OperatorDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  update(@CurrentUser() actor: UserPrincipal, @Body() dto: UpdateOperatorDto): Promise<OperatorDto> {
    return this.operator.update(actor, dto);
  }
}

@ApiTags('operator')
@Controller('api/public/operators')
export class PublicOperatorController {
  constructor(private readonly operator: OperatorService) {}

  @Get(':slug')
  @Public()
  @ApiOperation({ summary: 'An operator by its slug: public name and kind.' })
  @ApiOkResponse({ type: OperatorDto })
  @ApiErrors('NOT_FOUND')
  get(@Param('slug') slug: string): Promise<OperatorDto> {
    return this.operator.publicBySlug(slug);
  }
}
