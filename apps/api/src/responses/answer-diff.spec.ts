import fc from 'fast-check';
import { applyAnswerChanges, diffAnswers } from './answer-diff';
import { sameJson } from './canonical-json';

const answers = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd', 'portal', 'url', '__proto__'),
  fc.oneof(
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.integer()),
  ),
);

describe('diffAnswers', () => {
  it('says what was added, removed and changed, in questionnaire order', () => {
    expect(diffAnswers({ a: 1, b: 'x', c: ['1'] }, { a: 1, b: 'y', d: true }, ['d', 'c', 'b', 'a'])).toEqual([
      { name: 'd', change: 'added', after: true },
      { name: 'c', change: 'removed', before: ['1'] },
      { name: 'b', change: 'changed', before: 'x', after: 'y' },
    ]);
  });

  it('the first version: every answer is added; key order inside objects is no change', () => {
    expect(diffAnswers(null, { b: 1, a: 2 })).toEqual([
      { name: 'a', change: 'added', after: 2 },
      { name: 'b', change: 'added', after: 1 },
    ]);
    expect(diffAnswers({ o: { x: 1, y: 2 } }, { o: { y: 2, x: 1 } })).toEqual([]);
  });

  it('property: no change between equal versions, and applying the diff to the previous version gives the next', () => {
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        expect(diffAnswers(a, a)).toEqual([]);
        const changes = diffAnswers(a, b);
        expect(sameJson(applyAnswerChanges(a, changes), b)).toBe(true);
        expect(new Set(changes.map((c) => c.name)).size).toBe(changes.length);
      }),
      { numRuns: 500 },
    );
  });
});
