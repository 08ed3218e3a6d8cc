import { DEFAULT_METHOD_SETTINGS } from '@apertura/metric';
import { institutionShortfall, municipalityNeed, neededMunicipalities, roundSettings } from './needs';

const s = DEFAULT_METHOD_SETTINGS;

describe('recruitment needs', () => {
  it('a municipality without data needs the minimum reports, and subjects by the needed-sample rule', () => {
    // 3 subjects, none with data: n0 = (1.96·0.5/0.1)² ≈ 96 → 96/(1 + 95/3) ≈ 2.94 → 3 subjects.
    expect(municipalityNeed({ subjects: 3, subjectsWithData: 0, reports: 0 }, s)).toEqual({
      neededSubjects: 3,
      needed: 10,
      unreachable: false,
    });
  });

  it('reports needed are at least the subjects still needed', () => {
    const need = municipalityNeed({ subjects: 40, subjectsWithData: 1, reports: 12 }, s);
    expect(need.needed).toBe(need.neededSubjects);
    expect(need.neededSubjects).toBeGreaterThan(0);
  });

  it('uses the metric result when there is one', () => {
    expect(
      municipalityNeed({ subjects: 3, subjectsWithData: 3, reports: 12 }, s, { needed: 0, neededSubjects: 0 }),
    ).toEqual({ neededSubjects: 0, needed: 0, unreachable: false });
    expect(
      municipalityNeed({ subjects: 3, subjectsWithData: 3, reports: 4 }, s, { needed: 0, neededSubjects: 0 }),
    ).toEqual({ neededSubjects: 0, needed: 6, unreachable: false });
    expect(
      municipalityNeed({ subjects: 4, subjectsWithData: 1, reports: 3 }, s, { needed: 12, neededSubjects: 2 }),
    ).toEqual({ neededSubjects: 2, needed: 12, unreachable: false });
  });

  it('says when no citizen addition can help (only more self-reports can)', () => {
    expect(
      municipalityNeed({ subjects: 4, subjectsWithData: 0, reports: 0 }, s, { needed: null, neededSubjects: null }),
    ).toEqual({ neededSubjects: 0, needed: 0, unreachable: true });
  });

  it('institution shortfall and state municipalities follow the thresholds', () => {
    expect(institutionShortfall(2, s.thresholds)).toBe(3);
    expect(institutionShortfall(9, s.thresholds)).toBe(0);
    expect(neededMunicipalities(125, 18, s.thresholds)).toBe(12); // min(30, 63) − 18
    expect(neededMunicipalities(5, 1, s.thresholds)).toBe(2); // ⌈2.5⌉ − 1
  });

  it('falls back to the defaults for unusable stored settings', () => {
    expect(roundSettings({ bogus: 1 })).toBe(DEFAULT_METHOD_SETTINGS);
    expect(roundSettings({ thresholds: { institutionMinReports: 7 } }).thresholds.institutionMinReports).toBe(7);
  });
});
