import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './common/rate-limit.module';
import { InfrastructureModule } from './common/infrastructure.module';
import { ConfigModule } from '@apertura/config';
import { Env } from '@apertura/config';
import { HealthModule } from './health/health.module';
import { UsersModule } from './users/users.module';
import { FEATURE_MODULES } from './features';

@Module({})
export class AppModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        InfrastructureModule,
        RateLimitModule,
        AuthModule,
        HealthModule,
        UsersModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
