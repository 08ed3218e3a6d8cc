import fc from 'fast-check';
import { compareStrings } from './order';
import { CitizenRaw, pooledVariances } from './smalln';

/** The specification's sums written out plainly: institutions in id order, each one's codes sorted. */
function pooledByTheBook(
  institutions: ReadonlyArray<{ institutionId: string; raw: Readonly<Record<string, CitizenRaw>> }>,
): Record<string, number> {
  const num: Record<string, number> = {};
  const den: Record<string, number> = {};
  const ordered = [...institutions].sort((a, b) => compareStrings(a.institutionId, b.institutionId));
  for (const inst of ordered) {
    for (const code of Object.keys(inst.raw).sort(compareStrings)) {
      const r = inst.raw[code];
      if (r.n < 2 || r.s2 === null) continue;
      num[code] = (num[code] ?? 0) + (r.n - 1) * r.s2;
      den[code] = (den[code] ?? 0) + (r.n - 1);
    }
  }
  const out: Record<string, number> = {};
  for (const code of Object.keys(num).sort(compareStrings)) out[code] = num[code] / den[code];
  return out;
}

const CODES = ['TC', 'PC', 'I', 'T', 'P', 'TC.Disp', 'TC.Clar', 'PC.Met', 'PC.Act'];

const rawArb: fc.Arbitrary<CitizenRaw> = fc
  .record({
    n: fc.integer({ min: 0, max: 12 }),
    s2: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: null }),
  })
  .map((r) => ({ ...r, estimate: 0.5, share: 1 }));

const institutionsArb = fc.array(
  fc.record({
    institutionId: fc.string({ minLength: 1, maxLength: 8 }),
    raw: fc.dictionary(fc.constantFrom(...CODES), rawArb),
  }),
  { maxLength: 60 },
);

describe('pooledVariances', () => {
  it('gives the plain sums of §5 bit for bit, whatever the order of institutions and of their codes', () => {
    fc.assert(
      fc.property(institutionsArb, (institutions) => {
        const expected = JSON.stringify(pooledByTheBook(institutions));
        expect(JSON.stringify(pooledVariances(institutions))).toBe(expected);
        const reversed = [...institutions].reverse().map((i) => ({
          ...i,
          raw: Object.fromEntries(Object.entries(i.raw).reverse()),
        }));
        expect(JSON.stringify(pooledVariances(reversed))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out values with fewer than two validators or no spread', () => {
    const raw = (n: number, s2: number | null): CitizenRaw => ({ n, s2, estimate: 0.5, share: 1 });
    expect(
      pooledVariances([
        { institutionId: 'b', raw: { TC: raw(3, 0.02), PC: raw(1, 0.5) } },
        { institutionId: 'a', raw: { TC: raw(5, 0.04), PC: raw(4, null) } },
      ]),
    ).toEqual({ TC: (4 * 0.04 + 2 * 0.02) / 6 });
  });
});
