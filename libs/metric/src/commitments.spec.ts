import fc from 'fast-check';
import {
  addressedMovements,
  commitmentProgress,
  componentMovement,
  milestoneState,
  RoundComponentValue,
} from './commitments';
import { DEFAULT_METHOD_SETTINGS } from './settings';

const S = DEFAULT_METHOD_SETTINGS;
const m = (declaredDone: boolean, confirmed: number, refuted: number, pending = 0) => ({
  declaredDone,
  confirmed,
  refuted,
  pending,
});
const value = (
  estimate: number | null,
  se: number | null,
  status = 'conclusive',
  method = 'apertura@2',
): RoundComponentValue => ({
  estimate,
  se,
  status,
  method,
});

describe('milestoneState (§3.1 for a milestone)', () => {
  it('is unverified without counted verdicts, else the confirmed share', () => {
    expect(milestoneState({ confirmed: 0, refuted: 0 })).toEqual({ state: 'unverified', share: null, n: 0 });
    expect(milestoneState({ confirmed: 3, refuted: 0 }).state).toBe('confirmed');
    expect(milestoneState({ confirmed: 0, refuted: 2 }).state).toBe('refuted');
    expect(milestoneState({ confirmed: 1, refuted: 3 })).toEqual({ state: 'mixed', share: 0.25, n: 4 });
  });
});

describe('commitmentProgress', () => {
  it('without any counted verdict: declared progress only, verified null and not_validated', () => {
    const p = commitmentProgress([m(true, 0, 0), m(false, 0, 0, 1)], S);
    expect(p.declared).toBe(0.5);
    expect(p.estimate).toBeNull();
    expect(p.se).toBeNull();
    expect(p.status).toBe('not_validated');
    expect(p.reasons).toEqual(expect.arrayContaining(['no_citizen_data', 'pending_refutations']));
  });

  it('an unverified milestone adds nothing: the verified value never exceeds the checked share', () => {
    const p = commitmentProgress([m(true, 2, 0), m(true, 0, 0)], S);
    expect(p.declared).toBe(1);
    expect(p.estimate).toBe(0.5);
    expect(p.verifiedMilestones).toBe(1);
    // Half the milestones unchecked: the response-share rule (caution) fires, and 2 verdicts are below the minimum.
    expect(p.reasons).toEqual(expect.arrayContaining(['below_minimum']));
    expect(p.status).toBe('inconclusive');
  });

  it('one confirmation is not certainty: the small-n bound gives a real interval', () => {
    const p = commitmentProgress([m(true, 1, 0)], S);
    expect(p.estimate).toBe(1);
    expect(p.se).toBeCloseTo(0.5, 10);
    expect(p.df).toBeNull();
    expect(p.lo).toBeLessThan(0.1);
    expect(p.hi).toBe(1);
  });

  it('many unanimous verdicts on every milestone become conclusive', () => {
    const p = commitmentProgress([m(true, 40, 0), m(true, 40, 0), m(false, 0, 40)], S);
    expect(p.estimate).toBeCloseTo(2 / 3, 12);
    expect(p.status).toBe('conclusive');
    expect(p.reasons).toEqual([]);
  });

  it('properties: estimate within [0,1], ≤ verified share, interval contains it; declared is exact', () => {
    const ms = fc.array(
      fc.record({
        declaredDone: fc.boolean(),
        confirmed: fc.integer({ min: 0, max: 12 }),
        refuted: fc.integer({ min: 0, max: 12 }),
        pending: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(ms, (list) => {
        const p = commitmentProgress(list, S);
        expect(p.declared).toBe(list.filter((x) => x.declaredDone).length / list.length);
        if (p.estimate === null) {
          expect(p.verifiedMilestones).toBe(0);
          expect(p.status).toBe('not_validated');
          return;
        }
        expect(p.estimate).toBeGreaterThanOrEqual(0);
        expect(p.estimate).toBeLessThanOrEqual(p.verifiedMilestones / list.length + 1e-12);
        expect(p.se).not.toBeNull();
        expect(p.se as number).toBeGreaterThan(0);
        expect(p.lo as number).toBeLessThanOrEqual(p.estimate);
        expect(p.hi as number).toBeGreaterThanOrEqual(p.estimate);
        // Order of milestones does not matter.
        const q = commitmentProgress([...list].reverse(), S);
        expect(q.estimate).toBeCloseTo(p.estimate, 12);
        expect(q.se as number).toBeCloseTo(p.se as number, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('componentMovement (§9 change rule)', () => {
  it('moves only beyond 1.96·√(SE₁²+SE₂²)', () => {
    const threshold = 1.96 * Math.sqrt(0.03 ** 2 + 0.04 ** 2);
    expect(componentMovement(value(0.4, 0.03), value(0.4 + threshold + 0.001, 0.04), 0.95).verdict).toBe('improved');
    expect(componentMovement(value(0.4, 0.03), value(0.4 - threshold - 0.001, 0.04), 0.95).verdict).toBe('worsened');
    const within = componentMovement(value(0.4, 0.03), value(0.4 + threshold - 0.001, 0.04), 0.95);
    expect(within.verdict).toBe('within_uncertainty');
    expect(within.threshold).toBeCloseTo(threshold, 3);
  });

  it('is not comparable with every reason that applies', () => {
    const r = componentMovement(value(0.4, null, 'inconclusive', 'apertura@1'), value(0.6, 0.01), 0.95);
    expect(r.verdict).toBe('not_comparable');
    expect(r.reasons).toEqual(['different_method', 'status', 'missing_se']);
    expect(componentMovement(value(0.4, 0.01), null, 0.95)).toEqual({
      verdict: 'not_comparable',
      delta: null,
      threshold: null,
      reasons: ['missing_value'],
    });
  });

  it('a census value (SE 0) moves with any change', () => {
    expect(componentMovement(value(0.5, 0), value(0.5, 0), 0.95).verdict).toBe('within_uncertainty');
    expect(componentMovement(value(0.5, 0), value(0.75, 0), 0.95).verdict).toBe('improved');
  });

  it('properties: antisymmetric, and larger SEs never turn "within" into "moved"', () => {
    const v = fc.record({
      estimate: fc.double({ min: 0, max: 1, noNaN: true }),
      se: fc.double({ min: 0, max: 0.3, noNaN: true }),
    });
    fc.assert(
      fc.property(v, v, fc.double({ min: 1, max: 3, noNaN: true }), (a, b, k) => {
        const ab = componentMovement(value(a.estimate, a.se), value(b.estimate, b.se), 0.95);
        const ba = componentMovement(value(b.estimate, b.se), value(a.estimate, a.se), 0.95);
        const flip = { improved: 'worsened', worsened: 'improved', within_uncertainty: 'within_uncertainty' } as const;
        expect(ab.verdict).not.toBe('not_comparable');
        expect(ba.verdict).toBe(flip[ab.verdict as keyof typeof flip]);
        const wider = componentMovement(value(a.estimate, a.se * k), value(b.estimate, b.se * k), 0.95);
        if (ab.verdict === 'within_uncertainty') expect(wider.verdict).toBe('within_uncertainty');
      }),
      { numRuns: 300 },
    );
  });

  it('addressedMovements: without a next round every component is not comparable', () => {
    const out = addressedMovements(['TG.AI', 'PG.Seg'], { 'TG.AI': value(0.2, 0) }, null, 0.95);
    expect(out.map((x) => [x.component, x.verdict])).toEqual([
      ['TG.AI', 'not_comparable'],
      ['PG.Seg', 'not_comparable'],
    ]);
  });
});
