import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { sendEncodedJson } from '../common/encoded-json';
import {
  ComparabilityDto,
  ComparabilityQueryDto,
  PublicRoundsQueryDto,
  AreaResultPageDto,
  AreaResultsQueryDto,
  InstitutionDistributionDto,
  InstitutionResultDetailDto,
  InstitutionResultPageDto,
  InstitutionResultsQueryDto,
  PublicRoundPageDto,
  ResultsSummaryDto,
} from './dto/results.dto';
import { ResultsAccess, ResultsService } from './results.service';

const PUBLIC: ResultsAccess = { kind: 'public' };

/** Published rounds, for anyone: the same DTOs as the staff routes; any other round is NOT_FOUND. */
@ApiTags('public results')
@Public()
@Controller('api/public')
export class PublicResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('rounds')
  @ApiOperation({
    summary:
      'Published rounds of every guarantor (or of one: `?guarantor=<slug>`), newest first; each says whether it is synthetic.',
  })
  @ApiOkResponse({ type: PublicRoundPageDto })
  @ApiErrors('VALIDATION_FAILED')
  rounds(@Query() q: PublicRoundsQueryDto): Promise<PublicRoundPageDto> {
    return this.results.publicRounds(q);
  }

  @Get('comparison')
  @ApiOperation({
    summary:
      'Whether two published rounds may be compared; `SYNTHETIC_MIXED` when one is the synthetic demo and the other real.',
  })
  @ApiOkResponse({ type: ComparabilityDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  comparison(@Query() q: ComparabilityQueryDto): Promise<ComparabilityDto> {
    return this.results.comparability(PUBLIC, q.a, q.b);
  }

  @Get('rounds/:roundId/results/summary')
  @ApiOperation({ summary: 'National values of a published round (see the staff route).' })
  @ApiOkResponse({ type: ResultsSummaryDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  summary(@Param('roundId', ParseUUIDPipe) roundId: string): Promise<ResultsSummaryDto> {
    return this.results.summary(PUBLIC, roundId);
  }

  @Get('rounds/:roundId/results/institutions')
  @ApiOperation({ summary: 'Institutions of a published round with their headline (or requested) indicator.' })
  @ApiOkResponse({ type: InstitutionResultPageDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  institutions(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() q: InstitutionResultsQueryDto,
  ): Promise<InstitutionResultPageDto> {
    return this.results.institutions(PUBLIC, roundId, q);
  }

  @Get('rounds/:roundId/results/distribution')
  @ApiOperation({
    summary: 'Headline, T and P of every institution of a published round, as columns (the overview charts).',
  })
  @ApiOkResponse({ type: InstitutionDistributionDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async distribution(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // Kept encoded per round (ResultsService.distributionDocument): the same JSON as the DTO.
    await sendEncodedJson(req, res, await this.results.distributionDocument(PUBLIC, roundId));
  }

  @Get('rounds/:roundId/results/institutions/:institutionId')
  @ApiOperation({ summary: 'One institution of a published round: indicators, components, inputs and provenance.' })
  @ApiOkResponse({ type: InstitutionResultDetailDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  institution(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<InstitutionResultDetailDto> {
    return this.results.institution(PUBLIC, roundId, institutionId);
  }

  @Get('rounds/:roundId/results/areas')
  @ApiOperation({ summary: 'Area values of a published round.' })
  @ApiOkResponse({ type: AreaResultPageDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  areas(@Param('roundId', ParseUUIDPipe) roundId: string, @Query() q: AreaResultsQueryDto): Promise<AreaResultPageDto> {
    return this.results.areas(PUBLIC, roundId, q);
  }
}
