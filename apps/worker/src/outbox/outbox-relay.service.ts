import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV, Env } from '@apertura/config';
import { DrainResult, OutboxRelay, RelayQueues, bullSink, relayQueues, redisTargetOf } from '@apertura/queue';
import { RELAY_WARN_EVERY_MS, delayAfterSuccess, nextBackoff } from './backoff';

export const RELAY_BATCH = 500;

/**
 * Runs the outbox relay in a loop for as long as the worker lives: every 200 ms when idle, at once
 * while batches are full, with exponential backoff (up to 5 s) while Redis or PostgreSQL is down.
 * Several workers may run it at once (the relay locks with SKIP LOCKED).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private readonly relay: OutboxRelay;
  private readonly queues: RelayQueues;
  private loop?: Promise<void>;
  private stopped = false;
  private wake?: () => void;
  private downSince: number | null = null;
  private lastWarnAt = 0;

  constructor(@InjectDataSource() ds: DataSource, @Inject(ENV) env: Env) {
    // Own producer connections, tuned to fail fast while Redis is down (see relayQueues).
    this.queues = relayQueues(redisTargetOf(env), env.QUEUE_PREFIX);
    this.relay = new OutboxRelay(ds, bullSink(this.queues.queues));
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.queues.close();
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (!this.stopped) {
      let delay: number;
      try {
        const result = await this.relay.drainOnce(RELAY_BATCH);
        if (result.error !== undefined) {
          backoff = nextBackoff(backoff);
          delay = backoff;
          this.down(`Redis: ${result.error}`, result);
        } else {
          backoff = 0;
          delay = delayAfterSuccess(result.selected, RELAY_BATCH);
          this.up();
        }
        if (result.rejected)
          this.logger.error(`${result.rejected} outbox event(s) cannot become jobs; see outbox_event.last_error`);
      } catch (err) {
        backoff = nextBackoff(backoff);
        delay = backoff;
        this.down(`PostgreSQL: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (delay > 0 && !this.stopped) await this.sleep(delay);
    }
  }

  /** Logs the first failure and then once a minute, not on every retry. */
  private down(reason: string, result?: DrainResult): void {
    const now = Date.now();
    if (this.downSince === null) this.downSince = now;
    if (now - this.lastWarnAt >= RELAY_WARN_EVERY_MS) {
      this.lastWarnAt = now;
      const waiting = result ? `; ${result.failed} event(s) wait in PostgreSQL` : '';
      this.logger.warn(`outbox relay cannot dispatch (${reason})${waiting}; retrying with backoff`);
    }
  }

  private up(): void {
    if (this.downSince === null) return;
    this.logger.log(`outbox relay dispatching again after ${Math.round((Date.now() - this.downSince) / 1000)} s`);
    this.downSince = null;
    this.lastWarnAt = 0;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
