import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class UploadEvidenceDto {
  @ApiProperty({ description: 'Name of the questionnaire question the file supports.', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/^[^\u0000-\u001f]+$/, { message: 'questionName must not contain control characters' })
  questionName: string;
}

/** Multipart body as documented in OpenAPI (the file itself is read by the interceptor). */
export class UploadEvidenceFormDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      '≤ 10 MB; PDF, PNG, JPEG, GIF, WebP, DOCX/XLSX/PPTX, ODT/ODS/ODP, plain text or CSV (detected from the content).',
  })
  file: unknown;
  @ApiProperty({ maxLength: 200 }) questionName: string;
}

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) questionName: string | null;
  @ApiProperty() filename: string;
  @ApiProperty({ description: 'Content type detected from the bytes (not the one the client declared).' })
  mimeType: string;
  @ApiProperty({ description: 'Bytes.' }) size: number;
  @ApiProperty({ description: 'sha256 of the content, hex.' }) sha256: string;
}
