import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ApiJsonValue } from './api-json-value.decorator';
import { ERROR_HTTP_STATUS, ErrorCode } from './domain-error';

export class ErrorMessagesDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class ErrorDto {
  @ApiProperty({ enum: Object.keys(ERROR_HTTP_STATUS), description: 'Stable machine-readable code.' })
  code: string;
  @ApiProperty({ description: 'Human message (English).' })
  message: string;
  @ApiProperty({ type: ErrorMessagesDto })
  messages: ErrorMessagesDto;
  @ApiProperty({ required: false, description: 'The offending input field, when one is to blame.' })
  field?: string;
  @ApiJsonValue({
    required: false,
    description: 'Data of the code, when it has any (e.g. `details.errors` of VALIDATION_FAILED, UNIVERSE_INVALID).',
  })
  details?: unknown;
}

/** Documents the error codes a route can answer with, grouped by HTTP status, in OpenAPI. */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes) byStatus.set(ERROR_HTTP_STATUS[c], [...(byStatus.get(ERROR_HTTP_STATUS[c]) ?? []), c]);
  return applyDecorators(
    ApiExtraModels(ErrorDto),
    ...[...byStatus].map(([status, cs]) =>
      ApiResponse({ status, description: `Error codes: ${cs.join(', ')}`, schema: { $ref: getSchemaPath(ErrorDto) } }),
    ),
  );
}
