import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export const STANDINGS = ['pending', 'disputed', 'counted', 'overturned'] as const;
export type RefutationStanding = (typeof STANDINGS)[number];

export class DisputeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) evidenceFileId: string | null;
  @ApiProperty({ enum: ['open', 'upheld', 'overturned'] }) status: 'open' | 'upheld' | 'overturned';
  @ApiProperty({ nullable: true, type: String, description: "The guarantor's reason." }) decisionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() createdAt: string;
}

/** A refutation of one of the institution's claims, as the institution sees it: evidence, never who. */
export class RefutationDto {
  @ApiProperty({ format: 'uuid' }) verdictId: string;
  @ApiProperty({ description: 'Question name of the refuted claim.' }) questionName: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Issue #18: the title of the commitment milestone when the claim is one (claim kind milestone).',
  })
  milestoneTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ description: 'The validator attached a file (GET …/refutations/:verdictId/evidence).' })
  hasEvidenceFile: boolean;
  @ApiProperty({ nullable: true, type: String, description: "The validator's explanation." }) comment: string | null;
  @ApiProperty() notifiedAt: string;
  @ApiProperty({ description: 'End of the reply window.' }) replyDeadline: string;
  @ApiProperty({
    enum: STANDINGS,
    description: 'pending: inside the window; disputed: awaiting the guarantor; counted: final; overturned: dropped.',
  })
  standing: RefutationStanding;
  @ApiProperty() canDispute: boolean;
  @ApiProperty({ nullable: true, type: DisputeDto }) dispute: DisputeDto | null;
}

export class RefutationListDto {
  @ApiProperty({ type: [RefutationDto] }) items: RefutationDto[];
  @ApiProperty({ description: 'Days the round gives to dispute a refutation.' }) replyWindowDays: number;
}

export class CreateDisputeDto {
  @ApiProperty({ minLength: 10, maxLength: 4000, description: 'Why the refutation is wrong.' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  text: string;

  @ApiProperty({ required: false, maxLength: 2048 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  evidenceUrl?: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'An evidence file the institution uploaded in this round.',
  })
  @IsOptional()
  @IsUUID()
  evidenceFileId?: string;
}

export const DECISIONS = ['uphold', 'overturn'] as const;

export class DecideDisputeDto {
  @ApiProperty({ enum: DECISIONS, description: 'uphold: the refutation counts; overturn: it is dropped.' })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiProperty({ minLength: 10, maxLength: 4000 })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  reason: string;
}

export class DisputeQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: ['open', 'decided'], description: 'Default: open.' })
  @IsOptional()
  @IsIn(['open', 'decided'])
  status?: 'open' | 'decided';
}

export class TitleDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class DisputeQueueItemDto {
  @ApiProperty({ type: DisputeDto }) dispute: DisputeDto;
  @ApiProperty({ format: 'uuid' }) verdictId: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() questionName: string;
  @ApiProperty({
    type: TitleDto,
    nullable: true,
    description: "The claim's question title (es/en) in the round's institution questionnaire.",
  })
  questionTitle: TitleDto | null;
  @ApiProperty({ nullable: true, type: String }) refutationEvidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) refutationEvidenceFileId: string | null;
  @ApiProperty({ nullable: true, type: String }) refutationComment: string | null;
  @ApiProperty({ description: "The validator's public pseudonym (never the e-mail)." }) validatorPseudonym: string;
  @ApiProperty() notifiedAt: string;
}

export class RefutationSummaryDto {
  @ApiProperty({ description: 'Refuted, notice not sent yet.' }) notNotified: number;
  @ApiProperty({ description: 'Inside the reply window.' }) pending: number;
  @ApiProperty() disputed: number;
  @ApiProperty() counted: number;
  @ApiProperty() overturned: number;
}

export class DisputePageDto {
  @ApiProperty({ type: [DisputeQueueItemDto] }) items: DisputeQueueItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: RefutationSummaryDto }) summary: RefutationSummaryDto;
}

export class DueProcessSettingsDto {
  @ApiProperty({
    minimum: 1,
    maximum: 90,
    example: 10,
    description: 'Days to dispute a refutation, from its notification.',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  replyWindowDays: number;

  @ApiProperty({
    minimum: 0,
    maximum: 50,
    example: 5,
    description: 'Conflicts of interest a validator may declare among the round’s institutions.',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(50)
  maxConflicts: number;
}

export class OutlierValidatorDto {
  @ApiProperty({ format: 'uuid' }) validatorId: string;
  @ApiProperty() pseudonym: string;
  @ApiProperty({ description: 'Municipality of the institutions judged.' }) cvegeo: string;
  @ApiProperty() verdicts: number;
  @ApiProperty() refuted: number;
  @ApiProperty() rate: number;
  @ApiProperty({ description: 'Refutation rate of the other validators (smoothed).' }) expectedRate: number;
  @ApiProperty({ description: 'One-sided binomial tail probability.' }) pValue: number;
  @ApiProperty({
    enum: ['municipality', 'round'],
    description: 'Compared with the municipality, or with the round when the municipality has too few other verdicts.',
  })
  basis: 'municipality' | 'round';
}

export class OutlierListDto {
  @ApiProperty({ type: [OutlierValidatorDto] }) items: OutlierValidatorDto[];
  @ApiProperty() alpha: number;
  @ApiProperty() minVerdicts: number;
}
