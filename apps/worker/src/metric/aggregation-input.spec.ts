import fc from 'fast-check';
import {
  buildInstitution,
  computeAggregates,
  computeInstitution,
  DEFAULT_METHOD_SETTINGS,
  INDICATORS,
} from '@apertura/metric';
import type { InstitutionInput, InstitutionResult, PooledVariances, ScoredAnswer } from '@apertura/metric';
import {
  aggregationUniverse,
  emptyStoredResult,
  expandStored,
  finalizeForStorage,
  placementsFor,
  poolKey,
  refinalized,
  roundAggregation,
  roundPool,
  sameJsonValue,
  storedForm,
} from './aggregation-input';
import type { StoredInstitutionResult } from './aggregation-input';

const storedResult = (r: InstitutionResult, pooled: PooledVariances | null = null): StoredInstitutionResult =>
  storedForm(r, pooled).value;
import type { PlacementRecord } from './metric-inputs';

const a = (name: string, component: string, score: number): ScoredAnswer => ({
  name,
  component,
  score,
  verifiable: false,
  weight: 1,
});
const input = (id: string, x: number, reports: number): InstitutionInput => ({
  institutionId: id,
  selfReport: [a('ai', 'TG.AI', x), a('mec', 'PG.Mec', 1 - x)],
  verifications: {},
  citizenReports: Array.from({ length: reports }, (_, k) => ({
    reportId: `${id}-r${k}`,
    validatorId: `${id}-v${k}`,
    answers: [a('disp', 'TC.Disp', (k % 3) / 2), a('met', 'PC.Met', x)],
  })),
});

const UNIVERSE: PlacementRecord[] = [
  { institutionId: 'i1', cvegeo: '15106', cveEnt: '15', level: 'municipal', type: 'ayuntamiento' },
  { institutionId: 'i2', cvegeo: '15106', cveEnt: '15', level: 'estatal', type: 'secretaria' },
  { institutionId: 'i3', cvegeo: '15054', cveEnt: '15', level: 'municipal', type: 'ayuntamiento' },
  { institutionId: 'i4', cvegeo: '09015', cveEnt: '09', level: 'municipal', type: 'alcaldia' },
];

describe('aggregationUniverse', () => {
  it('counts subjects per area and distinct municipalities per group', () => {
    expect(aggregationUniverse(UNIVERSE, { '15106': 910608, '15054': 242307, '99999': 1 })).toEqual({
      institutionsPerMunicipality: { '15106': 2, '15054': 1, '09015': 1 },
      institutionsPerState: { '15': 3, '09': 1 },
      institutionsPerLevel: { municipal: 3, estatal: 1 },
      institutionsPerType: { ayuntamiento: 2, secretaria: 1, alcaldia: 1 },
      total: 4,
      municipalitiesPerState: { '15': 2, '09': 1 },
      municipalitiesPerLevel: { municipal: 3, estatal: 1 },
      municipalitiesPerType: { ayuntamiento: 2, secretaria: 1, alcaldia: 1 },
      totalMunicipalities: 3,
      population: { '15106': 910608, '15054': 242307 },
    });
  });
});

describe('stored results', () => {
  it('are plain JSON and round-trip unchanged', () => {
    const s = storedResult(computeInstitution(input('i1', 0.3, 4)));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(Object.keys(s).sort()).toEqual([
      'citizenReports',
      'components',
      'core',
      'headline',
      'institutionId',
      'neededReports',
      'pendingRefutations',
      'pooledKey',
      'selfReported',
      'validators',
      'values',
      'verified',
      'warnings',
    ]);
    // Never validator identities (the clusters stay in memory).
    expect(JSON.stringify(s)).not.toContain('i1-v');
  });

  it('aggregate exactly like the full results they come from', () => {
    const results = ['i1', 'i2', 'i3'].map((id, k) => computeInstitution(input(id, 0.2 + 0.3 * k, 3 + k)));
    const empty = computeInstitution({ institutionId: 'i4', selfReport: null, verifications: {}, citizenReports: [] });
    const fromFull = computeAggregates(
      [...results, empty].map((result, k) => ({
        result,
        cvegeo: UNIVERSE[k].cvegeo,
        cveEnt: UNIVERSE[k].cveEnt,
        level: UNIVERSE[k].level,
        type: UNIVERSE[k].type,
      })),
      aggregationUniverse(UNIVERSE, {}),
    );
    // i4 has no stored result: it enters as the empty result.
    const stored = new Map(results.map((r) => [r.institutionId, storedResult(r)]));
    const fromStored = computeAggregates(
      placementsFor(UNIVERSE, stored, DEFAULT_METHOD_SETTINGS, null),
      aggregationUniverse(UNIVERSE, {}),
    );
    expect(fromStored).toEqual(fromFull);
  });

  it('ignore stored results of institutions outside the universe', () => {
    const stored = new Map([['gone', storedResult(computeInstitution(input('gone', 0.5, 2)))]]);
    const placements = placementsFor(UNIVERSE, stored, DEFAULT_METHOD_SETTINGS, null);
    expect(placements.map((p) => p.result.institutionId)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(placements[0].result.values).toEqual(emptyStoredResult('i1', DEFAULT_METHOD_SETTINGS, null).values);
  });
});

describe('roundAggregation', () => {
  it('gives a round without a universe (a draft) no area rows instead of an error', () => {
    expect(roundAggregation([], new Map(), {}, DEFAULT_METHOD_SETTINGS, null, null)(INDICATORS)).toEqual([]);
  });

  it('computes one indicator at a time exactly like all at once', () => {
    const stored = new Map(
      ['i1', 'i3'].map((id, k) => [id, storedResult(computeInstitution(input(id, 0.4 + 0.2 * k, 4)))]),
    );
    const all = roundAggregation(UNIVERSE, stored, {}, DEFAULT_METHOD_SETTINGS, null, null)(INDICATORS);
    const one = roundAggregation(UNIVERSE, stored, {}, DEFAULT_METHOD_SETTINGS, null, null)(['I_G']);
    expect(one.length).toBeGreaterThan(0);
    expect(one).toEqual(all.filter((r) => r.indicator === 'I_G'));
  });
});

describe('stored documents (institution_result)', () => {
  const inputs = [input('i1', 0.3, 4), input('i2', 0.6, 1), input('i3', 0.8, 3), input('i4', 0.5, 0)];
  const pool = roundPool(inputs.map((i) => computeInstitution(i)));

  it('hold the core and the pool, not the values, and read back to the very values written', () => {
    for (const pooled of [null, pool]) {
      for (const i of inputs) {
        const { result, form } = finalizeForStorage(buildInstitution(i), DEFAULT_METHOD_SETTINGS, pooled);
        const doc = JSON.parse(form.json) as Record<string, unknown>;
        expect(Object.keys(doc).sort()).toEqual(['core', 'format', 'pooledKey', 'warnings']);
        // What an area job derives from the document is what the writer aggregated and wrote (bit for bit).
        const read = expandStored(JSON.parse(form.json), DEFAULT_METHOD_SETTINGS);
        expect(JSON.stringify(read)).toBe(JSON.stringify(form.value));
        expect(Object.is(read.values.I?.se, result.values.I?.se)).toBe(true);
        expect(result).toEqual(computeInstitution(i, DEFAULT_METHOD_SETTINGS, pooled));
      }
    }
  });

  it('are much smaller than the full form earlier versions wrote, which still reads as it is', () => {
    const { form } = finalizeForStorage(buildInstitution(inputs[0]), DEFAULT_METHOD_SETTINGS, pool);
    const full = JSON.stringify(form.value);
    expect(form.json.length).toBeLessThan(full.length * 0.6);
    expect(expandStored(JSON.parse(full), DEFAULT_METHOD_SETTINGS)).toEqual(JSON.parse(full));
  });

  it('re-finalised under a new pool read back as the re-finalised value: the same document, the new pool key', () => {
    const { form } = finalizeForStorage(buildInstitution(inputs[0]), DEFAULT_METHOD_SETTINGS, null);
    const next = refinalized(form.value, DEFAULT_METHOD_SETTINGS, pool);
    expect(next).not.toBeNull();
    const read = expandStored(JSON.parse(form.json), DEFAULT_METHOD_SETTINGS, poolKey(pool));
    expect(JSON.stringify(read)).toBe(JSON.stringify(next!.value));
    // Without the row's key, the document reads as it was written.
    expect(JSON.stringify(expandStored(JSON.parse(form.json), DEFAULT_METHOD_SETTINGS))).toBe(
      JSON.stringify(form.value),
    );
  });
});

describe('the round pool (§5 small-n rule)', () => {
  const inputs = [input('i1', 0.3, 4), input('i2', 0.6, 1), input('i3', 0.8, 3)];

  it('is the same whether formed from computed results or from stored ones', () => {
    const computed = inputs.map((i) => computeInstitution(i));
    const stored = computed.map((r) => storedResult(r));
    expect(roundPool(stored)).toEqual(roundPool(computed));
    expect(Object.keys(roundPool(stored))).toContain('TC');
  });

  it('re-finalising a stored result under a pool equals computing it with that pool', () => {
    const computed = inputs.map((i) => computeInstitution(i));
    const pool = roundPool(computed);
    const lone = storedResult(computed[1]);
    const next = refinalized(lone, DEFAULT_METHOD_SETTINGS, pool);
    expect(next?.changed).toBe(true);
    expect(next?.value).toEqual(storedResult(computeInstitution(inputs[1], DEFAULT_METHOD_SETTINGS, pool), pool));
    // Already under this pool: nothing to do.
    expect(refinalized(next!.value, DEFAULT_METHOD_SETTINGS, pool)).toBeNull();
    expect(poolKey(null)).toBe('');
  });
});

describe('sameJsonValue (re-finalised results compared without serialising them)', () => {
  /** The value with every object's keys sorted: JSON text that ignores key order. */
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (typeof v !== 'object' || v === null) return v;
    const r = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, canonical(r[k])]),
    );
  };

  it('says "same" only for values whose JSON is the same up to key order, and for every copy of a value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        if (sameJsonValue(a, b)) expect(JSON.stringify(canonical(a))).toBe(JSON.stringify(canonical(b)));
        expect(sameJsonValue(a, JSON.parse(JSON.stringify(a)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a change anywhere in a value, however small', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.double({ noNaN: true }), (v, x) => {
        const a = { values: { I: { estimate: x, se: 0.01 } }, rest: v };
        const b = { values: { I: { estimate: x + (x === 0 ? 1e-300 : x * 2 ** -52), se: 0.01 } }, rest: v };
        expect(sameJsonValue(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});
