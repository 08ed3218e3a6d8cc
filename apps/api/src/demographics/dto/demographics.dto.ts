import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import {
  AGE_BANDS,
  AgeBand,
  Gender,
  GENDERS,
  MUNICIPALITY_TYPES,
  MunicipalityType,
  YES_NO,
  YesNo,
} from '@apertura/geo';

const MUN_HELP =
  'Population-size band of the municipality of residence (Census 2020): rural < 15,000; small_city 15,000–99,999; city 100,000–499,999; metropolis ≥ 500,000.';

/** The answers; every question has `prefer_not_to_say`. */
export class DemographicAnswersDto {
  @ApiProperty({ enum: AGE_BANDS })
  @IsIn(AGE_BANDS)
  ageBand: AgeBand;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiProperty({ enum: MUNICIPALITY_TYPES, description: MUN_HELP })
  @IsIn(MUNICIPALITY_TYPES)
  municipalityType: MunicipalityType;

  @ApiProperty({ enum: YES_NO, description: 'Speaks an indigenous language.' })
  @IsIn(YES_NO)
  indigenousLanguage: YesNo;

  @ApiProperty({ enum: YES_NO, description: 'Lives with a disability.' })
  @IsIn(YES_NO)
  disability: YesNo;
}

export class SaveDemographicsDto extends DemographicAnswersDto {
  @ApiProperty({
    enum: [true],
    description: 'Explicit consent to the stated purpose (aggregate statistics only): must be literally true.',
  })
  @Equals(true, { message: 'consent must be true (accept the purpose statement)' })
  consent: true;

  @ApiProperty({ example: '2026-12', maxLength: 32, description: 'Version of the purpose statement that was shown.' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  purposeVersion: string;
}

/** The caller's own demographics: `answers` is null when not given or withdrawn. */
export class MyDemographicsDto {
  @ApiProperty() consented: boolean;
  @ApiProperty({ nullable: true, type: String }) purposeVersion: string | null;
  @ApiProperty({ nullable: true, type: String }) consentAt: string | null;
  @ApiProperty({ nullable: true, type: DemographicAnswersDto }) answers: DemographicAnswersDto | null;
}

export class ProfileCellDto {
  @ApiProperty({ example: 'woman' }) category: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed (shown as "<k").' })
  count: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of those who answered the questions (0–1).' })
  share: number | null;
  @ApiProperty() suppressed: boolean;
}

export class ProfileQuestionDto {
  @ApiProperty({ enum: ['ageBand', 'gender', 'municipalityType', 'indigenousLanguage', 'disability'] })
  question: string;
  @ApiProperty({ type: [ProfileCellDto] }) cells: ProfileCellDto[];
}

export class PopulationShareDto {
  @ApiProperty({ enum: ['rural', 'small_city', 'city', 'metropolis'] }) category: string;
  @ApiProperty() population: number;
  @ApiProperty() share: number;
}

export class PopulationReferenceDto {
  @ApiProperty({ description: 'Where the population shares come from.' }) source: string;
  @ApiProperty({ description: 'How the municipality type is defined.' }) definition: string;
  @ApiProperty({ type: [PopulationShareDto] }) municipalityTypes: PopulationShareDto[];
}

export const REWEIGHT_WITHHELD = [
  'round_open',
  'no_results',
  'results_updating',
  'too_few_declared',
  'cell_too_small',
  'cell_without_population',
] as const;

export class ReweightStratumDto {
  @ApiProperty({
    type: [String],
    example: ['rural', 'small_city'],
    description: 'Municipality types of the stratum: one, or a neighbouring pair merged because one had fewer than k.',
  })
  cells: string[];
  @ApiProperty({ description: "The stratum's share of the population (census reference, 0–1)." })
  populationShare: number;
}

/** One round-level value: the published one with its interval, and its re-weighted counterpart. */
export class ReweightedValueDto {
  @ApiProperty({ enum: ['I', 'TC', 'PC'] }) indicator: 'I' | 'TC' | 'PC';
  @ApiProperty({ description: 'The published value (national, unweighted mean over institutions): the headline.' })
  main: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Lower end of its 95% interval.' }) lo: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Upper end of its 95% interval.' }) hi: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Half-width of its 95% interval (its uncertainty).' })
  halfWidth: number | null;
  @ApiProperty({ description: 'Status of the published value.' }) status: string;
  @ApiProperty({
    description: 'The same value with validators re-weighted to the population (sensitivity check only).',
  })
  reweighted: number;
  @ApiProperty({ description: 'reweighted − main.' }) difference: number;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description:
      '|difference| ≤ halfWidth: the re-weighting moves the value less than its own uncertainty. Null without an interval.',
  })
  withinUncertainty: boolean | null;
}

/**
 * Issue #18 item 3: the round's I, TC and PC re-weighted to the population by municipality type
 * (post-stratification), a sensitivity check shown beside the published value — never replacing it.
 */
export class ReweightedIndicesDto {
  @ApiProperty({ enum: ['municipalityType'], description: 'The demographic with a census reference that weights.' })
  variable: 'municipalityType';
  @ApiProperty({ description: 'Minimum declared validators per stratum.', example: 5 }) k: number;
  @ApiProperty({
    enum: REWEIGHT_WITHHELD,
    nullable: true,
    type: String,
    description:
      'Why no re-weighted values: round_open (validators can still join), no_results (no citizen values yet), results_updating ' +
      '(the stored per-validator values do not reproduce the published value: recomputation pending), too_few_declared ' +
      '(fewer than k declared a municipality type), cell_too_small (a populated stratum has fewer than k even after merging ' +
      'neighbours), cell_without_population (respondents in a type without population).',
  })
  withheld: (typeof REWEIGHT_WITHHELD)[number] | null;
  @ApiProperty({ type: [ReweightStratumDto] }) strata: ReweightStratumDto[];
  @ApiProperty({ nullable: true, type: String }) methodVersion: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Input watermark of the published values.' })
  watermark: string | null;
  @ApiProperty({ type: [ReweightedValueDto], description: 'Empty when withheld.' }) values: ReweightedValueDto[];
}

/** The aggregate profile of a round's validators (issue #18 item 3); never anything per person. */
export class ValidatorsProfileDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ description: 'Suppression threshold: non-zero cells under k are not published.', example: 5 })
  k: number;
  @ApiProperty({ description: 'People who validated in the round (a verdict or a citizen report).' })
  validators: number;
  @ApiProperty({ description: 'Of them, those who consented to give demographics.' })
  respondents: number;
  @ApiProperty({ description: 'False when the breakdown is withheld (see `withheld`): every cell is then null.' })
  published: boolean;
  @ApiProperty({
    enum: ['round_open', 'too_few'],
    nullable: true,
    type: String,
    description:
      'Why no breakdown: round_open (validators can still join, so readings could be differenced), too_few (fewer than k answered).',
  })
  withheld: 'round_open' | 'too_few' | null;
  @ApiProperty({ type: [ProfileQuestionDto] }) questions: ProfileQuestionDto[];
  @ApiProperty({ type: PopulationReferenceDto }) population: PopulationReferenceDto;
  @ApiProperty({
    type: ReweightedIndicesDto,
    description:
      'Sensitivity check: the round values re-weighted to the population (beside, never instead of, the published values).',
  })
  reweighted: ReweightedIndicesDto;
}
