import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, Env } from '@apertura/config';
import { AuditLogEntity, ENTITIES, dataSourceOptions } from '@apertura/db';
import { AuditService } from '../common/audit/audit.service';
import { GuarantorsService } from '../guarantors/guarantors.service';
import { PrivacyRepository } from '../privacy/privacy.repository';
import { PrivacyService } from '../privacy/privacy.service';
import { DemoCommand } from './demo/demo.command';

/**
 * What the operator commands need, and nothing more: one PostgreSQL pool and the services they call.
 * Not InfrastructureModule — that also opens Redis for Bull and a second read pool, which a one-shot
 * command never uses (and `demo`/`retention` must work while Redis is down).
 */
@Module({})
export class CliModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(env),
        TypeOrmModule.forRootAsync({
          // A command fails at once on an unreachable database instead of retrying like a server would.
          useFactory: () => ({ ...dataSourceOptions(env.DATABASE_URL), entities: ENTITIES, retryAttempts: 0 }),
        }),
        TypeOrmModule.forFeature([AuditLogEntity]),
      ],
      providers: [AuditService, GuarantorsService, PrivacyRepository, PrivacyService, DemoCommand],
    };
  }
}
