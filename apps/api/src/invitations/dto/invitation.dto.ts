import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAIL_OUTCOMES, MailOutcome } from '@apertura/db';

/**
 * Where an institution stands in a round, from its latest invitation and its response:
 * pending (mail not sent yet) → mailed → opened → draft → submitted; revoked when its link was
 * revoked and no new one issued (a submitted response stays "submitted").
 */
export const INVITATION_STATUSES = ['pending', 'mailed', 'opened', 'draft', 'submitted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class ProgressQueryDto extends PageQueryDto {
  @ApiProperty({
    required: false,
    description: 'Only municipalities of this state (2-digit INEGI code).',
    example: '15',
  })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiProperty({ required: false, description: 'State (2-digit INEGI code).', example: '15' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, description: 'Municipality (5-digit INEGI code).', example: '15106' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  cvegeo?: string;

  @ApiProperty({
    required: false,
    description: "Part of the institution's name, key or e-mail address (case-insensitive).",
    example: 'toluca',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiProperty({
    required: false,
    enum: MAIL_OUTCOMES,
    description:
      'Only institutions whose last invitation or reminder mail is in this state (e.g. given_up: it did not leave).',
  })
  @IsOptional()
  @IsIn(MAIL_OUTCOMES)
  mail?: MailOutcome;
}

export class RemindersDto {
  @ApiProperty({
    required: false,
    type: [String],
    format: 'uuid',
    description: 'Remind only these institutions (still only those that have not submitted).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
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
  @ApiProperty({ description: 'Reminders sent.' }) reminderCount: number;
  @ApiProperty({
    description:
      "Reminders queued (manual or scheduled), sent or not yet; the scheduled ones stop at the round's maximum.",
  })
  remindersQueued: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the link was revoked (status revoked).' }) revokedAt:
    string | null;
  @ApiProperty({
    description: "True when staff corrected the address for this round (the universe keeps the institution's own).",
  })
  emailOverridden: boolean;
  @ApiProperty({
    nullable: true,
    enum: MAIL_OUTCOMES,
    description: 'State of the last invitation or reminder mail in the mail ledger.',
  })
  mailOutcome: MailOutcome | null;
  @ApiProperty({ nullable: true, type: String, description: "The SMTP server's reason when that mail failed." })
  mailError: string | null;
  @ApiProperty({ nullable: true, type: String }) mailUpdatedAt: string | null;
}

export class ResendResultDto {
  @ApiProperty({ description: 'Outbox event id of the mail: its delivery row shows the outcome.' }) eventId: string;
  @ApiProperty() email: string;
}

export class ReissueLinkDto {
  @ApiProperty({ required: false, default: false, description: 'Also mail the new link to the institution.' })
  @IsOptional()
  @IsBoolean()
  sendMail?: boolean;
}

export class ReissuedLinkDto {
  @ApiProperty({ description: 'The new link, shown this once: it is not stored in clear and cannot be listed again.' })
  link: string;
  @ApiProperty({ type: InvitationItemDto }) invitation: InvitationItemDto;
}

export class UpdateInvitationEmailDto {
  @ApiProperty({ example: 'transparencia@toluca.gob.mx', description: "The institution's address for this round." })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ReminderSettingsDto {
  @ApiProperty({ description: 'Send scheduled reminders while the round is open.' })
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({
    minimum: 1,
    maximum: 90,
    description: 'Days at least between the invitation (or the last reminder) and the next reminder.',
  })
  @IsInt()
  @Min(1)
  @Max(90)
  minDays: number;

  @ApiProperty({
    minimum: 0,
    maximum: 20,
    description: 'Most reminders per institution in the round (manual ones count too).',
  })
  @IsInt()
  @Min(0)
  @Max(20)
  maxCount: number;
}

export class ReminderSettingsResultDto extends ReminderSettingsDto {
  @ApiProperty() roundId: string;
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
