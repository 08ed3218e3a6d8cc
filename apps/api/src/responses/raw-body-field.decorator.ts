import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * One field of the request body exactly as JSON.parse produced it. The DTO copy made by
 * class-transformer silently drops keys such as "__proto__"; libs/questionnaire must see them to
 * refuse them, so answers are validated from the parsed body, not from the DTO.
 */
export const RawBodyField = createParamDecorator((field: string, ctx: ExecutionContext): unknown => {
  const body: unknown = ctx.switchToHttp().getRequest<Request>().body;
  if (body === null || typeof body !== 'object' || !Object.prototype.hasOwnProperty.call(body, field)) return undefined;
  return (body as Record<string, unknown>)[field];
});
