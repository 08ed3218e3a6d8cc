import { DynamicModule, Module, Type } from '@nestjs/common';
import { QUEUES } from '@apertura/queue';
import type { QueueName } from '@apertura/queue';
import { DueProcessModule } from './due-process/due-process.module';
import { RefutationNoticeProcessor } from './due-process/refutation-notice.service';
import { MailModule } from './mail/mail.module';
import { MailProcessor } from './mail/mail.processor';
import { MetricModule } from './metric/metric.module';
import { AreaProcessor, MetricProcessor } from './metric/metric.processor';
import { UniverseImportModule } from './universe/universe-import.module';
import { UniverseImportProcessor } from './universe/universe-import.processor';
import { ValidatorMailProcessor } from './validators/validator-mail.service';
import { ValidatorMailModule } from './validators/validators.module';

/** A Bull processor class, the queue it consumes, and the feature module that provides what it needs. */
export interface ProcessorEntry {
  queue: QueueName;
  processor: Type<unknown>;
  module: Type<unknown>;
}

/**
 * Every processor of the worker, in one table: a process registers those of the queues it consumes
 * (WORKER_QUEUES), so that one worker can take area jobs while others take institution jobs and mail.
 * A processor listed in a feature module's own providers would be registered in every process; the
 * worker's unit test checks that each @Processor class is here and in no module.
 */
export const WORKER_PROCESSORS: readonly ProcessorEntry[] = [
  { queue: QUEUES.mail, processor: MailProcessor, module: MailModule },
  { queue: QUEUES.mail, processor: RefutationNoticeProcessor, module: DueProcessModule },
  { queue: QUEUES.mail, processor: ValidatorMailProcessor, module: ValidatorMailModule },
  { queue: QUEUES.metric, processor: MetricProcessor, module: MetricModule },
  { queue: QUEUES.areas, processor: AreaProcessor, module: MetricModule },
  { queue: QUEUES.imports, processor: UniverseImportProcessor, module: UniverseImportModule },
];

/** The processors of the queues this process consumes, with the feature modules they draw on. */
@Module({})
export class ProcessorsModule {
  static forQueues(consumed: ReadonlySet<QueueName>): DynamicModule {
    const chosen = WORKER_PROCESSORS.filter((p) => consumed.has(p.queue));
    return {
      module: ProcessorsModule,
      imports: [...new Set(chosen.map((p) => p.module))],
      providers: chosen.map((p) => p.processor),
    };
  }
}
