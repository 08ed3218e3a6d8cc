import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { specValue } from './spec-values';
import {
  designText,
  indexTitle,
  institutionBadges,
  institutionStatusText,
  markOf,
  methodText,
  neededText,
  ordinal,
  plural,
  rankSentence,
  rankText,
  scopeName,
  shownInterval,
  topPercent,
  type Status,
} from './present';

const value = specValue;

describe('rank interval text', () => {
  it('Spanish and English ordinals', () => {
    expect([1, 2, 3, 7, 10].map((n) => ordinal(n, 'es'))).toEqual(['1.º', '2.º', '3.º', '7.º', '10.º']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });

  it('position with its 95 % rank interval', () => {
    const rank = { position: 3, lo: 2, hi: 7, of: 40, group: 'MX' };
    expect(rankText(rank, 'es')).toBe('3.º (2.º–7.º)');
    expect(rankText(rank, 'en')).toBe('3rd (2nd–7th)');
    expect(rankText({ ...rank, position: 1, lo: 1, hi: 1 }, 'es')).toBe('1.º (1.º)');
    expect(rankSentence(rank, 'es')).toBe('Lugar 3.º de 40; con 95 % de confianza, entre el 2.º y el 7.º.');
  });

  it('more than 200 values: a percentile band', () => {
    const rank = { position: 812, lo: 300, hi: 1_000, of: 10_000, group: 'MX' };
    expect(rankText(rank, 'es')).toBe('812.º · entre el 3 % y el 10 % más alto');
    expect(rankText(rank, 'en')).toBe('812th · in the top 3–10 %');
    // 200 values exactly still show ranks.
    expect(rankText({ position: 5, lo: 2, hi: 9, of: 200, group: 'MX' }, 'es')).toBe('5.º (2.º–9.º)');
  });

  it('top percent is monotone in the position and within [1, 100]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (of, k) => {
        const a = 1 + (k % of);
        const b = Math.min(of, a + 1);
        const pa = topPercent(a, of);
        expect(pa).toBeGreaterThanOrEqual(1);
        expect(pa).toBeLessThanOrEqual(100);
        expect(topPercent(b, of)).toBeGreaterThanOrEqual(pa);
        expect(topPercent(of, of)).toBe(100);
      }),
    );
  });
});

describe('plurals (Intl.PluralRules)', () => {
  it('one and other in both languages', () => {
    const es = { one: 'falta {n} sujeto', other: 'faltan {n} sujetos' };
    expect(plural('es', 1, es)).toBe('falta 1 sujeto');
    expect(plural('es', 3, es)).toBe('faltan 3 sujetos');
    expect(plural('es', 0, es)).toBe('faltan 0 sujetos');
    expect(plural('en', 1, { one: '{n} report', other: '{n} reports' })).toBe('1 report');
    expect(plural('en', 1200, { one: '{n} report', other: '{n} reports' })).toBe('1,200 reports');
  });

  it('needed reports and subjects from needed / neededSubjects / neededReports', () => {
    expect(neededText({ status: 'inconclusive', needed: 1, neededSubjects: null, neededReports: 1 }, 'es')).toBe(
      'falta 1 reporte ciudadano',
    );
    expect(neededText({ status: 'inconclusive', needed: 4, neededSubjects: null, neededReports: 4 }, 'es')).toBe(
      'faltan 4 reportes ciudadanos',
    );
    expect(neededText({ status: 'inconclusive', needed: 1, neededSubjects: null, neededReports: 1 }, 'en')).toBe(
      '1 more citizen report needed',
    );
    expect(neededText({ status: 'caution', needed: 5, neededSubjects: 1, neededReports: 0 }, 'es')).toBe(
      'falta 1 sujeto con datos ciudadanos',
    );
    expect(neededText({ status: 'caution', needed: 15, neededSubjects: 3, neededReports: 0 }, 'es')).toBe(
      'faltan 3 sujetos con datos ciudadanos',
    );
    expect(neededText({ status: 'inconclusive', needed: 16, neededSubjects: 3, neededReports: 1 }, 'es')).toBe(
      'faltan 3 sujetos con datos ciudadanos y 1 reporte más (16 reportes en total)',
    );
    expect(neededText({ status: 'inconclusive', needed: 16, neededSubjects: 3, neededReports: 1 }, 'en')).toBe(
      '3 more subjects with citizen data and 1 more report needed (16 reports in all)',
    );
    // Areas with no new subject needed speak of reports.
    expect(neededText({ status: 'inconclusive', needed: 2, neededSubjects: 0, neededReports: 2 }, 'es')).toBe(
      'faltan 2 reportes ciudadanos',
    );
  });

  it('null needed: more citizen reports would not be enough, with the reason', () => {
    const text = neededText({ status: 'not_validated', needed: null, neededSubjects: null, neededReports: null }, 'es');
    expect(text).toMatch(/^Más reportes ciudadanos no bastarían/);
    expect(neededText({ status: 'not_validated', needed: null }, 'en')).toMatch(
      /^More citizen reports would not be enough/,
    );
  });

  it('never says 0 or anything for a conclusive value', () => {
    expect(neededText({ status: 'conclusive', needed: 0, neededSubjects: 0, neededReports: 0 }, 'es')).toBeNull();
    expect(neededText({ status: 'inconclusive', needed: 0, neededSubjects: 0, neededReports: 0 }, 'es')).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.option(fc.integer({ min: 0, max: 50 })),
        fc.constantFrom<Status>('caution', 'inconclusive', 'not_validated'),
        (needed, subjects, status) => {
          const text = neededText(
            { status, needed, neededSubjects: subjects, neededReports: Math.max(0, needed - (subjects ?? 0) * 5) },
            'es',
          );
          if (text !== null) {
            expect(text).not.toMatch(/\b0 /);
            expect(text).not.toMatch(/falta[n]? 1 [a-z]+s\b/);
            expect(text).not.toMatch(/faltan 1 /);
          }
        },
      ),
    );
  });
});

describe('scope-aware titles, design and method', () => {
  // INEGI's catalogue name of state 15, as the API sends it.
  const mexico = { cveEnt: '15', name: 'México' };
  it('one state is named, never "nacional"', () => {
    expect(indexTitle([mexico], 'es')).toBe('Índice de apertura — Estado de México');
    expect(indexTitle([mexico], 'en')).toBe('Openness index — State of Mexico');
    expect(indexTitle([mexico], 'es')).not.toMatch(/nacional/i);
    expect(scopeName([{ cveEnt: '31', name: 'Yucatán' }], 'en').name).toBe('Yucatán');
  });
  it('several states are listed or counted; all 32 (or unknown) are national', () => {
    expect(scopeName([mexico, { cveEnt: '09', name: 'Ciudad de México' }], 'es').name).toBe(
      'Estado de México y Ciudad de México',
    );
    const five = ['01', '02', '03', '04', '05'].map((c) => ({ cveEnt: c, name: c }));
    expect(indexTitle(five, 'es')).toBe('Índice de apertura — 5 estados');
    const all = Array.from({ length: 32 }, (_, k) => ({ cveEnt: String(k + 1).padStart(2, '0'), name: `E${k}` }));
    expect(indexTitle(all, 'es')).toBe('Índice de apertura nacional');
    expect(indexTitle([], 'en')).toBe('National openness index');
  });
  it('design and method in words', () => {
    expect(designText({ kind: 'census' }, 'es')).toBe('Diseño: censo (todos los sujetos obligados del área)');
    expect(designText({ kind: 'sample', states: [{ cveEnt: '15', population: 300 }] }, 'es')).toBe(
      'Diseño: muestra estratificada (1 estado; población declarada de 300 sujetos obligados)',
    );
    expect(
      designText(
        {
          kind: 'sample',
          states: [
            { cveEnt: '15', population: 300 },
            { cveEnt: '09', population: 1 },
          ],
          municipalities: [{ cvegeo: '15106', population: 12 }],
        },
        'en',
      ),
    ).toBe('Design: stratified sample (2 states and 1 municipality; declared population of 301 obliged subjects)');
    expect(methodText('mga-2017/apertura-2', '2.0.0', 'es')).toBe('Método: mga-2017/apertura-2 v2.0.0');
    expect(methodText('mga-2017/apertura-1', '1.0.0', 'en')).toBe(
      'Method: mga-2017/apertura-1 v1.0.0 (previous method version)',
    );
  });
});

describe('marks and intervals', () => {
  it('an inconclusive value is never a solid dot; an unverified self-report is a hollow mark without an interval', () => {
    expect(markOf(value({ status: 'inconclusive' }))).toBe('hollow');
    expect(markOf(value({ status: 'caution' }))).toBe('solid');
    const selfReport = value({ indicator: 'I_G', status: 'not_validated', estimate: 0.95, lo: 0.95, hi: 0.95, se: 0 });
    expect(markOf(selfReport)).toBe('self_report');
    expect(shownInterval(selfReport)).toBeNull();
    expect(markOf(value({ status: 'inconclusive' }), 'unverified_self_report')).toBe('self_report');
    expect(shownInterval(value())).toEqual([0.46, 0.54]);
    expect(markOf(value({ estimate: null }))).toBe('none');
    // The declared self-report (before verdicts) is never a precise point, whatever its stored status.
    const raw = value({ indicator: 'I_G_raw', status: 'conclusive', estimate: 0.61, lo: 0.61, hi: 0.61, se: 0 });
    expect(markOf(raw)).toBe('self_report');
    expect(shownInterval(raw)).toBeNull();
    expect(
      shownInterval(value({ indicator: 'I_G', status: 'conclusive', estimate: 0.6, lo: 0.6, hi: 0.6, se: 0 })),
    ).toBeNull();
    expect(shownInterval(value({ indicator: 'I_G', status: 'conclusive', estimate: 0.6, lo: 0.55, hi: 0.65 }))).toEqual(
      [0.55, 0.65],
    );
  });
});

describe('institution badges agree with the numbers', () => {
  it('validated when TC and PC exist; the government-perspective status then never reads "Sin validación ciudadana"', () => {
    const b = institutionBadges({
      values: [
        { indicator: 'TC', estimate: 0.4 },
        { indicator: 'PC', estimate: 0.3 },
        { indicator: 'I_G', estimate: 0.8 },
      ],
      citizenReports: 1,
      validators: 1,
      countedVerdicts: 0,
      selfReported: true,
    });
    expect(b).toMatchObject({ citizenValidated: true, verified: false, partialCitizen: null });
    expect(institutionStatusText({ indicator: 'I_G', status: 'not_validated' }, b.citizenValidated, 'es')).toBe(
      'Perspectiva gubernamental',
    );
    expect(institutionStatusText({ indicator: 'I_G', status: 'not_validated' }, false, 'es')).toBe(
      'Sin validación ciudadana',
    );
    const partial = institutionBadges({
      values: [
        { indicator: 'TC', estimate: 0.4 },
        { indicator: 'PC', estimate: null },
      ],
      citizenReports: 1,
      validators: 1,
      countedVerdicts: 2,
      selfReported: true,
    });
    expect(partial).toMatchObject({ citizenValidated: false, verified: true, partialCitizen: 'TC' });
  });
});
