import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../common/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  CopyFromRoundDto,
  CreateQuestionnaireDto,
  ImportSheetDto,
  InstalledDefaultsDto,
  LintIssueDto,
  ListQuestionnairesQueryDto,
  QuestionnaireDto,
  QuestionnairePageDto,
  SheetExportQueryDto,
  SheetIssueDto,
} from './dto/questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';

@ApiTags('questionnaires')
@ApiBearerAuth()
@ApiExtraModels(LintIssueDto, SheetIssueDto)
@Controller('api/questionnaires')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Post()
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Upload a questionnaire version (SurveyJS JSON, linted first).',
    description:
      'The definition is linted with survey-core: malformed JSON (with line and column), unknown or unsupported question types, ' +
      'scored questions without `component` or scores, and broken expressions are refused with 422 `QUESTIONNAIRE_INVALID`, ' +
      '`field` = path of the first issue and `details.issues` = every issue `{ code, path, question?, message: {es,en}, at? }`. ' +
      'The version is the last version of the slug + 1; an upload identical to the latest version (same canonical JSON) returns ' +
      'that version with 200 instead of 201. Versions are immutable: there is no update.',
  })
  @ApiCreatedResponse({ type: QuestionnaireDto, description: 'A new version was stored.' })
  @ApiOkResponse({
    type: QuestionnaireDto,
    description: 'Identical to the latest version of the slug, which is returned.',
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'PAYLOAD_TOO_LARGE',
    'QUESTIONNAIRE_INVALID',
    'QUESTIONNAIRE_KIND_MISMATCH',
  )
  async create(
    @CurrentUser() actor: UserPrincipal,
    @Body() dto: CreateQuestionnaireDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuestionnaireDto> {
    const { created, questionnaire } = await this.questionnaires.create(actor, dto);
    res.status(created ? 201 : 200);
    return questionnaire;
  }

  @Post('defaults')
  @HttpCode(200)
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: "Install Apertura's default institution and citizen instruments as questionnaire versions (idempotent).",
  })
  @ApiOkResponse({ type: InstalledDefaultsDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'QUESTIONNAIRE_KIND_MISMATCH')
  installDefaults(@CurrentUser() actor: UserPrincipal): Promise<InstalledDefaultsDto> {
    return this.questionnaires.installDefaults(actor);
  }

  @Post('sheet')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary: 'Import a questionnaire spreadsheet (one row per question, CSV/XLSX/JSON rows) as a new version.',
    description:
      'Columns: type, name, page, panel, title_es, title_en, description_es, description_en, choices (`value=label_es|label_en=score=flags;…`, ' +
      'score `na` = not applicable, flag `exclusive`), component, weight, verifiable, evidence (evidenceFor), visibleIf, scoreIfHidden, ' +
      "scoreRange (`min..max`), required, inputType, min, max (a number's bounds; a rating's scale ends), maxLength, " +
      'placeholder_es, placeholder_en, validation (`email`, `url`, `regex:PATTERN`, `numeric:MIN..MAX` or `length:MIN..MAX`), ' +
      'validationMessage_es, validationMessage_en, extra (JSON of any other SurveyJS property). On a `rating` row, choices are ' +
      'its rateValues. Row types `survey`, `page` and `panel` ' +
      'describe the containers. The rows become a SurveyJS definition that is linted and stored exactly like `POST /api/questionnaires`: ' +
      'a new version of the slug (200 with the latest version when identical); stored versions never change. Problems: 422 ' +
      '`QUESTIONNAIRE_SHEET_INVALID` with `details.issues` = `{ code, row, line, column?, question?, message: {es,en}, path? }` per row.',
  })
  @ApiCreatedResponse({ type: QuestionnaireDto, description: 'A new version was stored.' })
  @ApiOkResponse({
    type: QuestionnaireDto,
    description: 'Identical to the latest version of the slug, which is returned.',
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'PAYLOAD_TOO_LARGE',
    'QUESTIONNAIRE_SHEET_INVALID',
    'QUESTIONNAIRE_INVALID',
    'QUESTIONNAIRE_KIND_MISMATCH',
  )
  async importSheet(
    @CurrentUser() actor: UserPrincipal,
    @Body() dto: ImportSheetDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuestionnaireDto> {
    const { created, questionnaire } = await this.questionnaires.importSheet(actor, dto);
    res.status(created ? 201 : 200);
    return questionnaire;
  }

  @Post('copy')
  @Roles('guarantor_admin')
  @ApiOperation({
    summary:
      "Copy a round's institution or citizen instrument as a new version of a slug (to edit it for a new round).",
    description: 'The definition is linted again and stored like an upload; a round of another guarantor is 404.',
  })
  @ApiCreatedResponse({ type: QuestionnaireDto, description: 'A new version was stored.' })
  @ApiOkResponse({
    type: QuestionnaireDto,
    description: 'Identical to the latest version of the slug, which is returned.',
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'QUESTIONNAIRE_INVALID',
    'QUESTIONNAIRE_KIND_MISMATCH',
  )
  async copyFromRound(
    @CurrentUser() actor: UserPrincipal,
    @Body() dto: CopyFromRoundDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuestionnaireDto> {
    const { created, questionnaire } = await this.questionnaires.copyFromRound(actor, dto);
    res.status(created ? 201 : 200);
    return questionnaire;
  }

  @Get(':id/sheet')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({
    summary: 'One questionnaire version as a spreadsheet (one row per question): CSV, XLSX or the rows as JSON.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiOkResponse({ description: 'The file, as an attachment.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  async exportSheet(
    @CurrentUser() actor: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: SheetExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.questionnaires.exportSheet(actor, id, q.format);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.status(200).end(file.body);
  }

  @Get()
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'Latest version of each questionnaire (or every version of one slug with `?slug=`).' })
  @ApiOkResponse({ type: QuestionnairePageDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  list(@CurrentUser() actor: UserPrincipal, @Query() q: ListQuestionnairesQueryDto): Promise<QuestionnairePageDto> {
    return this.questionnaires.list(actor, q);
  }

  @Get(':id')
  @Roles('guarantor_admin', 'analyst')
  @ApiOperation({ summary: 'One questionnaire version with its definition.' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentUser() actor: UserPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<QuestionnaireDto> {
    return this.questionnaires.get(actor, id);
  }
}
