import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

/** `GET /api/audit` filters: exact action / entity, and a time window `[from, to)`. */
export class AuditQueryDto extends PageQueryDto {
  @ApiProperty({
    required: false,
    example: 'round.open',
    description: 'Exact action, or a prefix ending in `.*` (e.g. `round.*`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9.-]*(\.\*)?$/, { message: 'action must look like round.open or round.*' })
  action?: string;

  @ApiProperty({ required: false, example: 'round' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'entityType must be lower-case letters, digits, - or _' })
  entityType?: string;

  @ApiProperty({ required: false, description: 'Id of the entity (a UUID for most entities).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[\w.:-]+$/, { message: 'entityId must be an identifier' })
  entityId?: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Records of this account (see GET /api/users for the staff).',
  })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Records about this round: the round itself, or an entity of it (details.roundId).',
  })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'Records at or after this instant.' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'Records strictly before this instant.' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Sequence number (increasing).' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Account that acted; null for institutions (invitation links) and the system.',
  })
  actorUserId: string | null;
  @ApiProperty({ description: "Role of the actor, or 'institution' / 'system'." }) actorRole: string;
  @ApiProperty({ example: 'round.open' }) action: string;
  @ApiProperty({ example: 'round' }) entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
