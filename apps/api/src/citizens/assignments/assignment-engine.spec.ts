import fc from 'fast-check';
import { AssignmentRequest, CandidateInstitution, chooseInstitutions, MunicipalityLoad } from './assignment-engine';

const inst = (id: string, cvegeo: string, reports = 0, pending = 0, needed?: number): CandidateInstitution => ({
  id,
  cvegeo,
  reports,
  pending,
  needed,
});

/** Municipality loads as the service computes them: sums over the round's institutions. */
function loadsOf(candidates: CandidateInstitution[]): Map<string, MunicipalityLoad> {
  const m = new Map<string, MunicipalityLoad>();
  for (const c of candidates) {
    const l = m.get(c.cvegeo) ?? { reports: 0, pending: 0 };
    l.reports += c.reports;
    l.pending += c.pending;
    m.set(c.cvegeo, l);
  }
  return m;
}

function request(
  candidates: CandidateInstitution[],
  k = 3,
  extra: Partial<AssignmentRequest['validator']> = {},
): AssignmentRequest {
  return {
    candidates,
    municipalities: loadsOf(candidates),
    k,
    validator: { id: 'v', conflicts: new Set(), alreadyAssigned: new Set(), ...extra },
  };
}

describe('chooseInstitutions', () => {
  it('serves the municipality with fewest reports first, then the institution with fewest reports', () => {
    const cands = [
      inst('a1', '15001', 4),
      inst('a2', '15001', 0),
      inst('b1', '15002', 1),
      inst('b2', '15002', 0),
      inst('c1', '15003', 9),
    ];
    // loads: 15001 → 4, 15002 → 1, 15003 → 9
    expect(chooseInstitutions(request(cands, 3))).toEqual(['b2', 'a2', 'c1']);
  });

  it('counts pending assignments as reports on their way', () => {
    const cands = [inst('a', '15001', 0, 3), inst('b', '15002', 2, 0)];
    expect(chooseInstitutions(request(cands, 1))).toEqual(['b']);
  });

  it('never assigns a conflict or an institution already assigned', () => {
    const cands = [inst('a', '15001'), inst('b', '15002'), inst('c', '15003')];
    const out = chooseInstitutions(request(cands, 3, { conflicts: new Set(['a']), alreadyAssigned: new Set(['c']) }));
    expect(out).toEqual(['b']);
  });

  it('spreads over municipalities and only repeats one when none is left', () => {
    const cands = [inst('a1', '15001'), inst('a2', '15001'), inst('a3', '15001'), inst('b1', '15002')];
    const out = chooseInstitutions(request(cands, 3));
    expect(out.slice(0, 2).sort()).toEqual(['a1', 'b1']);
    expect(out).toHaveLength(3);
    expect(new Set(out).size).toBe(3);
  });

  it('follows the largest remaining need when the metric provides it', () => {
    const cands = [inst('a', '15001', 0), inst('b', '15002', 8)];
    const municipalities = new Map<string, MunicipalityLoad>([
      ['15001', { reports: 0, pending: 0, needed: 2 }],
      ['15002', { reports: 8, pending: 1, needed: 12 }],
    ]);
    const out = chooseInstitutions({ ...request(cands, 1), municipalities });
    expect(out).toEqual(['b']);
  });

  it('breaks ties by proximity to the residence, then by id', () => {
    const cands = [inst('x', '09001'), inst('y', '15020'), inst('z', '15010')];
    expect(chooseInstitutions(request(cands, 3, { cvegeo: '15010' }))).toEqual(['z', 'y', 'x']);
    expect(chooseInstitutions(request(cands, 3))).toEqual(['x', 'z', 'y']);
  });

  it('returns nothing for k = 0 or an empty pool', () => {
    expect(chooseInstitutions(request([inst('a', '15001')], 0))).toEqual([]);
    expect(chooseInstitutions(request([], 3))).toEqual([]);
  });
});

describe('chooseInstitutions (properties over random universes)', () => {
  const universe = fc
    .array(
      fc.record({
        muni: fc.integer({ min: 1, max: 12 }),
        reports: fc.nat({ max: 15 }),
        pending: fc.nat({ max: 3 }),
      }),
      { minLength: 0, maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        inst(`i${String(i).padStart(3, '0')}`, `15${String(r.muni).padStart(3, '0')}`, r.reports, r.pending),
      ),
    );

  const scenario = universe.chain((cands) =>
    fc.record({
      cands: fc.constant(cands),
      conflicts: fc.subarray(cands.map((c) => c.id)),
      assigned: fc.subarray(cands.map((c) => c.id)),
      k: fc.integer({ min: 0, max: 8 }),
      residence: fc.option(fc.integer({ min: 1, max: 14 }).map((m) => `15${String(m).padStart(3, '0')}`)),
    }),
  );

  const toRequest = (s: {
    cands: CandidateInstitution[];
    conflicts: string[];
    assigned: string[];
    k: number;
    residence: string | null;
  }): AssignmentRequest => ({
    candidates: s.cands,
    municipalities: loadsOf(s.cands),
    k: s.k,
    validator: { id: 'v', conflicts: new Set(s.conflicts), alreadyAssigned: new Set(s.assigned), cvegeo: s.residence },
  });

  it('never returns a conflict, an already-assigned institution or a duplicate, and fills up to k', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const out = chooseInstitutions(toRequest(s));
        const eligible = s.cands.filter((c) => !s.conflicts.includes(c.id) && !s.assigned.includes(c.id));
        expect(new Set(out).size).toBe(out.length);
        for (const id of out) {
          expect(s.conflicts).not.toContain(id);
          expect(s.assigned).not.toContain(id);
        }
        expect(out).toHaveLength(Math.min(s.k, eligible.length));
      }),
      { numRuns: 500 },
    );
  });

  it('serves first a municipality with the fewest reports among eligible municipalities', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const req = toRequest(s);
        const out = chooseInstitutions(req);
        if (out.length === 0) return;
        const eligible = s.cands.filter((c) => !s.conflicts.includes(c.id) && !s.assigned.includes(c.id));
        const count = (cvegeo: string): number => {
          const l = req.municipalities.get(cvegeo);
          return (l?.reports ?? 0) + (l?.pending ?? 0);
        };
        const min = Math.min(...eligible.map((c) => count(c.cvegeo)));
        const first = s.cands.find((c) => c.id === out[0]);
        expect(first && count(first.cvegeo)).toBe(min);
      }),
      { numRuns: 500 },
    );
  });

  it('spreads: distinct municipalities whenever enough eligible municipalities exist', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const out = chooseInstitutions(toRequest(s));
        const eligible = s.cands.filter((c) => !s.conflicts.includes(c.id) && !s.assigned.includes(c.id));
        const munis = new Set(eligible.map((c) => c.cvegeo));
        const byId = new Map(s.cands.map((c) => [c.id, c.cvegeo]));
        const servedMunis = new Set(out.map((id) => byId.get(id)));
        expect(servedMunis.size).toBe(Math.min(out.length, munis.size));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and does not depend on the order of the candidates', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const shuffled = [...s.cands].sort((a, b) => (hash(a.id, seed) - hash(b.id, seed)) | 0);
        expect(chooseInstitutions(toRequest({ ...s, cands: shuffled }))).toEqual(chooseInstitutions(toRequest(s)));
      }),
      { numRuns: 300 },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h;
}
