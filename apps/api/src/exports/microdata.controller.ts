import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { notFound } from '../common/domain-error';
import { ExportQueryDto } from './dto/export-query.dto';
import { MICRODATA_FILES, parseMicrodataFile } from './microdata';
import { MicrodataService } from './microdata.service';

const DESCRIPTION =
  'answers: one row per submitted self-report (current version), one column per questionnaire item plus institution keys. ' +
  'verdicts: one row per claim verdict. citizen_reports: one row per citizen report. Validators appear only as a per-round ' +
  'pseudonym (V-xxxxxxxxxx); no personal data of citizens. codebook.csv: every column, with question titles (es/en), types, ' +
  'choices with values and scores, and the questionnaire versions where each item exists. microdata.xlsx: one workbook with a ' +
  'sheet per dataset and the codebook. CSV text cells that start like a formula are neutralised; ?bom=1 adds a UTF-8 BOM. ' +
  'Streamed; every download is recorded in the audit log (microdata.download). See docs/microdata.md.';

/** Microdata of a round for its guarantor's staff (any status): the submissions themselves, not the results. */
@ApiTags('responses')
@ApiBearerAuth()
@Controller('api/rounds')
export class MicrodataController {
  constructor(private readonly microdata: MicrodataService) {}

  @Get(':roundId/microdata/:file')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary: "Download a round's microdata (answers, verdicts, citizen reports) as CSV or XLSX, or its codebook.",
    description: DESCRIPTION,
  })
  @ApiParam({ name: 'file', description: MICRODATA_FILES.join(' | '), example: 'answers.csv' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file, as an attachment.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE')
  async download(
    @CurrentUser() actor: UserPrincipal,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('file') file: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const target = parseMicrodataFile(file);
    if (!target) throw notFound('archivo de microdatos', 'file');
    await this.microdata.send(actor, roundId, target, file, { bom: q.bom }, res);
  }
}
