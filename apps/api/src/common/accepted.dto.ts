import { ApiProperty } from '@nestjs/swagger';

export class AcceptedDto {
  @ApiProperty({ example: true }) accepted: boolean;
}
