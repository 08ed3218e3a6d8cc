import { COMPONENTS } from './components';
import { extractScoredItems, verifiableItems } from './extract';
import { CITIZEN_V1, defaultInstrument, INSTITUTION_V1 } from './instruments';
import { lintQuestionnaire } from './lint';

describe('default instruments', () => {
  it.each([
    ['institution', INSTITUTION_V1],
    ['citizen', CITIZEN_V1],
  ] as const)('%s.v1 lints clean, also as JSON text', (kind, json) => {
    expect(lintQuestionnaire(json, kind).errors).toEqual([]);
    expect(lintQuestionnaire(JSON.stringify(json), kind).ok).toBe(true);
  });

  it('are not interchangeable: components belong to one kind', () => {
    const res = lintQuestionnaire(CITIZEN_V1, 'institution');
    expect(res.ok).toBe(false);
    expect(new Set(res.errors.map((e) => e.code))).toEqual(new Set(['Q_INVALID_COMPONENT']));
  });

  it('institution.v1 scores every government component with 25–30 items, in order', () => {
    const items = extractScoredItems(INSTITUTION_V1);
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.length).toBeLessThanOrEqual(30);
    expect(new Set(items.map((i) => i.component))).toEqual(new Set(COMPONENTS.institution));
    expect(items[0]?.name).toBe('ai_unidad');
    expect(new Set(items.map((i) => i.scoring.kind))).toEqual(new Set(['boolean', 'choices', 'multi', 'range']));
    expect(items.find((i) => i.name === 'seg_acuerdos')?.scoring).toMatchObject({ kind: 'choices', scores: { sin_acuerdos: null, todos: 1 } });
  });

  it('citizen.v1 scores every citizen component; lower days are better', () => {
    const items = extractScoredItems(CITIZEN_V1);
    expect(items.map((i) => i.component)).toEqual(['TC.Disp', 'TC.Clar', 'TC.Comp', 'TC.Cel', 'PC.Met', 'PC.Recep', 'PC.Act', 'PC.Cel']);
    expect(items.find((i) => i.name === 'tc_dias')?.scoring).toEqual({ kind: 'range', min: 40, max: 0 });
    expect(items.every((i) => !i.verifiable)).toBe(true);
  });

  it('every verifiable claim has a bilingual title and an evidence question', () => {
    const v = verifiableItems(INSTITUTION_V1);
    expect(v.length).toBeGreaterThanOrEqual(6);
    for (const item of v) {
      expect(item.evidenceQuestion).toBe(`${item.name}_evidencia`);
      expect(item.title.es).not.toBe(item.title.en);
    }
  });

  it('are frozen and registered as defaults', () => {
    expect(Object.isFrozen(INSTITUTION_V1)).toBe(true);
    expect(defaultInstrument('citizen').json).toBe(CITIZEN_V1);
  });
});
