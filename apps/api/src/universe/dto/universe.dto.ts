import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LEVELS } from '@apertura/db';
import type { Level } from '@apertura/db';
import { ErrorMessagesDto } from '../../common/api-errors.decorator';
import { UNIVERSE_ISSUE_CODES } from '@apertura/geo';
import { PageQueryDto } from '../../common/page-query.dto';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class ImportUniverseQueryDto {
  @ApiProperty({
    required: false,
    default: false,
    description: 'Validate and count what would change, without writing anything.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun = false;

  @ApiProperty({
    required: false,
    default: false,
    description:
      'Run as a background import (202 + Location) whatever the size. `text/csv` bodies above 256 KB (or without Content-Length) always do.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  async = false;
}

/** JSON alternative to a `text/csv` body (limited to 1 MB by the JSON parser; send `text/csv` for bigger files). */
export class ImportUniverseJsonDto {
  @ApiProperty({
    description: 'CSV text with header `name,type,level,cve_ent,cvegeo,email[,key]`.',
    example:
      'name,type,level,cve_ent,cvegeo,email\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.gob.mx\n',
  })
  @IsString()
  csv: string;
}

export class UniverseImportResultDto {
  @ApiProperty({ description: 'True when nothing was written (`?dryRun=true`).' }) dryRun: boolean;
  @ApiProperty({ description: 'New institutions.' }) inserted: number;
  @ApiProperty({ description: 'Existing institutions (same key) whose data changed.' }) updated: number;
  @ApiProperty({ description: 'Existing institutions with identical data.' }) unchanged: number;
  @ApiProperty({ description: 'Rows in the file.' }) total: number;
  @ApiProperty({
    description: "Institutions of the guarantor's universe absent from this file (kept: rounds may refer to them).",
  })
  notInFile: number;
}

/** One problem of a rejected file; documents `details.errors` of a 422 UNIVERSE_INVALID. */
export class UniverseIssueDto {
  @ApiProperty({ description: '1-based line of the file (header = 1).', example: 3 }) line: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Column at fault, or null for the whole row/file.',
    example: 'cvegeo',
  })
  column: string | null;
  @ApiProperty({ enum: UNIVERSE_ISSUE_CODES, example: 'UNKNOWN_CVEGEO' }) code: string;
  @ApiProperty({ type: ErrorMessagesDto }) message: ErrorMessagesDto;
}

export class UniverseInvalidDetailsDto {
  @ApiProperty({ type: [UniverseIssueDto], description: 'At most 1,000 problems, in file order.' })
  errors: UniverseIssueDto[];
  @ApiProperty({ description: 'Total number of problems found.' }) errorCount: number;
  @ApiProperty({ description: 'Data rows read.' }) rowsRead: number;
}

export const INSTITUTION_STATUSES = ['active', 'retired', 'all'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

export class ListInstitutionsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'State (2-digit INEGI code).', example: '15' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;

  @ApiProperty({ required: false, description: 'Municipality (5-digit INEGI code).', example: '15106' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  cvegeo?: string;

  @ApiProperty({ required: false, enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiProperty({ required: false, description: 'Institution type (case-insensitive).', example: 'ayuntamiento' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiProperty({ required: false, description: 'Text contained in the name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiProperty({
    required: false,
    enum: INSTITUTION_STATUSES,
    description:
      'Padrón status: `active` (default for the universe), `retired`, or `all`. A round that opened lists all of its own by default.',
  })
  @IsOptional()
  @IsIn(INSTITUTION_STATUSES)
  status?: InstitutionStatus;
}

export class InstitutionActionDto {
  @ApiProperty({ required: false, maxLength: 500, description: 'Why (kept in the audit log).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class InstitutionDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Stable key used for idempotent re-import.' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: LEVELS }) level: string;
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) stateName: string;
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty({ example: 'Toluca' }) municipalityName: string;
  @ApiProperty() email: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'When it was retired from the padrón (null: active).' })
  retiredAt: string | null;
}

export class InstitutionPageDto {
  @ApiProperty({ type: [InstitutionDto] }) items: InstitutionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StateCountDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) name: string;
  @ApiProperty() count: number;
}

export class LevelCountDto {
  @ApiProperty({ enum: LEVELS }) level: string;
  @ApiProperty() count: number;
}

export class TypeCountDto {
  @ApiProperty() type: string;
  @ApiProperty() count: number;
}

export class UniverseSummaryDto {
  @ApiProperty({ description: 'Active institutions in the universe (retired ones are counted apart).' }) total: number;
  @ApiProperty({ description: 'Institutions retired from the padrón (kept for the rounds that included them).' })
  retired: number;
  @ApiProperty({ description: 'Distinct municipalities with at least one institution.' }) municipalities: number;
  @ApiProperty({ type: [StateCountDto] }) byState: StateCountDto[];
  @ApiProperty({ type: [LevelCountDto] }) byLevel: LevelCountDto[];
  @ApiProperty({ type: [TypeCountDto] }) byType: TypeCountDto[];
}

export const IMPORT_STATES = ['receiving', 'queued', 'parsing', 'validating', 'importing', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export class ImportProgressDto {
  @ApiProperty({ description: 'Bytes of the file read by the import so far.' }) bytesProcessed: number;
  @ApiProperty({ description: 'Size of the file in bytes.' }) totalBytes: number;
  @ApiProperty({ description: 'Data rows read so far.' }) rowsProcessed: number;
  @ApiProperty({ description: 'Problems found so far.' }) errorCount: number;
  @ApiProperty({ description: 'Whole percent done (100 when finished).', minimum: 0, maximum: 100 }) percent: number;
}

/** A failed import: the synchronous route's 422 body (UNIVERSE_INVALID), or INTERNAL when it could not be carried out. */
export class ImportErrorDto {
  @ApiProperty({ example: 'UNIVERSE_INVALID' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: ErrorMessagesDto }) messages: ErrorMessagesDto;
  @ApiProperty({ required: false, description: 'Column of the first problem.' }) field?: string;
  @ApiProperty({ required: false, type: UniverseInvalidDetailsDto }) details?: UniverseInvalidDetailsDto;
}

export class UniverseImportJobDto {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: IMPORT_STATES,
    description:
      'receiving (the upload is being stored) → queued → parsing → validating → importing → done | failed. A file with any bad row fails and imports nothing.',
  })
  state: ImportState;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({
    required: false,
    type: UniverseImportResultDto,
    description: 'When done: the same report as the synchronous route.',
  })
  result?: UniverseImportResultDto;
  @ApiProperty({ required: false, type: ImportErrorDto, description: 'When failed.' }) error?: ImportErrorDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class UniverseImportPageDto {
  @ApiProperty({ type: [UniverseImportJobDto] }) items: UniverseImportJobDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** `?page&pageSize` of the imports list (newest first). */
export class ListImportsQueryDto extends PageQueryDto {}
