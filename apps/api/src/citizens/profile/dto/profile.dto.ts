import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { InstitutionRefDto, PageQueryDto } from '../../dto/common.dto';
import { CleanName } from '../../../common/text';

export class ResidenceDto {
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty({ example: 'Toluca' }) name: string;
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) stateName: string;
}

/** The validator's own profile: personal data, shown only to its owner (and to guarantor admins elsewhere). */
export class ValidatorProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ example: 'V-7F3K9Q' }) pseudonym: string;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty({ nullable: true, type: String }) cvegeo: string | null;
  @ApiProperty({ nullable: true, type: ResidenceDto }) municipality: ResidenceDto | null;
  @ApiProperty() consentAt: string;
  @ApiProperty() privacyNoticeVersion: string;
  @ApiProperty() registeredAt: string;
  @ApiProperty({
    description: 'True: no optional mails (new assignments, expiry reminders, digests of result changes).',
  })
  mailOptOut: boolean;
  @ApiProperty({ type: [InstitutionRefDto], description: 'Declared conflicts of interest.' })
  conflicts: InstitutionRefDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'Reason of each declared conflict, by institution id (null: declared before reasons were required).',
  })
  conflictReasons: Record<string, string | null>;
}

export class UpdateProfileDto {
  @ApiProperty({
    required: false,
    description: 'Stop (true) or resume (false) the optional mails: new assignments, expiry reminders, digests.',
  })
  @IsOptional()
  @IsBoolean()
  mailOptOut?: boolean;

  @ApiProperty({ required: false, nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @CleanName(200)
  displayName?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, example: '15106' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{5}$/, { message: 'cvegeo must be a 5-digit INEGI code' })
  cvegeo?: string | null;
}

export class ConflictDeclarationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  institutionId: string;

  @ApiProperty({
    maxLength: 500,
    example: 'Trabajo en esta institución.',
    description: 'Required: why you cannot validate it (400 CONFLICT_REASON_REQUIRED otherwise).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/**
 * Replaces the whole set. `conflicts` carries a reason per institution; the older `institutionIds`
 * form has no reasons and is only accepted empty (to clear the set).
 */
export class ConflictsDto {
  @ApiProperty({ type: [ConflictDeclarationDto], maxItems: 100, required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConflictDeclarationDto)
  conflicts?: ConflictDeclarationDto[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    required: false,
    deprecated: true,
    description: 'Without reasons: only [] (clears).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  institutionIds?: string[];
}

export class InstitutionSearchQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Part of the name (accent- and case-insensitive).', minLength: 2 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, example: '15' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, example: '15106' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  cvegeo?: string;
}

export class InstitutionSearchPageDto {
  @ApiProperty({ type: [InstitutionRefDto] }) items: InstitutionRefDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
