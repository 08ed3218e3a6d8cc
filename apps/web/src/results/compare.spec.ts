import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { specValue } from './spec-values';
import { compareValues, notComparableText, roundChoices, verdictCounts } from './compare';
import type { Status } from './present';

const value = specValue;

describe('comparison rule (§9)', () => {
  it('significant only when both ≥ caution, both SE known, same method', () => {
    const c = compareValues(value({ estimate: 0.4, se: 0.02 }), value({ estimate: 0.5, se: 0.02 }));
    expect(c.verdict).toBe('significant');
    expect(c.threshold).toBeCloseTo(1.96 * Math.sqrt(0.0008), 12);
    expect(
      compareValues(value({ estimate: 0.4, se: 0.05 }), value({ estimate: 0.45, se: 0.05, status: 'caution' })).verdict,
    ).toBe('within_uncertainty');
  });

  it('missing SE is never taken as 0', () => {
    const a = value({ estimate: 0.2, se: null });
    const b = value({ estimate: 0.9, se: 0.01 });
    const c = compareValues(a, b);
    expect(c).toMatchObject({ verdict: 'not_comparable', threshold: null, reasons: ['missing_se'] });
    expect(notComparableText(c, a, b, 'es')).toBe('No comparable: falta el error estándar de A.');
  });

  it('a status below caution or a different method version: not comparable, with the reason in words', () => {
    const a = value({ status: 'inconclusive' });
    const b = value({ estimate: 0.9 });
    const c = compareValues(a, b);
    expect(c.reasons).toEqual(['status']);
    expect(notComparableText(c, a, b, 'es')).toBe(
      'No comparable: un valor por debajo de «con cautela» no se compara (A: «No concluyente»).',
    );
    const old = value({ methodId: 'mga-2017/apertura-1', methodVersion: '1.0.0' });
    const m = compareValues(old, b);
    expect(m.reasons).toEqual(['different_method']);
    expect(notComparableText(m, old, b, 'en')).toBe(
      'Not comparable: the rounds were computed with different method versions (mga-2017/apertura-1 v1.0.0 and mga-2017/apertura-2 v2.0.0).',
    );
    expect(compareValues(value({ methodVersion: '2.0.0' }), value({ methodVersion: '2.1.0' })).reasons).toEqual([
      'different_method',
    ]);
    expect(compareValues(value({ methodId: null }), value({ methodId: null })).reasons).toEqual(['different_method']);
    expect(compareValues(value(), value({ estimate: null })).reasons).toEqual(['missing_value']);
    const scopes = { a: '6 estados', b: 'México' };
    const d = compareValues(value(), value(), scopes);
    expect(d.reasons).toEqual(['different_scope']);
    expect(notComparableText(d, value(), value(), 'es', scopes)).toBe(
      'No comparable: las rondas cubren ámbitos distintos (6 estados y México).',
    );
    expect(compareValues(value(), value(), { a: 'México', b: 'México' }).reasons).toEqual([]);
  });

  it('property: "significant" implies every condition of the rule', () => {
    const arb = fc.record({
      estimate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 6 }),
      se: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { freq: 4 }),
      status: fc.constantFrom<Status>('conclusive', 'caution', 'inconclusive', 'not_validated'),
      methodVersion: fc.constantFrom('1.0.0', '2.0.0'),
    });
    fc.assert(
      fc.property(arb, arb, (x, y) => {
        const a = value({
          ...x,
          methodId: x.methodVersion === '1.0.0' ? 'mga-2017/apertura-1' : 'mga-2017/apertura-2',
        });
        const b = value({
          ...y,
          methodId: y.methodVersion === '1.0.0' ? 'mga-2017/apertura-1' : 'mga-2017/apertura-2',
        });
        const c = compareValues(a, b);
        if (c.verdict !== 'not_comparable') {
          expect(['conclusive', 'caution']).toContain(a.status);
          expect(['conclusive', 'caution']).toContain(b.status);
          expect(a.se).not.toBeNull();
          expect(b.se).not.toBeNull();
          expect(a.methodVersion).toBe(b.methodVersion);
        } else {
          expect(c.reasons.length).toBeGreaterThan(0);
          expect(c.threshold).toBeNull();
        }
      }),
    );
  });
});

describe('round choices', () => {
  it('lists each round once, in first-seen order, with its first name', () => {
    const pub = [
      { id: 'r1', name: 'Ronda 1' },
      { id: 'r2', name: 'Ronda 2' },
    ];
    const own = [
      { id: 'r2', name: 'Ronda 2 (borrador)' },
      { id: 'r3', name: 'Ronda 3' },
    ];
    expect(roundChoices([pub, own])).toEqual([
      { id: 'r1', name: 'Ronda 1' },
      { id: 'r2', name: 'Ronda 2 (borrador)' },
      { id: 'r3', name: 'Ronda 3' },
    ]);
    expect(roundChoices([pub, []])).toEqual(pub);
  });
});

describe('verdict counts', () => {
  it('counts significant, comparable and all rows', () => {
    const rows = [
      { verdict: 'significant' as const },
      { verdict: 'within_uncertainty' as const },
      { verdict: 'not_comparable' as const },
      { verdict: 'significant' as const },
    ];
    expect(verdictCounts(rows)).toEqual({ sig: 2, comparable: 3, total: 4 });
    expect(verdictCounts([])).toEqual({ sig: 0, comparable: 0, total: 0 });
  });
});
