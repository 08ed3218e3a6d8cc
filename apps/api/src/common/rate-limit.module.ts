import { ExecutionContext, Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { createHash } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import { ENV, Env } from '@apertura/config';
import { redisOptionsOf, redisTargetOf } from '@apertura/queue';
import { RequestErrors } from './request.errors';
import { readCookie } from './cookies';

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
    this.redis = new Redis({
      ...redisOptionsOf(redisTargetOf(env)),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: false,
      keyPrefix: `${env.QUEUE_PREFIX}:throttle:`,
    });
    this.redis.on('error', () => undefined); // reported once per outage below, not per reconnect attempt
    this.inner = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<StorageRecord> {
    try {
      const record = await this.inner.increment(key, ttl, limit, blockDuration, name);
      this.warned = false;
      return record;
    } catch (err) {
      if (!this.warned)
        this.logger.warn(
          `Rate limiting suspended, Redis unavailable: ${err instanceof Error ? err.message : String(err)}`,
        );
      this.warned = true;
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

/** The web app's session cookie, under either of its names (production or not). */
const sessionCookieOf = (req: Request): string | undefined =>
  readCookie(req, '__Host-apertura_session') ?? readCookie(req, 'apertura_session');

/** The credential a request carries (session JWT, as a header or the web app's cookie, or invitation token), if any. */
function credentialOf(req: Request): string | undefined {
  const raw = req.headers.authorization ?? req.headers['x-invitation-token'] ?? sessionCookieOf(req);
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ? value.slice(0, 2048) : undefined;
}

/**
 * Per-account limit, keyed on a hash of the credential rather than on the user id it claims: a forged
 * token naming someone else's id must not use up that person's allowance. A session belongs to one
 * account, so this caps what one signed-in account (or one institution's link) can do per minute,
 * whatever IPs it comes from.
 */
const accountTracker = (req: Record<string, unknown>): string =>
  createHash('sha256')
    .update(credentialOf(req as unknown as Request) ?? '')
    .digest('hex');

// The first-run setup takes a secret like a password does: the same tight budget against guessing.
const AUTH_ROUTES =
  /^\/api\/(auth\/(login|password-reset|password-reset\/confirm|staff-invite|staff-invite\/accept)|citizens\/(register|verify|resend-verification)|setup)$/;

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return String((req as unknown as Request).ip ?? 'unknown');
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw RequestErrors.rateLimited();
  }
}

/** Paths outside every budget: load balancers' health probes. */
const UNBUDGETED = /^\/health(\/|$)/;

/**
 * The global budget of one client (IP address, as TRUST_PROXY reads it): RATE_LIMIT_PER_MINUTE requests
 * per minute across all routes together. It runs as Express middleware before any body is read, so a
 * flood is refused before it costs memory or a database query; the per-route, sign-in and per-account
 * limits (the guard below) come on top of it. Fails open with the storage when Redis is down.
 */
@Injectable()
export class ClientBudget {
  constructor(
    private readonly storage: FailOpenRedisStorage,
    @Inject(ENV) private readonly env: Env,
  ) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (UNBUDGETED.test(req.path)) return next();
    const key = createHash('sha256')
      .update(`budget:${req.ip ?? 'unknown'}`)
      .digest('hex');
    this.storage.increment(key, 60_000, this.env.RATE_LIMIT_PER_MINUTE, 60_000, 'budget').then(
      (record) => {
        if (!record.isBlocked) return next();
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(record.timeToBlockExpire))));
        next(RequestErrors.rateLimited());
      },
      () => next(),
    );
  };
}

@Module({ providers: [FailOpenRedisStorage, ClientBudget], exports: [FailOpenRedisStorage, ClientBudget] })
class RateLimitStorageModule {}

/** Registered before AuthModule so a flood is refused before any database lookup. */
@Module({
  imports: [
    RateLimitStorageModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [ENV, FailOpenRedisStorage],
      useFactory: (env: Env, storage: FailOpenRedisStorage) => ({
        storage,
        throttlers: [
          // Per route and client IP (ThrottlerGuard keys on the handler): one route cannot eat the whole budget.
          { name: 'default', ttl: 60_000, limit: env.ROUTE_RATE_LIMIT_PER_MINUTE },
          {
            name: 'auth',
            ttl: 60_000,
            limit: env.AUTH_RATE_LIMIT_PER_MINUTE,
            skipIf: (ctx: ExecutionContext) => !AUTH_ROUTES.test(ctx.switchToHttp().getRequest<Request>().path),
          },
          {
            name: 'account',
            ttl: 60_000,
            limit: env.ACCOUNT_RATE_LIMIT_PER_MINUTE,
            getTracker: accountTracker,
            skipIf: (ctx: ExecutionContext) => !credentialOf(ctx.switchToHttp().getRequest<Request>()),
          },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [RateLimitStorageModule],
})
export class RateLimitModule {}
