import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { TrendDto, TrendQueryDto } from './dto/trends.dto';
import { TrendsService } from './trends.service';

/** Trends over published rounds, for anyone (only published rounds are read). */
@ApiTags('public results')
@Public()
@Controller('api/public')
export class PublicTrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Get('trends')
  @ApiOperation({
    summary:
      'One unit (institution, municipality, state or national) and indicator over every published round of a guarantor, oldest window first: estimate, interval, status, reasons and method per round. Points of another method version than the newest are flagged and never joined by a line; synthetic and real rounds are never mixed.',
  })
  @ApiOkResponse({ type: TrendDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  trend(@Query() q: TrendQueryDto): Promise<TrendDto> {
    return this.trends.trend(q);
  }
}
