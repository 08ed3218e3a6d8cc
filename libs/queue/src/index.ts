export * from './events';
export * from './queues';
export * from './mapping';
export * from './relay';
export * from './relay-queues';
export * from './redis-target';
export * from './bull-connections';
export * from './queue.module';
