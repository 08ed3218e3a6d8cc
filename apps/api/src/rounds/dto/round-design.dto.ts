import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

export const DESIGN_KINDS = ['census', 'sample'] as const;

/** Far above any real count of obliged subjects (Mexico has ~10⁴): only catches typos and overflow. */
export const MAX_POPULATION = 10_000_000;

const POPULATION_DOC =
  'N_pop: obliged subjects of the stratum in the population (integer ≥ 1, and ≥ the institutions the round has in the stratum).';

// `context.es` gives the Spanish message of a constraint (see common/validation.ts).
const IsPopulation = (): PropertyDecorator =>
  applyDecorators(
    IsInt({ message: 'population must be an integer', context: { es: 'la población debe ser un número entero' } }),
    Min(1, { message: 'population must be at least 1', context: { es: 'la población debe ser al menos 1' } }),
    Max(MAX_POPULATION, {
      message: `population must be at most ${MAX_POPULATION}`,
      context: { es: `la población no puede exceder ${MAX_POPULATION.toLocaleString('es-MX')}` },
    }),
  );

export class DesignStateDto {
  @ApiProperty({ example: '15', description: 'State (2-digit INEGI code) of the round universe.' })
  @Matches(/^\d{2}$/, {
    message: 'cveEnt must be a 2-digit state code',
    context: { es: 'cveEnt debe ser una clave de entidad de 2 dígitos' },
  })
  cveEnt: string;

  @ApiProperty({ example: 300, minimum: 1, maximum: MAX_POPULATION, description: POPULATION_DOC })
  @IsPopulation()
  population: number;
}

export class DesignMunicipalityDto {
  @ApiProperty({
    example: '15106',
    description: 'Municipality (5-digit INEGI code) with institutions in the round universe.',
  })
  @Matches(/^\d{5}$/, {
    message: 'cvegeo must be a 5-digit municipality code',
    context: { es: 'cvegeo debe ser una clave de municipio de 5 dígitos' },
  })
  cvegeo: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: MAX_POPULATION, description: POPULATION_DOC })
  @IsPopulation()
  population: number;
}

export const DESIGN_DOC =
  'docs/method.md §5. `census` (default): the universe is every obliged subject of the covered area. `sample`: the universe is a sample; ' +
  '`states` lists every state of the round universe once with its population N_pop (≥ the institutions the round has there); ' +
  '`municipalities` optionally declares N_pop of municipalities of the universe (same rule; together not above their state). ' +
  'Editable only while the round is a draft; checked again against the frozen universe when the round opens (422 DESIGN_INVALID).';

export class RoundDesignDto {
  @ApiProperty({ enum: DESIGN_KINDS, example: 'sample' })
  @IsIn(DESIGN_KINDS, { message: 'kind must be census or sample', context: { es: 'kind debe ser census o sample' } })
  kind: (typeof DESIGN_KINDS)[number];

  @ApiProperty({ required: false, type: [DesignStateDto], description: 'Required for `sample`; absent for `census`.' })
  @IsOptional()
  @IsArray({ message: 'states must be a list', context: { es: 'states debe ser una lista' } })
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => DesignStateDto)
  states?: DesignStateDto[];

  @ApiProperty({ required: false, type: [DesignMunicipalityDto], description: 'Optional, `sample` only.' })
  @IsOptional()
  @IsArray({ message: 'municipalities must be a list', context: { es: 'municipalities debe ser una lista' } })
  @ArrayMaxSize(2469)
  @ValidateNested({ each: true })
  @Type(() => DesignMunicipalityDto)
  municipalities?: DesignMunicipalityDto[];
}

/** A stored census design, as responses describe it (documentation only: requests use RoundDesignDto). */
export class CensusDesignDto {
  @ApiProperty({ enum: ['census'] }) kind: 'census';
}

/** A stored sample design, as responses describe it (documentation only: requests use RoundDesignDto). */
export class SampleDesignDto {
  @ApiProperty({ enum: ['sample'] }) kind: 'sample';
  @ApiProperty({ type: [DesignStateDto] }) states: DesignStateDto[];
  @ApiProperty({ required: false, type: [DesignMunicipalityDto] }) municipalities?: DesignMunicipalityDto[];
}

/**
 * A round's design in a response: one of the two shapes, told apart by `kind`, so clients narrow on it
 * (`states` is always there for a sample). RoundDesignDto, one flat class, stays the validated input.
 */
export const ApiDesignProperty = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      // `type` set so the property's TypeScript class (RoundDesignDto) is not reflected into the schema too.
      type: Object,
      oneOf: [{ $ref: getSchemaPath(CensusDesignDto) }, { $ref: getSchemaPath(SampleDesignDto) }],
      description,
    }),
  );

/** Registers the two response shapes of a design on a DTO that has an @ApiDesignProperty. */
export const ApiDesignModels = (): ClassDecorator => ApiExtraModels(CensusDesignDto, SampleDesignDto);

export class DesignProblemDto {
  @ApiProperty({ example: 'design.states[0].population' }) path: string;
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class UniverseStateDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) name: string;
  @ApiProperty({
    description: 'Institutions of the round universe in the state (the least population a sample may declare).',
  })
  institutions: number;
}
