import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CleanName } from '../../common/text';

export class SetupStatusDto {
  @ApiProperty({ description: 'True while no guarantor (other than the demo) exists: the first-run page is offered.' })
  needed: boolean;
}

export class FirstRunSetupDto {
  @ApiProperty({
    description: 'The one-time setup code printed in the API log at start.',
    example: 'K7QM-2XRT-9HVD-4PLA-W3NE',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  code: string;

  @ApiProperty({ example: 'infoem', description: 'Lower case letters, digits and hyphens (2–64).' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'slug must be 2–64 lower-case letters, digits or hyphens' })
  slug: string;

  @ApiProperty({ example: 'Instituto de Transparencia del Estado de México', maxLength: 200 })
  @CleanName(200)
  name: string;

  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    example: '15',
    description: 'State code (INEGI) of a state body; omit for a national body.',
  })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'cveEnt must be a 2-digit INEGI state code' })
  cveEnt?: string | null;

  @ApiProperty({ example: 'admin@infoem.example' })
  @IsEmail()
  @MaxLength(254)
  adminEmail: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  adminPassword: string;
}

export class FirstRunSetupResultDto {
  @ApiProperty() guarantorId: string;
  @ApiProperty() slug: string;
  @ApiProperty() adminEmail: string;
}
