import type { ItemSpec } from '@apertura/metric';
import { decodeEvidenceUrls, decodeScoredAnswers, ordinalsOf } from './scored-answers';

const ITEMS: ItemSpec[] = [
  { name: 'a', component: 'TG.AI', weight: 1, verifiable: true, scoring: { kind: 'boolean' } },
  { name: 'b', component: 'TG.TR', weight: 2, verifiable: false, scoring: { kind: 'range', min: 0, max: 3 } },
  { name: 'c', component: 'TC.Cel', weight: 0.5, verifiable: false, scoring: { kind: 'range', min: 0, max: 1 } },
];

describe('scored answers as stored', () => {
  it('decodes "ordinal:score" pairs against the questionnaire items, every double exact (-0 included)', () => {
    const third = 1 / 3;
    expect(decodeScoredAnswers(ITEMS, `0:1 1:${String(third)} 2:-0`)).toEqual([
      { name: 'a', component: 'TG.AI', weight: 1, verifiable: true, score: 1 },
      { name: 'b', component: 'TG.TR', weight: 2, verifiable: false, score: third },
      { name: 'c', component: 'TC.Cel', weight: 0.5, verifiable: false, score: -0 },
    ]);
    expect(Object.is(decodeScoredAnswers(ITEMS, '2:-0')[0].score, -0)).toBe(true);
    expect(decodeScoredAnswers(ITEMS, '')).toEqual([]);
    expect(decodeScoredAnswers(ITEMS, null)).toEqual([]);
  });

  it('refuses an ordinal its questionnaire does not have', () => {
    expect(() => decodeScoredAnswers(ITEMS, '0:1 7:0.5')).toThrow('7:0.5');
  });

  it('numbers items in questionnaire order and keeps evidence triples in order', () => {
    expect([...ordinalsOf(ITEMS)]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(decodeEvidenceUrls([['a', 'a_ev', 'https://x.example']])).toEqual([
      { item: 'a', question: 'a_ev', url: 'https://x.example' },
    ]);
    expect(decodeEvidenceUrls(null)).toEqual([]);
  });
});
