import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
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
  @ApiProperty({ type: [InstitutionRefDto], description: 'Declared conflicts of interest.' }) conflicts: InstitutionRefDto[];
}

export class UpdateProfileDto {
  @ApiProperty({ required: false, nullable: true, type: String, maxLength: 200 })
  @IsOptional() @ValidateIf((_, v) => v !== null) @CleanName(200)
  displayName?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, example: '15106' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d{5}$/, { message: 'cvegeo must be a 5-digit INEGI code' })
  cvegeo?: string | null;
}

export class ConflictsDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 100, description: 'Replaces the whole set.' })
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  institutionIds: string[];
}

export class InstitutionSearchQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Part of the name (accent- and case-insensitive).', minLength: 2 })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, example: '15' })
  @IsOptional() @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, example: '15106' })
  @IsOptional() @Matches(/^\d{5}$/)
  cvegeo?: string;
}

export class InstitutionPageDto {
  @ApiProperty({ type: [InstitutionRefDto] }) items: InstitutionRefDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
