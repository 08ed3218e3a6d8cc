import fc from 'fast-check';
import type { ScoredAnswer } from '@apertura/metric';
import { CITIZEN_V1_ANSWERS } from '../fixtures/sample-answers';
import { scoredAnswers } from './extract';
import { compileScoring } from './gates';
import { CITIZEN_V1, CITIZEN_V2 } from './instruments';
import { QuestionnaireError } from './issues';
import { lintQuestionnaire } from './lint';

type Json = Record<string, unknown>;

const gate = (extra: Json = {}): Json => ({
  type: 'radiogroup',
  name: 'g',
  component: 'TC.Disp',
  choices: [
    { value: 'si', score: 1 },
    { value: 'no', score: 0 },
    { value: 'pronto', notApplicable: true },
  ],
  ...extra,
});
const rated = (name: string, visibleIf: string, scoreIfHidden?: number, component = 'TC.Clar'): Json => ({
  type: 'rating',
  name,
  component,
  rateMin: 1,
  rateMax: 5,
  scoreRange: [1, 5],
  visibleIf,
  ...(scoreIfHidden === undefined ? {} : { scoreIfHidden }),
});
const survey = (...pages: Json[]): Json => ({ pages });
const byName = (answers: readonly ScoredAnswer[]): Record<string, number> =>
  Object.fromEntries(answers.map((a) => [a.name, a.score]));

describe('compileScoring: gated failures (METHOD.md §3.2)', () => {
  const json = survey({ name: 'p', elements: [gate(), rated('x', "{g} = 'si'", 0.2), rated('plain', "{g} = 'si'")] });

  it('lints clean', () => {
    expect(lintQuestionnaire(json, 'citizen').errors).toEqual([]);
  });

  it('scores a question hidden by its own condition at scoreIfHidden when the gate records a failure', () => {
    expect(byName(compileScoring(json).score({ g: 'no' }))).toEqual({ g: 0, x: 0.2 });
  });

  it('scores visible answered questions as usual and leaves unanswered ones out', () => {
    expect(byName(compileScoring(json).score({ g: 'si', x: 5, plain: 3 }))).toEqual({ g: 1, x: 1, plain: 0.5 });
    expect(byName(compileScoring(json).score({ g: 'si' }))).toEqual({ g: 1 });
  });

  it('excludes the item when the gate answer is not applicable or missing', () => {
    expect(compileScoring(json).score({ g: 'pronto' })).toEqual([]);
    expect(compileScoring(json).score({})).toEqual([]);
    expect(compileScoring(json).score({ g: 'bogus' })).toEqual([]);
  });

  it('drops a stale answer of a hidden question, or scores it as stored when told the data was validated', () => {
    expect(byName(compileScoring(json).score({ g: 'no', x: 5, plain: 5 }))).toEqual({ g: 0, x: 0.2 });
    expect(byName(compileScoring(json).score({ g: 'no', x: 5 }, { storedAnswersVisible: true }))).toEqual({
      g: 0,
      x: 1,
    });
    expect(byName(compileScoring(json).score({ g: 'no' }, { storedAnswersVisible: true }))).toEqual({ g: 0, x: 0.2 });
  });

  it('chains gates: a gated failure gates the next question', () => {
    const chained = survey({
      name: 'p',
      elements: [gate(), rated('x', "{g} = 'si'", 0), rated('y', '{x} >= 2', 0.1, 'TC.Cel')],
    });
    expect(lintQuestionnaire(chained, 'citizen').errors).toEqual([]);
    expect(byName(compileScoring(chained).score({ g: 'no' }))).toEqual({ g: 0, x: 0, y: 0.1 });
    expect(byName(compileScoring(chained).score({ g: 'si', x: 1 }))).toEqual({ g: 1, x: 0, y: 0.1 });
    expect(byName(compileScoring(chained).score({ g: 'si' }))).toEqual({ g: 1 }); // x unanswered: y has no gate
    expect(compileScoring(chained).score({ g: 'pronto' })).toEqual([]);
  });

  it('needs every question of the condition to be scored or a gated failure', () => {
    const two = survey({
      name: 'p',
      elements: [
        gate(),
        { type: 'boolean', name: 'h', component: 'TC.Comp' },
        rated('x', "{g} = 'si' and {h} = true", 0),
      ],
    });
    expect(byName(compileScoring(two).score({ g: 'no', h: true }))).toEqual({ g: 0, h: 1, x: 0 });
    expect(byName(compileScoring(two).score({ g: 'no' }))).toEqual({ g: 0 });
  });

  it('excludes items whose page or panel is hidden (the request was never made)', () => {
    const paged = survey(
      { name: 'p1', elements: [{ type: 'checkbox', name: 'tipo', choices: ['a', 'b'] }] },
      { name: 'p2', visibleIf: "{tipo} contains 'a'", elements: [gate(), rated('x', "{g} = 'si'", 0)] },
      {
        name: 'p3',
        elements: [
          {
            type: 'panel',
            name: 'pn',
            visibleIf: "{tipo} contains 'b'",
            elements: [gate({ name: 'g2', component: 'PC.Met' }), rated('y', "{g2} = 'si'", 0, 'PC.Act')],
          },
        ],
      },
    );
    expect(lintQuestionnaire(paged, 'citizen').errors).toEqual([]);
    const c = compileScoring(paged);
    expect(c.score({ tipo: [], g: 'no', g2: 'no' })).toEqual([]);
    expect(byName(c.score({ tipo: ['a'], g: 'no', g2: 'no' }))).toEqual({ g: 0, x: 0 });
    expect(byName(c.score({ tipo: ['b'], g: 'no', g2: 'no' }))).toEqual({ g2: 0, y: 0 });
  });

  it('establishes no failure through a cycle of gates', () => {
    const cycle = survey({ name: 'p', elements: [rated('a', '{b} > 1', 0), rated('b', '{a} > 1', 0, 'TC.Comp')] });
    expect(compileScoring(cycle).score({})).toEqual([]);
  });

  it('refuses a questionnaire whose scoreIfHidden has no gate', () => {
    expect(() => compileScoring(survey({ name: 'p', elements: [{ ...gate(), scoreIfHidden: 0 }] }))).toThrow(
      QuestionnaireError,
    );
  });

  it('scoredAnswers uses the same compiler', () => {
    expect(byName(scoredAnswers(json, { g: 'no' }))).toEqual({ g: 0, x: 0.2 });
  });
});

describe('citizen.v2 scoring', () => {
  const v1 = compileScoring(CITIZEN_V1);
  const v2 = compileScoring(CITIZEN_V2);

  it('scores a full answer set exactly like v1', () => {
    expect(v2.score(CITIZEN_V1_ANSWERS)).toEqual(v1.score(CITIZEN_V1_ANSWERS));
  });

  it('an answer that never came scores 0 in clarity, completeness and timeliness', () => {
    const data = { tipo_gestion: ['solicitud'], folio: 'ABC-123', tc_respuesta: 'no' };
    expect(byName(v2.score(data))).toEqual({ tc_respuesta: 0, tc_claridad: 0, tc_completitud: 0, tc_dias: 0 });
    expect(byName(v1.score(data))).toEqual({ tc_respuesta: 0 });
  });

  it('"not yet" gives the report no transparency component at all', () => {
    expect(v2.score({ tipo_gestion: ['solicitud'], folio: 'ABC-123', tc_respuesta: 'en_plazo' })).toEqual([]);
  });

  it('no contact method found: receipt, response and its timeliness score 0 (chained gate)', () => {
    expect(byName(v2.score({ tipo_gestion: ['propuesta'], pc_medio: 'no' }))).toEqual({
      pc_medio: 0,
      pc_acuse: 0,
      pc_respuesta: 0,
      pc_dias: 0,
    });
    expect(
      byName(v2.score({ tipo_gestion: ['propuesta'], pc_medio: 'facil', pc_acuse: true, pc_respuesta: 'ninguna' })),
    ).toEqual({
      pc_medio: 1,
      pc_acuse: 1,
      pc_respuesta: 0,
      pc_dias: 0,
    });
    expect(
      byName(v2.score({ tipo_gestion: ['propuesta'], pc_medio: 'facil', pc_acuse: true, pc_respuesta: 'en_plazo' })),
    ).toEqual({ pc_medio: 1, pc_acuse: 1 });
  });

  it('a request never made scores nothing', () => {
    expect(
      v2.score({ tipo_gestion: ['propuesta'], tc_respuesta: 'no' }).filter((a) => a.component.startsWith('TC.')),
    ).toEqual([]);
  });
});

/** A citizen answer set as the API stores it: only visible questions, some unanswered. */
const citizenData = fc
  .record({
    solicitud: fc.boolean(),
    propuesta: fc.boolean(),
    tc: fc.constantFrom('si', 'no', 'en_plazo', undefined),
    clar: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    comp: fc.constantFrom('completa', 'parcial', 'ninguna', undefined),
    tcDias: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    medio: fc.constantFrom('facil', 'dificil', 'no', undefined),
    acuse: fc.option(fc.boolean(), { nil: undefined }),
    resp: fc.constantFrom('fondo', 'generica', 'ninguna', 'en_plazo', undefined),
    pcDias: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  })
  .map((r) => {
    const d: Record<string, unknown> = {
      tipo_gestion: [...(r.solicitud ? ['solicitud'] : []), ...(r.propuesta ? ['propuesta'] : [])],
    };
    if (r.solicitud) {
      d.tc_respuesta = r.tc;
      if (r.tc === 'si') Object.assign(d, { tc_claridad: r.clar, tc_completitud: r.comp, tc_dias: r.tcDias });
    }
    if (r.propuesta) {
      d.pc_medio = r.medio;
      if (r.medio === 'facil' || r.medio === 'dificil') {
        Object.assign(d, { pc_acuse: r.acuse, pc_respuesta: r.resp });
        if (r.resp === 'fondo' || r.resp === 'generica') d.pc_dias = r.pcDias;
      }
    }
    return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
  });

/** Per-report sub-index (METHOD.md §3.3): weighted component means, then the mean of the components present. */
function subIndex(answers: readonly ScoredAnswer[], prefix: string): number | null {
  const acc = new Map<string, { w: number; s: number }>();
  for (const a of answers) {
    if (!a.component.startsWith(prefix)) continue;
    const c = acc.get(a.component) ?? { w: 0, s: 0 };
    c.w += a.weight;
    c.s += a.weight * a.score;
    acc.set(a.component, c);
  }
  if (acc.size === 0) return null;
  let sum = 0;
  for (const c of acc.values()) sum += c.s / c.w;
  return sum / acc.size;
}

describe('gated failures, properties', () => {
  const v1 = compileScoring(CITIZEN_V1);
  const v2 = compileScoring(CITIZEN_V2);

  it('v2 differs from v1 only by items at 0 behind a gate that recorded a failure', () => {
    fc.assert(
      fc.property(citizenData, (data) => {
        const a1 = byName(v1.score(data));
        const a2 = byName(v2.score(data));
        for (const [k, s] of Object.entries(a1)) expect(a2[k]).toBe(s);
        const extra = Object.keys(a2).filter((k) => !(k in a1));
        for (const k of extra) expect(a2[k]).toBe(0);
        const failedGate = data.tc_respuesta === 'no' || data.pc_medio === 'no' || data.pc_respuesta === 'ninguna';
        if (!failedGate) expect(extra).toEqual([]);
        if (data.tc_respuesta === 'en_plazo') expect(Object.keys(a2).some((k) => k.startsWith('tc_'))).toBe(false);
      }),
    );
  });

  it('answering the gate "yes" never scores below "no" (v = 0, any item answers)', () => {
    fc.assert(
      fc.property(citizenData, (data) => {
        const tipo_gestion = ['solicitud', 'propuesta'];
        const no = v2.score({ tipo_gestion, tc_respuesta: 'no', pc_medio: 'no' });
        const yes = v2.score({ ...data, tipo_gestion, tc_respuesta: 'si', pc_medio: 'dificil' });
        for (const prefix of ['TC.', 'PC.'])
          expect(subIndex(yes, prefix) ?? 0).toBeGreaterThanOrEqual(subIndex(no, prefix) ?? 0);
      }),
    );
  });

  it('with items of equal or better quality than v, "yes" never scores below "no" (any v)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
        (v, lifts, weights) => {
          // Three gated items on ranges [0,1] so any quality in [v,1] is expressible.
          const items = ['TC.Clar', 'TC.Comp', 'TC.Cel'].map((component, i) => ({
            type: 'text',
            inputType: 'number',
            name: `q${i}`,
            component,
            weight: weights[i],
            scoreRange: [0, 1],
            visibleIf: "{g} = 'si'",
            scoreIfHidden: v,
          }));
          const c = compileScoring(survey({ name: 'p', elements: [gate(), ...items] }));
          const yesData: Record<string, unknown> = { g: 'si' };
          lifts.forEach((l, i) => (yesData[`q${i}`] = v + l * (1 - v)));
          const yes = subIndex(c.score(yesData), 'TC.') as number;
          const no = subIndex(c.score({ g: 'no' }), 'TC.') as number;
          expect(no).toBeCloseTo((0 + 3 * v) / 4, 12);
          expect(yes).toBeGreaterThanOrEqual(no - 1e-12);
        },
      ),
    );
  });

  it('a gated failure only scores when its page is shown and its gate is scored', () => {
    fc.assert(
      fc.property(citizenData, fc.double({ min: 0, max: 1, noNaN: true }), (data, v) => {
        const json = JSON.parse(
          JSON.stringify(CITIZEN_V2).replace(/"scoreIfHidden":0/g, `"scoreIfHidden":${v}`),
        ) as Json;
        const a = byName(compileScoring(json).score(data));
        const tipo = data.tipo_gestion as string[];
        if (!tipo.includes('solicitud')) expect(Object.keys(a).some((k) => k.startsWith('tc_'))).toBe(false);
        if (!tipo.includes('propuesta')) expect(Object.keys(a).some((k) => k.startsWith('pc_'))).toBe(false);
        if (tipo.includes('solicitud') && data.tc_respuesta === 'no') {
          expect([a.tc_claridad, a.tc_completitud, a.tc_dias]).toEqual([v, v, v]);
        }
        if (tipo.includes('propuesta') && data.pc_medio === 'no') {
          expect([a.pc_acuse, a.pc_respuesta, a.pc_dias]).toEqual([v, v, v]);
        }
      }),
    );
  });
});
