import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError, ERROR_HTTP_STATUS, ErrorCode } from './domain-error';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messages: { es: string; en: string };
  field?: string;
  details?: unknown;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);
/**
 * TypeORM releases a transaction's query runner when its connection dies (e.g. PostgreSQL shutting
 * down mid-transaction); the request's next query then fails with one of these: the database went
 * away, nothing was committed.
 */
const releasedRunner = (err: unknown): boolean =>
  err instanceof QueryRunnerAlreadyReleasedError || err instanceof QueryRunnerProviderAlreadyReleasedError;

/** True for errors that mean "a backing service is down", answered 503 rather than 500. */
function isUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  const msg = String((err as { message?: unknown }).message ?? '');
  return (
    (typeof code === 'string' && CONNECTION_ERRORS.has(code)) ||
    releasedRunner(err) ||
    /Connection terminated|connect ECONNREFUSED|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      msg,
    )
  );
}

/** Maps Nest's built-in HTTP exceptions (body parser, unknown route, …) onto stable codes. */
function fromHttpException(ex: HttpException): { status: number; body: ErrorBody } {
  const status = ex.getStatus();
  const raw = ex.getResponse();
  const text = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? ex.message);
  const map: Record<number, [ErrorCode, string, string]> = {
    [HttpStatus.NOT_FOUND]: ['ROUTE_NOT_FOUND', 'La ruta solicitada no existe.', 'The requested route does not exist.'],
    [HttpStatus.PAYLOAD_TOO_LARGE]: [
      'PAYLOAD_TOO_LARGE',
      'La solicitud es demasiado grande.',
      'The request is too large.',
    ],
    [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: [
      'UNSUPPORTED_MEDIA_TYPE',
      'Tipo de contenido no admitido.',
      'Unsupported content type.',
    ],
    [HttpStatus.TOO_MANY_REQUESTS]: [
      'RATE_LIMITED',
      'Demasiadas solicitudes; intente más tarde.',
      'Too many requests; try again later.',
    ],
    [HttpStatus.UNAUTHORIZED]: ['UNAUTHENTICATED', 'Se requiere iniciar sesión.', 'Authentication required.'],
    [HttpStatus.FORBIDDEN]: [
      'FORBIDDEN',
      'No tiene permiso para esta operación.',
      'You are not allowed to perform this operation.',
    ],
    // The readiness check's answer when PostgreSQL or Redis is down.
    [HttpStatus.SERVICE_UNAVAILABLE]: [
      'SERVICE_UNAVAILABLE',
      'Un servicio no está disponible; intente de nuevo en unos momentos.',
      'A backing service is unavailable; try again shortly.',
    ],
  };
  // JSON.parse's messages (multer's "Unexpected end of form" is not one: that upload is VALIDATION_FAILED).
  if (status === HttpStatus.BAD_REQUEST && /JSON|Unexpected token/i.test(text)) {
    return {
      status,
      body: {
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON.',
        messages: { es: 'El cuerpo de la solicitud no es JSON válido.', en: 'The request body is not valid JSON.' },
      },
    };
  }
  const m = map[status];
  if (m) return { status, body: { code: m[0], message: m[2], messages: { es: m[1], en: m[2] } } };
  if (status >= 400 && status < 500) {
    return {
      status,
      body: { code: 'VALIDATION_FAILED', message: text, messages: { es: 'Solicitud no válida.', en: text } },
    };
  }
  return { status: 500, body: internal() };
}

/**
 * Errors raised by Express middleware before Nest sees the request (body-parser: body too large,
 * unsupported charset or encoding, undecodable body) are http-errors objects, not HttpExceptions;
 * Nest only converts their SyntaxErrors. Their 4xx status is the right answer, with a stable code.
 */
function fromMiddlewareError(err: unknown): { status: number; body: ErrorBody } | undefined {
  if (!err || typeof err !== 'object' || err instanceof HttpException) return undefined;
  const { status, statusCode, expose, type } = err as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    type?: unknown;
  };
  const code = typeof status === 'number' ? status : statusCode;
  if (expose !== true || typeof code !== 'number' || code < 400 || code >= 500) return undefined;
  if (type === 'entity.parse.failed') {
    return fromHttpException(
      new HttpException('Unexpected token: the request body is not valid JSON', HttpStatus.BAD_REQUEST),
    );
  }
  const message = String((err as { message?: unknown }).message ?? 'Bad request').slice(0, 200);
  return fromHttpException(new HttpException(message, code));
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
    // An outage is an operational event, not a bug: one line, no stack (a restart would flood the log).
    if (status === 503) this.logger.warn(`${body.code}: ${err instanceof Error ? err.message : String(err)}`);
    else if (status >= 500) this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
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
    const middleware = fromMiddlewareError(err);
    if (middleware) return middleware;
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
      return {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Malformed identifier.',
          messages: { es: 'Identificador mal formado.', en: 'Malformed identifier.' },
        },
      };
    }
    // A number from the request beyond the column's range (e.g. a version of 10^20): the input is at fault.
    if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '22003') {
      return {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'A number is out of range.',
          messages: { es: 'Un número está fuera de rango.', en: 'A number is out of range.' },
        },
      };
    }
    return { status: 500, body: internal() };
  }
}
