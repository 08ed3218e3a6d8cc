import type { Logger } from '@nestjs/common';

/**
 * A task this worker process runs every `ms`, never two runs at once (a tick that finds the last run
 * still going is skipped); a failed run is logged and retried at the next tick. The timer does not
 * keep the process alive, and stop() waits for a run in progress.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly what: string,
    private readonly ms: number,
    private readonly task: () => Promise<unknown>,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.task()
        .catch((err: unknown) =>
          this.logger.warn(
            `${this.what} failed, retried next time: ${err instanceof Error ? err.message : String(err)}`,
          ),
        )
        .finally(() => (this.running = undefined));
    }, this.ms);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
