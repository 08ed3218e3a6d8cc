import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@apertura/db';

export class LoginDto {
  @ApiProperty({ example: 'admin@infoem.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String }) guarantorId: string | null;
  @ApiProperty() emailVerified: boolean;
}

export class SessionDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() expiresIn: number;
  @ApiProperty({ type: () => MeDto }) user: MeDto;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ana@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

export class PasswordResetDoneDto {
  @ApiProperty({ example: true }) reset: boolean;
}
