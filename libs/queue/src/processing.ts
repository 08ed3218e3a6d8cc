import { InjectQueue as BullInjectQueue, Processor as BullProcessor } from '@nestjs/bull';
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
