import { normaliseSelection } from './universe-selection';

describe('normaliseSelection', () => {
  it('drops empty lists, dedupes, sorts and lower-cases types', () => {
    expect(
      normaliseSelection({
        cveEnt: ['15', '09', '15'],
        cvegeo: [],
        levels: ['municipal'],
        types: [' Ayuntamiento ', 'ayuntamiento'],
        institutionIds: ['ABC'],
      }),
    ).toEqual({ cveEnt: ['09', '15'], levels: ['municipal'], types: ['ayuntamiento'], institutionIds: ['abc'] });
  });

  it('treats a missing selection as the whole universe', () => {
    expect(normaliseSelection(undefined)).toEqual({});
    expect(normaliseSelection({ types: ['  '] })).toEqual({});
  });
});
