import { describe, expect, it } from '@jest/globals';
import { apiMessages, buildDesign, designFormValues, slotOf, type UniverseState } from './design-form';

const STATES: UniverseState[] = [
  { cveEnt: '09', name: 'Ciudad de México', institutions: 40 },
  { cveEnt: '15', name: 'México', institutions: 125 },
];

describe('designFormValues', () => {
  it('a census has empty inputs for every state of the universe', () => {
    expect(designFormValues({ kind: 'census' }, STATES)).toEqual({
      kind: 'census',
      populations: { '09': '', '15': '' },
      municipalities: '',
    });
  });

  it('a sample fills the declared populations and one municipal line each; states left the universe are dropped', () => {
    const values = designFormValues(
      {
        kind: 'sample',
        states: [
          { cveEnt: '15', population: 300 },
          { cveEnt: '31', population: 90 },
        ],
        municipalities: [
          { cvegeo: '15001', population: 3 },
          { cvegeo: '15002', population: 4 },
        ],
      },
      STATES,
    );
    expect(values).toEqual({
      kind: 'sample',
      populations: { '09': '', '15': '300' },
      municipalities: '15001,3\n15002,4',
    });
  });
});

describe('slotOf', () => {
  it('places state paths on the row of that state, or on the table when the row is gone', () => {
    expect(slotOf('design.states[1].population', STATES)).toEqual({ slot: 'state:15' });
    expect(slotOf('design.states[7].population', STATES)).toEqual({ slot: 'states' });
    expect(slotOf('design.states', STATES)).toEqual({ slot: 'states' });
  });

  it('places municipal paths on the text line that was sent, else on the i + 1-th line', () => {
    expect(slotOf('design.municipalities[1].cvegeo', STATES, [2, 5])).toEqual({ slot: 'municipalities', line: 5 });
    expect(slotOf('design.municipalities[3]', STATES)).toEqual({ slot: 'municipalities', line: 4 });
    expect(slotOf('design.municipalities', STATES)).toEqual({ slot: 'municipalities' });
  });

  it('other design paths go to the kind; non-design paths nowhere', () => {
    expect(slotOf('design.kind', STATES)).toEqual({ slot: 'kind' });
    expect(slotOf('design', STATES)).toEqual({ slot: 'kind' });
    expect(slotOf('name', STATES)).toBeNull();
    expect(slotOf(undefined, STATES)).toBeNull();
  });
});

describe('apiMessages', () => {
  const messages = { es: 'Revise el diseño', en: 'Check the design' };

  it('places every problem of details.problems', () => {
    expect(
      apiMessages(
        {
          messages,
          details: {
            problems: [
              { path: 'design.states[0].population', es: 'Muy poca', en: 'Too low' },
              { path: 'design.municipalities[0]', es: 'Repetido', en: 'Repeated' },
              { path: 'name', es: 'Ignorado', en: 'Ignored' },
            ],
          },
        },
        STATES,
        [3],
      ),
    ).toEqual([
      { slot: 'state:09', message: { text: { es: 'Muy poca', en: 'Too low' } } },
      { slot: 'municipalities', line: 3, message: { text: { es: 'Repetido', en: 'Repeated' } } },
    ]);
  });

  it('without problems, the error field with the error message; null when nothing lands on the form', () => {
    expect(apiMessages({ field: 'design.kind', messages }, STATES)).toEqual([
      { slot: 'kind', message: { text: messages } },
    ]);
    expect(apiMessages({ field: 'opensAt', messages }, STATES)).toBeNull();
    expect(apiMessages({ messages }, STATES)).toBeNull();
  });
});

describe('buildDesign', () => {
  it('a census needs nothing else', () => {
    expect(buildDesign({ kind: 'census', populations: {}, municipalities: 'junk' }, STATES)).toEqual({
      design: { kind: 'census' },
      errors: [],
      lines: [],
    });
  });

  it('a sample: thousands separators accepted, blank lines skipped, the sent lines remembered', () => {
    const r = buildDesign(
      {
        kind: 'sample',
        populations: { '09': ' 1,200 ', '15': '125' },
        municipalities: '\n15001, 3\n\n15002;4\r\n15003\t5',
      },
      STATES,
    );
    expect(r).toEqual({
      design: {
        kind: 'sample',
        states: [
          { cveEnt: '09', population: 1200 },
          { cveEnt: '15', population: 125 },
        ],
        municipalities: [
          { cvegeo: '15001', population: 3 },
          { cvegeo: '15002', population: 4 },
          { cvegeo: '15003', population: 5 },
        ],
      },
      errors: [],
      lines: [2, 4, 5],
    });
  });

  it('without municipal lines the body has no municipalities', () => {
    expect(
      buildDesign({ kind: 'sample', populations: { '09': '40', '15': '125' }, municipalities: ' \n' }, STATES).design,
    ).toEqual({
      kind: 'sample',
      states: [
        { cveEnt: '09', population: 40 },
        { cveEnt: '15', population: 125 },
      ],
    });
  });

  it('refuses what the API would refuse for sure, each error in its slot', () => {
    const r = buildDesign(
      {
        kind: 'sample',
        populations: { '09': '', '15': '100' },
        municipalities: '15001,3\n1500,2\n15001,4\n15004,0\n15005 6 7',
      },
      STATES,
    );
    expect(r.design).toBeNull();
    expect(r.errors).toEqual([
      { slot: 'state:09', message: { key: 'design.populationRequired' } },
      { slot: 'state:15', message: { key: 'design.populationBelow', vars: { count: 125 } } },
      { slot: 'municipalities', line: 2, message: { key: 'design.municipalityLine' } },
      {
        slot: 'municipalities',
        line: 3,
        message: { key: 'design.municipalityRepeated', vars: { cvegeo: '15001', line: 1 } },
      },
      { slot: 'municipalities', line: 4, message: { key: 'design.municipalityLine' } },
      { slot: 'municipalities', line: 5, message: { key: 'design.municipalityLine' } },
    ]);
  });

  it('a population that is not a whole number ≥ 1, and a universe without states', () => {
    expect(
      buildDesign({ kind: 'sample', populations: { '09': '12.5', '15': '0' }, municipalities: '' }, STATES).errors,
    ).toEqual([
      { slot: 'state:09', message: { key: 'design.populationInteger' } },
      { slot: 'state:15', message: { key: 'design.populationInteger' } },
    ]);
    expect(buildDesign({ kind: 'sample', populations: {}, municipalities: '' }, []).errors).toEqual([
      { slot: 'states', message: { key: 'design.noStates' } },
    ]);
  });
});
