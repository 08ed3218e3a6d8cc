import { RELAY_IDLE_MS, RELAY_MAX_BACKOFF_MS, delayAfterSuccess, nextBackoff } from './backoff';

describe('relay backoff', () => {
  it('doubles from 250 ms up to 5 s', () => {
    const seq: number[] = [];
    let d = 0;
    for (let i = 0; i < 8; i++) seq.push((d = nextBackoff(d)));
    expect(seq).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(Math.max(...seq)).toBe(RELAY_MAX_BACKOFF_MS);
  });

  it('drains again at once while batches are full, else polls', () => {
    expect(delayAfterSuccess(500, 500)).toBe(0);
    expect(delayAfterSuccess(499, 500)).toBe(RELAY_IDLE_MS);
    expect(delayAfterSuccess(0, 500)).toBe(RELAY_IDLE_MS);
  });
});
