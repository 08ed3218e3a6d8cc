/**
 * Runs one task per key at a time in this process. A call that arrives while a task of its key runs
 * waits for it and then runs; calls that arrive while one is already waiting share that waiting run:
 * it has not started, so it will read everything committed before any of them arrived.
 *
 * Why the area job needs it: Bull adds up the concurrency of a queue's named processors, so a worker
 * may start several recompute-area jobs of one round at once (their ids differ when one runs while
 * the next is scheduled). Run side by side they compete for the same core, each finds the other's
 * write and can reuse nothing (AreaRowMemo) — measured at 50 writes/s: four at once, 5–10 s each.
 */
export class OneAtATime<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly waiting = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    const queued = this.waiting.get(key);
    if (queued !== undefined) return queued;
    const current = this.running.get(key);
    if (current === undefined) return this.start(key, task);
    const next = current
      .catch(() => undefined)
      .then(() => {
        this.waiting.delete(key);
        return this.start(key, task);
      });
    this.waiting.set(key, next);
    return next;
  }

  /** Whether a call of `key` waits for the running one (it will read what was committed after that one started). */
  isWaiting(key: string): boolean {
    return this.waiting.has(key);
  }

  private start(key: string, task: () => Promise<T>): Promise<T> {
    const run = task().finally(() => {
      if (this.running.get(key) === run) this.running.delete(key);
    });
    this.running.set(key, run);
    return run;
  }
}
