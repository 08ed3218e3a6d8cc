import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';

export class MunicipalityRefDto {
  @ApiProperty({ example: '15106' }) cvegeo: string;
  @ApiProperty({ example: 'Toluca' }) name: string;
}

export class StateRefDto {
  @ApiProperty({ example: '15' }) cveEnt: string;
  @ApiProperty({ example: 'México' }) name: string;
}

/** Public facts about an obliged subject (no contact data). */
export class InstitutionRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'ayuntamiento' }) type: string;
  @ApiProperty({ example: 'municipal' }) level: string;
  @ApiProperty({ type: MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiProperty({ type: StateRefDto }) state: StateRefDto;
}

export { PageQueryDto };
