import fc from 'fast-check';
import { CopyEncoder } from './copy-stream';

const decode = (chunks: readonly Buffer[]): string => Buffer.concat(chunks).toString('utf8');

describe('CopyEncoder', () => {
  it('writes the lines in order, as UTF-8, and counts them', () => {
    const encoder = new CopyEncoder();
    const lines = ['a\tb\n', 'PG = 0.2·Mec + 0.1·Act\tΣ\n', 'ñandú 🦤\n'];
    for (const line of lines) encoder.add(line);
    const { rows, chunks } = encoder.finish();
    expect(rows).toBe(3);
    expect(decode(chunks)).toBe(lines.join(''));
  });

  it('gives a line longer than a chunk a buffer of its own, and never splits a line', () => {
    const encoder = new CopyEncoder();
    const long = `${'é'.repeat(700_000)}\n`;
    encoder.add('short\n');
    encoder.add(long);
    encoder.add('after\n');
    const { rows, chunks } = encoder.finish();
    expect(rows).toBe(3);
    expect(decode(chunks)).toBe(`short\n${long}after\n`);
    for (const chunk of chunks) expect(chunk.toString('utf8').endsWith('\n')).toBe(true);
  });

  it('writes nothing for no lines', () => {
    expect(new CopyEncoder().finish()).toEqual({ rows: 0, chunks: [] });
  });

  it('round-trips any text, whatever the line lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 5000 }), { maxLength: 400 }), (texts) => {
        const lines = texts.map((t) => `${t}\n`);
        const encoder = new CopyEncoder();
        for (const line of lines) encoder.add(line);
        const { rows, chunks } = encoder.finish();
        return rows === lines.length && decode(chunks) === Buffer.from(lines.join(''), 'utf8').toString('utf8');
      }),
      { numRuns: 200 },
    );
  });

  it('writes a line given in pieces exactly as the whole line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 3000 }), fc.string()), {
          maxLength: 300,
        }),
        (pieces) => {
          const whole = new CopyEncoder();
          const split = new CopyEncoder();
          for (const [before, large, after] of pieces) {
            whole.add(`${before}${large}${after}\n`);
            split.addSplit(before, large, after);
          }
          const a = whole.finish();
          const b = split.finish();
          return a.rows === b.rows && Buffer.concat(a.chunks).equals(Buffer.concat(b.chunks));
        },
      ),
      { numRuns: 200 },
    );
  });
});
