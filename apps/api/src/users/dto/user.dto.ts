import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CleanName } from '../../common/text';
import { STAFF_ROLES, type StaffRole } from '../../common/users/staff';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
  @ApiProperty({ required: false }) @IsOptional() @CleanName(200) displayName?: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
}

/** Invite a staff member by e-mail: they choose their own password through the link. */
export class InviteUserDto {
  @ApiProperty({ example: 'analista@infoem.example' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ required: false }) @IsOptional() @CleanName(200) displayName?: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
}

export class UpdateRoleDto {
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
}

export const STAFF_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  // Only staff accounts belong to a guarantor (citizens have none), so the listed roles are staff roles.
  @ApiProperty({ enum: STAFF_ROLES }) role: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    enum: STAFF_STATUSES,
    description: 'invited: the account has no password yet (the invitation is open or expired).',
  })
  status: StaffStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deactivatedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Expiry of the latest invitation link, while the account has no password.',
  })
  invitationExpiresAt: string | null;
}

export class StaffInviteTokenDto {
  @ApiProperty({ description: 'The token from the invitation link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class AcceptStaffInviteDto extends StaffInviteTokenDto {
  @ApiProperty({ minLength: 12, maxLength: 200 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
  @ApiProperty({ required: false }) @IsOptional() @CleanName(200) displayName?: string;
}

export class StaffInviteInfoDto {
  @ApiProperty() email: string;
  @ApiProperty({
    enum: [...STAFF_ROLES, 'cosigner'],
    description: 'cosigner: a co-signing organisation invited to rounds (issue #18), same activation link.',
  })
  role: string;
  @ApiProperty() guarantorName: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
