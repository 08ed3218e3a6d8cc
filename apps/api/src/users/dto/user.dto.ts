import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CleanName } from '../../common/text';

/** Staff roles a guarantor admin may grant (citizens register themselves; institutions use invitations). */
export const STAFF_ROLES = ['guarantor_admin', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
  @ApiProperty({ required: false }) @IsOptional() @CleanName(200) displayName?: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
}

export class UpdateRoleDto {
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty() role: string;
  @ApiProperty() createdAt: string;
}
