import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, ENV, Env } from '@apertura/config';
import { ENTITIES, dataSourceOptions } from '@apertura/db';
import { QueueModule } from '@apertura/queue';
import { MailModule } from './mail/mail.module';
import { OutboxModule } from './outbox/outbox.module';
import { WORKER_FEATURES } from './features';

/** The worker: Bull processors and the outbox relay. No HTTP, never migrates. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env, extra: Type<unknown>[] = []): DynamicModule {
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
        ...extra,
      ],
    };
  }
}
