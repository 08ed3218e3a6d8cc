import { threadId } from 'worker_threads';
import { parseUniverseCsv } from '@apertura/geo';
import { parseUniverseCsvOffThread } from './parse-off-thread';

const catalogue = {
  states: new Set(['15']),
  municipalities: new Map([
    ['15106', '15'],
    ['15054', '15'],
  ]),
};
const header = 'name,type,level,cve_ent,cvegeo,email\n';
const file = (rows: number): string =>
  header +
  Array.from(
    { length: rows },
    (_, i) => `Institución ${i},ayuntamiento,municipal,15,${i % 2 ? '15106' : '15054'},c${i}@example.org\n`,
  ).join('');

describe('universe CSV parsing off the event loop', () => {
  it('parses a large file in another thread, with the same result as inline', async () => {
    const text = file(8000);
    const off = await parseUniverseCsvOffThread(text, catalogue, 64 * 1024);
    expect(off.threadId).not.toBe(threadId);
    expect(off.result).toEqual(parseUniverseCsv(text, catalogue));
    expect(off.result.rows).toHaveLength(8000);
  });

  it('parses a small file inline', async () => {
    const off = await parseUniverseCsvOffThread(file(3), catalogue);
    expect(off.threadId).toBe(threadId);
    expect(off.result.rows).toHaveLength(3);
  });

  it('reports errors found in the thread like inline parsing', async () => {
    const text = `${file(4000)}Mala,ayuntamiento,municipal,15,99999,x@example.org\n`;
    const off = await parseUniverseCsvOffThread(text, catalogue, 1024);
    expect(off.threadId).not.toBe(threadId);
    expect(off.result.errorCount).toBe(1);
    expect(off.result.errors[0]).toMatchObject({ line: 4002, column: 'cvegeo' });
  });
});
