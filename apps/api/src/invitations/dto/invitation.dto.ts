import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/**
 * Where an institution stands in a round, from its active invitation and its response:
 * pending (mail not sent yet) → mailed → opened → draft → submitted.
 */
export const INVITATION_STATUSES = ['pending', 'mailed', 'opened', 'draft', 'submitted'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class ProgressQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Only municipalities of this state (2-digit INEGI code).', example: '15' })
  @IsOptional() @Matches(/^\d{2}$/)
  cveEnt?: string;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: INVITATION_STATUSES })
  @IsOptional() @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiProperty({ required: false, description: 'State (2-digit INEGI code).', example: '15' })
  @IsOptional() @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, description: 'Municipality (5-digit INEGI code).', example: '15106' })
  @IsOptional() @Matches(/^\d{5}$/)
  cvegeo?: string;
}

export class RemindersDto {
  @ApiProperty({ required: false, type: [String], format: 'uuid', description: 'Remind only these institutions (still only those that have not submitted).' })
  @IsOptional() @IsArray() @ArrayMaxSize(20000) @IsUUID('all', { each: true })
  institutionIds?: string[];
}

export class RemindersResultDto {
  @ApiProperty({ description: 'Reminder e-mails queued.' }) count: number;
}

export class ProgressCountsDto {
  @ApiProperty({ description: 'Institutions with an active invitation.' }) invited: number;
  @ApiProperty({ description: 'Invitation e-mail delivered to the SMTP server.' }) mailed: number;
  @ApiProperty({ description: 'Link opened at least once.' }) opened: number;
  @ApiProperty({ description: 'Response saved as a draft, not submitted.' }) draft: number;
  @ApiProperty({ description: 'Response submitted.' }) submitted: number;
}

export class StateProgressDto extends ProgressCountsDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ nullable: true, type: String, example: 'México' }) name: string | null;
}

export class MunicipalityProgressDto extends ProgressCountsDto {
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ nullable: true, type: String, example: 'Toluca' }) name: string | null;
}

export class MunicipalityProgressPageDto {
  @ApiProperty({ type: [MunicipalityProgressDto] }) items: MunicipalityProgressDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class InvitationProgressDto {
  @ApiProperty() roundId: string;
  @ApiProperty({ type: ProgressCountsDto }) totals: ProgressCountsDto;
  @ApiProperty({ type: [StateProgressDto] }) states: StateProgressDto[];
  @ApiProperty({ type: MunicipalityProgressPageDto }) municipalities: MunicipalityProgressPageDto;
}

export class InvitationItemDto {
  @ApiProperty() invitationId: string;
  @ApiProperty() institutionId: string;
  @ApiProperty() institutionKey: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() email: string;
  @ApiProperty() cveEnt: string;
  @ApiProperty() cvegeo: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) openedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastRemindedAt: string | null;
  @ApiProperty() reminderCount: number;
  @ApiProperty() createdAt: string;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationItemDto] }) items: InvitationItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** What an institution sees when it opens its link (no staff data). */
export class OpenedInvitationDto {
  @ApiProperty() invitationId: string;
  @ApiProperty() roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'published'] }) roundStatus: string;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty() institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ description: 'When the link was first opened.' }) openedAt: string;
}
