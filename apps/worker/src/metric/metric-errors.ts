/**
 * A failure no retry can fix (round deleted, questionnaire that cannot be scored, invalid method
 * settings, inputs libs/metric refuses): the processor discards the job instead of retrying.
 */
export class PermanentMetricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMetricError';
  }
}
