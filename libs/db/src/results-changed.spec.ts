import { parseResultsChanged } from './results-changed';

describe('parseResultsChanged', () => {
  const ok = {
    roundId: '0b7f3c1e-2a4d-4c8e-9f10-1234567890ab',
    version: '12',
    watermark: '3400',
    scope: 'institution',
    institutionId: '1b7f3c1e-2a4d-4c8e-9f10-1234567890ab',
  };

  it('reads what the worker sends', () => {
    expect(parseResultsChanged(JSON.stringify(ok))).toEqual(ok);
    const areas = { roundId: ok.roundId, version: ok.version, watermark: ok.watermark };
    expect(parseResultsChanged(JSON.stringify({ ...areas, scope: 'areas' }))).toEqual({ ...areas, scope: 'areas' });
  });

  it('refuses anything else (anyone with database access may NOTIFY on the channel)', () => {
    for (const bad of [
      undefined,
      '',
      'not json',
      'null',
      '[]',
      JSON.stringify({ ...ok, roundId: 'x' }),
      JSON.stringify({ ...ok, version: 12 }),
      JSON.stringify({ ...ok, version: '-1' }),
      JSON.stringify({ ...ok, scope: 'everything' }),
      'x'.repeat(2000),
    ]) {
      expect(parseResultsChanged(bad)).toBeNull();
    }
    // An institution id that is not one is dropped, not passed on.
    expect(parseResultsChanged(JSON.stringify({ ...ok, institutionId: '<script>' }))).toEqual({
      roundId: ok.roundId,
      version: ok.version,
      watermark: ok.watermark,
      scope: 'institution',
    });
  });
});
