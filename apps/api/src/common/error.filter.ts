import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_HTTP_STATUS, ErrorCode } from './domain-error';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messages: { es: string; en: string };
  field?: string;
  details?: unknown;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

/** True for errors that mean "a backing service is down", answered 503 rather than 500. */
function isUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  const msg = String((err as { message?: unknown }).message ?? '');
  return (
    (typeof code === 'string' && CONNECTION_ERRORS.has(code)) ||
    /Connection terminated|connect ECONNREFUSED|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(msg)
  );
}

/** Maps Nest's built-in HTTP exceptions (body parser, unknown route, …) onto stable codes. */
function fromHttpException(ex: HttpException): { status: number; body: ErrorBody } {
  const status = ex.getStatus();
  const raw = ex.getResponse();
  const text = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? ex.message);
  const map: Record<number, [ErrorCode, string, string]> = {
    [HttpStatus.NOT_FOUND]: ['ROUTE_NOT_FOUND', 'La ruta solicitada no existe.', 'The requested route does not exist.'],
    [HttpStatus.PAYLOAD_TOO_LARGE]: ['PAYLOAD_TOO_LARGE', 'La solicitud es demasiado grande.', 'The request is too large.'],
    [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ['UNSUPPORTED_MEDIA_TYPE', 'Tipo de contenido no admitido.', 'Unsupported content type.'],
    [HttpStatus.TOO_MANY_REQUESTS]: ['RATE_LIMITED', 'Demasiadas solicitudes; intente más tarde.', 'Too many requests; try again later.'],
    [HttpStatus.UNAUTHORIZED]: ['UNAUTHENTICATED', 'Se requiere iniciar sesión.', 'Authentication required.'],
    [HttpStatus.FORBIDDEN]: ['FORBIDDEN', 'No tiene permiso para esta operación.', 'You are not allowed to perform this operation.'],
  };
  if (status === HttpStatus.BAD_REQUEST && /JSON|Unexpected token|Unexpected end/i.test(text)) {
    return { status, body: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.', messages: { es: 'El cuerpo de la solicitud no es JSON válido.', en: 'The request body is not valid JSON.' } } };
  }
  const m = map[status];
  if (m) return { status, body: { code: m[0], message: m[2], messages: { es: m[1], en: m[2] } } };
  if (status >= 400 && status < 500) {
    return { status, body: { code: 'VALIDATION_FAILED', message: text, messages: { es: 'Solicitud no válida.', en: text } } };
  }
  return { status: 500, body: internal() };
}

function internal(): ErrorBody {
  return { code: 'INTERNAL', message: 'Internal error.', messages: { es: 'Error interno.', en: 'Internal error.' } };
}

/** The one place where errors become HTTP. Never leaks a stack trace or SQL. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(err);
    if (status >= 500) this.logger.error(err instanceof Error ? err.stack ?? err.message : String(err));
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  toResponse(err: unknown): { status: number; body: ErrorBody } {
    if (err instanceof DomainError) {
      const body: ErrorBody = { code: err.code, message: err.messages.en, messages: err.messages };
      if (err.field) body.field = err.field;
      if (err.details !== undefined) body.details = err.details;
      return { status: ERROR_HTTP_STATUS[err.code], body };
    }
    if (err instanceof HttpException) return fromHttpException(err);
    if (isUnavailable(err)) {
      return {
        status: 503,
        body: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'A backing service is unavailable; nothing was changed. Try again shortly.',
          messages: {
            es: 'Un servicio no está disponible; no se guardó ningún cambio. Intente de nuevo en unos momentos.',
            en: 'A backing service is unavailable; nothing was changed. Try again shortly.',
          },
        },
      };
    }
    if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '22P02') {
      return { status: 400, body: { code: 'VALIDATION_FAILED', message: 'Malformed identifier.', messages: { es: 'Identificador mal formado.', en: 'Malformed identifier.' } } };
    }
    return { status: 500, body: internal() };
  }
}
