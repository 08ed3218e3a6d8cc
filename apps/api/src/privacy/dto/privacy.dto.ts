import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class EraseSelfDto {
  @ApiProperty({
    description: 'Your current password, entered again to confirm the deletion.',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class ErasureResultDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'The pseudonym that stays on the kept verdicts and reports.' }) pseudonym: string;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
  @ApiProperty({ description: 'False when the account had already been erased (nothing changed).' }) erased: boolean;
  @ApiProperty({ description: 'Active assignments expired (their institutions go back to the pool).' })
  expiredAssignments: number;
  @ApiProperty({ description: 'Verdicts kept, pseudonymised.' }) verdictsKept: number;
  @ApiProperty({ description: 'Citizen reports kept, pseudonymised.' }) reportsKept: number;
}
