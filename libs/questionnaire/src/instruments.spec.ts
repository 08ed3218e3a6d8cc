import { COMPONENTS } from './components';
import { extractScoredItems, verifiableItems } from './extract';
import {
  CITIZEN_V1,
  CITIZEN_V2,
  DEFAULT_INSTRUMENTS,
  defaultInstrument,
  INSTITUTION_V1,
  INSTITUTION_V2,
  scoringDefinitionFor,
} from './instruments';
import { INSTITUTION_V1_ANSWERS } from '../fixtures/sample-answers';
import { validateSubmission } from './compiled-validator';
import { lintQuestionnaire } from './lint';

describe('default instruments', () => {
  it.each([
    ['institution', INSTITUTION_V1],
    ['institution', INSTITUTION_V2],
    ['citizen', CITIZEN_V1],
    ['citizen', CITIZEN_V2],
  ] as const)('%s default lints clean, also as JSON text', (kind, json) => {
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
    expect(items.find((i) => i.name === 'seg_acuerdos')?.scoring).toMatchObject({
      kind: 'choices',
      scores: { sin_acuerdos: null, todos: 1 },
    });
  });

  it.each([CITIZEN_V1, CITIZEN_V2])(
    'citizen instruments score every citizen component; lower days are better',
    (json) => {
      const items = extractScoredItems(json);
      expect(items.map((i) => i.component)).toEqual([
        'TC.Disp',
        'TC.Clar',
        'TC.Comp',
        'TC.Cel',
        'PC.Met',
        'PC.Recep',
        'PC.Act',
        'PC.Cel',
      ]);
      expect(items.find((i) => i.name === 'tc_dias')?.scoring).toEqual({ kind: 'range', min: 40, max: 0 });
      expect(items.every((i) => !i.verifiable)).toBe(true);
    },
  );

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
    expect(Object.isFrozen(CITIZEN_V2)).toBe(true);
    expect(defaultInstrument('citizen').json).toBe(CITIZEN_V2);
    expect(DEFAULT_INSTRUMENTS.map((i) => i.version)).toEqual([
      'institution.v1',
      'institution.v2',
      'citizen.v1',
      'citizen.v2',
    ]);
  });

  it("citizen.v2 keeps v1's questions, choices and conditions, so v1 answers are valid v2 answers", () => {
    const shape = (json: unknown): unknown =>
      JSON.parse(JSON.stringify(json), (key: string, value: unknown) =>
        ['title', 'description', 'text', 'scoreIfHidden', 'minRateDescription', 'maxRateDescription'].includes(key)
          ? undefined
          : value,
      );
    expect(shape(CITIZEN_V2)).toEqual(shape(CITIZEN_V1));
  });

  it('citizen.v2 marks the gated failures of METHOD.md §8 and states the scored day ranges', () => {
    const gated: string[] = [];
    for (const page of CITIZEN_V2.pages as Array<{ elements: Array<Record<string, unknown>> }>) {
      for (const el of page.elements) if (el.scoreIfHidden === 0) gated.push(String(el.component));
    }
    expect(gated).toEqual(['TC.Clar', 'TC.Comp', 'TC.Cel', 'PC.Recep', 'PC.Act', 'PC.Cel']);
    const text = JSON.stringify(CITIZEN_V2);
    expect(text).toContain('Se puntúa de 0 a 40 días hábiles');
    expect(text).toContain('Scored from 0 to 40 working days');
    expect(text).toContain('Todavía no; no ha vencido el plazo legal');
  });

  it('scores citizen.v1 with citizen.v2 and leaves any other definition alone', () => {
    // A stored copy: jsonb reorders keys, so identity is by content.
    const stored = JSON.parse(JSON.stringify(CITIZEN_V1, collectKeys(CITIZEN_V1).sort())) as unknown;
    expect(JSON.stringify(stored)).not.toBe(JSON.stringify(CITIZEN_V1));
    expect(scoringDefinitionFor(stored)).toBe(CITIZEN_V2);
    expect(scoringDefinitionFor(CITIZEN_V1)).toBe(CITIZEN_V2);
    expect(scoringDefinitionFor(CITIZEN_V2)).toBe(CITIZEN_V2);
    expect(scoringDefinitionFor(INSTITUTION_V1)).toBe(INSTITUTION_V1);
    const edited = { ...CITIZEN_V1, title: 'Otro' };
    expect(scoringDefinitionFor(edited)).toBe(edited);
  });
});

describe('institution.v2', () => {
  const texts = (json: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(json);
    return out;
  };

  it('is v1 with the same questions and scoring, and no scoring hints in respondent text', () => {
    expect(extractScoredItems(INSTITUTION_V2)).toEqual(extractScoredItems(INSTITUTION_V1));
    expect(verifiableItems(INSTITUTION_V2)).toEqual(verifiableItems(INSTITUTION_V1));
    expect(texts(INSTITUTION_V1).some((t) => /puntaje|score adds/i.test(t))).toBe(true);
    expect(
      texts(INSTITUTION_V2).filter((t) => /puntaje|score|cuentan como el máximo|count as the maximum/i.test(t)),
    ).toEqual([]);
    expect(defaultInstrument('institution').version).toBe('institution.v2');
  });

  it("answers out of range get the instrument's own message naming the question, not survey-core's", async () => {
    const r = await validateSubmission(
      INSTITUTION_V2,
      { ...INSTITUTION_V1_ANSWERS, tr_obligaciones_pct: 140 },
      { mode: 'final' },
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message.es).toMatch(/porcentaje de obligaciones publicadas: el máximo es 100%/);
    expect(r.errors[0]?.message.es).not.toMatch(/estimación/);
    expect(r.errors[0]?.message.es.startsWith('«¿Qué porcentaje')).toBe(true);
    expect(r.errors[0]?.title?.en).toMatch(/^What percentage/);
    const v1 = await validateSubmission(
      INSTITUTION_V1,
      { ...INSTITUTION_V1_ANSWERS, tr_obligaciones_pct: 140 },
      { mode: 'final' },
    );
    expect(v1.errors[0]?.message.es).toMatch(/estimación/); // the stock wording this version replaces
  });
});

/** Every object key of a JSON value (to re-serialise it with keys in another order). */
function collectKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectKeys(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      collectKeys(v, out);
    }
  }
  return [...new Set(out)];
}
