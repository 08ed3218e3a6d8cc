import { BullModule, InjectQueue } from '@nestjs/bull';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { ENV, Env } from '@apertura/config';
import { BullConnections, bullConnections } from './bull-connections';
import { redisTargetOf } from './redis-target';
import { QUEUES } from './queues';

export const BULL_CONNECTIONS = Symbol('BULL_CONNECTIONS');

@Module({
  providers: [
    { provide: BULL_CONNECTIONS, inject: [ENV], useFactory: (env: Env) => bullConnections(redisTargetOf(env)) },
  ],
  exports: [BULL_CONNECTIONS],
})
class BullConnectionsModule {}

/** Closes the queues, then the connections we created for them (Bull only closes its own). */
@Injectable()
class QueueShutdown implements OnApplicationShutdown {
  constructor(
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
    @InjectQueue(QUEUES.metric) private readonly metric: Queue,
    @InjectQueue(QUEUES.imports) private readonly imports: Queue,
    @InjectQueue(QUEUES.areas) private readonly areas: Queue,
    @Inject(BULL_CONNECTIONS) private readonly connections: BullConnections,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Queue.close() is idempotent: it returns the same promise when Nest's own hook already started it.
    await Promise.allSettled([this.mail.close(), this.metric.close(), this.imports.close(), this.areas.close()]);
    this.connections.closeAll();
  }
}

export interface QueueModuleOptions {
  /** Extra Bull advanced settings (lock duration, stalled interval) for processors. */
  settings?: (env: Env) => Record<string, number>;
}

/**
 * Bull for the API and the worker: the queues `mail`, `metric`, `metric-area` and `import` under the environment's prefix, on
 * connections that recover from Redis outages (bull-connections.ts).
 */
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions = {}): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          imports: [BullConnectionsModule],
          inject: [ENV, BULL_CONNECTIONS],
          useFactory: (env: Env, connections: BullConnections) => ({
            prefix: env.QUEUE_PREFIX,
            createClient: connections.createClient,
            ...(options.settings ? { settings: options.settings(env) } : {}),
          }),
        }),
        BullModule.registerQueue(
          { name: QUEUES.mail },
          { name: QUEUES.metric },
          { name: QUEUES.imports },
          { name: QUEUES.areas },
        ),
        BullConnectionsModule,
      ],
      providers: [QueueShutdown],
      exports: [BullModule],
    };
  }
}
