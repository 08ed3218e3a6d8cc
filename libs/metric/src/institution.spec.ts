import { computeInstitution, InstitutionInput } from './institution';
import { DEFAULT_METHOD_SETTINGS, resolveSettings } from './settings';
import { answer as a } from './test-fixtures';

const selfReport = [
  a('ai1', 'TG.AI', 1, true),
  a('tr1', 'TG.TR', 1),
  a('tp1', 'TG.TP', 0.5),
  a('da1', 'TG.DA', 1),
  a('mec1', 'PG.Mec', 1),
  a('act1', 'PG.Act', 1),
  a('fun1', 'PG.Fun', 0.5),
  a('form1', 'PG.Form', 0.5),
  a('seg1', 'PG.Seg', 0),
];
const report = (reportId: string, validatorId: string, tc: number, pc: number) => ({
  reportId,
  validatorId,
  answers: ['Disp', 'Clar', 'Comp', 'Cel']
    .map((s) => a(`t${s}`, `TC.${s}`, tc))
    .concat(['Met', 'Recep', 'Act', 'Cel'].map((s) => a(`p${s}`, `PC.${s}`, pc))),
});
const input = (patch: Partial<InstitutionInput> = {}): InstitutionInput => ({
  institutionId: 'X',
  selfReport,
  verifications: {},
  citizenReports: [],
  ...patch,
});

describe('computeInstitution — validated scores (§3.1)', () => {
  it.each<[string, { confirmed: number; refuted: number } | undefined, number, string]>([
    ['unverified keeps s', undefined, 1, 'unverified'],
    ['all confirmed keeps s', { confirmed: 3, refuted: 0 }, 1, 'confirmed'],
    ['mixed scales by c/(c+r)', { confirmed: 1, refuted: 3 }, 0.25, 'mixed'],
    ['all refuted gives 0', { confirmed: 0, refuted: 2 }, 0, 'refuted'],
    ['zero counts are unverified', { confirmed: 0, refuted: 0 }, 1, 'unverified'],
  ])('%s', (_label, verdicts, expected, state) => {
    const r = computeInstitution(input({ verifications: verdicts ? { ai1: verdicts } : {} }));
    const item = r.items.find((i) => i.name === 'ai1');
    expect(item?.validatedScore).toBe(expected);
    expect(item?.verification).toBe(state);
    expect(item?.score).toBe(1);
  });

  it('ignores verdicts on non-verifiable items, with a warning', () => {
    const r = computeInstitution(input({ verifications: { tr1: { confirmed: 0, refuted: 4 } } }));
    expect(r.items.find((i) => i.name === 'tr1')?.validatedScore).toBe(1);
    expect(r.warnings.join()).toMatch(/non-verifiable item tr1/);
  });

  it('reports the confirmation rate with a Wilson interval', () => {
    const r = computeInstitution(input({ verifications: { ai1: { confirmed: 8, refuted: 2 } } }));
    const rate = r.items.find((i) => i.name === 'ai1')?.confirmationRate;
    expect(rate?.p).toBe(0.8);
    expect(rate?.lo).toBeCloseTo(0.4902, 4);
    expect(rate?.hi).toBeCloseTo(0.9433, 4);
  });
});

describe('computeInstitution — components and sub-indices (§3.2–3.4)', () => {
  it('renormalises weights over answered items, never imputing 0', () => {
    const r = computeInstitution(input({ selfReport: [a('x', 'TG.AI', 1, false, 3), a('y', 'TG.AI', 0, false, 1)] }));
    expect(r.governmentComponents).toEqual([{ code: 'TG.AI', raw: 0.75, validated: 0.75, items: 2, totalWeight: 4 }]);
  });

  it('marks a sub-index partial and renormalises the component weights', () => {
    const r = computeInstitution(input({ selfReport: selfReport.filter((x) => x.component !== 'TG.DA') }));
    expect(r.subIndices.TG?.partial).toBe(true);
    expect(r.subIndices.TG?.missing).toEqual(['TG.DA']);
    // (0.5·1 + 0.2·1 + 0.2·0.5)/0.9
    expect(r.values.TG?.estimate).toBeCloseTo(0.8 / 0.9, 14);
    expect(r.values.TG?.formula).toContain('partial: missing TG.DA');
  });

  it('applies the 2017 weights', () => {
    const r = computeInstitution(input());
    expect(r.values.TG?.estimate).toBeCloseTo(0.5 + 0.2 + 0.1 + 0.1, 14);
    expect(r.values.PG?.estimate).toBeCloseTo(0.2 + 0.1 + 0.15 + 0.05, 14);
    expect(r.subIndices.PG?.partial).toBe(false);
  });

  it('uses round weights when given', () => {
    const s = resolveSettings({ weights: { TG: { AI: 1 } } });
    if (!s.ok) throw new Error('settings');
    const r = computeInstitution(input(), s.settings);
    expect(r.values.TG?.estimate).toBe(1);
    expect(r.warnings.join()).toMatch(/TG.DA has no weight/);
  });

  it('ignores components outside the perspective, with a warning', () => {
    const r = computeInstitution(
      input({
        selfReport: [...selfReport, a('odd', 'TC.Disp', 1)],
        citizenReports: [{ reportId: 'r', validatorId: 'v', answers: [a('g', 'TG.AI', 0)] }],
      }),
    );
    expect(r.governmentComponents.map((c) => c.code)).not.toContain('TC.Disp');
    expect(r.citizenComponents).toEqual([]);
    expect(r.warnings.length).toBe(2);
  });

  it('drops unusable answers and clips out-of-range scores, with warnings', () => {
    const r = computeInstitution(
      input({ selfReport: [a('n', 'TG.AI', Number.NaN), a('w', 'TG.AI', 1, false, 0), a('big', 'TG.TR', 1.5)] }),
    );
    expect(r.governmentComponents.map((c) => [c.code, c.raw])).toEqual([['TG.TR', 1]]);
    expect(r.warnings.length).toBe(3);
  });
});

describe('computeInstitution — indices and the not-validated fallback (§3.5–3.6)', () => {
  it('without citizen reports reports I_G, not_validated, and no T/P/I', () => {
    const r = computeInstitution(input());
    expect(r.values.I).toBeNull();
    expect(r.values.T).toBeNull();
    expect(r.values.P).toBeNull();
    expect(r.headline).toBe('I_G');
    expect(r.values.I_G?.status).toBe('not_validated');
    // §6: the bound for I is (0.5·0.5)² — only half of I is citizen data — so far fewer than
    // apertura-1's 97 (which used the bound of a fully citizen value).
    expect(r.values.I_G?.needed).toBe(27);
    expect(r.neededReports).toBe(27);
    expect(r.values.DELTA_G).toBeNull();
    expect(r.values.I_G?.estimate).toBeCloseTo((0.9 + 0.5) / 2, 14);
  });

  it('computes T, P, I = (TG + TC + PG + PC)/4 with propagated SE', () => {
    const reports = [
      report('r1', 'v1', 1, 0.5),
      report('r2', 'v2', 0.5, 0.5),
      report('r3', 'v3', 0, 0),
      report('r4', 'v4', 0.5, 1),
      report('r5', 'v5', 1, 1),
    ];
    const r = computeInstitution(input({ citizenReports: reports }));
    const v = r.values;
    expect(v.I?.estimate).toBeCloseTo(
      ((v.TG?.estimate ?? 0) + (v.TC?.estimate ?? 0) + (v.PG?.estimate ?? 0) + (v.PC?.estimate ?? 0)) / 4,
      14,
    );
    // Per-validator I varies only through (TC_v + PC_v)/4.
    const perValidator = [1.5, 1, 0, 1.5, 2].map((x) => x / 4);
    // §5 small-n rule with no pool yet: s̃² = max(s², ((n − 1)·s² + (0.5·0.5)²)/n).
    const s2 = sd(perValidator) ** 2;
    expect(v.I?.se).toBeCloseTo(Math.sqrt(Math.max(s2, (4 * s2 + 0.0625) / 5) / 5), 14);
    expect(v.T?.se).toBeCloseTo((v.TC?.se ?? 0) / 2, 14);
    expect(v.I?.df).toBe(5);
    expect(v.I?.n).toBe(5);
    expect(v.I?.N).toBeNull();
    expect(r.headline).toBe('I');
    expect(v.I_G?.status).toBe('conclusive');
  });

  it('treats reports of one validator as one cluster', () => {
    const oneValidator = [report('r1', 'v1', 1, 1), report('r2', 'v1', 0, 0), report('r3', 'v2', 1, 1)];
    const r = computeInstitution(input({ citizenReports: oneValidator }));
    const tc = r.citizenComponents.find((c) => c.code === 'TC.Disp');
    expect(tc?.nReports).toBe(3);
    expect(tc?.n).toBe(2);
    expect(tc?.validators).toEqual([
      { validatorId: 'v1', value: 0.5, reports: 2 },
      { validatorId: 'v2', value: 1, reports: 1 },
    ]);
    expect(tc?.mean).toBe(0.75);
    expect(r.values.TC?.n).toBe(2);
    expect(r.validators).toBe(2);
    expect(r.citizenReports).toBe(3);
  });

  it('gives a binary component the same small-n rule as any citizen value (no Wilson special case)', () => {
    const reports = [
      report('r1', 'v1', 1, 1),
      report('r2', 'v2', 1, 1),
      report('r3', 'v3', 0, 1),
      report('r4', 'v4', 1, 1),
    ];
    const r = computeInstitution(input({ citizenReports: reports }));
    const disp = r.citizenComponents.find((c) => c.code === 'TC.Disp');
    expect(disp?.binary).toBe(true);
    expect(disp?.value.interval).toBe('t');
    // All four said yes on PC.Met: zero spread still gets the bound's variance, never a zero-width interval.
    const met = r.citizenComponents.find((c) => c.code === 'PC.Met');
    expect(met?.value.se).toBeCloseTo(Math.sqrt(0.25 / 4 / 4), 14);
    expect(met?.value.hi).toBe(1);
    expect(met?.value.lo).toBeLessThan(1);
  });

  it('one validator gets the pooled (or bound) variance: an interval, inconclusive, never 0 needed', () => {
    const r = computeInstitution(input({ citizenReports: [report('r1', 'v1', 0.5, 0.5)] }));
    expect(r.values.I?.se).toBeCloseTo(Math.sqrt(0.0625), 14);
    expect(r.values.I?.interval).toBe('t');
    expect(r.values.I?.nu).toBeNull();
    expect(r.values.I?.status).toBe('inconclusive');
    expect(r.values.I?.needed).toBeGreaterThan(0);
    const pooled = computeInstitution(input({ citizenReports: [report('r1', 'v1', 0.5, 0.5)] }), undefined, {
      I: 0.01,
    });
    expect(pooled.values.I?.se).toBeCloseTo(0.1, 14);
  });

  it('ΔG does not exist for an institution nobody verified (§3.6)', () => {
    const r = computeInstitution(input({ citizenReports: [report('r1', 'v1', 0.5, 0.5)] }));
    expect(r.verified).toBe(false);
    expect(r.values.DELTA_G).toBeNull();
    expect(r.values.I_G_raw).not.toBeNull();
  });

  it('ΔG is the raw minus the validated government index', () => {
    const r = computeInstitution(input({ verifications: { ai1: { confirmed: 0, refuted: 1 } } }));
    expect(r.values.TG_raw?.estimate).toBeCloseTo(0.9, 14);
    expect(r.values.TG?.estimate).toBeCloseTo(0.4, 14);
    expect(r.values.DELTA_G?.estimate).toBeCloseTo(0.25, 14);
  });

  it('without a self-report there is no government value and no index', () => {
    const r = computeInstitution(
      input({ selfReport: null, citizenReports: [report('r1', 'v1', 1, 1), report('r2', 'v2', 0, 0)] }),
    );
    expect(r.values.TC?.estimate).toBe(0.5);
    expect(r.values.I).toBeNull();
    expect(r.values.I_G).toBeNull();
    expect(r.headline).toBeNull();
    expect(r.selfReported).toBe(false);
  });

  it('reaches conclusive with enough agreeing validators', () => {
    const reports = Array.from({ length: 12 }, (_, i) =>
      report(`r${i}`, `v${i}`, 0.7 + (i % 3) * 0.05, 0.6 + (i % 2) * 0.05),
    );
    const r = computeInstitution(input({ citizenReports: reports }), DEFAULT_METHOD_SETTINGS);
    expect(r.values.I?.status).toBe('conclusive');
    expect(r.values.I?.needed).toBe(0);
    expect(r.neededReports).toBe(0);
  });
});

function sd(xs: number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}
