import fc from 'fast-check';
import { INSTITUTION_V1, validateSubmissionWithModel } from '@apertura/questionnaire';
import { ERROR_HTTP_STATUS } from '../../apps/api/src/common/domain-error';
import { startTestApp, TestApp } from '../support/app';
import { buildWorld, SAMPLE_ANSWERS, World } from './support/world';

/**
 * Property-based fuzzing of the institution submission endpoints with arbitrary JSON: whatever is
 * sent, the API never answers 5xx, every error carries a documented code with its status, and
 * whatever it accepts is stored in a form the questionnaire validator accepts. The API validates with
 * the compiled validator; what it stores is re-checked here with the Model-based reference. FUZZ_SEED=<n> replays
 * or explores other inputs; the default seed keeps CI reproducible.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20251122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const QUESTIONS = Object.keys(SAMPLE_ANSWERS);
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
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUESTIONS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
);
const answers = fc.dictionary(key, anyValue, { maxKeys: 12 });
/** The valid sample with some answers dropped and some replaced by arbitrary values: often valid, often subtly not. */
const mutatedSample = fc
  .record({
    drop: fc.subarray(QUESTIONS, { maxLength: 4 }),
    patch: fc.dictionary(fc.constantFrom(...QUESTIONS), anyValue, { maxKeys: 3 }),
  })
  .map(({ drop, patch }) => {
    const out: Record<string, unknown> = { ...SAMPLE_ANSWERS };
    for (const q of drop) delete out[q];
    return Object.assign(out, patch);
  });
const data = fc.oneof(
  { weight: 3, arbitrary: mutatedSample },
  { weight: 3, arbitrary: answers },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const idempotencyKey = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: anyValue });
const submitBody = fc.oneof(
  { weight: 5, arbitrary: fc.record({ data, idempotencyKey }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const draftBody = fc.oneof(
  { weight: 5, arbitrary: fc.record({ data, currentPage: fc.oneof(fc.integer({ min: -2, max: 1200 }), anyValue) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

describe('submission fuzzing (fast-check)', () => {
  let t: TestApp;
  let w: World;
  const seen: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    // Which answers the runs produced, to keep an eye on the generators' reach.
    console.log(`submission fuzz (seed ${SEED}): ${JSON.stringify(seen)}`);
    await t?.close();
  });

  async function send(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-invitation-token': w.tokenY },
      body: JSON.stringify(body) ?? 'null',
    });
    const text = await res.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    seen[`${path} ${res.status}${json && typeof json.code === 'string' ? ` ${json.code}` : ''}`] =
      (seen[`${path} ${res.status}${json && typeof json.code === 'string' ? ` ${json.code}` : ''}`] ?? 0) + 1;
    return { status: res.status, json };
  }

  function assertAnswerShape(status: number, json: Record<string, unknown> | undefined): void {
    expect(status).toBeLessThan(500);
    if (status >= 400) {
      const code = json?.code as keyof typeof ERROR_HTTP_STATUS | undefined;
      expect(typeof code).toBe('string');
      expect(ERROR_HTTP_STATUS[code as keyof typeof ERROR_HTTP_STATUS]).toBe(status);
    }
  }

  it('POST /api/respond/submit: never 5xx, errors carry their code, stored versions pass final validation', async () => {
    await fc.assert(
      fc.asyncProperty(submitBody, async (body) => {
        const { status, json } = await send('POST', '/api/respond/submit', body);
        assertAnswerShape(status, json);
        if (status === 200 || status === 201) {
          const [stored] = await t.ds.query(
            'SELECT data FROM response_version WHERE response_id = $1 AND version = $2',
            [json?.responseId, json?.version],
          );
          const check = await validateSubmissionWithModel(INSTITUTION_V1, stored.data, { mode: 'final' });
          expect(check.errors).toEqual([]);
          expect(check.data).toEqual(stored.data);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('PUT /api/respond/draft: never 5xx, errors carry their code, stored drafts pass draft validation', async () => {
    await fc.assert(
      fc.asyncProperty(draftBody, async (body) => {
        const { status, json } = await send('PUT', '/api/respond/draft', body);
        assertAnswerShape(status, json);
        if (status === 200) {
          const [stored] = await t.ds.query(
            'SELECT draft, current_page FROM response WHERE round_id = $1 AND institution_id = $2',
            [w.roundId, w.instY],
          );
          expect(stored.current_page).toBe(json?.currentPage);
          const check = await validateSubmissionWithModel(INSTITUTION_V1, stored.draft, { mode: 'draft' });
          expect(check.errors).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });

  it('accepted some of the generated submissions (the generators reach the valid region)', () => {
    const accepted = Object.entries(seen)
      .filter(([k]) => / 20[01]$/.test(k))
      .reduce((n, [, c]) => n + c, 0);
    expect(accepted).toBeGreaterThan(0);
  });
});
