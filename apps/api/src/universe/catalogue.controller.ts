import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CatalogueService } from './catalogue.service';
import { MunicipalitiesDto, MunicipalitiesQueryDto, StatesDto } from './dto/catalogue.dto';

/** The geographic catalogue is public data (CONAPO 2020) and never changes while the server runs. */
@ApiTags('catalogue')
@Controller('api/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('states')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The 32 states with their number of municipalities and population (CONAPO 2020).' })
  @ApiOkResponse({ type: StatesDto })
  states(): Promise<StatesDto> {
    return this.catalogue.states();
  }

  @Get('municipalities')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Municipalities of a state (or all 2,469) with population and marginalisation degree (CONAPO 2020).',
  })
  @ApiOkResponse({ type: MunicipalitiesDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  municipalities(@Query() q: MunicipalitiesQueryDto): Promise<MunicipalitiesDto> {
    return this.catalogue.municipalities(q.cveEnt);
  }
}
