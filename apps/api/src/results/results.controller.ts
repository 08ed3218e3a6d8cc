import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { sendEncodedJson } from '../common/encoded-json';
import { guarantorOf } from '../common/guarantor-of';
import {
  AreaResultPageDto,
  AreaResultsQueryDto,
  InstitutionDistributionDto,
  InstitutionResultDetailDto,
  InstitutionResultPageDto,
  InstitutionResultsQueryDto,
  RecomputeAcceptedDto,
  RecomputeRunDto,
  ResultsSummaryDto,
} from './dto/results.dto';
import { RecomputeService } from './recompute.service';
import { ResultsAccess, ResultsService } from './results.service';

const staff = (actor: UserPrincipal): ResultsAccess => ({ kind: 'staff', guarantorId: guarantorOf(actor) });
const READ_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND'] as const;

/** Results of a round of the caller's guarantor (any status). Reads stored results only: a GET never recomputes. */
@ApiTags('results')
@ApiBearerAuth()
@Controller('api/rounds/:roundId')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly recompute: RecomputeService,
  ) {}

  @Get('results/summary')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'National value of every indicator (three aggregations) with uncertainty, status, coverage, method and watermark.',
  })
  @ApiOkResponse({ type: ResultsSummaryDto })
  @ApiErrors(...READ_ERRORS)
  summary(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<ResultsSummaryDto> {
    return this.results.summary(staff(actor), roundId);
  }

  @Get('results/institutions')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'One row per institution of the universe with its headline (or the requested) indicator; filtered, sorted, paginated.',
  })
  @ApiOkResponse({ type: InstitutionResultPageDto })
  @ApiErrors(...READ_ERRORS)
  institutions(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() q: InstitutionResultsQueryDto,
  ): Promise<InstitutionResultPageDto> {
    return this.results.institutions(staff(actor), roundId, q);
  }

  @Get('results/distribution')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Headline, T and P of every institution of the round, as columns (one array per field, ordered by name): what the overview charts draw.',
  })
  @ApiOkResponse({ type: InstitutionDistributionDto })
  @ApiErrors(...READ_ERRORS)
  async distribution(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // Kept encoded per round (ResultsService.distributionDocument): the same JSON as the DTO.
    await sendEncodedJson(req, res, await this.results.distributionDocument(staff(actor), roundId));
  }

  @Get('results/institutions/:institutionId')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Every indicator of an institution, its components, the inputs that produced them (s and s′ per item, verification counts, citizen report counts, evidence) and their provenance.',
  })
  @ApiOkResponse({ type: InstitutionResultDetailDto })
  @ApiErrors(...READ_ERRORS)
  institution(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<InstitutionResultDetailDto> {
    return this.results.institution(staff(actor), roundId, institutionId);
  }

  @Get('results/areas')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'Values by municipality, state, national, level of government or institution type, with uncertainty, status and coverage.',
  })
  @ApiOkResponse({ type: AreaResultPageDto })
  @ApiErrors(...READ_ERRORS)
  areas(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Query() q: AreaResultsQueryDto,
  ): Promise<AreaResultPageDto> {
    return this.results.areas(staff(actor), roundId, q);
  }

  @Post('recompute')
  @HttpCode(202)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: "Rebuild all of the round's results from its inputs (asynchronous); follow it with GET recompute/{runId}.",
  })
  @ApiAcceptedResponse({ type: RecomputeAcceptedDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  request(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
  ): Promise<RecomputeAcceptedDto> {
    return this.recompute.request(actor, roundId);
  }

  @Get('recompute/:runId')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Progress of a rebuild: queued → running (0–100) → done (with its watermark) or failed.' })
  @ApiOkResponse({ type: RecomputeRunDto })
  @ApiErrors(...READ_ERRORS)
  run(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<RecomputeRunDto> {
    return this.results.run(guarantorOf(actor), roundId, runId);
  }
}
