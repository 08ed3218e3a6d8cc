import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES, dataSourceOptions } from '@apertura/db';
import { QueueModule } from '@apertura/queue';
import { ENV, Env } from '@apertura/config';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { AuditLogEntity } from '@apertura/db';

/** PostgreSQL (TypeORM, migrations only), Redis (Bull), the outbox writer and the audit log. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ ...dataSourceOptions(env.DATABASE_URL), entities: ENTITIES, retryAttempts: 3, retryDelay: 1000 }),
    }),
    TypeOrmModule.forFeature([AuditLogEntity]),
    QueueModule.forRoot(),
  ],
  providers: [OutboxService, AuditService],
  exports: [OutboxService, AuditService, QueueModule, TypeOrmModule],
})
export class InfrastructureModule {}
