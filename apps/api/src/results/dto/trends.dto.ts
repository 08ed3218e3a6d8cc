import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { NoticeDto, PublicGuarantorDto, ResultValueDto } from './results.dto';

/** Units a trend follows across rounds (the same keys as metric_result.scope). */
export const TREND_SCOPES = ['institution', 'municipality', 'state', 'national'] as const;
export type TrendScope = (typeof TREND_SCOPES)[number];
/** Headline indices and sub-indices (issue #16): the raw and ΔG diagnostics have no public trend. */
export const TREND_INDICATORS = ['I', 'T', 'P', 'TG', 'TC', 'PG', 'PC', 'I_G'] as const;
export const TREND_AGGREGATIONS = ['unweighted', 'mean_of_municipalities', 'population_weighted'] as const;

export class TrendQueryDto {
  @ApiProperty({
    required: false,
    example: 'infoem',
    description:
      'The guarantor, by slug: its real rounds, or its synthetic ones when it has no real round. Give `guarantor` or `round`.',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/)
  guarantor?: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description:
      'Any published round: the trend of its guarantor, over rounds of the same kind (real or synthetic) as this one.',
  })
  @IsOptional()
  @IsUUID()
  round?: string;

  @ApiProperty({ enum: TREND_SCOPES })
  @IsIn(TREND_SCOPES)
  scope: TrendScope;

  @ApiProperty({
    required: false,
    description: 'institution: its id; municipality: 5-digit cvegeo; state: 2-digit cve_ent; national: omitted.',
    example: '15',
  })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[0-9a-f-]{2,64}$/)
  key?: string;

  @ApiProperty({ required: false, enum: TREND_INDICATORS, default: 'I' })
  @IsOptional()
  @IsIn(TREND_INDICATORS)
  indicator: (typeof TREND_INDICATORS)[number] = 'I';

  @ApiProperty({
    required: false,
    enum: TREND_AGGREGATIONS,
    default: 'unweighted',
    description: 'Areas only (institutions have one value).',
  })
  @IsOptional()
  @IsIn(TREND_AGGREGATIONS)
  aggregation: (typeof TREND_AGGREGATIONS)[number] = 'unweighted';
}

export class BilingualDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export const TREND_FLAGS = ['METHOD_VERSION_DIFFERS', 'AREA_DIFFERS', 'NOT_IN_ROUND', 'NO_VALUE'] as const;
export const CHANGE_REASONS = ['missing_value', 'different_scope', 'different_method', 'status', 'missing_se'] as const;

export class TrendFlagDto {
  @ApiProperty({
    enum: TREND_FLAGS,
    description:
      "METHOD_VERSION_DIFFERS: computed with another method version than the newest point: shown, never joined by a line (METHOD.md §9). AREA_DIFFERS (scope national): the round covered other states than the newest one, so its whole-round value measures another area: shown, never joined. NOT_IN_ROUND: the unit has no stored result in that round. NO_VALUE: a row without an estimate (see the value's `missing`).",
  })
  code: (typeof TREND_FLAGS)[number];
  @ApiProperty({ type: BilingualDto }) messages: BilingualDto;
}

export class TrendChangeDto {
  @ApiProperty({
    enum: ['significant', 'within_uncertainty', 'not_comparable'],
    description: 'METHOD.md §9 against the previous round with a value.',
  })
  verdict: 'significant' | 'within_uncertainty' | 'not_comparable';
  @ApiProperty({ nullable: true, type: Number, description: 'This estimate minus the previous one.' }) delta:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1.96·√(SE₁² + SE₂²); null when not comparable.' })
  threshold: number | null;
  @ApiProperty({ type: [String], enum: CHANGE_REASONS }) reasons: Array<(typeof CHANGE_REASONS)[number]>;
  @ApiProperty({ type: BilingualDto, description: 'The verdict with its reasons, in words.' }) messages: BilingualDto;
  @ApiProperty({ format: 'uuid', description: 'The round compared with.' }) previousRoundId: string;
}

export class TrendRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty() synthetic: boolean;
}

export class TrendPointDto {
  @ApiProperty({ type: TrendRoundDto }) round: TrendRoundDto;
  @ApiProperty({
    type: ResultValueDto,
    nullable: true,
    description: 'Estimate, interval, status, reasons and method of the round; null when the unit is not in the round.',
  })
  value: ResultValueDto | null;
  @ApiProperty({ description: 'Same method id and version as the newest point with a value (the trend line).' })
  currentMethod: boolean;
  @ApiProperty({
    description:
      'Scope national: the round covered the same states as the newest point (always true for other scopes).',
  })
  sameArea: boolean;
  @ApiProperty({
    description:
      'A line joins this point to the previous one: both have a value, both use the current method (and, national, cover the same states).',
  })
  joined: boolean;
  @ApiProperty({ type: [TrendFlagDto] }) flags: TrendFlagDto[];
  @ApiProperty({
    type: TrendChangeDto,
    nullable: true,
    description: 'Change against the previous point with a value (null for the first).',
  })
  change: TrendChangeDto | null;
}

export class TrendDto {
  @ApiProperty({ type: PublicGuarantorDto }) guarantor: PublicGuarantorDto;
  @ApiProperty({ enum: TREND_SCOPES }) scope: string;
  @ApiProperty({ nullable: true, type: String }) key: string | null;
  @ApiProperty({
    description:
      'Institution, municipality or state name; for national, the area of the newest round: its state when it covers one, "Nacional" for all 32, else "N estados".',
  })
  name: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'State code of the unit (institution, municipality, state).',
  })
  cveEnt: string | null;
  @ApiProperty({ enum: TREND_INDICATORS }) indicator: string;
  @ApiProperty({ enum: TREND_AGGREGATIONS }) aggregation: string;
  @ApiProperty({ description: 'The rounds are generated demo data: never shown with real ones.' }) synthetic: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Method of the newest point with a value (the line).' })
  methodId: string | null;
  @ApiProperty({ nullable: true, type: String }) methodVersion: string | null;
  @ApiProperty({
    type: [TrendPointDto],
    description: 'Every published round of the kind, oldest window first (closes_at, opens_at).',
  })
  points: TrendPointDto[];
  @ApiProperty({ description: 'Published rounds of the other kind (synthetic vs real) left out.' })
  excludedRounds: number;
  @ApiProperty({ type: BilingualDto, nullable: true, description: 'Why rounds were left out.' })
  excludedReason: BilingualDto | null;
  @ApiProperty({ type: NoticeDto }) notice: NoticeDto;
}
