import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, ENV, Env } from '@apertura/config';
import { ENTITIES, dataSourceOptions } from '@apertura/db';
import { consumedQueues, QueueModule } from '@apertura/queue';
import { MailModule } from './mail/mail.module';
import { OutboxModule } from './outbox/outbox.module';
import { WORKER_FEATURES } from './features';
import { ProcessorsModule } from './processors';

/**
 * The worker: Bull processors of the queues it consumes (WORKER_QUEUES, every queue by default), the
 * outbox relay and the periodic sweeps. No HTTP, never migrates.
 */
@Module({})
export class WorkerModule {
  static forRoot(env: Env, extra: Type<unknown>[] = []): DynamicModule {
    const consumed = consumedQueues(env.WORKER_QUEUES);
    if ('error' in consumed) throw new Error(consumed.error);
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        TypeOrmModule.forRootAsync({
          inject: [ENV],
          useFactory: (e: Env) => ({
            ...dataSourceOptions(e.DATABASE_URL),
            entities: ENTITIES,
            retryAttempts: 10,
            retryDelay: 1000,
          }),
        }),
        QueueModule.forRoot({
          settings: (e: Env) => ({
            lockDuration: e.QUEUE_LOCK_DURATION_MS,
            stalledInterval: e.QUEUE_STALLED_INTERVAL_MS,
          }),
        }),
        MailModule,
        OutboxModule,
        ...WORKER_FEATURES,
        ProcessorsModule.forQueues(consumed.value),
        ...extra,
      ],
    };
  }
}
