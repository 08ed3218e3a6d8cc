import { describe, expect, it } from '@jest/globals';
import { areaGroup, areaHref, institutionQuery } from './ranking-rows';

describe('institutionQuery', () => {
  it('leaves out the filters set to "all"', () => {
    expect(institutionQuery({ level: '', type: '', cveEnt: '', status: '', indicator: 'I' }, 50)).toEqual({
      pageSize: 50,
      indicator: 'I',
      level: undefined,
      type: undefined,
      cveEnt: undefined,
      status: undefined,
    });
  });

  it('sends the chosen ones', () => {
    const q = institutionQuery({ level: 'state', type: 'court', cveEnt: '15', status: 'caution', indicator: 'T' }, 20);
    expect(q).toEqual({ pageSize: 20, indicator: 'T', level: 'state', type: 'court', cveEnt: '15', status: 'caution' });
  });
});

describe('areaHref', () => {
  it("opens a state's page, and a municipality's state", () => {
    expect(areaHref('r1', 'state', { scopeKey: '15', cveEnt: null })).toBe('/resultados/r1/estados/15');
    expect(areaHref('r1', 'municipality', { scopeKey: '15001', cveEnt: '15' })).toBe('/resultados/r1/estados/15');
  });

  it('leads nowhere for a municipality without a state', () => {
    expect(areaHref('r1', 'municipality', { scopeKey: '15001', cveEnt: null })).toBeUndefined();
  });
});

describe('areaGroup', () => {
  it("keeps the API's group for a ranked indicator", () => {
    expect(areaGroup(true, { group: 'ranked', value: { status: 'not_validated' } })).toBe('ranked');
    expect(areaGroup(true, { group: 'insufficient_data', value: { status: 'conclusive' } })).toBe('insufficient_data');
  });

  it('lists an unranked indicator as self-reported when not validated, otherwise as insufficient data', () => {
    expect(areaGroup(false, { group: 'ranked', value: { status: 'not_validated' } })).toBe('unverified_self_report');
    expect(areaGroup(false, { group: 'ranked', value: { status: 'conclusive' } })).toBe('insufficient_data');
  });
});
