import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class MunicipalitiesQueryDto {
  @ApiProperty({
    required: false,
    description: 'Only municipalities of this state (2-digit INEGI code); all 2,469 when absent.',
    example: '15',
  })
  @IsOptional()
  @Matches(/^\d{2}$/)
  cveEnt?: string;
}

export class StateDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) name: string;
  @ApiProperty({ description: 'Municipalities in the state.' }) municipalities: number;
  @ApiProperty({ description: 'Population (INEGI 2020 census).' }) population: number;
}

export class MunicipalityDto {
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'Toluca' }) name: string;
  @ApiProperty({ example: 'México' }) stateName: string;
  @ApiProperty({ description: 'Population (INEGI 2020 census).' }) population: number;
  @ApiProperty({ description: 'CONAPO 2020 marginalisation degree.', example: 'Muy bajo' }) marginalisation: string;
}

export class StatesDto {
  @ApiProperty({ description: 'Source of the catalogue.' }) source: string;
  @ApiProperty({ type: [StateDto] }) items: StateDto[];
}

export class MunicipalitiesDto {
  @ApiProperty({ description: 'Source of the catalogue.' }) source: string;
  @ApiProperty({ type: [MunicipalityDto] }) items: MunicipalityDto[];
}
