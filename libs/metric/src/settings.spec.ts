import { DEFAULT_METHOD_SETTINGS, METHOD_ID, METHOD_VERSION, resolveSettings } from './settings';

describe('settings', () => {
  it('identifies the method', () => {
    expect(METHOD_ID).toBe('mga-2017/apertura-2');
    expect(METHOD_VERSION).toBe('2.0.0');
  });

  it('defaults are the 2017 Métrica weights and the §6 thresholds', () => {
    expect(DEFAULT_METHOD_SETTINGS.weights.TG).toEqual({ AI: 0.5, TR: 0.2, TP: 0.2, DA: 0.1 });
    expect(DEFAULT_METHOD_SETTINGS.weights.PG).toEqual({ Mec: 0.2, Act: 0.1, Fun: 0.3, Form: 0.1, Seg: 0.3 });
    expect(DEFAULT_METHOD_SETTINGS.weights.PC).toEqual({ Met: 0.2, Recep: 0.3, Act: 0.3, Cel: 0.2 });
    expect(DEFAULT_METHOD_SETTINGS.thresholds).toMatchObject({
      institutionMinReports: 5,
      municipalityMinReports: 10,
      areaMinMunicipalities: 30,
    });
    expect(DEFAULT_METHOD_SETTINGS.bootstrapReplicates).toBe(2000);
    expect(Object.isFrozen(DEFAULT_METHOD_SETTINGS.thresholds)).toBe(true);
  });

  it.each([undefined, null, {}])('resolves %p to the defaults', (input) => {
    const r = resolveSettings(input);
    expect(r.ok).toBe(true);
    expect(r.settings).toEqual(DEFAULT_METHOD_SETTINGS);
  });

  it('deep-merges thresholds and replaces a whole sub-index weight map', () => {
    const r = resolveSettings({ thresholds: { cvCaution: 0.2 }, weights: { TG: { AI: 1, TR: 1 } }, confidence: 0.9 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.thresholds.cvCaution).toBe(0.2);
    expect(r.settings.thresholds.cvInconclusive).toBe(0.3);
    expect(r.settings.weights.TG).toEqual({ AI: 1, TR: 1 });
    expect(r.settings.weights.PG).toEqual(DEFAULT_METHOD_SETTINGS.weights.PG);
    expect(r.settings.confidence).toBe(0.9);
  });

  it('does not mutate the defaults', () => {
    resolveSettings({ weights: { TC: { Disp: 2 } }, thresholds: { cvCaution: 0.1 } });
    expect(DEFAULT_METHOD_SETTINGS.weights.TC.Disp).toBe(0.25);
    expect(DEFAULT_METHOD_SETTINGS.thresholds.cvCaution).toBe(0.15);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 5, ''],
    ['unknown top-level key', { cvCaution: 0.1 }, 'cvCaution'],
    ['unknown threshold', { thresholds: { cvCautoin: 0.1 } }, 'thresholds.cvCautoin'],
    ['unknown sub-index', { weights: { XX: { A: 1 } } }, 'weights.XX'],
    ['negative weight', { weights: { TG: { AI: -1, TR: 1 } } }, 'weights.TG.AI'],
    ['weights summing to 0', { weights: { PC: { Met: 0 } } }, 'weights.PC'],
    ['non-numeric threshold', { thresholds: { halfWidthCaution: '0.1' } }, 'thresholds.halfWidthCaution'],
    ['fractional minimum', { thresholds: { institutionMinReports: 2.5 } }, 'thresholds.institutionMinReports'],
    ['zero minimum', { thresholds: { municipalityMinSubjects: 0 } }, 'thresholds.municipalityMinSubjects'],
    ['share above 1', { thresholds: { areaMinMunicipalityShare: 1.5 } }, 'thresholds.areaMinMunicipalityShare'],
    ['caution CV above inconclusive CV', { thresholds: { cvCaution: 0.4 } }, 'thresholds.cvCaution'],
    ['half-widths out of order', { thresholds: { halfWidthConclusive: 0.12 } }, 'thresholds.halfWidthConclusive'],
    ['confidence of 1', { confidence: 1 }, 'confidence'],
    ['too few replicates', { bootstrapReplicates: 10 }, 'bootstrapReplicates'],
    ['bad component suffix', { weights: { TG: { 'A.I': 1 } } }, 'weights.TG.A.I'],
  ])('rejects %s', (_label, input, path) => {
    const r = resolveSettings(input);
    expect(r.ok).toBe(false);
    expect(r.settings).toBeNull();
    expect(r.problems.map((p) => p.path)).toContain(path);
  });

  it('reports every problem at once', () => {
    const r = resolveSettings({ thresholds: { cvCaution: -1, targetHalfWidth: 0 }, confidence: 2 });
    expect(r.problems.map((p) => p.path).sort()).toEqual([
      'confidence',
      'thresholds.cvCaution',
      'thresholds.targetHalfWidth',
    ]);
  });
});
