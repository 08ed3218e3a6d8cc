import fc from 'fast-check';
import { DEFAULT_METHOD_SETTINGS } from '@apertura/metric';
import type { MunicipalityRecruitmentDto } from './dto/guarantor.dto';
import { recruitmentTotals, rollUpStates } from './recruitment-rollup';

const t = DEFAULT_METHOD_SETTINGS.thresholds;

const municipality = (cvegeo: string, over: Partial<MunicipalityRecruitmentDto> = {}): MunicipalityRecruitmentDto => ({
  cvegeo,
  name: `M${cvegeo}`,
  cveEnt: cvegeo.slice(0, 2),
  stateName: `E${cvegeo.slice(0, 2)}`,
  subjects: 3,
  subjectsWithCitizenData: 1,
  validatorsRegistered: 2,
  activeAssignments: 1,
  reportsReceived: 4,
  needed: 5,
  neededSubjects: 1,
  unreachable: false,
  neededForInstitutions: 0,
  ...over,
});

describe('recruitment roll-up', () => {
  it('sums municipalities into their states and takes validators from residence by state', () => {
    const states = rollUpStates(
      [
        municipality('15001'),
        municipality('15002', { subjectsWithCitizenData: 0, reportsReceived: 0 }),
        municipality('09003'),
      ],
      new Map([
        ['15', 7],
        ['09', 1],
      ]),
      t,
    );
    expect(states.map((s) => [s.cveEnt, s.subjects, s.reportsReceived, s.validatorsRegistered])).toEqual([
      ['15', 6, 4, 7],
      ['09', 3, 4, 1],
    ]);
    expect(states[0]).toMatchObject({ municipalities: 2, municipalitiesWithCitizenData: 1, needed: 10 });
  });

  it('totals equal the sum over municipalities of every count but validators', () => {
    const row = fc.record({
      cvegeo: fc.constantFrom('15001', '15002', '09001', '09002', '01001'),
      subjects: fc.nat(50),
      subjectsWithCitizenData: fc.nat(50),
      activeAssignments: fc.nat(50),
      reportsReceived: fc.nat(200),
      needed: fc.nat(200),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const municipalities = rows.map((r) => municipality(r.cvegeo, r));
        const totals = recruitmentTotals(rollUpStates(municipalities, new Map(), t));
        const sum = (k: 'subjects' | 'reportsReceived' | 'needed' | 'activeAssignments'): number =>
          municipalities.reduce((s, m) => s + m[k], 0);
        expect(totals).toMatchObject({
          subjects: sum('subjects'),
          reportsReceived: sum('reportsReceived'),
          needed: sum('needed'),
          activeAssignments: sum('activeAssignments'),
          validatorsRegistered: 0,
        });
      }),
    );
  });
});
