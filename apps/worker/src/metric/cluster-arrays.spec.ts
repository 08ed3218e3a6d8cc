import { clusterArrays, copyArray } from './metric-results.repository';

describe('clusterArrays', () => {
  it('merges TC and PC per validator, in validator order, null where a sub-index has no value', () => {
    const out = clusterArrays({
      TC: [
        { clusterId: 'v2', value: 0.1 + 0.2 },
        { clusterId: 'v3', value: 0.5 },
      ],
      PC: [
        { clusterId: 'v1', value: 1 },
        { clusterId: 'v3', value: 0 },
      ],
    });
    expect(out).toEqual({ validatorIds: ['v1', 'v2', 'v3'], tc: [null, 0.30000000000000004, 0.5], pc: [1, null, 0] });
  });

  it('gives empty arrays to an institution without citizen reports (its old values are replaced by none)', () => {
    expect(clusterArrays({ TC: [], PC: [] })).toEqual({ validatorIds: [], tc: [], pc: [] });
  });
});

describe('copyArray', () => {
  it('writes array literals with NULLs and shortest round-trip doubles', () => {
    // PostgreSQL reads back the very bits the worker averaged.
    expect(copyArray([null, 0.30000000000000004, 1]).json).toBe('{NULL,0.30000000000000004,1}');
    expect(copyArray(['a', 'b']).json).toBe('{a,b}');
    expect(copyArray([]).json).toBe('{}');
  });
});
