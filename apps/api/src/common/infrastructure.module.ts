import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES, dataSourceOptions } from '@apertura/db';
import { QueueModule } from '@apertura/queue';
import { ENV, Env } from '@apertura/config';
import { AuditService } from './audit/audit.service';
import { OutboxService } from './outbox/outbox.service';
import { AuditLogEntity } from '@apertura/db';

/**
 * Name of the connection the read-only result and export endpoints use: a replica when
 * DATABASE_READ_URL is set, otherwise a second small pool on the primary (so those endpoints never
 * take connections the writes need). Inject with `@InjectDataSource(READ_CONNECTION)`.
 */
export const READ_CONNECTION = 'read';

/** PostgreSQL (TypeORM, migrations only), Redis (Bull), the outbox writer and the audit log. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        ...dataSourceOptions(env.DATABASE_URL),
        entities: ENTITIES,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forRootAsync({
      name: READ_CONNECTION,
      inject: [ENV],
      // No entities and never migrated through (dataSourceOptions does not migrate): raw reads only.
      useFactory: (env: Env) => ({
        ...dataSourceOptions(env.DATABASE_READ_URL || env.DATABASE_URL),
        name: READ_CONNECTION,
        entities: [],
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature([AuditLogEntity]),
    QueueModule.forRoot(),
  ],
  providers: [OutboxService, AuditService],
  exports: [OutboxService, AuditService, QueueModule, TypeOrmModule],
})
export class InfrastructureModule {}
