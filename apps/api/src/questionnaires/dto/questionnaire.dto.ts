import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { LintCode } from '@apertura/questionnaire';
import { ErrorMessagesDto } from '../../common/api-errors.decorator';
import { PageQueryDto } from '../../common/page-query.dto';
import { CleanName } from '../../common/text';

export const QUESTIONNAIRE_KINDS = ['institution', 'citizen'] as const;
export type QuestionnaireKindDto = (typeof QUESTIONNAIRE_KINDS)[number];

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

export class CreateQuestionnaireDto {
  @ApiProperty({ enum: QUESTIONNAIRE_KINDS, description: 'institution = self-report; citizen = citizen report.' })
  @IsIn(QUESTIONNAIRE_KINDS)
  kind: QuestionnaireKindDto;

  @ApiProperty({
    description: 'Stable name of the instrument; each upload with the same slug is a new version.',
    example: 'autodiagnostico-2025',
    pattern: SLUG_PATTERN.source,
  })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and hyphens (1–100 characters)' })
  slug: string;

  @ApiProperty({
    required: false,
    maxLength: 300,
    description: "Defaults to the definition's title (Spanish) or the slug.",
  })
  @IsOptional()
  @CleanName(300)
  title?: string;

  @ApiProperty({
    description:
      'SurveyJS JSON, as an object or as a JSON string (then syntax errors are reported with line and column).',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
  })
  // Taken verbatim from the request: the linter, not class-transformer, decides what is acceptable.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj.definition)
  @IsDefined()
  definition: unknown;
}

export class ListQuestionnairesQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: QUESTIONNAIRE_KINDS })
  @IsOptional()
  @IsIn(QUESTIONNAIRE_KINDS)
  kind?: QuestionnaireKindDto;

  @ApiProperty({
    required: false,
    description: 'Every version of this slug (newest first) instead of the latest version of each slug.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  slug?: string;
}

export class QuestionnaireSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUESTIONNAIRE_KINDS }) kind: string;
  @ApiProperty() slug: string;
  @ApiProperty({ description: '1 for the first upload of a slug, then +1 per changed definition.' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'sha256 of the canonical JSON (sorted keys) of the definition.' }) checksum: string;
  @ApiProperty({ description: 'Versions of this slug.' }) versions: number;
  @ApiProperty({ description: 'True when this is the newest version of its slug.' }) latest: boolean;
  @ApiProperty() createdAt: string;
}

export class QuestionnaireDto extends QuestionnaireSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SurveyJS JSON.' })
  definition: Record<string, unknown>;
}

export class QuestionnairePageDto {
  @ApiProperty({ type: [QuestionnaireSummaryDto] }) items: QuestionnaireSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class InstalledQuestionnaireDto extends QuestionnaireSummaryDto {
  @ApiProperty({ description: 'False when the guarantor already had this exact definition as its latest version.' })
  created: boolean;
  @ApiProperty({ description: 'Bundled instrument version.', example: 'institution.v1' }) instrument: string;
}

export class InstalledDefaultsDto {
  @ApiProperty({ type: [InstalledQuestionnaireDto] }) items: InstalledQuestionnaireDto[];
}

/** One lint problem; documents `details.issues` of a 422 QUESTIONNAIRE_INVALID. */
export class LintIssueDto {
  @ApiProperty({ enum: Object.values(LintCode), example: LintCode.UNKNOWN_TYPE }) code: string;
  @ApiProperty({ description: 'JSONPath-like location.', example: '$.pages[0].elements[2]' }) path: string;
  @ApiProperty({ required: false, description: 'Question the issue belongs to.' }) question?: string;
  @ApiProperty({ type: ErrorMessagesDto }) message: ErrorMessagesDto;
  @ApiProperty({
    required: false,
    description: 'For Q_MALFORMED_JSON: { offset, line, column } where parsing stopped.',
  })
  at?: { offset: number; line: number; column: number };
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet import/export and copy from a round (issue #16)
// ---------------------------------------------------------------------------------------------

export const SHEET_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export class SheetExportQueryDto {
  @ApiProperty({
    enum: SHEET_FORMATS,
    description: 'csv (UTF-8 with BOM), xlsx, or json (the rows as an array of objects).',
  })
  @IsIn(SHEET_FORMATS)
  format: SheetFormat;
}

export class ImportSheetDto {
  @ApiProperty({ enum: QUESTIONNAIRE_KINDS })
  @IsIn(QUESTIONNAIRE_KINDS)
  kind: QuestionnaireKindDto;

  @ApiProperty({
    description: 'The new version goes to this slug (version = latest + 1).',
    pattern: SLUG_PATTERN.source,
  })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and hyphens (1–100 characters)' })
  slug: string;

  @ApiProperty({ required: false, maxLength: 300 })
  @IsOptional()
  @CleanName(300)
  title?: string;

  @ApiProperty({ enum: SHEET_FORMATS })
  @IsIn(SHEET_FORMATS)
  format: SheetFormat;

  @ApiProperty({
    description: 'csv: the CSV text; xlsx: the file in base64; json: an array of row objects keyed by column.',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
  })
  // Verbatim: the sheet reader decides what is acceptable and answers per row.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj.content)
  @IsDefined()
  content: unknown;
}

export class CopyFromRoundDto {
  @ApiProperty({ format: 'uuid', description: 'Round whose instrument is copied (a round of your guarantor).' })
  @IsUUID()
  roundId: string;

  @ApiProperty({ enum: QUESTIONNAIRE_KINDS, description: "Which of the round's instruments." })
  @IsIn(QUESTIONNAIRE_KINDS)
  kind: QuestionnaireKindDto;

  @ApiProperty({
    description:
      'Slug of the new version (another slug, or the same one: a new version is created only if the definition differs).',
    pattern: SLUG_PATTERN.source,
  })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and hyphens (1–100 characters)' })
  slug: string;

  @ApiProperty({ required: false, maxLength: 300 })
  @IsOptional()
  @CleanName(300)
  title?: string;
}

/** One problem of an imported sheet; documents `details.issues` of a 422 QUESTIONNAIRE_SHEET_INVALID. */
export class SheetIssueDto {
  @ApiProperty({
    description: 'SHEET_* (the sheet itself) or Q_* (lint of the resulting definition).',
    example: 'Q_MISSING_SCORE',
  })
  code: string;
  @ApiProperty({ required: false, description: '0-based row index (header excluded).' }) row?: number;
  @ApiProperty({ required: false, description: 'Spreadsheet line: row + 2 (line 1 is the header).' }) line?: number;
  @ApiProperty({ required: false }) column?: string;
  @ApiProperty({ required: false, description: 'Question, page or panel name of the row.' }) question?: string;
  @ApiProperty({ type: ErrorMessagesDto }) message: ErrorMessagesDto;
  @ApiProperty({ required: false, description: 'JSON path in the definition, for lint issues.' }) path?: string;
}
