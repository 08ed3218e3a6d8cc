import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const REPORT_TARGETS = ['value', 'evidence', 'other'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_STATUSES = ['open', 'acknowledged', 'fixed', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const MAX_DESCRIPTION = 2000;
export const MAX_TARGET_REF = 500;
export const MAX_REPLY = 4000;

export class CreateReportDto {
  @ApiProperty({
    enum: REPORT_TARGETS,
    description: 'A published value, an evidence link, or something else on the page.',
  })
  @IsIn(REPORT_TARGETS)
  targetKind: ReportTarget;
  @ApiProperty({
    required: false,
    maxLength: MAX_TARGET_REF,
    description: 'Which value (e.g. "I", "TG.AI") or which evidence link (its address).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TARGET_REF)
  targetRef?: string;
  @ApiProperty({ required: false, format: 'uuid', description: 'The institution the value or link belongs to.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
  @ApiProperty({
    minLength: 10,
    maxLength: MAX_DESCRIPTION,
    description: 'What is wrong (public: do not include personal data).',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(MAX_DESCRIPTION)
  description: string;
  @ApiProperty({
    required: false,
    description: 'Optional address for questions; never public, never mailed automatically.',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;
  @ApiProperty({ required: false, description: 'Leave empty (a field people do not see; automated senders fill it).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;
}

export class ReportReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ description: 'Public status page of the report (path).' }) statusPath: string;
}

/** What anyone sees of a report: no reporter data. */
export class PublicReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ nullable: true, type: String }) institutionId: string | null;
  @ApiProperty({ nullable: true, type: String }) institutionName: string | null;
  @ApiProperty({ enum: REPORT_TARGETS }) targetKind: ReportTarget;
  @ApiProperty() targetRef: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty() publicReply: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** The operator's queue adds the private contact. */
export class StaffReportDto extends PublicReportDto {
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
}

export class ReportQueueQueryDto {
  @ApiProperty({ required: false, enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: ReportStatus;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID() roundId?: string;
}

export class TriageReportDto {
  @ApiProperty({ enum: REPORT_STATUSES.filter((s) => s !== 'open') })
  @IsIn(['acknowledged', 'fixed', 'rejected'])
  status: Exclude<ReportStatus, 'open'>;
  @ApiProperty({
    required: false,
    maxLength: MAX_REPLY,
    description: 'Public reply (required to close a report as fixed or rejected).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REPLY)
  publicReply?: string;
}
