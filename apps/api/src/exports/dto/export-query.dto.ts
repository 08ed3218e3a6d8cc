import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** `?bom=1`: UTF-8 byte-order mark (and formula-safe text cells) for spreadsheet users. */
export class ExportQueryDto {
  @ApiProperty({
    required: false,
    default: false,
    description:
      'CSV only: prepend a UTF-8 BOM so Excel reads accents correctly, and neutralise text cells that start like a formula.',
    enum: ['0', '1', 'true', 'false'],
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : value,
  )
  @IsBoolean()
  bom = false;
}
