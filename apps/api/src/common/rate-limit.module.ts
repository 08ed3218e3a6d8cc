import { ExecutionContext, Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request } from 'express';
import Redis from 'ioredis';
import { ENV, Env } from '@apertura/config';
import { DomainError } from './domain-error';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Redis-backed counters (shared by every API replica) that FAIL OPEN: if Redis is down, requests are
 * not refused — institutions must be able to submit while Redis is out (their submissions go to
 * PostgreSQL and the outbox). Login lockout (PostgreSQL) still protects accounts meanwhile.
 */
@Injectable()
export class FailOpenRedisStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly inner: ThrottlerStorageRedisService;
  private warned = false;

  constructor(@Inject(ENV) env: Env) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: false, keyPrefix: `${env.QUEUE_PREFIX}:throttle:` });
    this.redis.on('error', () => undefined); // reported once per outage below, not per reconnect attempt
    this.inner = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<StorageRecord> {
    try {
      const record = await this.inner.increment(key, ttl, limit, blockDuration, name);
      this.warned = false;
      return record;
    } catch (err) {
      if (!this.warned) this.logger.warn(`Rate limiting suspended, Redis unavailable: ${err instanceof Error ? err.message : String(err)}`);
      this.warned = true;
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

const AUTH_ROUTES = /^\/api\/(auth\/login|citizens\/(register|verify|resend-verification))$/;

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return String((req as unknown as Request).ip ?? 'unknown');
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new DomainError('RATE_LIMITED', { es: 'Demasiadas solicitudes; intente más tarde.', en: 'Too many requests; try again later.' });
  }
}

@Module({ providers: [FailOpenRedisStorage], exports: [FailOpenRedisStorage] })
class RateLimitStorageModule {}

/** Registered before AuthModule so a flood is refused before any database lookup. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [ENV, FailOpenRedisStorage],
      useFactory: (env: Env, storage: FailOpenRedisStorage) => ({
        storage,
        throttlers: [
          { name: 'default', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE },
          {
            name: 'auth',
            ttl: 60_000,
            limit: env.AUTH_RATE_LIMIT_PER_MINUTE,
            skipIf: (ctx: ExecutionContext) => !AUTH_ROUTES.test(ctx.switchToHttp().getRequest<Request>().path),
          },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
