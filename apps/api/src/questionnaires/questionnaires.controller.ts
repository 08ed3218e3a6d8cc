import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  CreateQuestionnaireDto,
  InstalledDefaultsDto,
  LintIssueDto,
  ListQuestionnairesQueryDto,
  QuestionnaireDto,
  QuestionnairePageDto,
} from './dto/questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';

@ApiTags('questionnaires')
@ApiBearerAuth()
@ApiExtraModels(LintIssueDto)
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
  @ApiOkResponse({ type: QuestionnaireDto, description: 'Identical to the latest version of the slug, which is returned.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'QUESTIONNAIRE_INVALID', 'QUESTIONNAIRE_KIND_MISMATCH')
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
