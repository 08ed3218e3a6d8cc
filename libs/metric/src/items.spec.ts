import { ItemScoring, scoreAnswers, scoreItem } from './items';

describe('scoreItem (METHOD.md §2)', () => {
  const choices: ItemScoring = { kind: 'choices', scores: { yes: 1, partial: 0.5, no: 0, na: null } };
  it.each<[string, ItemScoring, unknown, number | null]>([
    ['choice', choices, 'partial', 0.5],
    ['not applicable choice is left out, not 0', choices, 'na', null],
    ['unknown choice', choices, 'maybe', null],
    ['no answer', choices, undefined, null],
    ['boolean true', { kind: 'boolean' }, true, 1],
    ['boolean false', { kind: 'boolean' }, false, 0],
    ['range mapped linearly', { kind: 'range', min: 1, max: 5 }, 4, 0.75],
    ['range, lower is better (days vs 20)', { kind: 'range', min: 20, max: 0 }, 5, 0.75],
    ['range clipped', { kind: 'range', min: 0, max: 20 }, 40, 1],
    ['multi sums and clips', { kind: 'multi', scores: { a: 0.5, b: 0.4, c: 0.3 } }, ['a', 'c', 'b'], 1],
    ['multi with only n/a', { kind: 'multi', scores: { a: null } }, ['a'], null],
  ])('%s', (_label, scoring, value, expected) => {
    expect(scoreItem(scoring, value)).toBe(expected);
  });

  it('scoreAnswers drops unanswered items', () => {
    const items = [
      { name: 'q1', component: 'TG.AI', weight: 1, verifiable: true, scoring: { kind: 'boolean' as const } },
      { name: 'q2', component: 'TG.AI', weight: 2, verifiable: false, scoring: { kind: 'boolean' as const } },
    ];
    expect(scoreAnswers(items, { q1: true })).toEqual([
      { name: 'q1', component: 'TG.AI', weight: 1, verifiable: true, score: 1 },
    ]);
  });
});
