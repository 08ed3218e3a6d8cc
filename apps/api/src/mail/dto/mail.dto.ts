import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import {
  MAIL_BODY_MAX,
  MAIL_OUTCOMES,
  MAIL_SUBJECT_MAX,
  MAIL_TEMPLATE_KINDS,
  MAIL_TEMPLATE_LOCALES,
  MailOutcome,
  MailTemplateKind,
  MailTemplateLocale,
} from '@apertura/db';
import { PageQueryDto } from '../../common/page-query.dto';

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: MAIL_OUTCOMES, description: 'Only mails in this state.' })
  @IsOptional()
  @IsIn(MAIL_OUTCOMES)
  outcome?: MailOutcome;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Only mails of this round (invitations, reminders, notices).',
  })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}

export class DeliveryCountsDto {
  @ApiProperty() queued: number;
  @ApiProperty() sent: number;
  @ApiProperty() skipped: number;
  @ApiProperty({ description: 'Failed at least once and will be retried.' }) failed: number;
  @ApiProperty({ description: 'No retry left: the mail did not leave (see lastError).' }) given_up: number;
  @ApiProperty({ description: 'Failed or given up, then re-sent by staff (a newer row holds the new attempt).' })
  resent: number;
}

export class DeliveryDto {
  @ApiProperty({ description: 'Outbox event id of the mail.' }) eventId: string;
  @ApiProperty({
    example: 'invitation',
    description: 'invitation, invitation-reminder, verify-email, refutation-notice, submission-receipt or test.',
  })
  kind: string;
  @ApiProperty({ enum: MAIL_OUTCOMES }) outcome: MailOutcome;
  @ApiProperty({ nullable: true, type: String }) recipient: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) roundId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) institutionId: string | null;
  @ApiProperty({ nullable: true, type: String }) institutionName: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The SMTP server's answer (or the connection error) of the last failed attempt.",
  })
  lastError: string | null;
  @ApiProperty({ description: 'When the mail was queued.' }) queuedAt: string;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Outcome resent: the event id of the re-sent message.' })
  resentAs: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'This message re-sends that event id.' }) resentFrom:
    string | null;
}

export class DeliveryPageDto {
  @ApiProperty({
    type: DeliveryCountsDto,
    description: 'Mails per state for the same filter (round), whatever the outcome filter.',
  })
  counts: DeliveryCountsDto;
  @ApiProperty({ type: DeliveryCountsDto, description: 'Mails per state changed in the last 24 hours.' })
  last24h: DeliveryCountsDto;
  @ApiProperty() total: number;
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
}

export class CapturedMailDto {
  @ApiProperty() id: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String], description: 'Links in the message (invitation, verification …).' }) links: string[];
  @ApiProperty({ nullable: true, type: String }) eventId: string | null;
}

export class CapturedPageDto {
  @ApiProperty({
    description: 'True when mail goes to the development catcher (no SMTP_URL); false when SMTP_URL delivers it.',
  })
  catcher: boolean;
  @ApiProperty() total: number;
  @ApiProperty({ type: [CapturedMailDto] }) items: CapturedMailDto[];
}

export class TestMailDto {
  @ApiProperty({ required: false, description: "Recipient; the signed-in admin's own address when omitted." })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  to?: string;
}

export class TestMailQueuedDto {
  @ApiProperty({ description: 'Outbox event id: its delivery row shows the outcome.' }) eventId: string;
  @ApiProperty() to: string;
}

export class DeliveryEventParamDto {
  @ApiProperty({ description: 'Outbox event id of the mail (DeliveryDto.eventId).', example: '42' })
  @IsString()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'eventId must be a positive integer' })
  eventId: string;
}

export class MailResentDto {
  @ApiProperty({ description: 'Outbox event id of the new message: its delivery row shows the new attempt.' })
  eventId: string;
  @ApiProperty({ description: 'The event id of the failed message, now in state resent.' }) resentFrom: string;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
}

export class MailTemplateKeyDto {
  @ApiProperty({ enum: MAIL_TEMPLATE_KINDS })
  @IsIn(MAIL_TEMPLATE_KINDS)
  kind: MailTemplateKind;

  @ApiProperty({ enum: MAIL_TEMPLATE_LOCALES })
  @IsIn(MAIL_TEMPLATE_LOCALES)
  locale: MailTemplateLocale;
}

export class SaveMailTemplateDto extends MailTemplateKeyDto {
  @ApiProperty({ maxLength: MAIL_SUBJECT_MAX, example: 'Invitación: {{round}} — {{institution}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAIL_SUBJECT_MAX)
  subject: string;

  @ApiProperty({
    maxLength: MAIL_BODY_MAX,
    description: 'Plain text; blank lines separate paragraphs; {{link}} is required.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAIL_BODY_MAX)
  body: string;
}

export class MailTemplateDto {
  @ApiProperty({ enum: MAIL_TEMPLATE_KINDS }) kind: MailTemplateKind;
  @ApiProperty({ enum: MAIL_TEMPLATE_LOCALES }) locale: MailTemplateLocale;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'False: the built-in text (the guarantor has not saved one).' }) custom: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class MailTemplateListDto {
  @ApiProperty({ type: [MailTemplateDto] }) items: MailTemplateDto[];
  @ApiProperty({ type: [String], description: 'The only variables a template may use, as {{name}}.' })
  variables: string[];
}

export class MailPreviewDto {
  @ApiProperty({ description: 'Subject of the message (from the Spanish template).' }) subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'The HTML part, every value escaped.' }) html: string;
}
