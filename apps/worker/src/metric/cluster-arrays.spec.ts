import { computeInstitution } from '@apertura/metric';
import { storedForm } from './aggregation-input';
import { CopyEncoder } from './copy-stream';
import { addStoredLine, clusterArrays, copyArray, storedClusterFields, storedLine } from './result-lines';

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

describe('addStoredLine', () => {
  it('encodes a stored document and its cluster arrays exactly as storedLine', () => {
    const empty = storedForm(
      computeInstitution({ institutionId: 'inst-1', selfReport: null, verifications: {}, citizenReports: [] }),
      null,
    );
    // A document with a backslash (doubled in COPY text) and characters of more than one UTF-8 byte.
    const form = { ...empty, json: empty.json.replace('{', '{"note":"a \\\\ backslash, ñ and Σ",') };
    const clusters = { TC: [{ clusterId: 'v1', value: 0.25 }], PC: [{ clusterId: 'v2', value: 1 }] };
    const encoder = new CopyEncoder();
    addStoredLine(encoder, form, storedClusterFields(clusters));
    addStoredLine(encoder, form, storedClusterFields({ TC: [], PC: [] }));
    const expected = storedLine(form, clusters) + storedLine(form, { TC: [], PC: [] });
    expect(Buffer.concat(encoder.finish().chunks).toString('utf8')).toBe(expected);
  });
});
