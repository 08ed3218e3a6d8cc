import { CITIZEN_V1_ANSWERS, INSTITUTION_V1_ANSWERS } from '../fixtures/sample-answers';
import { extractScoredItems, scoredAnswers, titleOf, verifiableItems } from './extract';
import { CITIZEN_V1, INSTITUTION_V1 } from './instruments';
import { QuestionnaireError } from './issues';
import type { ScoredAnswer } from '@apertura/metric';

/** Weighted mean per component, as METHOD.md §3.2 computes it. */
function components(answers: readonly ScoredAnswer[]): Record<string, number> {
  const acc: Record<string, { w: number; s: number }> = {};
  for (const a of answers) {
    const c = (acc[a.component] ??= { w: 0, s: 0 });
    c.w += a.weight;
    c.s += a.weight * a.score;
  }
  return Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, v.s / v.w]));
}

describe('scoredAnswers', () => {
  it.each([
    ['institution', INSTITUTION_V1, INSTITUTION_V1_ANSWERS, 9],
    ['citizen', CITIZEN_V1, CITIZEN_V1_ANSWERS, 8],
  ] as const)('scores a full %s answer set into [0,1] for each component', (_k, json, data, n) => {
    const answers = scoredAnswers(json, data);
    for (const a of answers) expect(a.score).toBeGreaterThanOrEqual(0);
    for (const a of answers) expect(a.score).toBeLessThanOrEqual(1);
    const byComponent = components(answers);
    expect(Object.keys(byComponent)).toHaveLength(n);
    for (const v of Object.values(byComponent)) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of Object.values(byComponent)) expect(v).toBeLessThanOrEqual(1);
  });

  it('maps answers to scores (multi sums, ranges, lower-is-better) and skips not-applicable', () => {
    const byName = Object.fromEntries(
      scoredAnswers(INSTITUTION_V1, INSTITUTION_V1_ANSWERS).map((a) => [a.name, a.score]),
    );
    expect(byName['ai_canales']).toBeCloseTo(0.8); // pnt 0.4 + correo 0.2 + presencial 0.2
    expect(byName['tr_obligaciones_pct']).toBeCloseTo(0.85);
    expect(byName['da_conjuntos']).toBeCloseTo(0.4);
    expect(byName).not.toHaveProperty('da_actualizacion'); // "no aplica"
    const cit = Object.fromEntries(scoredAnswers(CITIZEN_V1, CITIZEN_V1_ANSWERS).map((a) => [a.name, a.score]));
    expect(cit['tc_dias']).toBeCloseTo(22 / 40); // 18 days on a [40, 0] scale
    expect(cit['tc_claridad']).toBeCloseTo(0.75); // 4 on 1–5
  });

  it('leaves out items hidden by the logic even if their values were stored (never scored 0)', () => {
    const answers = scoredAnswers(INSTITUTION_V1, { ...INSTITUTION_V1_ANSWERS, mec_existe: false });
    const pg = answers.filter((a) => a.component.startsWith('PG.'));
    expect(pg).toEqual([{ name: 'mec_existe', component: 'PG.Mec', weight: 2, verifiable: false, score: 0 }]);
  });
});

describe('extract', () => {
  it('refuses broken scoring metadata instead of guessing', () => {
    const json = {
      pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'r', component: 'TG.AI', choices: ['a'] }] }],
    };
    expect(() => extractScoredItems(json)).toThrow(QuestionnaireError);
    expect(() => extractScoredItems('not json')).toThrow(expect.objectContaining({ code: 'Q_NOT_OBJECT' }));
  });

  it('lists verifiable claims with bilingual titles and their evidence question', () => {
    expect(verifiableItems(INSTITUTION_V1)[0]).toEqual({
      name: 'ai_procedimiento',
      component: 'TG.AI',
      title: {
        es: '¿Publica en su portal el procedimiento para presentar una solicitud de información?',
        en: 'Does it publish on its website how to file an information request?',
      },
      evidenceQuestion: 'ai_procedimiento_evidencia',
    });
  });

  it('reads titles from plain strings, partial translations or nothing', () => {
    expect(titleOf({ title: 'Hola' }, 'q')).toEqual({ es: 'Hola', en: 'Hola' });
    expect(titleOf({ title: { default: 'Hola' } }, 'q')).toEqual({ es: 'Hola', en: 'Hola' });
    expect(titleOf({}, 'q')).toEqual({ es: 'q', en: 'q' });
  });
});
