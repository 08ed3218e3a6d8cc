import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { EvidenceDto } from '../../evidence/dto/evidence.dto';

export const RESPONSE_STATES = ['none', 'draft', 'submitted'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];

/** Answers are checked against the questionnaire by libs/questionnaire, not by this DTO. */
const ANSWERS_DESCRIPTION =
  'SurveyJS answers `{ questionName: value }`, validated on the server against the round questionnaire.';

export class SaveDraftDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: ANSWERS_DESCRIPTION })
  @IsObject()
  data: Record<string, unknown>;

  @ApiProperty({ minimum: 0, maximum: 999, description: 'Page the respondent is on (0-based), to resume there.' })
  @IsInt()
  @Min(0)
  @Max(999)
  currentPage: number;
}

// Named apart from the assignments' LocalizedTextDto: OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'RespondLocalizedTextDto' })
export class LocalizedTextDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class DraftIssueDto {
  @ApiProperty({ description: 'Question name (a technical detail; show `title`).' }) question: string;
  @ApiProperty({ type: LocalizedTextDto, description: 'Title of the question as the respondent sees it.' })
  title: LocalizedTextDto;
  @ApiProperty({ description: 'Issue code of libs/questionnaire (S_VALIDATOR, S_INVALID_CHOICE, S_TOO_LONG…).' })
  code: string;
  @ApiProperty({ type: LocalizedTextDto, description: 'What is wrong, naming the question by its title.' })
  message: LocalizedTextDto;
}

export class DraftSavedDto {
  @ApiProperty({ format: 'date-time' }) savedAt: string;
  @ApiProperty() currentPage: number;
  @ApiProperty({
    type: [DraftIssueDto],
    description: 'Answers not saved because they are not valid yet; every other answer was saved.',
  })
  issues: DraftIssueDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Web addresses completed with https://, by question.',
  })
  normalized: Record<string, string>;
}

export class CopyEvidenceDto {
  @ApiProperty({ nullable: true, type: String }) questionName: string | null;
  @ApiProperty() filename: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

export class SubmittedCopyDto {
  @ApiProperty({ description: 'Short folio: first 8 characters of the response id, then the version (A1B2C3D4-v2).' })
  folio: string;
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() roundName: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'SurveyJS JSON of the questionnaire answered.',
  })
  definition: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answers of this version.' })
  data: Record<string, unknown>;
  @ApiProperty({ type: [CopyEvidenceDto], description: 'Files as they were when this version was submitted.' })
  evidence: CopyEvidenceDto[];
}

export class PreviousAnswersDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Answers of questions that exist in this round, valid as a draft.',
  })
  data: Record<string, unknown>;
}

export class PreviousRoundDto {
  @ApiProperty({
    type: PreviousAnswersDto,
    nullable: true,
    description: 'Null when no earlier round of this guarantor has compatible answers.',
  })
  previous: PreviousAnswersDto | null;
}

export class SubmitDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: ANSWERS_DESCRIPTION })
  @IsObject()
  data: Record<string, unknown>;

  @ApiProperty({
    minLength: 8,
    maxLength: 128,
    description:
      'Chosen by the client once per intended submission (e.g. a UUID). Sending it again returns the same version.',
  })
  @IsString()
  @Length(8, 128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey: string;
}

export class SubmitResultDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty({ description: 'Version number of this submission (1 = first, > 1 = amendment).' }) version: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({
    type: [String],
    description: 'Answers of questions hidden by the questionnaire logic, removed before storing.',
  })
  cleared: string[];
}

export class VersionSummaryDto {
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [String] }) cleared: string[];
}

export class ContextRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'published'] }) status: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ description: 'Generated demo data: label it as synthetic.' }) synthetic: boolean;
}

export class ContextInstitutionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty() level: string;
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty({ description: 'Municipality name (INEGI).' }) municipality: string;
  @ApiProperty({ description: 'State name (INEGI).' }) state: string;
}

export class ContextQuestionnaireDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SurveyJS JSON.' }) definition: Record<
    string,
    unknown
  >;
}

export class ContextResponseDto {
  @ApiProperty({ enum: RESPONSE_STATES }) status: ResponseState;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Working copy (last draft, or the last submission).',
  })
  draft: Record<string, unknown>;
  @ApiProperty() currentPage: number;
  @ApiProperty({ description: 'Number of submitted versions (0 = never submitted).' }) version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Last submitted answers.' })
  submitted: Record<string, unknown> | null;
}

export class RespondContextDto {
  @ApiProperty({ type: ContextRoundDto }) round: ContextRoundDto;
  @ApiProperty({ type: ContextInstitutionDto }) institution: ContextInstitutionDto;
  @ApiProperty({ type: ContextQuestionnaireDto }) questionnaire: ContextQuestionnaireDto;
  @ApiProperty({ type: ContextResponseDto }) response: ContextResponseDto;
  @ApiProperty({ description: 'True when the round does not take answers (not open yet, closed, or past its window).' })
  readOnly: boolean;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
}

export class CopyQueryDto {
  @ApiProperty({ required: false, minimum: 1, description: 'Version number; the latest when absent.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  version?: number;
}
