import fc from 'fast-check';
import { syntheticInstitutionQuestionnaire } from '../../../bench/lib/synthetic-questionnaire';
import { CITIZEN_V1_ANSWERS, INSTITUTION_V1_ANSWERS } from '../fixtures/sample-answers';
import { CompiledValidator, CompiledValidatorCache, validateSubmission } from './compiled-validator';
import { CITIZEN_V1, CITIZEN_V2, INSTITUTION_V1 } from './instruments';
import { isRecord, own } from './types';
import type { SurveyJson } from './types';
import { validateSubmissionWithModel } from './validate';
import type { ValidateOptions } from './validate';
import { walkQuestionnaire } from './walk';

/**
 * Differential tests: the compiled validator (what the API runs) against the Model-per-call
 * reference, on the same inputs, compared result for result (ok, errors with their messages,
 * cleaned data, cleared keys). FUZZ_SEED / FUZZ_RUNS explore further, as in the API fuzz suite.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const SYNTHETIC_150 = syntheticInstitutionQuestionnaire(150);
const mode = fc.constantFrom<ValidateOptions['mode']>('draft', 'final');

async function sameAsReference(json: SurveyJson, data: unknown, opts: ValidateOptions): Promise<void> {
  const compiled = await validateSubmission(json, data, opts);
  const reference = await validateSubmissionWithModel(json, data, opts);
  expect(compiled).toEqual(reference);
}

// The API fuzz suite's generators (test/security/submission-fuzz.e2e-spec.ts), aimed at the validator directly.
const NASTY: unknown[] = [
  '',
  ' ',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u0000',
  '\ud800',
  'x'.repeat(10_001),
  -1,
  0,
  1e308,
  -0,
  2 ** 53,
  true,
  false,
  null,
  [],
  {},
  [[[]]],
  { es: 'x' },
];
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...NASTY));
function fuzzPayload(sample: Readonly<Record<string, unknown>>): fc.Arbitrary<unknown> {
  const questions = Object.keys(sample);
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...questions) },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
  );
  const answers = fc.dictionary(key, anyValue, { maxKeys: 12 });
  const mutated = fc
    .record({
      drop: fc.subarray(questions, { maxLength: 4 }),
      patch: fc.dictionary(fc.constantFrom(...questions), anyValue, { maxKeys: 3 }),
    })
    .map(({ drop, patch }) => {
      const out: Record<string, unknown> = { ...sample };
      for (const q of drop) delete out[q];
      return Object.assign(out, patch);
    });
  return fc.oneof(
    { weight: 3, arbitrary: mutated },
    { weight: 3, arbitrary: answers },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/**
 * Answers shaped by each question's type: mostly plausible (choices, numbers around min/max,
 * e-mails and URLs right and wrong, blank strings), sometimes absent or of the wrong type, so the
 * runs reach visibility chains, required questions and every validator.
 */
function structuredPayload(json: SurveyJson): fc.Arbitrary<Record<string, unknown>> {
  const walk = walkQuestionnaire(json);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const el of walk.elements) {
    if (el.role !== 'question' || el.name === undefined) continue;
    const j = el.json;
    const choices = (own(j, 'choices') as unknown[] | undefined)?.map((c) => (isRecord(c) ? own(c, 'value') : c)) ?? [];
    const num = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);
    let plausible: fc.Arbitrary<unknown>;
    switch (el.type) {
      case 'boolean':
        plausible = fc.boolean();
        break;
      case 'radiogroup':
      case 'dropdown':
        plausible = fc.constantFrom(...choices, 'otra');
        break;
      case 'checkbox':
      case 'tagbox':
        plausible = fc.subarray([...choices, 'otra'], { minLength: 0 });
        break;
      case 'rating': {
        const lo = num(own(j, 'rateMin'), 1);
        const hi = num(own(j, 'rateMax'), 5);
        plausible = fc.integer({ min: lo - 1, max: hi + 1 });
        break;
      }
      case 'text': {
        const inputType = own(j, 'inputType');
        if (inputType === 'number' || inputType === 'range') {
          const lo = num(own(j, 'min'), 0);
          const hi = num(own(j, 'max'), 100);
          plausible = fc.oneof(
            fc.integer({ min: lo - 2, max: hi + 2 }),
            fc.constantFrom(lo - 0.5, hi + 0.5, lo, hi),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          );
        } else if (inputType === 'email') {
          plausible = fc.oneof(fc.emailAddress(), fc.constantFrom('no-es-correo', 'a@b', ' ', 'x@dominio.mx'));
        } else {
          plausible = fc.oneof(
            fc.webUrl(),
            fc.constantFrom('ftp://x', 'https://', '   ', 'CT-2024/001', 'abc', 'Titular'),
            fc.string({ maxLength: 30 }),
          );
        }
        break;
      }
      default:
        plausible = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('   ', 'x'.repeat(1001)));
    }
    fields[el.name] = fc.oneof(
      { weight: 6, arbitrary: plausible },
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, '', [], 'true', 1, ['x'], { a: 1 }) },
    );
  }
  return fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

describe('CompiledValidator', () => {
  it.each([
    ['institution v1', INSTITUTION_V1],
    ['citizen v1', CITIZEN_V1],
    ['citizen v2', CITIZEN_V2],
    ['synthetic 150 items', SYNTHETIC_150],
  ])('compiles the %s instrument without falling back to the Model', (_n, json) => {
    expect(CompiledValidator.of(json).fallbackReason).toBeUndefined();
  });

  it('falls back to the Model path, and says why, for features it does not reproduce', async () => {
    const json: SurveyJson = {
      pages: [
        {
          name: 'p',
          elements: [{ type: 'text', name: 't', validators: [{ type: 'expression', expression: '{t} notempty' }] }],
        },
      ],
    };
    expect(CompiledValidator.of(json).fallbackReason).toBe('$.pages[0].elements[0].validators[0] (type expression)');
    const other: SurveyJson = {
      pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'r', choices: ['a'], showOtherItem: true }] }],
    };
    expect(CompiledValidator.of(other).fallbackReason).toBe('$.pages[0].elements[0].showOtherItem');
    const fn: SurveyJson = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 't', visibleIf: 'iif({u} = 1, true, false)' },
            { type: 'text', name: 'u' },
          ],
        },
      ],
    };
    expect(CompiledValidator.of(fn).fallbackReason).toBe('$.pages[0].elements[0].visibleIf');
    await sameAsReference(json, { t: 'x' }, { mode: 'final' });
  });

  it('cache: bounded, least recently used out first, one log line per version that falls back', () => {
    const lines: string[] = [];
    const cache = new CompiledValidatorCache(2, (l) => lines.push(l));
    const fallback: SurveyJson = { pages: [{ name: 'p', elements: [{ type: 'text', name: 't', readOnly: true }] }] };
    let compiles = 0;
    const load = (json: SurveyJson) => (): SurveyJson => {
      compiles++;
      return json;
    };
    const a = cache.get('a:1', load(INSTITUTION_V1));
    cache.get('b:1', load(fallback));
    expect(cache.get('a:1', load(INSTITUTION_V1))).toBe(a); // hit: a becomes the most recent
    cache.get('c:1', load(CITIZEN_V1)); // evicts b
    expect(cache.size).toBe(2);
    cache.get('b:1', load(fallback)); // recompiled after eviction, not logged again
    expect(compiles).toBe(4);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('b:1');
    expect(lines[0]).toContain('readOnly');
  });

  it('property: the API fuzz suite payloads give the same result on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzPayload(INSTITUTION_V1_ANSWERS), mode, (data, m) =>
        sameAsReference(INSTITUTION_V1, data, { mode: m }),
      ),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });

  it.each([
    ['institution v1', INSTITUTION_V1, 1],
    ['citizen v1', CITIZEN_V1, 1],
    ['citizen v2', CITIZEN_V2, 1],
    ['synthetic 150 items', SYNTHETIC_150, 0.35],
  ])('property: random type-shaped submissions to %s give the same result on both paths', async (_n, json, share) => {
    await fc.assert(
      fc.asyncProperty(structuredPayload(json), mode, (data, m) => sameAsReference(json, data, { mode: m })),
      { numRuns: Math.max(10, Math.round(RUNS * share)), seed: SEED + 1 },
    );
  });

  it('property: mutations of a complete citizen report give the same result on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzPayload(CITIZEN_V1_ANSWERS), mode, (data, m) =>
        sameAsReference(CITIZEN_V1, data, { mode: m }),
      ),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });
});
