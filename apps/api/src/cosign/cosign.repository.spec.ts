import type { DataSource, EntityManager } from 'typeorm';
import { CosignRepository } from './cosign.repository';

type Row = { settings_hash: string; instrument_hash: string; results_hash: string; fingerprint: string };

/** A data source whose fingerprint queries wait until the test releases them, counting the calls. */
function pendingSource(): { ds: DataSource; calls: () => number; release: (fingerprint: string) => void } {
  const waiting: Array<(rows: Row[]) => void> = [];
  let calls = 0;
  const ds = {
    query: (): Promise<Row[]> => {
      calls += 1;
      return new Promise((resolve) => waiting.push(resolve));
    },
  } as unknown as DataSource;
  return {
    ds,
    calls: () => calls,
    release: (fingerprint) => {
      for (const resolve of waiting.splice(0))
        resolve([{ settings_hash: 's', instrument_hash: 'i', results_hash: 'r', fingerprint }]);
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CosignRepository.parts', () => {
  it('lets concurrent reads of one round share one computation, and keeps nothing afterwards', async () => {
    const source = pendingSource();
    const repo = new CosignRepository(source.ds);
    const first = repo.parts('round-a');
    const second = repo.parts('round-a');
    const other = repo.parts('round-b');
    await tick();
    expect(source.calls()).toBe(2); // one per round
    source.release('f1');
    expect((await first).fingerprint).toBe('f1');
    expect((await second).fingerprint).toBe('f1');
    expect((await other).fingerprint).toBe('f1');
    // Finished: the next read computes again (a fingerprint is never served from an earlier result).
    const later = repo.parts('round-a');
    await tick();
    expect(source.calls()).toBe(3);
    source.release('f2');
    expect((await later).fingerprint).toBe('f2');
  });

  it('computes inside the caller’s transaction every time (a decision checks its own)', async () => {
    const source = pendingSource();
    const inTransaction = pendingSource();
    const repo = new CosignRepository(source.ds);
    const m = inTransaction.ds as unknown as EntityManager;
    const a = repo.parts('round-a', m);
    const b = repo.parts('round-a', m);
    await tick();
    expect(inTransaction.calls()).toBe(2);
    expect(source.calls()).toBe(0);
    inTransaction.release('f');
    await Promise.all([a, b]);
  });

  it('forgets a failed computation, so the next read tries again', async () => {
    let calls = 0;
    const ds = {
      query: (): Promise<Row[]> => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new Error('connection lost'))
          : Promise.resolve([{ settings_hash: 's', instrument_hash: 'i', results_hash: 'r', fingerprint: 'ok' }]);
      },
    } as unknown as DataSource;
    const repo = new CosignRepository(ds);
    await expect(repo.parts('round-a')).rejects.toThrow('connection lost');
    expect((await repo.parts('round-a')).fingerprint).toBe('ok');
  });
});
