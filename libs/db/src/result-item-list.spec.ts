import fc from 'fast-check';
import { decodeItemList, encodeItemColumns, encodeItemList, type StoredItem } from './result-item-list';

const item: fc.Arbitrary<StoredItem> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 20 }),
  weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
  verifiable: fc.boolean(),
  s: fc.double({ min: 0, max: 1, noNaN: true }),
  sValidated: fc.double({ min: 0, max: 1, noNaN: true }),
  confirmed: fc.nat(50),
  refuted: fc.nat(50),
  verification: fc.constantFrom('not_verifiable', 'unverified', 'confirmed', 'refuted', 'mixed'),
  confirmationRate: fc.option(
    fc.record({
      p: fc.double({ min: 0, max: 1, noNaN: true }),
      lo: fc.double({ min: 0, max: 1, noNaN: true }),
      hi: fc.double({ min: 0, max: 1, noNaN: true }),
      n: fc.nat(100),
    }),
    { nil: null },
  ),
});

/** What PostgreSQL hands back: the value after a trip through JSON. */
const throughJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('stored item lists', () => {
  it('round-trip through the columnar form and JSON without changing a bit', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const back = decodeItemList(throughJson(encodeItemColumns(items)));
        // -0 becomes 0 in JSON, as it did in the object form: compare through JSON as well.
        expect(back).toEqual(throughJson(items));
      }),
    );
  });

  it('round-trip through the packed form and JSON without changing a bit', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const packed = encodeItemList(items);
        expect(packed.format).toBe('packed');
        expect(decodeItemList(throughJson(packed))).toEqual(throughJson(items));
      }),
    );
  });

  it('fall back to plain columns for a verification state the packed form has no code for', () => {
    const odd: StoredItem = {
      name: 'a',
      weight: 1,
      verifiable: true,
      s: 1,
      sValidated: 1,
      confirmed: 0,
      refuted: 0,
      verification: 'pending',
      confirmationRate: null,
    };
    const stored = encodeItemList([odd]);
    expect(stored.format).toBe('columns');
    expect(decodeItemList(throughJson(stored))).toEqual([odd]);
  });

  it('are smaller as columns than as one object per item', () => {
    const items: StoredItem[] = Array.from({ length: 150 }, (_, i) => ({
      name: `q${String(i).padStart(3, '0')}_tg_ai`,
      weight: 1 + (i % 3),
      verifiable: i % 4 === 0,
      s: (i % 7) / 6,
      sValidated: (i % 7) / 6,
      confirmed: i % 4 === 0 ? 2 : 0,
      refuted: 0,
      verification: i % 4 === 0 ? 'confirmed' : 'not_verifiable',
      confirmationRate: i % 4 === 0 ? { p: 1, lo: 0.342380227, hi: 1, n: 2 } : null,
    }));
    expect(JSON.stringify(encodeItemColumns(items)).length).toBeLessThan(JSON.stringify(items).length / 2);
    // Packed: a quarter of the columns' verification and flag bytes, and nothing for items without verdicts.
    expect(JSON.stringify(encodeItemList(items)).length).toBeLessThan(
      JSON.stringify(encodeItemColumns(items)).length * 0.65,
    );
  });

  it('still read rows written as an array of objects (before the columnar form)', () => {
    const legacy = [
      {
        name: 'ai1',
        weight: 1,
        verifiable: true,
        s: 1,
        sValidated: 0.5,
        confirmed: 1,
        refuted: 1,
        verification: 'mixed',
        confirmationRate: { p: 0.5, lo: 0.09, hi: 0.91, n: 2 },
      },
      {
        name: 'ai2',
        weight: 2,
        verifiable: false,
        s: 0.5,
        sValidated: 0.5,
        confirmed: 0,
        refuted: 0,
        verification: 'not_verifiable',
        confirmationRate: null,
      },
    ];
    expect(decodeItemList(legacy)).toEqual(legacy);
  });

  it('read anything else as no items instead of failing the page', () => {
    for (const junk of [null, undefined, 42, 'x', {}, { format: 'rows' }, [null, 3], { format: 'packed' }])
      expect(decodeItemList(junk)).toEqual([]);
    expect(
      decodeItemList({
        format: 'packed',
        name: ['a'],
        s: [0.5],
        verification: '?',
        checked: [[7, 1, 1, 0, null], 'x'],
      }),
    ).toEqual([
      {
        name: 'a',
        weight: 0,
        verifiable: false,
        s: 0.5,
        sValidated: 0.5,
        confirmed: 0,
        refuted: 0,
        verification: 'not_verifiable',
        confirmationRate: null,
      },
    ]);
    expect(decodeItemList({ format: 'columns', name: ['a'], s: ['bad'] })).toEqual([
      {
        name: 'a',
        weight: 0,
        verifiable: false,
        s: 0,
        sValidated: 0,
        confirmed: 0,
        refuted: 0,
        verification: 'not_verifiable',
        confirmationRate: null,
      },
    ]);
  });
});
