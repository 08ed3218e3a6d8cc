import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { notFound } from '../common/domain-error';
import { ExportQueryDto } from './dto/export-query.dto';
import { ExportFile, parseExportFile } from './export-columns';
import { ExportsService } from './exports.service';

const FILE_PARAM = {
  name: 'file',
  description:
    'institutions.csv | institutions.json | municipalities.csv | municipalities.json | states.csv | states.json | dictionary.json',
  example: 'municipalities.csv',
};

const DESCRIPTION =
  'Long format: one row per entity × aggregation × indicator, with estimate, se, lo, hi, cv, n, N_universe, status, needed and the ' +
  'method id/version and input watermark. Streamed from the database (no row limit). JSON: {"meta": …, "rows": [ … ]}. ' +
  'Columns, units and the status vocabulary: dictionary.json and docs/open-data.md. Never contains data about validators.';

function fileOf(file: string): ExportFile {
  const parsed = parseExportFile(file);
  if (!parsed) throw notFound('archivo de exportación', 'file');
  return parsed;
}

/** Open data of published rounds: anyone, no account. */
@ApiTags('open data')
@Controller('api/public/rounds')
export class PublicExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':roundId/export/:file')
  @Public()
  @ApiOperation({
    summary: 'Download the results of a published round (CSV or JSON) or its data dictionary.',
    description: DESCRIPTION,
  })
  @ApiParam(FILE_PARAM)
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The file, as an attachment.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE')
  async download(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('file') file: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const target = fileOf(file);
    const round = await this.exports.publishedRound(roundId);
    await this.exports.send(round, target, 'public', { bom: q.bom }, res);
  }
}

/** The same files for the round's own staff, in any status (to review before publishing). */
@ApiTags('open data')
@ApiBearerAuth()
@Controller('api/rounds')
export class StaffExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':roundId/export/:file')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary: "Download a round's results (any status) or its data dictionary: staff of the round's guarantor.",
    description: DESCRIPTION,
  })
  @ApiParam(FILE_PARAM)
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The file, as an attachment.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE')
  async download(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('file') file: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const target = fileOf(file);
    const round = await this.exports.ownedRound(actor, roundId);
    await this.exports.send(round, target, 'staff', { bom: q.bom }, res);
  }
}
