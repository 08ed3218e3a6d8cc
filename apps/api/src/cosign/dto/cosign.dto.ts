import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OPERATOR_KINDS, type OperatorKind } from '@apertura/db';
import { CleanName } from '../../common/text';

export const ORGANISATION_KINDS = ['civil_society', 'academia', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const DECISIONS = ['approve', 'object'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Longest reason of an approval or objection (it is published as written). */
export const MAX_REASON = 4000;

export class OperatorDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: OPERATOR_KINDS }) kind: OperatorKind;
}

export class UpdateOperatorDto {
  @ApiProperty({ required: false, description: 'Public name of the operator.' })
  @IsOptional()
  @CleanName(200)
  name?: string;
  @ApiProperty({ required: false, enum: OPERATOR_KINDS, description: 'What kind of body operates the rounds.' })
  @IsOptional()
  @IsIn(OPERATOR_KINDS)
  kind?: OperatorKind;
}

export class SetQuorumDto {
  @ApiProperty({
    minimum: 0,
    maximum: 20,
    description:
      'Co-signers whose current approval publishing needs (0 = no co-signing). Raised until publication; lowered only while draft.',
  })
  @IsInt()
  @Min(0)
  @Max(20)
  coSignQuorum: number;
}

export class InviteCosignerDto {
  @ApiProperty({ example: 'revision@colectivo.example' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ description: 'Public name of the co-signing organisation.' }) @CleanName(200) organisationName: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) organisationKind: OrganisationKind;
  @ApiProperty({ required: false, description: "The contact person's name (private)." })
  @IsOptional()
  @CleanName(200)
  displayName?: string;
}

export class DecideDto {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision: Decision;
  @ApiProperty({
    maxLength: MAX_REASON,
    description: 'Reasons (required for an objection; published as written).',
    required: false,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON)
  reason?: string;
  @ApiProperty({
    description:
      'The fingerprint the co-signer reviewed (GET /api/cosign/rounds/{id}); 409 COSIGN_FINGERPRINT_CHANGED when the round changed since.',
  })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  fingerprint: string;
}

export class CosignPartsDto {
  @ApiProperty({ description: 'sha256 of the method settings and design.' }) settingsHash: string;
  @ApiProperty({ description: 'sha256 of the checksums of the institution and citizen questionnaires.' })
  instrumentHash: string;
  @ApiProperty({ description: 'sha256 of every computed value of the round (estimates, intervals, statuses).' })
  resultsHash: string;
  @ApiProperty({ description: 'sha256 of the three: what an approval covers.' }) fingerprint: string;
}

export class CosignDecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() cosignerId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) organisationKind: OrganisationKind;
  @ApiProperty({ enum: DECISIONS }) decision: Decision;
  @ApiProperty() reason: string;
  @ApiProperty({ type: CosignPartsDto }) parts: CosignPartsDto;
  @ApiProperty({
    description: 'What changed since (settings, instrument, results); empty when it is about the round as it is now.',
    type: [String],
  })
  changedSince: Array<'settings' | 'instrument' | 'results'>;
  @ApiProperty({ description: "The co-signer's latest decision (earlier ones are history)." }) current: boolean;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class CosignerDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) organisationKind: OrganisationKind;
  @ApiProperty({ enum: ['pending', 'approved', 'approved_stale', 'objected'] })
  state: 'pending' | 'approved' | 'approved_stale' | 'objected';
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) removedAt: string | null;
}

/** The staff view adds the contact (never public). */
export class StaffCosignerDto extends CosignerDto {
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ description: 'The account chose its password.' }) activated: boolean;
}

export class CosignSummaryDto {
  @ApiProperty() roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: OperatorDto }) operator: OperatorDto;
  @ApiProperty() coSignQuorum: number;
  @ApiProperty({ description: 'Co-signers whose latest decision approves the round as it is now.' }) approvals: number;
  @ApiProperty() quorumMet: boolean;
  @ApiProperty({ type: CosignPartsDto }) current: CosignPartsDto;
  @ApiProperty({ type: [CosignerDto] }) cosigners: CosignerDto[];
  @ApiProperty({ type: [CosignDecisionDto] }) decisions: CosignDecisionDto[];
}

export class StaffCosignSummaryDto extends CosignSummaryDto {
  @ApiProperty({ type: [StaffCosignerDto] }) declare cosigners: StaffCosignerDto[];
  @ApiProperty({
    description:
      "The publication's rebuild is done but the round stayed closed: the rebuilt results are not what the quorum approved (approvals are stale).",
  })
  publicationHeld: boolean;
}

export class CosignQuestionnaireDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() version: number;
  @ApiProperty() checksum: string;
}

export class HeadlineValueDto {
  @ApiProperty() indicator: string;
  @ApiProperty() aggregation: string;
  @ApiProperty({ nullable: true, type: Number }) estimate: number | null;
  @ApiProperty({ nullable: true, type: Number }) lo: number | null;
  @ApiProperty({ nullable: true, type: Number }) hi: number | null;
  @ApiProperty() status: string;
}

export class StatusCountDto {
  @ApiProperty() status: string;
  @ApiProperty() n: number;
}

/** What a co-signer reviews: the three things an approval covers, with their fingerprint. */
export class CosignReviewDto extends CosignSummaryDto {
  @ApiProperty() myCosignerId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ description: 'Decisions are accepted now (round closed, not yet published).' }) decisionsOpen: boolean;
  @ApiProperty({ type: Object, description: 'Method settings (METHOD.md), as the round uses them.' })
  settings: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'Design (census or sample).' }) design: Record<string, unknown>;
  @ApiProperty({ type: [CosignQuestionnaireDto] }) questionnaires: CosignQuestionnaireDto[];
  @ApiProperty({ type: [StatusCountDto], description: 'Institution values (I) by status.' })
  institutionStatuses: StatusCountDto[];
  @ApiProperty({ type: [HeadlineValueDto], description: 'National I, T and P as computed now.' })
  headline: HeadlineValueDto[];
}

export class CosignRoundItemDto {
  @ApiProperty() roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: OperatorDto }) operator: OperatorDto;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: ['pending', 'approved', 'approved_stale', 'objected'] })
  state: 'pending' | 'approved' | 'approved_stale' | 'objected';
}
