import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { VERDICTS } from '@apertura/db';
import type { AssignmentStatus, VerdictValue } from '@apertura/db';
import { InstitutionRefDto, PageQueryDto } from '../../dto/common.dto';
import { ApiJsonValue } from '../../../common/api-json-value.decorator';

export const ASSIGNMENT_STATUSES = ['active', 'completed', 'expired'] as const;
export const ASSIGNMENT_KINDS = ['claims', 'citizen_report_only'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export class LocalizedTextDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class VerdictDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() questionName: string;
  @ApiProperty({ enum: VERDICTS }) verdict: VerdictValue;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) evidenceFileId: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() updatedAt: string;
}

export class EvidenceFileRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() size: number;
}

export class ClaimDto {
  @ApiProperty() questionName: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ example: 'TG.AI' }) component: string;
  @ApiJsonValue({
    nullable: true,
    description: "The institution's submitted answer (any JSON value); null when not answered.",
  })
  selfReported: unknown;
  @ApiProperty({ description: 'The institution answered it: a verdict is expected.' }) answered: boolean;
  @ApiProperty({ type: [String] }) evidenceUrls: string[];
  @ApiProperty({ type: [EvidenceFileRefDto] }) evidenceFiles: EvidenceFileRefDto[];
  @ApiProperty({ nullable: true, type: VerdictDto }) verdict: VerdictDto | null;
}

export class CitizenQuestionnaireDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'SurveyJS JSON.', type: 'object', additionalProperties: true }) definition: Record<
    string,
    unknown
  >;
}

export class CitizenReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() updatedAt: string;
}

export class AssignmentProgressDto {
  @ApiProperty({ description: 'Claims the institution answered (each needs a verdict).' }) claimsToCheck: number;
  @ApiProperty({ description: 'Verdicts given on those claims.' }) verdicts: number;
  @ApiProperty() reportSubmitted: boolean;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'The round takes verdicts and reports now.' }) acceptingSubmissions: boolean;
  @ApiProperty({ type: InstitutionRefDto }) institution: InstitutionRefDto;
  @ApiProperty() selfReportSubmitted: boolean;
  @ApiProperty({
    enum: ASSIGNMENT_KINDS,
    description:
      "'claims': the institution's submitted self-report has claims to verify; 'citizen_report_only': no submitted self-report (or no answered claim), only the citizen report is asked for.",
  })
  kind: AssignmentKind;
  @ApiProperty({ type: [ClaimDto] }) claims: ClaimDto[];
  @ApiProperty({ type: CitizenQuestionnaireDto }) citizenQuestionnaire: CitizenQuestionnaireDto;
  @ApiProperty({ nullable: true, type: CitizenReportDto }) report: CitizenReportDto | null;
  @ApiProperty({ type: AssignmentProgressDto }) progress: AssignmentProgressDto;
}

export class AssignmentPageDto {
  @ApiProperty({ type: [AssignmentDto] }) items: AssignmentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AssignmentListQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiProperty({ required: false, enum: ASSIGNMENT_STATUSES, description: 'Default: active and completed.' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class RequestAssignmentsDto {
  @ApiProperty({
    required: false,
    default: 3,
    minimum: 1,
    maximum: 10,
    description: 'Active assignments to hold in this round (the engine tops up to it).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  max?: number;
}

export class RequestAssignmentsResultDto {
  @ApiProperty({
    description: 'New assignments made by this request (0 when none is left or you already hold enough).',
  })
  created: number;
  @ApiProperty({ type: [AssignmentDto], description: 'Your active assignments in this round.' }) items: AssignmentDto[];
}

export class MyAssignmentCountsDto {
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty() expired: number;
}

export class CitizenRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() guarantorName: string;
  @ApiProperty() status: string;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty() acceptingSubmissions: boolean;
  @ApiProperty({ type: MyAssignmentCountsDto }) myAssignments: MyAssignmentCountsDto;
}

export class CitizenRoundPageDto {
  @ApiProperty({ type: [CitizenRoundDto] }) items: CitizenRoundDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class VerdictCountsDto {
  @ApiProperty() confirmed: number;
  @ApiProperty() refuted: number;
  @ApiProperty() unverifiable: number;
}

export class ResultPointDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Index I of the institution.' }) estimate: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['not_validated', 'inconclusive', 'caution', 'conclusive'] })
  status: string | null;
}

export class HistoryResultDto {
  @ApiProperty({
    nullable: true,
    type: ResultPointDto,
    description: 'When you first saved work on it (null: no result computed then).',
  })
  before: ResultPointDto | null;
  @ApiProperty({ nullable: true, type: ResultPointDto, description: 'The published result now.' })
  after: ResultPointDto | null;
}

export class HistoryItemDto {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty() roundStatus: string;
  @ApiProperty({ type: InstitutionRefDto }) institution: InstitutionRefDto;
  @ApiProperty({ enum: ASSIGNMENT_KINDS }) kind: AssignmentKind;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty() assignedAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() claimsToCheck: number;
  @ApiProperty({ type: VerdictCountsDto }) verdicts: VerdictCountsDto;
  @ApiProperty({ nullable: true, type: String }) reportUpdatedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: HistoryResultDto,
    description: 'Only for published rounds: the result before your work and now.',
  })
  result: HistoryResultDto | null;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryItemDto] }) items: HistoryItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
