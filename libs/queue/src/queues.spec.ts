import { consumedQueues, QUEUES } from './queues';

describe('consumedQueues (WORKER_QUEUES)', () => {
  it('consumes every queue when the setting is empty', () => {
    expect(consumedQueues('')).toEqual({ value: new Set(Object.values(QUEUES)) });
    expect(consumedQueues('  ')).toEqual({ value: new Set(Object.values(QUEUES)) });
  });

  it('consumes the named queues only, spaces and empty entries ignored', () => {
    expect(consumedQueues('metric-area')).toEqual({ value: new Set([QUEUES.areas]) });
    expect(consumedQueues(' mail , metric,,import ')).toEqual({
      value: new Set([QUEUES.mail, QUEUES.metric, QUEUES.imports]),
    });
  });

  it('names an unknown queue and the known ones', () => {
    expect(consumedQueues('metric,metrics')).toEqual({
      error: 'WORKER_QUEUES: unknown queue "metrics" (known: mail, metric, import, metric-area)',
    });
  });

  it('refuses a setting that names no queue at all', () => {
    expect(consumedQueues(' , ')).toEqual({
      error: 'WORKER_QUEUES names no queue (known: mail, metric, import, metric-area)',
    });
  });
});
