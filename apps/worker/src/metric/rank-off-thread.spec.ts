import { threadId } from 'worker_threads';
import { rankRowsInThread, rankRowsOffThread } from './rank-off-thread';
import { rankRows, type RankInputs } from './rank-rows';

/** A deterministic round: 300 institutions over 3 states, with ties, zero SEs and unrankable values. */
function inputs(): RankInputs {
  const institutions: RankInputs['institutions'][number][] = [];
  for (let i = 0; i < 300; i++) {
    for (const indicator of ['I', 'T', 'TC']) {
      institutions.push({
        institutionId: `inst-${String(i).padStart(3, '0')}`,
        cveEnt: ['09', '15', '21'][i % 3],
        indicator,
        estimate: ((i * 37) % 101) / 100,
        se: i % 7 === 0 ? 0 : 0.01 + ((i * 13) % 17) / 200,
        status: i % 11 === 0 ? 'inconclusive' : 'conclusive',
      });
    }
  }
  return { institutions, municipalities: [], states: [] };
}

describe('ranking off the main thread', () => {
  it('gives exactly the rows of the inline computation, from another thread', async () => {
    const expected = rankRows('round-1', inputs());
    expect(expected.length).toBeGreaterThan(0);
    const ranked = await rankRowsInThread('round-1', inputs());
    expect(ranked.threadId).not.toBe(threadId);
    expect(ranked.rows).toEqual(expected);
    expect(await rankRowsOffThread('round-1', inputs())).toEqual(expected);
  });

  it('surfaces an error of the computation itself (a key twice in one group)', async () => {
    const { institutions } = inputs();
    const rankable = institutions.find((r) => r.status === 'conclusive');
    const twice: RankInputs = { institutions: [...institutions, { ...rankable! }], municipalities: [], states: [] };
    await expect(rankRowsOffThread('round-1', twice)).rejects.toThrow(RangeError);
  });
});
