/**
 * The properties issue #12 asks of method apertura-2 (fast-check): measured failures count, ΔG only
 * over verified institutions, the needed sample is what it says, and a non-conclusive value never
 * says "0 more".
 */
import fc from 'fast-check';
import { aggregateArea, AreaMember, computeAggregates } from './aggregate';
import { computeInstitution, InstitutionInput, neededInstitutionReports } from './institution';
import { DEFAULT_METHOD_SETTINGS } from './settings';
import { assignedVariance } from './smalln';
import { classifyStatus } from './status';
import { answer as a, generateInstitutions } from './test-fixtures';
import { criticalValue } from './uncertainty';

const RUNS = { numRuns: 80 };
const settings = DEFAULT_METHOD_SETTINGS;

const SELF_REPORT = [
  a('ai', 'TG.AI', 0.8, true),
  a('tr', 'TG.TR', 0.6),
  a('mec', 'PG.Mec', 0.7, true),
  a('seg', 'PG.Seg', 0.5),
];

/**
 * One request as the default citizen instrument scores it (§3.2, §8): answered → Disp 1 and the
 * gated clarity, completeness and timeliness at `quality`; not answered → Disp 0 and the gated
 * questions score their `scoreIfHidden` 0 (a measured failure, not missing data).
 */
function request(id: string, answered: boolean, quality: number): InstitutionInput['citizenReports'][number] {
  const q = answered ? quality : 0;
  return {
    reportId: id,
    validatorId: `v-${id}`,
    answers: [
      a('disp', 'TC.Disp', answered ? 1 : 0),
      a('clar', 'TC.Clar', q),
      a('comp', 'TC.Comp', q),
      a('cel', 'TC.Cel', q),
      a('met', 'PC.Met', 1),
    ],
  };
}

function institutionWith(answered: number, unanswered: number, quality: number): InstitutionInput {
  const reports = [
    ...Array.from({ length: answered }, (_, k) => request(`a${k}`, true, quality)),
    ...Array.from({ length: unanswered }, (_, k) => request(`u${k}`, false, quality)),
  ];
  return { institutionId: 'x', selfReport: SELF_REPORT, verifications: {}, citizenReports: reports };
}

describe('apertura-2 properties', () => {
  it('answering one more request with equal quality never lowers TC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (answered, unanswered, quality) => {
          const before = computeInstitution(institutionWith(answered, unanswered, quality)).values.TC?.estimate;
          // The same institution, one of its unanswered requests now answered.
          const after = computeInstitution(institutionWith(answered + 1, unanswered - 1, quality)).values.TC?.estimate;
          expect(after).toBeGreaterThanOrEqual((before ?? 0) - 1e-12);
        },
      ),
      RUNS,
    );
  });

  it('an institution answering 1 of 4 requests never scores TC above one answering 3 of 3 at the same quality', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (quality) => {
        const oneOfFour = computeInstitution(institutionWith(1, 3, quality)).values.TC?.estimate ?? 0;
        const threeOfThree = computeInstitution(institutionWith(3, 0, quality)).values.TC?.estimate ?? 0;
        expect(oneOfFour).toBeLessThanOrEqual(threeOfThree);
      }),
      RUNS,
    );
  });

  it('an unverified institution never changes an aggregate ΔG', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const inputs = generateInstitutions(seed, 12);
        const results = inputs.map((i) => computeInstitution(i));
        const member = (r: (typeof results)[number], k: number): AreaMember => ({
          institutionId: r.institutionId,
          municipality: `0100${k % 3}`,
          value: r.values.DELTA_G,
          validators: r.validators,
          hasCitizenData: r.values.TC !== null && r.values.PC !== null,
          selfReported: r.selfReported,
          verified: r.verified,
        });
        const members = results.map(member);
        const unverified = computeInstitution({
          institutionId: 'zz-unverified',
          selfReport: SELF_REPORT,
          verifications: {},
          citizenReports: [],
        });
        expect(unverified.verified).toBe(false);
        expect(unverified.values.DELTA_G).toBeNull();
        const opts = {
          scope: 'municipality' as const,
          scopeKey: '01001',
          indicator: 'DELTA_G' as const,
          universe: 40,
          municipalitiesInUniverse: null,
        };
        const without = aggregateArea(members, opts);
        const withIt = aggregateArea([...members, member(unverified, 0)], opts);
        expect(withIt.estimate).toBe(without.estimate);
        expect(withIt.se).toBe(without.se);
        expect(withIt.n).toBe(without.n);
      }),
      { numRuns: 40 },
    );
  });

  it('adding the reported needed reports at the observed spread makes the projected status conclusive', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.12, noNaN: true }),
        fc.double({ min: 0.001, max: 0.0625, noNaN: true }),
        (estimate, n, s2, pooled) => {
          const observed = n >= 2 ? s2 : null;
          const needed = neededInstitutionReports(estimate, n, observed, pooled, settings);
          const projected = (m: number): string => {
            const spread = n >= 2 ? s2 : pooled;
            const { variance } = assignedVariance(m, m >= 2 ? spread : null, pooled);
            const se = Math.sqrt(variance / m);
            const halfWidth = criticalValue(settings.confidence, m) * se;
            return classifyStatus(
              {
                needsCitizenData: true,
                hasCitizenData: true,
                meetsMinimum: m >= settings.thresholds.institutionMinReports,
                estimate,
                se,
                halfWidth,
                responseShare: null,
              },
              settings,
            ).status;
          };
          // The library asks only for values that are not conclusive yet.
          if (needed === null || projected(n) === 'conclusive') return;
          expect(needed).toBeGreaterThan(0);
          expect(projected(n + needed)).toBe('conclusive');
          expect(projected(n + needed - 1)).not.toBe('conclusive');
        },
      ),
      RUNS,
    );
  });

  it('a non-conclusive value never reports 0 needed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const results = generateInstitutions(seed, 10, {
          minValidators: 0,
          maxValidators: 9,
          skipComponent: 0.2,
          secondReport: 0.2,
          noSelfReport: 0.1,
          instrument: true,
        }).map((i) => computeInstitution(i));
        for (const r of results) {
          for (const v of [...Object.values(r.values), ...Object.values(r.components)]) {
            if (v !== null && v.status !== 'conclusive') expect(v.needed).not.toBe(0);
          }
        }
        const members: AreaMember[] = results.map((r, k) => ({
          institutionId: r.institutionId,
          municipality: `0100${k % 4}`,
          value: r.values.I,
          validators: r.validators,
          hasCitizenData: r.values.TC !== null && r.values.PC !== null,
          selfReported: r.selfReported,
          verified: r.verified,
        }));
        for (const scope of ['municipality', 'state'] as const) {
          const row = aggregateArea(members, {
            scope,
            scopeKey: '01',
            indicator: 'I',
            universe: 30,
            municipalitiesInUniverse: scope === 'state' ? 8 : null,
          });
          if (row.status !== 'conclusive') expect(row.needed).not.toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('census vs sample design (§4)', () => {
  // One state, 5 municipalities of it with 6 subjects each, every subject well validated.
  const inputs = generateInstitutions(4242, 30, {
    minValidators: 7,
    maxValidators: 9,
    skipComponent: 0,
    secondReport: 0,
    noSelfReport: 0,
  });
  const results = inputs.map((i) => computeInstitution(i));
  const municipalities = ['15001', '15002', '15003', '15004', '15005'];
  const placements = results.map((result, k) => ({
    result,
    cvegeo: municipalities[k % 5],
    cveEnt: '15',
    level: 'municipal',
    type: 'ayuntamiento',
  }));
  const universe = {
    institutionsPerMunicipality: Object.fromEntries(municipalities.map((m) => [m, 6])),
    institutionsPerState: { '15': 30 },
    institutionsPerLevel: { municipal: 30 },
    institutionsPerType: { ayuntamiento: 30 },
    total: 30,
    municipalitiesPerState: { '15': 5 },
    municipalitiesPerLevel: { municipal: 5 },
    municipalitiesPerType: { ayuntamiento: 5 },
    totalMunicipalities: 5,
    population: {},
  };
  const stateI = (rows: ReturnType<typeof computeAggregates>) =>
    rows.find(
      (r) => r.scope === 'state' && r.scopeKey === '15' && r.indicator === 'I' && r.aggregation === 'unweighted',
    );

  it('a sample of 5 of a state’s 125 municipalities is inconclusive by coverage at state level', () => {
    const design = {
      kind: 'sample' as const,
      populationPerState: { '15': 600 },
      populationPerMunicipality: {},
      catalogueMunicipalitiesPerState: { '15': 125 },
    };
    const row = stateI(computeAggregates(placements, { ...universe, design }, settings, ['I']));
    expect(row?.status).toBe('inconclusive');
    expect(row?.reasons).toContain('below_minimum');
    expect(row?.N).toBe(600);
    expect(row?.coverage.municipalitiesInUniverse).toBe(125);
  });

  it('the same inputs as a census of those municipalities are not inconclusive by coverage', () => {
    const row = stateI(computeAggregates(placements, universe, settings, ['I']));
    expect(row?.reasons).not.toContain('below_minimum');
    expect(row?.N).toBe(30);
  });
});
