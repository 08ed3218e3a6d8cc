import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { streamedUpload } from '../common/body-limits';
import { UniverseErrors } from './universe.errors';
import {
  ImportUniverseJsonDto,
  ImportUniverseQueryDto,
  InstitutionActionDto,
  InstitutionDto,
  InstitutionPageDto,
  ListImportsQueryDto,
  ListInstitutionsQueryDto,
  UniverseImportJobDto,
  UniverseImportPageDto,
  UniverseImportResultDto,
  UniverseInvalidDetailsDto,
  UniverseSummaryDto,
} from './dto/universe.dto';
import { UniverseImportsService } from './universe-imports.service';
import { UniverseService } from './universe.service';

/** A streamed upload is read as sent: UTF-8 (the validator reports other encodings) and not compressed. */
function assertPlainUtf8(req: Request): void {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2]?.toLowerCase();
  if (encoding !== 'identity' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw UniverseErrors.largeFileEncoding();
  }
}

/** The CSV arrives as a string (text/csv, text/plain) or inside `{ csv }` (application/json). */
function csvText(body: unknown, contentType: string | undefined): string {
  if (typeof body === 'string') return body;
  // An empty text body is left unparsed; it is an empty file, reported as such by the validator.
  if (body === undefined && /^text\/(csv|plain)\b/i.test(contentType ?? '')) return '';
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const keys = Object.keys(body);
    const csv = (body as { csv?: unknown }).csv;
    if (typeof csv === 'string' && keys.length === 1) return csv;
    throw UniverseErrors.jsonBodyShape();
  }
  throw UniverseErrors.contentType();
}

@ApiTags('universe')
@ApiBearerAuth()
@ApiExtraModels(ImportUniverseJsonDto, UniverseInvalidDetailsDto)
@Controller('api/universe')
export class UniverseController {
  constructor(
    private readonly universe: UniverseService,
    private readonly imports: UniverseImportsService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Import the guarantor's universe of obliged subjects from a CSV (all or nothing; idempotent upsert by key).",
    description:
      'Columns: `name, type, level (federal|estatal|municipal|autonomo), cve_ent, cvegeo, email` and optional `key` ' +
      '(Spanish headers nombre, tipo, nivel, correo, clave are accepted; comma, semicolon or tab separated). Every cvegeo must exist in the ' +
      'CONAPO 2020 catalogue and belong to its cve_ent. A file with any bad row imports nothing: 422 `UNIVERSE_INVALID` with ' +
      '`details: { errors: [{ line, column, code, message: {es,en} }], errorCount, rowsRead }` (header = line 1). ' +
      'Rows are matched by `key`, or by a slug of name + "|" + cvegeo when there is no key column; re-importing the same file changes nothing. ' +
      'Institutions absent from the file are kept. `text/csv` bodies up to 20 MB; JSON bodies up to 1 MB.\n\n' +
      '**Large files run as a background import**: a `text/csv` body above 256 KB (or sent without Content-Length), or any body with ' +
      '`?async=1`, is streamed to storage and answered **202** with the import (`UniverseImportJob`) and `Location: /api/universe/imports/{id}`; ' +
      'poll that route for its state and progress. When done it holds the same report as the 200 answer (`result`); when the file is refused, ' +
      'the same body as the 422 (`error`), and nothing was imported. Smaller files are answered at once, as before.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        {
          type: 'string',
          example:
            'name,type,level,cve_ent,cvegeo,email\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.gob.mx\n',
        },
        { $ref: getSchemaPath(ImportUniverseJsonDto) },
      ],
    },
  })
  @ApiOkResponse({ type: UniverseImportResultDto, description: 'Small files: imported (or, with dryRun, previewed).' })
  @ApiAcceptedResponse({
    type: UniverseImportJobDto,
    description: 'Large files or `?async=1`: queued; see the Location header.',
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'CONTROL_CHARACTER',
    'UNSUPPORTED_MEDIA_TYPE',
    'PAYLOAD_TOO_LARGE',
    'UNIVERSE_INVALID',
  )
  async import(
    @CurrentUser() actor: UserPrincipal,
    @Query() q: ImportUniverseQueryDto,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UniverseImportResultDto | UniverseImportJobDto> {
    const accepted = (job: UniverseImportJobDto): UniverseImportJobDto => {
      res.status(202).location(`/api/universe/imports/${job.id}`);
      return job;
    };
    if (streamedUpload(req)) {
      try {
        assertPlainUtf8(req);
        return accepted(await this.imports.start(actor, req, q.dryRun));
      } catch (err) {
        // The rest of a refused body is not worth reading: answer, then close the connection.
        res.setHeader('Connection', 'close');
        throw err;
      }
    }
    const csv = csvText(body, contentType);
    if (q.async) return accepted(await this.imports.startFromText(actor, csv, q.dryRun));
    return this.universe.import(actor, csv, q.dryRun);
  }

  @Get('imports')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "The guarantor's universe imports that ran as background jobs, newest first." })
  @ApiOkResponse({ type: UniverseImportPageDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  listImports(@CurrentUser() actor: UserPrincipal, @Query() q: ListImportsQueryDto): Promise<UniverseImportPageDto> {
    return this.imports.list(actor, q);
  }

  @Get('imports/:id')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary:
      'State and progress of a background universe import; when done, its report (`result`), when refused, its errors (`error`).',
  })
  @ApiOkResponse({ type: UniverseImportJobDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  getImport(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<UniverseImportJobDto> {
    return this.imports.get(actor, id);
  }

  @Get('institutions')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary: "Institutions of the guarantor's universe, filtered by state, municipality, level, type or name.",
  })
  @ApiOkResponse({ type: InstitutionPageDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  list(@CurrentUser() actor: UserPrincipal, @Query() q: ListInstitutionsQueryDto): Promise<InstitutionPageDto> {
    return this.universe.list(actor, q);
  }

  @Get('summary')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "Counts of the guarantor's universe by state, level and type." })
  @ApiOkResponse({ type: UniverseSummaryDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  summary(@CurrentUser() actor: UserPrincipal): Promise<UniverseSummaryDto> {
    return this.universe.summary(actor);
  }

  @Post('institutions/:institutionId/retire')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Retire an institution from the padrón (soft; audited).',
    description:
      'New rounds leave it out (draft selections, opening) and the universe lists hide it unless `status=retired|all`; rounds that ' +
      'already opened keep it in their frozen universe, with their responses and published values. Idempotent.',
  })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  retire(
    @CurrentUser() actor: UserPrincipal,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() body: InstitutionActionDto,
  ): Promise<InstitutionDto> {
    return this.universe.setRetired(actor, institutionId, true, body.reason);
  }

  @Post('institutions/:institutionId/reactivate')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'Bring a retired institution back into the padrón (audited; idempotent).' })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  reactivate(
    @CurrentUser() actor: UserPrincipal,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() body: InstitutionActionDto,
  ): Promise<InstitutionDto> {
    return this.universe.setRetired(actor, institutionId, false, body.reason);
  }
}
