import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { DomainError } from '../common/domain-error';
import {
  ImportUniverseJsonDto,
  ImportUniverseQueryDto,
  InstitutionActionDto,
  InstitutionDto,
  InstitutionPageDto,
  ListInstitutionsQueryDto,
  UniverseImportResultDto,
  UniverseInvalidDetailsDto,
  UniverseSummaryDto,
} from './dto/universe.dto';
import { UniverseService } from './universe.service';

/** The CSV arrives as a string (text/csv, text/plain) or inside `{ csv }` (application/json). */
function csvText(body: unknown, contentType: string | undefined): string {
  if (typeof body === 'string') return body;
  // An empty text body is left unparsed; it is an empty file, reported as such by the validator.
  if (body === undefined && /^text\/(csv|plain)\b/i.test(contentType ?? '')) return '';
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const keys = Object.keys(body);
    const csv = (body as { csv?: unknown }).csv;
    if (typeof csv === 'string' && keys.length === 1) return csv;
    throw new DomainError(
      'VALIDATION_FAILED',
      { es: 'Envíe el archivo como text/csv o como JSON { "csv": "…" } sin otros campos.', en: 'Send the file as text/csv or as JSON { "csv": "…" } with no other fields.' },
      'csv',
    );
  }
  throw new DomainError('UNSUPPORTED_MEDIA_TYPE', {
    es: 'Envíe el archivo con Content-Type text/csv (o JSON { "csv": "…" }).',
    en: 'Send the file with Content-Type text/csv (or JSON { "csv": "…" }).',
  });
}

@ApiTags('universe')
@ApiBearerAuth()
@ApiExtraModels(ImportUniverseJsonDto, UniverseInvalidDetailsDto)
@Controller('api/universe')
export class UniverseController {
  constructor(private readonly universe: UniverseService) {}

  @Post('import')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: "Import the guarantor's universe of obliged subjects from a CSV (all or nothing; idempotent upsert by key).",
    description:
      'Columns: `name, type, level (federal|estatal|municipal|autonomo), cve_ent, cvegeo, email` and optional `key` ' +
      '(Spanish headers nombre, tipo, nivel, correo, clave are accepted; comma, semicolon or tab separated). Every cvegeo must exist in the ' +
      'CONAPO 2020 catalogue and belong to its cve_ent. A file with any bad row imports nothing: 422 `UNIVERSE_INVALID` with ' +
      '`details: { errors: [{ line, column, code, message: {es,en} }], errorCount, rowsRead }` (header = line 1). ' +
      'Rows are matched by `key`, or by a slug of name + "|" + cvegeo when there is no key column; re-importing the same file changes nothing. ' +
      'Institutions absent from the file are kept. `text/csv` bodies up to 20 MB; JSON bodies up to 1 MB.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'string', example: 'name,type,level,cve_ent,cvegeo,email\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.gob.mx\n' },
        { $ref: getSchemaPath(ImportUniverseJsonDto) },
      ],
    },
  })
  @ApiOkResponse({ type: UniverseImportResultDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'UNIVERSE_INVALID')
  import(
    @CurrentUser() actor: UserPrincipal,
    @Query() q: ImportUniverseQueryDto,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<UniverseImportResultDto> {
    return this.universe.import(actor, csvText(body, contentType), q.dryRun);
  }

  @Get('institutions')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: "Institutions of the guarantor's universe, filtered by state, municipality, level, type or name." })
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
