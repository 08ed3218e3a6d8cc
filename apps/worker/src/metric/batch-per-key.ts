/** How one item of a batch ended. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Computes one batch: every item of `items` (distinct) must get an entry in the returned map. */
export type BatchTask<I, R> = (key: string, items: readonly I[]) => Promise<ReadonlyMap<I, Settled<R>>>;

interface Waiter<R> {
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface KeyState<I, R> {
  running: boolean;
  /** Items waiting for the next batch, each with everyone waiting for it, in arrival order. */
  pending: Map<I, Array<Waiter<R>>>;
}

/**
 * Gathers the items of one key (a round) that arrive while a batch of that key runs, and runs them as
 * the next batch, at most `maxBatch` at a time; batches of one key run one after another, batches of
 * different keys side by side. An item asked for twice before its batch starts is computed once.
 *
 * Why the institution jobs need it: at tens of writes per second, one transaction per institution
 * (its own snapshot, its own write, its own area job request) is what falls behind, while a rebuild
 * does the same work for hundreds of institutions per read and per write (bench/RESULTS.md). An item
 * that arrives while a batch runs is never added to it: that batch may have read before the change
 * the item stands for, so it waits for the next one, which starts after it arrived.
 */
export class BatchPerKey<I, R> {
  private readonly keys = new Map<string, KeyState<I, R>>();

  constructor(
    private readonly task: BatchTask<I, R>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1)
      throw new Error(`maxBatch must be a positive integer: ${maxBatch}`);
  }

  run(key: string, item: I): Promise<R> {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { running: false, pending: new Map() };
      this.keys.set(key, state);
    }
    const waiters = state.pending.get(item) ?? [];
    state.pending.set(item, waiters);
    const result = new Promise<R>((resolve, reject) => waiters.push({ resolve, reject }));
    if (!state.running) void this.drain(key, state);
    return result;
  }

  /** Batches of `key` until nothing is pending; then forgets the key. */
  private async drain(key: string, state: KeyState<I, R>): Promise<void> {
    state.running = true;
    while (state.pending.size > 0) {
      const batch = [...state.pending].slice(0, this.maxBatch);
      for (const [item] of batch) state.pending.delete(item);
      let outcome: ReadonlyMap<I, Settled<R>> | null = null;
      let failure: unknown = null;
      try {
        outcome = await this.task(
          key,
          batch.map(([item]) => item),
        );
      } catch (err) {
        failure = err;
      }
      for (const [item, waiters] of batch) {
        const settled: Settled<R> =
          outcome?.get(item) ??
          ({
            ok: false,
            error: failure ?? new Error(`the batch of ${key} returned no outcome for an item`),
          } as const);
        for (const w of waiters) {
          if (settled.ok) w.resolve(settled.value);
          else w.reject(settled.error);
        }
      }
    }
    state.running = false;
    this.keys.delete(key);
  }
}
