import { canonicalJson, definitionChecksum } from './canonical-json';

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [2, { d: null, c: 'x' }] }, '{"a":[2,{"c":"x","d":null}],"b":1}'],
    [[undefined, 1], '[null,1]'],
    [{ a: undefined, b: true }, '{"b":true}'],
    ['ñ "quoted"', '"ñ \\"quoted\\""'],
    [1.5, '1.5'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  it('gives the same checksum whatever the key order or formatting', () => {
    const a = JSON.parse('{"title":"T","pages":[{"name":"p","elements":[{"type":"text","name":"q"}]}]}');
    const b = JSON.parse(
      '{ "pages": [ { "elements": [ { "name": "q", "type": "text" } ], "name": "p" } ], "title": "T" }',
    );
    expect(definitionChecksum(a)).toBe(definitionChecksum(b));
    expect(definitionChecksum(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(definitionChecksum({ ...a, title: 'U' })).not.toBe(definitionChecksum(a));
  });
});
