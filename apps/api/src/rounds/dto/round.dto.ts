import { applyDecorators } from '@nestjs/common';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  ValidateIf,
  Min,
  ValidateNested,
} from 'class-validator';
import { LEVELS, ROUND_STATUSES } from '@apertura/db';
import type { RoundStatus } from '@apertura/db';
import { PageQueryDto } from '../../common/page-query.dto';
import { ListInstitutionsQueryDto } from '../../universe/dto/universe.dto';
import {
  ApiDesignModels,
  ApiDesignProperty,
  DESIGN_DOC,
  DesignProblemDto,
  RoundDesignDto,
  UniverseStateDto,
} from './round-design.dto';
import { CleanName } from '../../common/text';

export class UniverseSelectionDto {
  @ApiProperty({ required: false, type: [String], example: ['15'], description: 'States (2-digit INEGI codes).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @Matches(/^\d{2}$/, { each: true, message: 'each cveEnt must be a 2-digit state code' })
  cveEnt?: string[];

  @ApiProperty({
    required: false,
    type: [String],
    example: ['15106'],
    description: 'Municipalities (5-digit INEGI codes), added to the states.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2469)
  @Matches(/^\d{5}$/, { each: true, message: 'each cvegeo must be a 5-digit municipality code' })
  cvegeo?: string[];

  @ApiProperty({ required: false, enum: LEVELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(LEVELS, { each: true })
  levels?: string[];

  @ApiProperty({
    required: false,
    type: [String],
    example: ['ayuntamiento'],
    description: 'Institution types (case-insensitive).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  types?: string[];

  @ApiProperty({
    required: false,
    type: [String],
    format: 'uuid',
    description: "Only these institutions of the guarantor's universe.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50000)
  @IsUUID('all', { each: true })
  institutionIds?: string[];
}

/** An optional design: absent is fine, `null` is refused (IsOptional would pass it to the service). */
const IsDesign = (absent: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ required: false, type: RoundDesignDto, description: `${DESIGN_DOC} ${absent}` }),
    ValidateIf((_: unknown, v: unknown) => v !== undefined),
    IsObject({ message: 'design must be an object', context: { es: 'design debe ser un objeto' } }),
    ValidateNested(),
    Type(() => RoundDesignDto),
  );

const SELECTION_DOC =
  'Which institutions of the universe the round covers. Empty or absent lists do not restrict. States and municipalities are a union ' +
  '(all of the states plus the municipalities); levels, types and institutionIds narrow that. Frozen into the round when it opens.';

const SETTINGS_DOC =
  'Method settings (docs/method.md): any subset of `{ weights: { TG|TC|PG|PC: { component: weight } }, thresholds: {…}, bootstrapReplicates, confidence }`, ' +
  'merged over the method defaults (docs/method.md) and stored complete. A given sub-index weight map replaces the default one. Invalid → 422 SETTINGS_INVALID ' +
  'with `details.problems: [{ path, message }]`.';

export class CreateRoundDto {
  @ApiProperty({ example: 'Diagnóstico 2025 — Estado de México' })
  @CleanName(200)
  name: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Submissions are accepted from this instant (once the round is open).',
  })
  @IsDateString({ strict: true })
  opensAt: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Submissions are refused from this instant; must be after opensAt.',
  })
  @IsDateString({ strict: true })
  closesAt: string;

  @ApiProperty({ format: 'uuid', description: 'A questionnaire version of kind `institution`.' })
  @IsUUID()
  institutionQuestionnaireId: string;

  @ApiProperty({ format: 'uuid', description: 'A questionnaire version of kind `citizen`.' })
  @IsUUID()
  citizenQuestionnaireId: string;

  @ApiProperty({ required: false, type: UniverseSelectionDto, description: SELECTION_DOC })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UniverseSelectionDto)
  universeSelection?: UniverseSelectionDto;

  @ApiProperty({
    required: false,
    minimum: 1,
    maximum: 1000,
    default: 50,
    description:
      'Most versions one institution may submit in this round (every version is kept and audited); beyond it 409 VERSION_LIMIT_REACHED.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxVersionsPerResponse?: number;

  @ApiProperty({ required: false, type: Object, additionalProperties: true, description: SETTINGS_DOC })
  @IsOptional()
  // Taken verbatim: resolveSettings (libs/metric) validates it and reports every problem by path.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj.settings)
  @IsObject()
  settings?: Record<string, unknown>;

  @IsDesign('Absent on creation: census.')
  design?: RoundDesignDto;
}

/** Any subset of the creation fields; only while the round is a draft. `settings` replaces the round's settings. */
export class UpdateRoundDto extends PartialType(OmitType(CreateRoundDto, ['design'] as const)) {
  // Declared again: PartialType would add IsOptional, which lets `null` through.
  @IsDesign('Absent: the design is kept.')
  design?: RoundDesignDto;
}

export class ListRoundsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: ROUND_STATUSES })
  @IsOptional()
  @IsIn(ROUND_STATUSES)
  status?: RoundStatus;
}

export class RoundUniverseQueryDto extends ListInstitutionsQueryDto {}

export class UniverseSelectionViewDto {
  @ApiProperty({ required: false, type: [String] }) cveEnt?: string[];
  @ApiProperty({ required: false, type: [String] }) cvegeo?: string[];
  @ApiProperty({ required: false, type: [String] }) levels?: string[];
  @ApiProperty({ required: false, type: [String] }) types?: string[];
  @ApiProperty({ required: false, type: [String] }) institutionIds?: string[];
}

@ApiDesignModels()
export class RoundDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ format: 'uuid' }) institutionQuestionnaireId: string;
  @ApiProperty({ format: 'uuid' }) citizenQuestionnaireId: string;
  @ApiProperty({ type: UniverseSelectionViewDto }) universeSelection: UniverseSelectionViewDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Complete method settings (defaults merged).',
  })
  settings: Record<string, unknown>;
  @ApiDesignProperty(DESIGN_DOC) design: RoundDesignDto;
  @ApiProperty({ description: 'Citizens can be assigned institutions of this round.' }) validationOpen: boolean;
  @ApiProperty({ description: 'Generated demo data.' }) synthetic: boolean;
  @ApiProperty({ description: 'Most versions one institution may submit in this round.' })
  maxVersionsPerResponse: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) openedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class QuestionnaireRefDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() slug: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
}

export class RoundCountsDto {
  @ApiProperty({ description: 'Active invitations.' }) invitations: number;
  @ApiProperty({ description: 'Responses saved as drafts.' }) drafts: number;
  @ApiProperty({ description: 'Responses submitted.' }) submitted: number;
}

/** The rebuild a publication waits for (issue #13 item 7): the round turns `published` when it is done. */
export class PublicationDto {
  @ApiProperty({ format: 'uuid', description: 'Recompute run (GET /api/rounds/{id}/recompute/{runId}).' })
  runId: string;
  @ApiProperty({
    enum: ['queued', 'running', 'done', 'failed'],
    description: 'failed: the round stays closed; publish again to retry.',
  })
  status: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
}

export class RoundDetailDto extends RoundDto {
  @ApiProperty({
    nullable: true,
    type: PublicationDto,
    description:
      'Set once publication was requested: publishing rebuilds every result first and the round stays closed until that rebuild is done.',
  })
  publication: PublicationDto | null;
  @ApiProperty({
    description: 'Institutions in the round: frozen at opening; before that, what the selection matches now.',
  })
  universeSize: number;
  @ApiProperty({ description: 'True once the universe is frozen (the round has opened).' }) universeFrozen: boolean;
  @ApiProperty({ type: QuestionnaireRefDto }) institutionQuestionnaire: QuestionnaireRefDto;
  @ApiProperty({ type: QuestionnaireRefDto }) citizenQuestionnaire: QuestionnaireRefDto;
  @ApiProperty({ type: RoundCountsDto }) counts: RoundCountsDto;
  @ApiProperty({
    type: [UniverseStateDto],
    description: 'States of the round universe (frozen or, for a draft, as the selection matches now), by code.',
  })
  universeStates: UniverseStateDto[];
  @ApiProperty({
    type: [DesignProblemDto],
    description:
      'Problems of the design against the universe as it is now (a draft universe can change with imports); opening is refused while any remain. Empty for a census.',
  })
  designProblems: DesignProblemDto[];
}

export class RoundPageDto {
  @ApiProperty({ type: [RoundDto] }) items: RoundDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
