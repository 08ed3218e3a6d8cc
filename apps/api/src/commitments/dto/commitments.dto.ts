import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BilingualDto } from '../../results/dto/trends.dto';

export const COMMITMENT_LIMITS = Object.freeze({
  keyMax: 100,
  titleMax: 300,
  ownerMax: 200,
  outcomeMax: 1000,
  components: 20,
  milestones: 30,
  /** Characters; the whole JSON request must stay under the API's 1 MB body limit (common/body-limits.ts). */
  csvBytes: 900 * 1024,
  csvRows: 5000,
  csvErrors: 200,
});

export class MilestoneInputDto {
  @ApiProperty({ maxLength: COMMITMENT_LIMITS.titleMax })
  @IsString()
  @MinLength(3)
  @MaxLength(COMMITMENT_LIMITS.titleMax)
  title: string;

  @ApiProperty({ example: '2027-03-31', description: 'Due date (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate: string;

  @ApiProperty({ required: false, description: "The owner's declaration that it is met (not the public figure)." })
  @IsOptional()
  @IsBoolean()
  declaredDone?: boolean;
}

export class CommitmentInputDto {
  @ApiProperty({
    required: false,
    maxLength: COMMITMENT_LIMITS.keyMax,
    description: 'Stable key for CSV updates (default: derived from the title).',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  key?: string;

  @ApiProperty({ maxLength: COMMITMENT_LIMITS.titleMax })
  @IsString()
  @MinLength(3)
  @MaxLength(COMMITMENT_LIMITS.titleMax)
  title: string;

  @ApiProperty({ maxLength: COMMITMENT_LIMITS.ownerMax, description: 'Who answers for it (office or post).' })
  @IsString()
  @MinLength(2)
  @MaxLength(COMMITMENT_LIMITS.ownerMax)
  owner: string;

  @ApiProperty({ maxLength: COMMITMENT_LIMITS.outcomeMax, description: 'How the result will be known.' })
  @IsString()
  @MinLength(3)
  @MaxLength(COMMITMENT_LIMITS.outcomeMax)
  outcomeIndicator: string;

  @ApiProperty({
    type: [String],
    example: ['TG.DA', 'PG.Seg'],
    description: "Component codes of the round's instruments.",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMITMENT_LIMITS.components)
  @IsString({ each: true })
  components: string[];

  @ApiProperty({ type: [MilestoneInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMITMENT_LIMITS.milestones)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInputDto)
  milestones: MilestoneInputDto[];
}

export class StaffCommitmentInputDto extends CommitmentInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  institutionId: string;
}

export class CommitmentsCsvDto {
  @ApiProperty({
    description:
      'CSV (UTF-8; comma, semicolon or tab): institution_key (staff only), commitment_key, title, owner, outcome_indicator, components (separated by | or spaces), milestone_title, milestone_due (YYYY-MM-DD), milestone_done (optional: si/no). One row per milestone.',
  })
  @IsString()
  @MaxLength(COMMITMENT_LIMITS.csvBytes)
  csv: string;
}

export class MilestoneVerificationDto {
  @ApiProperty() confirmed: number;
  @ApiProperty({ description: 'Counted refutations (final, METHOD.md §3.1).' }) refuted: number;
  @ApiProperty({ description: 'Refutations not yet final: shown, not counted.' }) pending: number;
  @ApiProperty({ enum: ['unverified', 'confirmed', 'refuted', 'mixed'] }) state: string;
}

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Verdict name of the milestone (claim kind "milestone").' }) claimName: string;
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty() dueDate: string;
  @ApiProperty() declaredDone: boolean;
  @ApiProperty({ type: MilestoneVerificationDto }) verification: MilestoneVerificationDto;
}

export class ProgressDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Share of milestones the owner declares met.' })
  declared: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Verified progress (citizen verdicts).' })
  estimate: number | null;
  @ApiProperty({ nullable: true, type: Number }) se: number | null;
  @ApiProperty({ nullable: true, type: Number }) lo: number | null;
  @ApiProperty({ nullable: true, type: Number }) hi: number | null;
  @ApiProperty({ nullable: true, type: Number }) halfWidth: number | null;
  @ApiProperty() milestones: number;
  @ApiProperty() verifiedMilestones: number;
  @ApiProperty() verdicts: number;
  @ApiProperty() pendingRefutations: number;
  @ApiProperty({ enum: ['not_validated', 'inconclusive', 'caution', 'conclusive'] }) status: string;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ type: [BilingualDto], description: 'Each reason in words.' }) reasonTexts: BilingualDto[];
}

export class ComponentMovementDto {
  @ApiProperty() component: string;
  @ApiProperty({ type: BilingualDto }) label: BilingualDto;
  @ApiProperty({ nullable: true, type: Number, description: "Value in the commitment's round." }) before: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Value in the next published round.' }) after:
    number | null;
  @ApiProperty({ enum: ['improved', 'worsened', 'within_uncertainty', 'not_comparable'] }) verdict: string;
  @ApiProperty({ nullable: true, type: Number }) delta: number | null;
  @ApiProperty({ nullable: true, type: Number }) threshold: number | null;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class CommitmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() owner: string;
  @ApiProperty() outcomeIndicator: string;
  @ApiProperty({ type: [String] }) components: string[];
  @ApiProperty({ enum: ['institution', 'operator'] }) createdBy: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [MilestoneDto] }) milestones: MilestoneDto[];
  @ApiProperty({ type: ProgressDto }) progress: ProgressDto;
}

export class NextRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class InstitutionMovementDto {
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ type: [ComponentMovementDto] }) components: ComponentMovementDto[];
}

export class RoundInstitutionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Universe key (the CSV names institutions by it).' }) key: string;
  @ApiProperty() name: string;
}

export class CommitmentListDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ description: 'Commitments can be recorded (the round is published).' }) published: boolean;
  @ApiProperty({ nullable: true, type: NextRoundDto, description: 'The next published round of the operator, if any.' })
  nextRound: NextRoundDto | null;
  @ApiProperty({ type: [CommitmentDto] }) items: CommitmentDto[];
  @ApiProperty({ type: [InstitutionMovementDto], description: 'Per institution: did the addressed components move?' })
  movements: InstitutionMovementDto[];
  @ApiProperty({ type: [String], description: "Component codes of the round's instruments (for forms)." })
  componentCodes: string[];
  @ApiProperty({ type: BilingualDto }) notice: BilingualDto;
  @ApiProperty({
    required: false,
    type: [RoundInstitutionDto],
    description: "Staff view only: the round's institutions (to record a commitment for one of them).",
  })
  institutions?: RoundInstitutionDto[];
}

export class ImportResultDto {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() milestones: number;
}

export class MilestoneToVerifyDto {
  @ApiProperty({ description: 'Claim name to use with PUT …/verdicts (milestone:<id>).' }) claimName: string;
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty() title: string;
  @ApiProperty() dueDate: string;
  @ApiProperty() declaredDone: boolean;
  @ApiProperty() commitmentTitle: string;
  @ApiProperty() outcomeIndicator: string;
  @ApiProperty() owner: string;
  @ApiProperty() commitmentRoundName: string;
  @ApiProperty({ nullable: true, type: String, enum: ['confirmed', 'refuted', 'unverifiable'] }) myVerdict:
    string | null;
  @ApiProperty({ nullable: true, type: String }) myComment: string | null;
  @ApiProperty({ nullable: true, type: String }) myEvidenceUrl: string | null;
}

export class MilestonesToVerifyDto {
  @ApiProperty({ type: [MilestoneToVerifyDto] }) items: MilestoneToVerifyDto[];
}
