import { InTurn } from './in-turn';

describe('InTurn', () => {
  it('runs tasks one after another in the order they came, past a failure', async () => {
    const inTurn = new InTurn();
    const events: string[] = [];
    let release = (): void => undefined;
    const first = inTurn.run(async () => {
      events.push('1 start');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('1 end');
      throw new Error('first failed');
    });
    const second = inTurn.run(async () => {
      events.push('2 start');
      return 2;
    });
    const third = inTurn.run(async () => {
      events.push('3 start');
      return 3;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['1 start']);
    release();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(await third).toBe(3);
    expect(events).toEqual(['1 start', '1 end', '2 start', '3 start']);
  });
});
