import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';
import { EvidenceDto } from '../../evidence/dto/evidence.dto';
import { RESPONSE_STATES, ResponseState, VersionSummaryDto } from './respond.dto';

export class ListResponsesQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: RESPONSE_STATES })
  @IsOptional() @IsIn(RESPONSE_STATES)
  status?: ResponseState;

  @ApiProperty({ required: false, description: 'State (2-digit INEGI code).', example: '15' })
  @IsOptional() @Matches(/^\d{2}$/)
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

export class StaffResponseDto {
  @ApiProperty({ type: ResponseInstitutionDto }) institution: ResponseInstitutionDto;
  @ApiProperty({ enum: RESPONSE_STATES }) status: ResponseState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) responseId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Current submitted answers (drafts are not shown).' })
  submitted: Record<string, unknown> | null;
  @ApiProperty({ type: [VersionSummaryDto] }) versions: VersionSummaryDto[];
  @ApiProperty({ type: [EvidenceDto], description: 'Evidence files currently attached.' }) evidence: EvidenceDto[];
}

export class StaffVersionDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [String] }) cleared: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: [EvidenceDto], description: 'Evidence files attached when this version was submitted.' }) evidence: EvidenceDto[];
}
