import { getQueueToken, InjectQueue as BullInjectQueue, Processor as BullProcessor } from '@nestjs/bull';
import Bull from 'bull';
import type { Queue } from 'bull';
import type { QueueName } from './queues';

/**
 * What the apps need of Bull, and the only door to it (docs/decisions.md §4): processors, the job and
 * queue types, and queue injection. The apps import these from `@apertura/queue`, never from `bull` or
 * `@nestjs/bull`, so a move to BullMQ is a change here plus whatever this surface cannot hide.
 */
export type { Job, JobOptions, Queue } from 'bull';
export { OnQueueFailed, Process } from '@nestjs/bull';

/** A class whose `@Process` methods take the jobs of one of our queues (and only ours: typed by name). */
export function Processor(queue: QueueName): ClassDecorator {
  return BullProcessor(queue);
}

/** Injects one of our queues by name. */
export function InjectQueue(queue: QueueName): ParameterDecorator {
  return BullInjectQueue(queue);
}

/**
 * A handle on one of our queues outside Nest, for tools and tests that inspect or inject jobs (job
 * counts, a duplicate delivery, a job of a revoked invitation). Close it when done.
 */
export function openQueue(queue: QueueName, redisUrl: string, prefix: string): Queue {
  return new Bull(queue, redisUrl, { prefix });
}

/** The Nest provider token of one of our queues (to take it from an application context: `app.get(queueToken(…))`). */
export function queueToken(queue: QueueName): string {
  return getQueueToken(queue);
}

/**
 * How many processes consume one of our queues right now: the blocking connections Bull names after
 * the queue. Bull's own `getWorkers()` matches those names by prefix, and the name of `metric` is a
 * prefix of `metric-area`'s (`<prefix>:bWV0cmlj…`), so it would count every area consumer as a
 * consumer of `metric` too.
 */
export async function queueConsumers(queue: Queue): Promise<number> {
  const clients = String(await queue.client.client('LIST'));
  const named = `name=${queue.clientName()}`;
  return clients.split('\n').filter((line) => line.split(' ').includes(named)).length;
}
