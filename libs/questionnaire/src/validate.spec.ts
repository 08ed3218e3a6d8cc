import fc from 'fast-check';
import { FunctionFactory } from 'survey-core';
import { CITIZEN_V1_ANSWERS, INSTITUTION_V1_ANSWERS } from '../fixtures/sample-answers';
import { CITIZEN_V1, INSTITUTION_V1 } from './instruments';
import type { SurveyJson } from './types';
import { validateSubmission as validateCompiled } from './compiled-validator';
import { SUBMISSION_LIMITS, validateSubmissionWithModel } from './validate';
import type { SubmissionResult, ValidateOptions } from './validate';

const final = { mode: 'final' } as const;
const draft = { mode: 'draft' } as const;
const codes = (r: SubmissionResult): string[] => r.errors.map((e) => e.code);
const withAnswers = (patch: Record<string, unknown>): Record<string, unknown> => ({
  ...INSTITUTION_V1_ANSWERS,
  ...patch,
});

type Validate = (json: SurveyJson, data: unknown, opts: ValidateOptions) => Promise<SubmissionResult>;

/** The compiled result, after checking it is deep-equal to the reference's on the same input. */
const compiledCheckedAgainstModel: Validate = async (json, data, opts) => {
  const compiled = await validateCompiled(json, data, opts);
  expect(compiled).toEqual(await validateSubmissionWithModel(json, data, opts));
  return compiled;
};

// The same table runs against the compiled validator (what the API uses), the reference Model
// path, and the compiled one checked result-for-result against the reference.
describe.each<[string, Validate]>([
  ['compiled', validateCompiled],
  ['Model (reference)', validateSubmissionWithModel],
  ['compiled = Model', compiledCheckedAgainstModel],
])('validateSubmission: %s', (_path, validateSubmission) => {
  it('accepts a complete self-report as is', async () => {
    const r = await validateSubmission(INSTITUTION_V1, INSTITUTION_V1_ANSWERS, final);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, cleared: [] });
    expect(r.data).toEqual(INSTITUTION_V1_ANSWERS);
  });

  it('rejects keys that match no question', async () => {
    const r = await validateSubmission(INSTITUTION_V1, withAnswers({ score_override: 1, AI_UNIDAD: true }), final);
    expect(codes(r)).toEqual(['S_UNKNOWN_KEY', 'S_UNKNOWN_KEY']);
    expect(r.data).not.toHaveProperty('score_override');
  });

  it('clears answers to questions hidden by the questionnaire logic, without error', async () => {
    const r = await validateSubmission(INSTITUTION_V1, withAnswers({ mec_existe: false }), final);
    expect(r.errors).toEqual([]);
    expect(r.cleared).toEqual(
      expect.arrayContaining(['mec_tipos', 'act_sectores', 'fun_sesiones', 'fun_actas_evidencia', 'seg_cumplidos_pct']),
    );
    expect(r.cleared).toHaveLength(14);
    expect(Object.keys(r.data)).not.toContain('fun_sesiones');
  });

  it('follows chains of visibility: clearing one answer hides the next', async () => {
    // pc_dias depends on pc_respuesta, which is itself hidden once pc_medio = 'no'.
    const r = await validateSubmission(CITIZEN_V1, { ...CITIZEN_V1_ANSWERS, pc_medio: 'no' }, final);
    expect(r.errors).toEqual([]);
    expect(r.cleared).toEqual(['pc_acuse', 'pc_respuesta', 'pc_evidencia', 'pc_dias']);
  });

  it.each([
    ['a string for a number', { tr_obligaciones_pct: '30' }],
    ['a string for a boolean', { ai_unidad: 'true' }],
    ['a scalar for a checkbox', { ai_canales: 'pnt' }],
    ['an object for a text', { resp_cargo: { es: 'x' } }],
  ])('rejects wrong types: %s', async (_t, patch) => {
    const r = await validateSubmission(INSTITUTION_V1, withAnswers(patch), draft);
    const key = Object.keys(patch)[0] as string;
    expect(codes(r)).toEqual(['S_WRONG_TYPE']);
    expect(r.errors[0]?.question).toBe(key);
    expect(r.data).not.toHaveProperty(key);
  });

  it.each([
    ['unknown radio value', { ai_estadisticas: 'diaria' }],
    ['unknown checkbox value', { ai_canales: ['pnt', 'marte'] }],
    ['repeated checkbox value', { ai_canales: ['pnt', 'pnt'] }],
    ['exclusive choice combined', { ai_canales: ['ninguno', 'pnt'] }],
    ['number for a string choice', { ai_estadisticas: 1 }],
  ])('rejects out-of-range choices: %s', async (_t, patch) => {
    const r = await validateSubmission(INSTITUTION_V1, withAnswers(patch), draft);
    expect(codes(r)).toEqual(['S_INVALID_CHOICE']);
  });

  it('rejects a rating outside the scale', async () => {
    const r = await validateSubmission(CITIZEN_V1, { ...CITIZEN_V1_ANSWERS, tc_claridad: 7 }, draft);
    expect(codes(r)).toEqual(['S_INVALID_CHOICE']);
    expect(r.data).not.toHaveProperty('tc_claridad');
  });

  it('enforces required questions only in final mode', async () => {
    const partial = { ai_unidad: true, mec_existe: false };
    const d = await validateSubmission(INSTITUTION_V1, partial, draft);
    expect(d).toEqual({ ok: true, data: partial, errors: [], cleared: [] });
    const f = await validateSubmission(INSTITUTION_V1, partial, final);
    expect(f.ok).toBe(false);
    expect(new Set(codes(f))).toEqual(new Set(['S_REQUIRED']));
    const missing = f.errors.map((e) => e.question);
    expect(missing).toContain('resp_correo');
    expect(missing).not.toContain('fun_sesiones'); // hidden page: not required
    expect(f.errors[0]?.message.es).not.toBe(f.errors[0]?.message.en);
  });

  it('runs survey-core validators (min/max, e-mail, regex) in both modes', async () => {
    const r = await validateSubmission(
      INSTITUTION_V1,
      {
        tr_obligaciones_pct: 150,
        resp_correo: 'no-es-correo',
        ai_procedimiento: true,
        ai_procedimiento_evidencia: 'ftp://x',
      },
      draft,
    );
    expect(r.errors.map((e) => [e.code, e.question])).toEqual([
      ['S_VALIDATOR', 'resp_correo'],
      ['S_VALIDATOR', 'ai_procedimiento_evidencia'],
      ['S_VALIDATOR', 'tr_obligaciones_pct'],
    ]);
    expect(r.errors[0]?.message.es).toMatch(/correo/i);
    expect(r.errors[0]?.message.en).toMatch(/e-mail/i);
  });

  it('rejects oversize payloads before parsing them into the model', async () => {
    const big = await validateSubmission(
      INSTITUTION_V1,
      { comentarios: 'x'.repeat(SUBMISSION_LIMITS.maxBytes) },
      draft,
    );
    expect(big).toMatchObject({ ok: false, data: {}, errors: [{ code: 'S_TOO_LARGE' }] });
    const long = await validateSubmission(
      INSTITUTION_V1,
      { comentarios: 'x'.repeat(SUBMISSION_LIMITS.maxStringLength + 1) },
      draft,
    );
    expect(codes(long)).toEqual(['S_TOO_LONG']);
    const own = await validateSubmission(INSTITUTION_V1, { resp_cargo: 'x'.repeat(201) }, draft);
    expect(codes(own)).toEqual(['S_TOO_LONG']); // the question's own maxLength
  });

  it('rejects deeply nested JSON', async () => {
    const deep = JSON.parse(`{"ai_canales": ${'['.repeat(20)}${']'.repeat(20)}}`) as unknown;
    const r = await validateSubmission(INSTITUTION_V1, deep, draft);
    expect(codes(r)).toEqual(['S_TOO_DEEP']);
    const cyclic: Record<string, unknown> = {};
    cyclic['ai_canales'] = [cyclic];
    expect(codes(await validateSubmission(INSTITUTION_V1, cyclic, draft))).toEqual(['S_TOO_DEEP']);
  });

  it('is immune to prototype-pollution keys', async () => {
    const body = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "ai_unidad": true, "ai_canales": [{"__proto__": 1}]}',
    ) as unknown;
    const r = await validateSubmission(INSTITUTION_V1, body, draft);
    expect(codes(r)).toEqual(['S_FORBIDDEN_KEY', 'S_FORBIDDEN_KEY', 'S_FORBIDDEN_KEY']);
    expect(Object.keys(r.data)).toEqual(['ai_unidad']);
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([[[]], ['{"a":1}'], [null], [new Date()], [new Map()]])(
    'rejects a payload that is not a plain object: %p',
    async (body) => {
      expect(codes(await validateSubmission(INSTITUTION_V1, body, draft))).toEqual(['S_NOT_OBJECT']);
    },
  );

  it('rejects non-JSON values from in-process callers', async () => {
    expect(
      codes(await validateSubmission(INSTITUTION_V1, { tr_obligaciones_pct: Number.POSITIVE_INFINITY }, draft)),
    ).toEqual(['S_NOT_JSON']);
  });

  describe('with "Other" and async validators', () => {
    const calls: number[] = [];
    beforeAll(() => {
      FunctionFactory.Instance.register(
        'aperturaSlowPositive',
        function (this: { returnResult: (v: unknown) => void }, params: unknown[]) {
          calls.push(1);
          setTimeout(() => this.returnResult(Number(params[0]) > 0), 10);
          return false;
        },
        true,
      );
      FunctionFactory.Instance.register('aperturaNever', () => false, true);
    });
    afterAll(() => {
      FunctionFactory.Instance.unregister('aperturaSlowPositive');
      FunctionFactory.Instance.unregister('aperturaNever');
    });
    const one = (element: Record<string, unknown>): SurveyJson => ({ pages: [{ name: 'p', elements: [element] }] });
    const other = one({ type: 'radiogroup', name: 'r', choices: ['a', 'b'], showOtherItem: true });
    const slow = one({
      type: 'text',
      inputType: 'number',
      name: 'n',
      validators: [{ type: 'expression', expression: 'aperturaSlowPositive({n})' }],
    });
    const never = one({
      type: 'text',
      name: 't',
      validators: [{ type: 'expression', expression: 'aperturaNever({t})' }],
    });

    it('keeps the "Other" text only while "Other" is selected', async () => {
      const kept = await validateSubmission(other, { r: 'other', 'r-Comment': 'mi opción' }, final);
      expect(kept).toMatchObject({ ok: true, data: { r: 'other', 'r-Comment': 'mi opción' } });
      const dropped = await validateSubmission(other, { r: 'a', 'r-Comment': 'sobra' }, final);
      expect(dropped).toMatchObject({ ok: true, data: { r: 'a' }, cleared: ['r-Comment'] });
    });

    it('awaits async expression validators', async () => {
      expect((await validateSubmission(slow, { n: 5 }, final)).ok).toBe(true);
      const bad = await validateSubmission(slow, { n: -1 }, final);
      expect(codes(bad)).toEqual(['S_VALIDATOR']);
      expect(calls.length).toBeGreaterThanOrEqual(2);
    });

    it('reports async validators that never finish', async () => {
      const r = await validateSubmission(never, { t: 'x' }, { mode: 'final', asyncTimeoutMs: 30 });
      expect(codes(r)).toEqual(['S_VALIDATOR_TIMEOUT']);
    });
  });

  it('property: never throws on arbitrary JSON and returns only question keys', async () => {
    const names = [
      'ai_unidad',
      'ai_canales',
      'tr_obligaciones_pct',
      'ai_estadisticas',
      'comentarios',
      'mec_existe',
      'fun_sesiones',
      'resp_correo',
    ];
    const key = fc.oneof(
      fc.constantFrom(...names, '__proto__', 'constructor', 'prototype', 'r-Comment'),
      fc.string({ maxLength: 8 }),
    );
    const payload = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
    );
    const allowed = new Set(Object.keys(INSTITUTION_V1_ANSWERS));
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom<'draft' | 'final'>('draft', 'final'), async (body, mode) => {
        const r = await validateSubmission(INSTITUTION_V1, body, { mode });
        for (const k of Object.keys(r.data)) expect(allowed.has(k)).toBe(true);
        expect(r.ok).toBe(r.errors.length === 0);
      }),
      { numRuns: 80, seed: 20240501 },
    );
  });
});
