import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ErrorFilter } from './error.filter';

/** What body-parser hands to Express (http-errors objects). */
const middlewareError = (status: number, type: string, message: string): Error =>
  Object.assign(new Error(message), { status, statusCode: status, expose: true, type });

const queryFailed = (code: string): QueryFailedError =>
  Object.assign(new QueryFailedError('SELECT 1', [], new Error('db')), { code });

describe('ErrorFilter.toResponse', () => {
  const filter = new ErrorFilter();
  const answer = (err: unknown): [number, string] => {
    const { status, body } = filter.toResponse(err);
    return [status, body.code];
  };

  it('maps body-parser failures onto their 4xx and a stable code', () => {
    expect(answer(middlewareError(413, 'entity.too.large', 'request entity too large'))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
    expect(answer(middlewareError(415, 'charset.unsupported', 'unsupported charset "EBCDIC"'))).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    expect(answer(middlewareError(400, 'entity.parse.failed', 'Maximum call stack size exceeded'))).toEqual([
      400,
      'MALFORMED_JSON',
    ]);
    expect(answer(middlewareError(400, 'stream.encoding.set', 'incorrect header check'))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    // Not an http-error that is safe to expose: stays an internal error.
    expect(answer(Object.assign(new Error('x'), { status: 400 }))).toEqual([500, 'INTERNAL']);
  });

  it('tells malformed JSON from a malformed upload', () => {
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 3'))).toEqual([
      400,
      'MALFORMED_JSON',
    ]);
    expect(answer(new BadRequestException('Unexpected end of form'))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('answers 503 SERVICE_UNAVAILABLE when the database goes away mid-request', () => {
    expect(answer(new QueryRunnerAlreadyReleasedError())).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer(new QueryRunnerProviderAlreadyReleasedError())).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer(queryFailed('57P01'))).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer(new ServiceUnavailableException())).toEqual([503, 'SERVICE_UNAVAILABLE']);
  });

  it('blames the input for malformed or out-of-range values', () => {
    expect(answer(queryFailed('22P02'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(answer(queryFailed('22003'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(answer(queryFailed('23505'))).toEqual([500, 'INTERNAL']);
  });
});
