import fc from 'fast-check';
import { BatchPerKey } from './batch-per-key';
import type { Settled } from './batch-per-key';

/** A batch task the test finishes by hand, recording what each batch held. */
function recorder(): {
  batcher: BatchPerKey<string, string>;
  batches: Array<{ key: string; items: string[]; finish: (fail?: string) => void }>;
  running: () => number;
} {
  const batches: Array<{ key: string; items: string[]; finish: (fail?: string) => void }> = [];
  let running = 0;
  const batcher = new BatchPerKey<string, string>(
    (key, items) =>
      new Promise<ReadonlyMap<string, Settled<string>>>((resolve, reject) => {
        running += 1;
        const index = batches.length;
        batches.push({
          key,
          items: [...items],
          finish: (fail) => {
            running -= 1;
            if (fail !== undefined) reject(new Error(fail));
            else resolve(new Map(items.map((i) => [i, { ok: true, value: `${key}/${i}@${index}` }])));
          },
        });
      }),
    3,
  );
  return { batcher, batches, running: () => running };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('BatchPerKey', () => {
  it('gathers what arrives while a batch runs into the next batch, at most maxBatch at a time', async () => {
    const { batcher, batches } = recorder();
    const a = batcher.run('r1', 'a');
    await turn();
    const b = batcher.run('r1', 'b');
    const c = batcher.run('r1', 'c');
    const c2 = batcher.run('r1', 'c');
    const d = batcher.run('r1', 'd');
    const e = batcher.run('r1', 'e');
    const other = batcher.run('r2', 'x');
    await turn();
    // r1's second batch waits for its first; r2's runs beside it.
    expect(batches.map((x) => [x.key, x.items])).toEqual([
      ['r1', ['a']],
      ['r2', ['x']],
    ]);
    batches[0].finish();
    expect(await a).toBe('r1/a@0');
    await turn();
    expect(batches[2].items).toEqual(['b', 'c', 'd']);
    batches[2].finish();
    expect(await b).toBe('r1/b@2');
    // Asked for twice before its batch started: computed once, both callers answered.
    expect(await c).toBe('r1/c@2');
    expect(await c2).toBe('r1/c@2');
    await turn();
    expect(batches[3].items).toEqual(['e']);
    batches[3].finish();
    expect(await e).toBe('r1/e@3');
    batches[1].finish();
    expect(await other).toBe('r2/x@1');
    await d;
  });

  it('never adds an item to a batch that already started: it may have read before the change', async () => {
    const { batcher, batches } = recorder();
    const first = batcher.run('r', 'a');
    await turn();
    const again = batcher.run('r', 'a');
    await turn();
    expect(batches).toHaveLength(1);
    batches[0].finish();
    expect(await first).toBe('r/a@0');
    await turn();
    expect(batches[1].items).toEqual(['a']);
    batches[1].finish();
    expect(await again).toBe('r/a@1');
  });

  it('rejects every item of a batch that throws, and goes on with the next batch', async () => {
    const { batcher, batches } = recorder();
    const a = batcher.run('r', 'a');
    await turn();
    const b = batcher.run('r', 'b');
    batches[0].finish('database gone');
    await expect(a).rejects.toThrow('database gone');
    await turn();
    batches[1].finish();
    expect(await b).toBe('r/b@1');
  });

  it('settles each item as its batch says, and fails an item it left out', async () => {
    const batcher = new BatchPerKey<string, number>(
      async (_key, items) =>
        new Map<string, Settled<number>>(
          items
            .filter((i) => i !== 'forgotten')
            .map((i) => [i, i === 'bad' ? { ok: false, error: new Error('refused') } : { ok: true, value: i.length }]),
        ),
      10,
    );
    const [good, bad, forgotten] = await Promise.allSettled([
      batcher.run('r', 'good'),
      batcher.run('r', 'bad'),
      batcher.run('r', 'forgotten'),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: 4 });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('refused') });
    expect(forgotten).toMatchObject({ status: 'rejected' });
  });

  it('refuses a batch size that is not a positive integer', () => {
    const task = async (): Promise<ReadonlyMap<string, Settled<number>>> => new Map();
    expect(() => new BatchPerKey(task, 0)).toThrow('maxBatch');
    expect(() => new BatchPerKey(task, 1.5)).toThrow('maxBatch');
  });

  it('property: every call is answered by one batch of its key that started after it, one batch per key at a time', async () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('call' as const),
        key: fc.constantFrom('r1', 'r2'),
        item: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      }),
      fc.record({ kind: fc.constant('finish' as const), fail: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { batcher, batches, running } = recorder();
        const calls: Array<{ key: string; item: string; startedBatches: number; answer: Promise<string> }> = [];
        const finished = new Set<number>();
        const finishOne = (fail: boolean): void => {
          const open = batches.findIndex((_, i) => !finished.has(i));
          if (open < 0) return;
          finished.add(open);
          batches[open].finish(fail ? 'failed' : undefined);
        };
        for (const s of steps) {
          if (s.kind === 'call') {
            const startedBatches = batches.length;
            const answer = batcher.run(s.key, s.item);
            answer.catch(() => undefined);
            calls.push({ key: s.key, item: s.item, startedBatches, answer });
          } else finishOne(s.fail);
          await turn();
          // One running batch per key at most, and none larger than maxBatch.
          const open = batches.filter((_, i) => !finished.has(i));
          expect(new Set(open.map((b) => b.key)).size).toBe(open.length);
          for (const b of batches) expect(b.items.length).toBeLessThanOrEqual(3);
          expect(running()).toBe(open.length);
        }
        while (batches.some((_, i) => !finished.has(i))) {
          finishOne(false);
          await turn();
        }
        for (const call of calls) {
          const settled = await call.answer.then(
            (v) => ({ value: v }),
            () => ({ value: null }),
          );
          // Which batch answered: the first of its key that started after the call and held its item.
          const index = batches.findIndex(
            (b, i) => i >= call.startedBatches && b.key === call.key && b.items.includes(call.item),
          );
          expect(index).toBeGreaterThanOrEqual(call.startedBatches);
          if (settled.value !== null) expect(settled.value).toBe(`${call.key}/${call.item}@${index}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
