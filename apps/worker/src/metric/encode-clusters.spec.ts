import { encodeClusters } from './metric-results.repository';

describe('encodeClusters', () => {
  it('writes one line per (institution, validator) in one global order, TC and PC merged, null where absent', () => {
    const out = encodeClusters([
      {
        institutionId: 'b',
        clusters: { TC: [{ clusterId: 'v2', value: 0.1 + 0.2 }], PC: [{ clusterId: 'v1', value: 1 }] },
      },
      { institutionId: 'a', clusters: { TC: [], PC: [] } },
    ]);
    // Institutions without clusters are still listed: their old rows are replaced by none.
    expect(out.institutionIds).toEqual(['a', 'b']);
    expect(out.encoded.rows).toBe(2);
    const text = Buffer.concat(out.encoded.chunks.map((c) => Buffer.from(c))).toString('utf8');
    // Shortest round-trip doubles: PostgreSQL reads back the very bits the worker averaged.
    expect(text).toBe('b\tv1\t\\N\t1\nb\tv2\t0.30000000000000004\t\\N\n');
  });
});
