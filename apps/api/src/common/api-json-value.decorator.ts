import { ApiProperty } from '@nestjs/swagger';

/**
 * Documents a property that holds any JSON value (an answer as the respondent submitted it): the union of
 * JSON's types, so a generated client sees `string | number | boolean | unknown[] | object` and must
 * narrow, where a bare `object` schema would claim a shape the value does not have.
 */
export const ApiJsonValue = (options: { description: string; required?: boolean; nullable?: boolean }) =>
  ApiProperty({
    ...options,
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: {} },
      { type: 'object', additionalProperties: true },
    ],
  });
