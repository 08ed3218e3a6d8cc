import { CITIZEN_V2, INSTITUTION_V1, scoredAnswers } from '@apertura/questionnaire';
import type { SurveyJson } from '@apertura/questionnaire';
import { draftAnswers, validAnswers } from './answers';
import { Random } from './random';

const profile = (propensity: number) => ({
  propensity,
  slug: 'ayuntamiento-de-toluca',
  note: 'Dato sintético (demostración).',
});

const meanScore = async (json: SurveyJson, propensity: number, seeds: number): Promise<number> => {
  let sum = 0;
  let count = 0;
  for (let s = 0; s < seeds; s++) {
    const { data } = await validAnswers(json, new Random(1000 + s), profile(propensity));
    for (const a of scoredAnswers(json, data)) {
      sum += a.score;
      count++;
    }
  }
  return sum / count;
};

describe.each([
  ['institution', INSTITUTION_V1],
  ['citizen', CITIZEN_V2],
])('generated %s answers', (_kind, json) => {
  it('pass validateSubmission in final mode across propensities and seeds', async () => {
    for (let s = 0; s < 24; s++) {
      const rng = new Random(s);
      await expect(validAnswers(json, rng, profile(s / 23))).resolves.toEqual(
        expect.objectContaining({ data: expect.any(Object) }),
      );
    }
  }, 30_000);

  it('are a pure function of the seed', () => {
    expect(draftAnswers(json, new Random(7), profile(0.5))).toEqual(draftAnswers(json, new Random(7), profile(0.5)));
    expect(draftAnswers(json, new Random(7), profile(0.5))).not.toEqual(
      draftAnswers(json, new Random(8), profile(0.5)),
    );
  });

  it('score higher for a more open profile', async () => {
    expect(await meanScore(json, 0.85, 8)).toBeGreaterThan((await meanScore(json, 0.15, 8)) + 0.25);
  }, 30_000);
});

it('only fake, reserved-domain contact data', () => {
  const data = draftAnswers(INSTITUTION_V1, new Random(3), profile(0.9));
  for (const v of Object.values(data)) {
    if (typeof v === 'string' && v.includes('@')) expect(v).toMatch(/@[a-z0-9.-]+\.demo\.invalid$/);
    if (typeof v === 'string' && v.startsWith('http')) expect(v).toMatch(/^https:\/\/[a-z0-9.-]+\.demo\.invalid\//);
  }
});
