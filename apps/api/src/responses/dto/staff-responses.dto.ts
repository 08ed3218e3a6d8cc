import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';
import { EvidenceDto } from '../../evidence/dto/evidence.dto';
import { RESPONSE_STATES, ResponseState, VersionSummaryDto } from './respond.dto';
import { ApiJsonValue } from '../../common/api-json-value.decorator';

export class ListResponsesQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: RESPONSE_STATES })
  @IsOptional()
  @IsIn(RESPONSE_STATES)
  status?: ResponseState;

  @ApiProperty({ required: false, description: 'State (2-digit INEGI code).', example: '15' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;
}

export class ResponseInstitutionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty() level: string;
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: '15106' }) cvegeo: string;
}

export class ResponseListItemDto {
  @ApiProperty({ type: ResponseInstitutionDto }) institution: ResponseInstitutionDto;
  @ApiProperty({ enum: RESPONSE_STATES }) status: ResponseState;
  @ApiProperty({ description: 'Submitted versions (0 = none).' }) version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
}

export class ResponsePageDto {
  @ApiProperty({ type: [ResponseListItemDto] }) items: ResponseListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

// Named apart from the due-process TitleDto: OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'StaffTitleDto' })
export class TitleDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

/** One question of the answered questionnaire version with the current submitted answer (null: unanswered). */
export class LabelledAnswerDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: TitleDto }) title: TitleDto;
  @ApiProperty({ description: 'SurveyJS type.' }) type: string;
  @ApiJsonValue({ nullable: true, description: 'The answer as submitted (string, number, boolean, list…).' })
  value: unknown;
  @ApiProperty({
    type: TitleDto,
    nullable: true,
    description: 'Label of the chosen value(s) in es/en, for choice questions.',
  })
  label: TitleDto | null;
}

export class AnswerChangeDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: TitleDto }) title: TitleDto;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: 'added' | 'removed' | 'changed';
  @ApiJsonValue({ required: false, description: 'Absent when added.' }) before?: unknown;
  @ApiJsonValue({ required: false, description: 'Absent when removed.' }) after?: unknown;
}

export class VersionHistoryDto extends VersionSummaryDto {
  @ApiProperty({
    type: [AnswerChangeDto],
    description: 'What changed from the previous version (from nothing, for version 1).',
  })
  changes: AnswerChangeDto[];
  @ApiProperty({ description: 'Evidence files attached when this version was submitted.' }) evidenceCount: number;
  @ApiProperty({ description: 'The version as stored: GET …/responses/:institutionId/versions/:version.' })
  href: string;
}

export class StaffEvidenceDto extends EvidenceDto {
  @ApiProperty({ description: 'Download (staff): GET /api/rounds/:roundId/evidence/:id.' }) href: string;
}

export class ClaimVerdictDto {
  @ApiProperty({ description: "The validator's pseudonym in this round (V-…); never a name or e-mail." })
  validator: string;
  @ApiProperty({ enum: ['confirmed', 'refuted', 'unverifiable'] }) verdict: string;
  @ApiProperty({ enum: ['counted', 'pending', 'disputed', 'overturned', 'ignored'] }) standing: string;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Download of the validator's file (staff evidence route).",
  })
  evidenceHref: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

// Named apart from the assignments' ClaimDto (another shape): OpenAPI schemas are keyed by name.
@ApiSchema({ name: 'StaffClaimDto' })
export class ClaimDto {
  @ApiProperty() questionName: string;
  @ApiProperty({ type: TitleDto }) title: TitleDto;
  @ApiJsonValue({ nullable: true, description: 'What the institution answered (current version).' }) claimed: unknown;
  @ApiProperty({ type: [ClaimVerdictDto] }) verdicts: ClaimVerdictDto[];
}

export class StaffResponseDto {
  @ApiProperty({ type: ResponseInstitutionDto }) institution: ResponseInstitutionDto;
  @ApiProperty({ enum: RESPONSE_STATES }) status: ResponseState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) responseId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Current submitted answers (drafts are not shown).',
  })
  submitted: Record<string, unknown> | null;
  @ApiProperty({ type: [VersionHistoryDto], description: 'Every submitted version, oldest first, with what changed.' })
  versions: VersionHistoryDto[];
  @ApiProperty({ type: [StaffEvidenceDto], description: 'Evidence files currently attached.' })
  evidence: StaffEvidenceDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Version of the questionnaire answered.' })
  questionnaireVersion: number | null;
  @ApiProperty({
    type: [LabelledAnswerDto],
    description:
      'Current submitted answers labelled with the question titles of the version answered, in questionnaire order.',
  })
  answers: LabelledAnswerDto[];
  @ApiProperty({
    type: [ClaimDto],
    description: 'Verifiable claims with the verdicts of citizen validators (pseudonymised per round).',
  })
  claims: ClaimDto[];
}

export class StaffVersionDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [String] }) cleared: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: [EvidenceDto], description: 'Evidence files attached when this version was submitted.' })
  evidence: EvidenceDto[];
}
