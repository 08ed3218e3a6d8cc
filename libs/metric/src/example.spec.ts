/**
 * The hand-worked example of libs/metric/README.md ("Worked example"), asserted number by number.
 * If you change a number here, change the README in the same commit.
 */
import { aggregateArea } from './aggregate';
import { computeInstitution, InstitutionInput } from './institution';
import { answer as a, estimateOf } from './test-fixtures';

const report = (
  reportId: string,
  validatorId: string,
  tc: [number, number, number, number],
  pc: [number, number, number, number],
) => ({
  reportId,
  validatorId,
  answers: [
    a('disp', 'TC.Disp', tc[0]),
    a('clar', 'TC.Clar', tc[1]),
    a('comp', 'TC.Comp', tc[2]),
    a('celT', 'TC.Cel', tc[3]),
    a('met', 'PC.Met', pc[0]),
    a('recep', 'PC.Recep', pc[1]),
    a('act', 'PC.Act', pc[2]),
    a('celP', 'PC.Cel', pc[3]),
  ],
});

const WORKED_EXAMPLE: InstitutionInput = {
  institutionId: 'A',
  selfReport: [
    a('ai1', 'TG.AI', 1, true),
    a('ai2', 'TG.AI', 0.5),
    a('tr1', 'TG.TR', 1, true, 2),
    a('tr2', 'TG.TR', 0.5),
    a('tp1', 'TG.TP', 0),
    a('mec1', 'PG.Mec', 1, true),
    a('act1', 'PG.Act', 1),
    a('fun1', 'PG.Fun', 0.5),
    a('form1', 'PG.Form', 0.5),
    a('seg1', 'PG.Seg', 1, true),
  ],
  verifications: {
    ai1: { confirmed: 2, refuted: 1 },
    tr1: { confirmed: 1, refuted: 1 },
    seg1: { confirmed: 0, refuted: 2 },
  },
  citizenReports: [
    report('r1', 'v1', [1, 0.75, 1, 1], [1, 1, 1, 0.5]),
    report('r2', 'v2', [1, 0.5, 0.5, 0.5], [1, 1, 0, 0]),
    report('r3', 'v3', [1, 0.25, 0, 0], [1, 0, 0, 0]),
  ],
};

const r = computeInstitution(WORKED_EXAMPLE);
const close = (x: number | null | undefined, y: number): void => expect(x).toBeCloseTo(y, 6);

describe('README worked example — institution A', () => {
  it('step 1: validated item scores', () => {
    const s = Object.fromEntries(r.items.map((i) => [i.name, i.validatedScore]));
    close(s.ai1, 0.666667);
    expect(s.tr1).toBe(0.5);
    expect(s.seg1).toBe(0);
    expect(s.mec1).toBe(1);
  });

  it('step 2: government components', () => {
    const c = Object.fromEntries(r.governmentComponents.map((g) => [g.code, [g.raw, g.validated]]));
    expect(c['TG.AI'][0]).toBe(0.75);
    close(c['TG.AI'][1], 0.583333);
    close(c['TG.TR'][0], 0.833333);
    expect(c['TG.TR'][1]).toBe(0.5);
    expect(c['PG.Seg']).toEqual([1, 0]);
  });

  it('step 3: TG is partial (no DA item), PG complete', () => {
    expect(r.subIndices.TG?.missing).toEqual(['TG.DA']);
    close(r.values.TG?.estimate, 0.435185);
    close(r.values.TG_raw?.estimate, 0.601852);
    close(r.values.PG?.estimate, 0.5);
    close(r.values.PG_raw?.estimate, 0.8);
  });

  it('step 4: citizen components and sub-indices', () => {
    const m = Object.fromEntries(r.citizenComponents.map((c) => [c.code, c.mean]));
    expect(m).toMatchObject({ 'TC.Disp': 1, 'TC.Clar': 0.5, 'TC.Comp': 0.5, 'TC.Cel': 0.5, 'PC.Met': 1 });
    close(m['PC.Recep'], 0.666667);
    close(m['PC.Act'], 0.333333);
    close(m['PC.Cel'], 0.166667);
    close(r.values.TC?.estimate, 0.625);
    close(r.values.PC?.estimate, 0.533333);
    // apertura-2: one small-n rule for every citizen value, no Wilson special case (§5).
    const disp = r.citizenComponents.find((c) => c.code === 'TC.Disp');
    expect(disp?.value.interval).toBe('t');
    close(disp?.value.lo, 0.469592);
  });

  it('step 5: I, its SE, interval, status and needed sample', () => {
    const I = r.values.I;
    close(I?.estimate, 0.52338);
    close(I?.sd, 0.197878);
    close(I?.se, 0.114245);
    expect(I?.df).toBe(3);
    expect(I?.nu).toBeNull();
    close(I?.halfWidth, 0.363579);
    close(I?.lo, 0.159801);
    close(I?.hi, 0.886958);
    close(I?.cv, 0.218283);
    expect(I?.status).toBe('inconclusive');
    expect(I?.reasons).toEqual(['below_minimum', 'cv_caution', 'half_width_inconclusive']);
    expect(I?.needed).toBe(11);
    expect(r.neededReports).toBe(11);
  });

  it('step 6: government-only values and ΔG', () => {
    close(r.values.I_G?.estimate, 0.467593);
    close(r.values.I_G_raw?.estimate, 0.700926);
    close(r.values.DELTA_G?.estimate, 0.233333);
    expect(r.values.I_G?.status).toBe('conclusive');
    expect(r.values.I_G?.se).toBe(0);
  });
});

describe('README worked example — municipality of A, B, C out of N = 5', () => {
  const row = aggregateArea(
    [
      {
        institutionId: 'A',
        municipality: '01001',
        value: r.values.I,
        validators: 3,
        hasCitizenData: true,
        selfReported: true,
      },
      {
        institutionId: 'B',
        municipality: '01001',
        value: estimateOf(0.4, 0.05, 6),
        validators: 6,
        hasCitizenData: true,
        selfReported: true,
      },
      {
        institutionId: 'C',
        municipality: '01001',
        value: estimateOf(0.7, 0.08, 4),
        validators: 4,
        hasCitizenData: true,
        selfReported: true,
      },
      {
        institutionId: 'D',
        municipality: '01001',
        value: null,
        validators: 0,
        hasCitizenData: false,
        selfReported: true,
      },
      {
        institutionId: 'E',
        municipality: '01001',
        value: null,
        validators: 0,
        hasCitizenData: false,
        selfReported: true,
      },
    ],
    { scope: 'municipality', scopeKey: '01001', indicator: 'I', universe: 5, municipalitiesInUniverse: null },
  );

  it('mean, two-term SE, t interval', () => {
    close(row.estimate, 0.541127);
    close(row.sd, 0.150785);
    close(row.se, 0.073964);
    close(row.df, 6.321463);
    close(row.halfWidth, 0.178774);
    close(row.lo, 0.362352);
    close(row.hi, 0.719901);
    close(row.cv, 0.136684);
  });

  it('status and needed sample', () => {
    expect(row.coverage.citizenReports).toBe(13);
    expect(row.coverage.meetsMinimum).toBe(true);
    expect(row.status).toBe('inconclusive');
    expect(row.reasons).toEqual(['half_width_inconclusive']);
    expect(row.neededSubjects).toBe(2);
    expect(row.neededReports).toBe(0);
    expect(row.needed).toBe(10);
  });
});
