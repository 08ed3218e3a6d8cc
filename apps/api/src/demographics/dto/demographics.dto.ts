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
}
