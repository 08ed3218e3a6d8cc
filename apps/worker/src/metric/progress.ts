/**
 * Throttled progress (0–100, whole percent, never backwards): a full rebuild reports often, but
 * each report is a database UPDATE and a Redis write, so only a changed percentage at most every
 * `intervalMs` (and always 100) goes out.
 */
export class ProgressReporter {
  private last = -1;
  private lastAt = -Infinity;

  constructor(
    private readonly sink: (pct: number) => Promise<void>,
    private readonly intervalMs = 250,
    private readonly now: () => number = Date.now,
  ) {}

  async report(pct: number): Promise<void> {
    const p = Math.max(0, Math.min(100, Math.floor(pct)));
    if (p <= this.last) return;
    const t = this.now();
    if (p < 100 && t - this.lastAt < this.intervalMs) return;
    this.last = p;
    this.lastAt = t;
    await this.sink(p);
  }
}

/** Lets timers (Bull's lock renewal among them) run between CPU-bound batches. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
