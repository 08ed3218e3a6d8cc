/**
 * Errors for inputs that cannot be right (a bug upstream, not a data-quality issue to report).
 * Plain code enum so the worker can log and discard the job without parsing messages.
 */
export type MetricErrorCode =
  'UNIVERSE_MISSING' | 'UNIVERSE_TOO_SMALL' | 'DUPLICATE_INSTITUTION' | 'DUPLICATE_VALIDATOR';

export class MetricInputError extends Error {
  constructor(
    readonly code: MetricErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MetricInputError';
  }
}
