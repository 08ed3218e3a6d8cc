import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class PublishRoundDto {
  @ApiProperty({
    required: false,
    description:
      'Required (true) when most institution values are not conclusive or most institutions never answered (see GET …/publish-preview, ' +
      '`needsAcknowledgement`); otherwise 409 PUBLISH_ACKNOWLEDGEMENT_REQUIRED. Recorded in the audit log.',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeInconclusive?: boolean;
}

export class InstitutionStatusCountsDto {
  @ApiProperty() conclusive: number;
  @ApiProperty() caution: number;
  @ApiProperty() inconclusive: number;
  @ApiProperty({
    description: 'Includes institutions that submitted but have no citizen data (their I is not computed).',
  })
  not_validated: number;
}

export class PublishPreviewDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ description: 'Institutions in the round universe (frozen at opening).' }) universe: number;
  @ApiProperty({ description: 'Institutions with a submitted self-assessment.' }) submitted: number;
  @ApiProperty({ description: 'Institutions with at least one citizen report (validated by citizens).' })
  validated: number;
  @ApiProperty({ description: 'Institutions that never submitted.' }) neverAnswered: number;
  @ApiProperty({
    type: InstitutionStatusCountsDto,
    description: 'Status of each institution-level I value (one per institution with a value or a submission).',
  })
  statuses: InstitutionStatusCountsDto;
  @ApiProperty({ description: 'Sum of `statuses`.' }) values: number;
  @ApiProperty({
    type: [String],
    enum: ['most_not_conclusive', 'most_never_answered'],
    description: 'Why publishing needs `acknowledgeInconclusive: true` (empty when it does not).',
  })
  reasons: Array<'most_not_conclusive' | 'most_never_answered'>;
  @ApiProperty() needsAcknowledgement: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'When the values shown were last computed (null: never). Publishing recomputes them first, so final numbers can differ.',
  })
  computedAt: string | null;
}
