import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { VERDICTS } from '@apertura/db';
import type { VerdictValue } from '@apertura/db';
import { ASSIGNMENT_STATUSES, CitizenReportDto, VerdictDto } from '../../assignments/dto/assignment.dto';

export class SaveVerdictDto {
  @ApiProperty({ enum: VERDICTS })
  @IsIn(VERDICTS)
  verdict: VerdictValue;

  @ApiProperty({ required: false, example: 'https://transparencia.example.gob.mx/actas/2025.pdf', maxLength: 2048 })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_valid_protocol: true },
    { message: 'evidenceUrl must be an https URL' },
  )
  @MaxLength(2048)
  evidenceUrl?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'A file you uploaded with POST …/evidence.' })
  @IsOptional()
  @IsUUID()
  evidenceFileId?: string;

  @ApiProperty({ required: false, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class SaveVerdictResultDto {
  @ApiProperty({ type: VerdictDto }) verdict: VerdictDto;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) assignmentStatus: string;
}

/** One item of a batch save (checked item by item by the service, so each claim gets its own errors). */
export class BatchVerdictItemDto {
  @ApiProperty() questionName: string;
  @ApiProperty({ enum: VERDICTS }) verdict: VerdictValue;
  @ApiProperty({ required: false, maxLength: 2048 }) evidenceUrl?: string;
  @ApiProperty({ required: false, format: 'uuid' }) evidenceFileId?: string;
  @ApiProperty({ required: false, maxLength: 4000 }) comment?: string;
}

export class SaveVerdictsDto {
  @ApiProperty({ type: [BatchVerdictItemDto], description: 'Every verdict to save; all or nothing.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  verdicts: unknown[];
}

export class SaveVerdictsResultDto {
  @ApiProperty({ type: [VerdictDto] }) verdicts: VerdictDto[];
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) assignmentStatus: string;
}

export class SaveReportDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Answers of the citizen questionnaire (SurveyJS data).',
  })
  @IsObject()
  data: Record<string, unknown>;
}

export class SaveReportResultDto {
  @ApiProperty({ type: CitizenReportDto }) report: CitizenReportDto;
  @ApiProperty({
    type: [String],
    description: 'Answers dropped because their question is hidden by the questionnaire logic.',
  })
  cleared: string[];
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) assignmentStatus: string;
}

/** The non-file fields of the multipart upload (what the validation pipe sees). */
export class EvidenceUploadDto {
  @ApiProperty({ required: false, description: 'The claim the file supports.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  questionName?: string;
}

/** The whole multipart form, for OpenAPI only. */
export class EvidenceUploadFormDto extends EvidenceUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: '≤ 10 MB; type detected from the content.' })
  file: unknown;
}

export class EvidenceFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}
