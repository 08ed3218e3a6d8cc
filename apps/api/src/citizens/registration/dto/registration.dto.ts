import { SessionDto } from '../../../auth/dto/login.dto';
import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CleanName } from '../../../common/text';

export class RegisterValidatorDto {
  @ApiProperty({ example: 'ana@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ required: false, maxLength: 200, description: 'Only guarantor admins ever see it.' })
  @IsOptional()
  @CleanName(200)
  displayName?: string;

  @ApiProperty({ required: false, example: '15106', description: 'INEGI municipality of residence (optional).' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'cvegeo must be a 5-digit INEGI code' })
  cvegeo?: string;

  @ApiProperty({ enum: [true], description: 'Consent to the privacy notice: must be literally true.' })
  @Equals(true, { message: 'consent must be true (accept the privacy notice)' })
  consent: true;

  @ApiProperty({ example: '2025-01', maxLength: 32, description: 'Version of the privacy notice that was shown.' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  privacyNoticeVersion: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the verification link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class VerifiedDto {
  @ApiProperty({ example: true }) verified: boolean;
  /** Issue #15 item 5: the link signs the validator in (the session cookie goes to our own pages). */
  @ApiProperty({ type: () => SessionDto }) session: SessionDto;
}

export class ResendVerificationDto {
  @ApiProperty({ example: 'ana@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}
