import type { StoredInstitutionResult } from './aggregation-input';
import { StoredResultCache } from './stored-result-cache';

const result = (institutionId: string, citizenReports: number): StoredInstitutionResult =>
  ({
    institutionId,
    selfReported: true,
    citizenReports,
    validators: 0,
    headline: null,
    neededReports: 0,
    values: {},
  }) as unknown as StoredInstitutionResult;

describe('StoredResultCache', () => {
  it('fetches everything the first time, then only what changed watermark or is new', () => {
    const cache = new StoredResultCache();
    const v1 = [
      { institutionId: 'a', watermark: '5', version: '100' },
      { institutionId: 'b', watermark: '7', version: '100' },
    ];
    expect(cache.missing('r', v1)).toEqual(['a', 'b']);
    cache.assemble(
      'r',
      v1,
      new Map([
        ['a', result('a', 1)],
        ['b', result('b', 2)],
      ]),
    );

    const v2 = [
      { institutionId: 'a', watermark: '5', version: '100' },
      { institutionId: 'b', watermark: '9', version: '100' },
      { institutionId: 'c', watermark: '9', version: '100' },
    ];
    expect(cache.missing('r', v2)).toEqual(['b', 'c']);
    const results = cache.assemble(
      'r',
      v2,
      new Map([
        ['b', result('b', 3)],
        ['c', result('c', 4)],
      ]),
    );
    expect([...results.entries()].map(([k, r]) => [k, r.citizenReports])).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 4],
    ]);
  });

  it('forgets institutions no longer stored, and refuses to assemble what was not fetched', () => {
    const cache = new StoredResultCache();
    cache.assemble('r', [{ institutionId: 'a', watermark: '1', version: '100' }], new Map([['a', result('a', 1)]]));
    expect(cache.assemble('r', [], new Map()).size).toBe(0);
    expect(cache.missing('r', [{ institutionId: 'a', watermark: '1', version: '100' }])).toEqual(['a']);
    expect(() => cache.assemble('r', [{ institutionId: 'a', watermark: '1', version: '100' }], new Map())).toThrow(
      /not fetched/,
    );
  });

  it('fetches a row rewritten at the same watermark (another transaction wrote it), and keeps an area job’s own rewrite', () => {
    const cache = new StoredResultCache();
    const a = { institutionId: 'a', watermark: '5', version: '100' };
    cache.assemble('r', [a], new Map([['a', result('a', 1)]]));
    // An area job (transaction 200) re-finalised it under a new pool: the cache follows.
    cache.replace('r', a, '200', result('a', 2));
    const patched = { ...a, version: '200' };
    expect(cache.missing('r', [patched])).toEqual([]);
    expect(cache.assemble('r', [patched], new Map()).get('a')?.citizenReports).toBe(2);
    // An institution job (transaction 300) rewrote it at the same watermark: fetched again.
    expect(cache.missing('r', [{ ...a, version: '300' }])).toEqual(['a']);
    // A rewrite of a version the cache no longer holds is ignored.
    cache.replace('r', a, '400', result('a', 9));
    expect(cache.missing('r', [{ ...a, version: '400' }])).toEqual(['a']);
  });

  it('keeps a bounded number of rounds, least recently used out first', () => {
    const cache = new StoredResultCache(2);
    const one = [{ institutionId: 'a', watermark: '1', version: '100' }];
    for (const r of ['r1', 'r2']) cache.assemble(r, one, new Map([['a', result('a', 1)]]));
    cache.missing('r1', one);
    cache.assemble('r1', one, new Map());
    cache.assemble('r3', one, new Map([['a', result('a', 1)]]));
    expect(cache.missing('r1', one)).toEqual([]);
    expect(cache.missing('r2', one)).toEqual(['a']);
  });
});
