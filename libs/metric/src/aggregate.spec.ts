import {
  aggregateArea,
  aggregateMunicipalMeans,
  AggregateRow,
  AggregationUniverse,
  AreaMember,
  computeAggregates,
  InstitutionPlacement,
} from './aggregate';
import { MetricInputError } from './errors';
import { computeInstitution } from './institution';
import { estimateOf, generateInstitutions } from './test-fixtures';

const member = (
  id: string,
  x: number | null,
  se: number | null,
  validators: number,
  municipality = '01001',
): AreaMember => ({
  institutionId: id,
  municipality,
  value: x === null ? null : estimateOf(x, se, validators),
  validators,
  hasCitizenData: x !== null && validators > 0,
  selfReported: true,
});
const muni = (members: AreaMember[], N: number, indicator: 'I' | 'TG' = 'I') =>
  aggregateArea(members, {
    scope: 'municipality',
    scopeKey: '01001',
    indicator,
    universe: N,
    municipalitiesInUniverse: null,
  });

describe('aggregateArea (METHOD.md §4–§5)', () => {
  it('applies SE² = (1 − n/N)·s²/n + ΣSE_j²/n²', () => {
    const xs = [0.3, 0.5, 0.9, 0.6];
    const ses = [0.05, 0.1, 0.02, 0.04];
    const row = muni(
      xs.map((x, i) => member(`i${i}`, x, ses[i], 4)),
      10,
    );
    const m = 0.575;
    const s2 = xs.reduce((s, x) => s + (x - m) ** 2, 0) / 3;
    const within = ses.reduce((s, x) => s + x * x, 0) / 16;
    expect(row.estimate).toBeCloseTo(m, 15);
    expect(row.se).toBeCloseTo(Math.sqrt((1 - 4 / 10) * (s2 / 4) + within), 15);
    // Welch–Satterthwaite (§5): the between term with n − 1 = 3 df, each member's within term with its validators (4).
    const between = (1 - 4 / 10) * (s2 / 4);
    const terms = ses.map((x) => (x * x) / 16);
    const ws = (between + within) ** 2 / (between ** 2 / 3 + terms.reduce((s, t) => s + (t * t) / 4, 0));
    expect(row.df).toBeCloseTo(ws, 12);
    expect(row.n).toBe(4);
    expect(row.N).toBe(10);
    expect(row.sd).toBeCloseTo(Math.sqrt(s2), 15);
  });

  it('n = N leaves only the within-institution term', () => {
    const row = muni([member('a', 0.2, 0.03, 5), member('b', 0.8, 0.04, 5)], 2);
    expect(row.se).toBe(Math.sqrt((0.03 * 0.03 + 0.04 * 0.04) / 4));
  });

  it('a census of government values has no error at all', () => {
    const row = muni([member('a', 0.2, 0, 5), member('b', 0.8, 0, 5)], 2, 'TG');
    expect(row.se).toBe(0);
    expect(row.interval).toBe('exact');
    expect(row.status).toBe('conclusive');
  });

  it('government values of subjects none of which was validated are not_validated', () => {
    const row = muni([member('a', 0.2, 0, 0), member('b', 0.8, 0, 0)], 2, 'TG');
    expect(row.status).toBe('not_validated');
    // §6 rule 1 (coverage of validation below the minimums) and rule 3 (validated share below 50 %).
    expect(row.reasons).toEqual(['insufficient_validation', 'low_validated_share']);
    expect(row.validatedShare).toBe(0);
  });

  it('with no citizen value the row is not_validated and says what is needed', () => {
    const row = muni([member('a', null, null, 0)], 4);
    expect(row.estimate).toBeNull();
    expect(row.status).toBe('not_validated');
    // Subject a has a self-report: it (and only it) can gain citizen data; one subject of four cannot
    // meet the municipal minimum of min(2, N) subjects, so no citizen addition suffices.
    expect(row.needed).toBeNull();
    expect(row.reasons).toContain('not_reachable_by_sampling');
    const two = muni([member('a', null, null, 0), member('b', null, null, 0)], 2);
    expect(two.neededSubjects).toBe(2);
    expect(two.needed).toBeGreaterThanOrEqual(10);
  });

  it('one responding subject out of several is not estimable', () => {
    const row = muni([member('a', 0.5, 0.05, 12)], 3);
    expect(row.se).toBeNull();
    expect(row.reasons).toEqual(expect.arrayContaining(['below_minimum', 'not_estimable', 'low_response_share']));
  });

  it('imputes the within-institution SE of a single-validator member from its siblings', () => {
    const withNull = muni([member('a', 0.4, 0.1, 4), member('b', 0.6, 0.1, 4), member('c', 0.5, null, 1)], 6);
    // apertura-2: a member without an SE is given the bound of I, (0.5·0.5)², never dropped.
    const s2 = (0.01 + 0.01 + 0) / 2;
    expect(withNull.se).toBeCloseTo(Math.sqrt(0.5 * (s2 / 3) + (0.01 + 0.01 + 0.0625) / 9), 15);
    expect(withNull.coverage.imputedSE).toBe(1);
  });

  it.each<[string, number, number, boolean]>([
    ['9 reports is below the municipal minimum', 9, 3, false],
    ['10 reports over 2 subjects meets it', 10, 2, true],
    ['10 reports on 1 subject does not', 10, 1, false],
  ])('%s', (_label, reports, subjects, meets) => {
    const per = Math.floor(reports / subjects);
    const members = Array.from({ length: subjects }, (_, i) =>
      member(`i${i}`, 0.5, 0.01, i === 0 ? reports - per * (subjects - 1) : per),
    );
    // N = 3: the municipal minimum is min(2, N) = 2 subjects.
    const row = muni(members, 3);
    expect(row.coverage.meetsMinimum).toBe(meets);
    expect(row.coverage.citizenReports).toBe(reports);
  });

  it('a state with 18 of 125 municipalities validated is inconclusive however tight its interval', () => {
    const members = Array.from({ length: 90 }, (_, i) =>
      member(`i${String(i).padStart(2, '0')}`, 0.5 + (i % 3) * 0.001, 0.001, 8, `15${String(i % 18).padStart(3, '0')}`),
    );
    const row = aggregateArea(members, {
      scope: 'state',
      scopeKey: '15',
      indicator: 'I',
      universe: 100,
      municipalitiesInUniverse: 125,
    });
    expect(row.halfWidth).toBeLessThan(0.01);
    expect(row.status).toBe('inconclusive');
    // The 10 subjects left could reach at most 28 municipalities: no citizen addition makes it conclusive.
    expect(row.reasons).toEqual(['below_minimum', 'not_reachable_by_sampling']);
    expect(row.needed).toBeNull();
    expect(row.coverage.municipalitiesWithData).toBe(18);
    expect(row.coverage.neededMunicipalities).toBe(12);
  });

  it.each<[number, number, boolean]>([
    [30, 125, true],
    [29, 125, false],
    [3, 5, true],
    [2, 5, false],
  ])('area coverage: %i of %i municipalities → meets %p', (m, M, meets) => {
    const members = Array.from({ length: m }, (_, i) =>
      member(`i${String(i).padStart(3, '0')}`, 0.5, 0.01, 5, `m${i}`),
    );
    const row = aggregateArea(members, {
      scope: 'national',
      scopeKey: 'national',
      indicator: 'I',
      universe: 200,
      municipalitiesInUniverse: M,
    });
    expect(row.coverage.meetsMinimum).toBe(meets);
  });

  it('rejects impossible inputs', () => {
    expect(() => muni([member('a', 0.5, 0.1, 3), member('a', 0.5, 0.1, 3)], 5)).toThrow(MetricInputError);
    expect(() => muni([member('a', 0.5, 0.1, 3), member('b', 0.5, 0.1, 3)], 1)).toThrow(/UNIVERSE|universe/);
    expect(() =>
      aggregateArea([member('a', 0.5, 0.1, 3)], {
        scope: 'state',
        scopeKey: '01',
        indicator: 'I',
        universe: 3,
        municipalitiesInUniverse: null,
      }),
    ).toThrow(MetricInputError);
  });
});

describe('aggregateMunicipalMeans', () => {
  const rows = (values: Array<[string, number | null, number | null]>): AggregateRow[] =>
    values.map(([m, x, se]) =>
      muni(x === null ? [member(`${m}-a`, null, null, 0, m)] : [member(`${m}-a`, x, se, 12, m)], 1),
    );

  it('the mean of municipalities is the plain mean of municipal values, with the two-term SE', () => {
    const rs = rows([
      ['01001', 0.2, 0.02],
      ['01002', 0.6, 0.04],
      ['01003', null, null],
      ['01004', 0.7, 0.03],
    ]);
    const units = rs.map((row, i) => ({ municipality: `0100${i + 1}`, row, population: 1000 * (i + 1) }));
    const r = aggregateMunicipalMeans(units, {
      scope: 'state',
      scopeKey: '01',
      indicator: 'I',
      aggregation: 'mean_of_municipalities',
      municipalitiesInUniverse: 11,
    });
    const m = 1.5 / 3;
    const s2 = ((0.2 - m) ** 2 + (0.6 - m) ** 2 + (0.7 - m) ** 2) / 2;
    expect(r.estimate).toBeCloseTo(m, 15);
    expect(r.se).toBeCloseTo(Math.sqrt((1 - 3 / 11) * (s2 / 3) + (0.0004 + 0.0016 + 0.0009) / 9), 15);
    expect(r.aggregation).toBe('mean_of_municipalities');
    expect(r.n).toBe(3);
    expect(r.N).toBe(11);
  });

  it('the population-weighted mean uses population shares and skips municipalities without population', () => {
    const rs = rows([
      ['01001', 0.2, 0.02],
      ['01002', 0.6, 0.04],
      ['01003', 0.9, 0.01],
    ]);
    const units = [
      { municipality: '01001', row: rs[0], population: 3000 },
      { municipality: '01002', row: rs[1], population: 1000 },
      { municipality: '01003', row: rs[2], population: null },
    ];
    const r = aggregateMunicipalMeans(units, {
      scope: 'state',
      scopeKey: '01',
      indicator: 'I',
      aggregation: 'population_weighted',
      municipalitiesInUniverse: 3,
    });
    expect(r.estimate).toBeCloseTo(0.75 * 0.2 + 0.25 * 0.6, 15);
    expect(r.n).toBe(2);
    const est = 0.3;
    const between = (1 - 2 / 3) * 2 * (0.75 ** 2 * (0.2 - est) ** 2 + 0.25 ** 2 * (0.6 - est) ** 2);
    const within = 0.75 ** 2 * 0.0004 + 0.25 ** 2 * 0.0016;
    expect(r.se).toBeCloseTo(Math.sqrt(between + within), 15);
  });
});

describe('computeAggregates', () => {
  const inputs = generateInstitutions(11, 12, {
    minValidators: 2,
    maxValidators: 6,
    skipComponent: 0,
    secondReport: 0,
    noSelfReport: 0,
  });
  const where = [
    ['01001', '01', 'municipal', 'ayuntamiento'],
    ['01001', '01', 'estatal', 'ejecutivo'],
    ['01002', '01', 'municipal', 'ayuntamiento'],
  ] as const;
  const placements: InstitutionPlacement[] = inputs.map((input, i) => {
    const [cvegeo, cveEnt, level, type] = i < 8 ? where[i % 3] : (['02001', '02', 'federal', 'autónomo'] as const);
    return { result: computeInstitution(input), cvegeo, cveEnt, level, type };
  });
  const count = (f: (p: InstitutionPlacement) => string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const p of placements) out[f(p)] = (out[f(p)] ?? 0) + 2;
    return out;
  };
  const universe: AggregationUniverse = {
    institutionsPerMunicipality: { ...count((p) => p.cvegeo), '02002': 3 },
    institutionsPerState: { ...count((p) => p.cveEnt) },
    institutionsPerLevel: count((p) => p.level),
    institutionsPerType: count((p) => p.type),
    total: 27,
    municipalitiesPerState: { '01': 3, '02': 2 },
    municipalitiesPerLevel: { municipal: 2, estatal: 1, federal: 1 },
    municipalitiesPerType: { ayuntamiento: 2, ejecutivo: 1, autónomo: 1 },
    totalMunicipalities: 5,
    population: { '01001': 900000, '01002': 50000, '02001': 300000 },
  };
  universe.institutionsPerState['02'] += 3;

  const rows = computeAggregates(placements, universe);

  it('emits one row per scope key, aggregation and indicator, in a fixed order', () => {
    const keys = rows.map((r) => `${r.scope}|${r.scopeKey}|${r.aggregation}|${r.indicator}`);
    expect(new Set(keys).size).toBe(keys.length);
    // 4 municipalities + 2 states × 3 + national × 3 + 3 levels + 3 types = 19 per indicator, 12 indicators.
    expect(rows.length).toBe(19 * 12);
    expect(rows[0]).toMatchObject({
      scope: 'municipality',
      scopeKey: '01001',
      aggregation: 'unweighted',
      indicator: 'I',
    });
    expect(rows[rows.length - 1]).toMatchObject({ scope: 'type', indicator: 'DELTA_G' });
  });

  it('includes universe areas without any result', () => {
    const empty = rows.find((r) => r.scope === 'municipality' && r.scopeKey === '02002' && r.indicator === 'I');
    expect(empty?.estimate).toBeNull();
    expect(empty?.status).toBe('not_validated');
    // Nobody there submitted a self-report: only self-reports, not citizen reports, can give it an I.
    expect(empty?.needed).toBeNull();
    expect(empty?.reasons).toContain('not_reachable_by_sampling');
  });

  it('groups by level and type with their own universes', () => {
    const level = rows.find((r) => r.scope === 'level' && r.scopeKey === 'municipal' && r.indicator === 'TG');
    const members = placements.filter((p) => p.level === 'municipal').map((p) => p.result.values.TG?.estimate ?? 0);
    expect(level?.estimate).toBeCloseTo(members.reduce((s, x) => s + x, 0) / members.length, 14);
    expect(level?.N).toBe(universe.institutionsPerLevel.municipal);
  });

  it('rows are plain JSON', () => {
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('refuses a placement outside the universe', () => {
    const bad = { ...universe, institutionsPerMunicipality: { '01001': 10 } };
    expect(() => computeAggregates(placements, bad)).toThrow(/UNIVERSE_MISSING|universe has no/);
  });
});
