import { OneAtATime } from './one-at-a-time';

/** A task whose end the test decides. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('OneAtATime', () => {
  it('runs tasks of one key one after another, and tasks of different keys side by side', async () => {
    const runner = new OneAtATime<string>();
    const events: string[] = [];
    const g1 = gate();
    const g2 = gate();
    const first = runner.run('round-a', async () => {
      events.push('a1 start');
      await g1.promise;
      events.push('a1 end');
      return 'a1';
    });
    const second = runner.run('round-a', async () => {
      events.push('a2 start');
      return 'a2';
    });
    const other = runner.run('round-b', async () => {
      events.push('b start');
      await g2.promise;
      return 'b';
    });
    await Promise.resolve();
    expect(events).toEqual(['a1 start', 'b start']);
    g1.open();
    expect(await first).toBe('a1');
    expect(await second).toBe('a2');
    expect(events).toEqual(['a1 start', 'b start', 'a1 end', 'a2 start']);
    g2.open();
    expect(await other).toBe('b');
  });

  it('lets calls that arrive while one waits share that waiting run', async () => {
    const runner = new OneAtATime<number>();
    const g = gate();
    let runs = 0;
    const task = async (): Promise<number> => {
      runs += 1;
      await g.promise;
      return runs;
    };
    const running = runner.run('r', task);
    expect(runner.isWaiting('r')).toBe(false);
    const waiting = [runner.run('r', task), runner.run('r', task), runner.run('r', task)];
    // The running task can tell that a later call will read after it (an area job's burst mode).
    expect(runner.isWaiting('r')).toBe(true);
    expect(runner.isWaiting('other')).toBe(false);
    g.open();
    expect(await running).toBe(1);
    expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
    // Once idle, the next call runs at once.
    expect(await runner.run('r', task)).toBe(3);
  });

  it('runs the waiting task after a failed one, and passes each failure to its own callers', async () => {
    const runner = new OneAtATime<string>();
    const failing = runner.run('r', async () => {
      await Promise.resolve();
      throw new Error('lost the connection');
    });
    const after = runner.run('r', async () => 'recovered');
    await expect(failing).rejects.toThrow('lost the connection');
    expect(await after).toBe('recovered');
  });
});
