import { brotliDecompressSync, gunzipSync } from 'zlib';
import { encodeJson, EncodedJsonCache } from './encoded-json';

/** A build that answers when told to, counting how often it ran. */
function gatedBuild<V>(version: V, value: unknown) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const calls = { n: 0 };
  const build = async (): Promise<{ version: V; value: unknown }> => {
    calls.n += 1;
    await gate;
    return { version, value };
  };
  return { build, release, calls };
}

describe('encodeJson', () => {
  it('keeps the JSON text and its Brotli and gzip forms of the same content', async () => {
    const value = { total: 3, id: ['a', 'b', 'c'], estimate: [0.1 + 0.2, null, 1], name: ['Ñandú "x"', 'é', '<'] };
    const doc = await encodeJson(value);
    expect(doc.json.toString('utf8')).toBe(JSON.stringify(value));
    expect(JSON.parse(brotliDecompressSync(doc.br).toString('utf8'))).toEqual(value);
    expect(JSON.parse(gunzipSync(await doc.gzip()).toString('utf8'))).toEqual(value);
    // gzip is made once.
    expect(await doc.gzip()).toBe(await doc.gzip());
  });

  it('gives the same content the same weak ETag, and other content another', async () => {
    const a = await encodeJson({ x: [1, 2] });
    const b = await encodeJson({ x: [1, 2] });
    const c = await encodeJson({ x: [1, 3] });
    expect(a.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(a.etag).toBe(b.etag);
    expect(c.etag).not.toBe(a.etag);
  });
});

describe('EncodedJsonCache', () => {
  const atLeast = (wanted: number) => (kept: number) => kept >= wanted;

  it('builds once for readers that accept the kept version, and again for one that does not', async () => {
    const cache = new EncodedJsonCache<number>(4);
    let builds = 0;
    const build = (version: number) => async () => {
      builds += 1;
      return { version, value: { version } };
    };
    const first = await cache.get('r1', atLeast(1), build(1));
    expect(await cache.get('r1', atLeast(1), build(1))).toBe(first);
    expect(builds).toBe(1);
    const newer = await cache.get('r1', atLeast(2), build(2));
    expect(builds).toBe(2);
    expect(JSON.parse(newer.json.toString('utf8'))).toEqual({ version: 2 });
    // Another scope has its own document.
    await cache.get('r2', atLeast(1), build(1));
    expect(builds).toBe(3);
    expect(cache.size()).toBe(2);
  });

  it('lets readers that arrive during a build share it', async () => {
    const cache = new EncodedJsonCache<number>(4);
    const gated = gatedBuild(5, { v: 5 });
    const readers = [1, 2, 3].map(() => cache.get('r', atLeast(5), gated.build));
    gated.release();
    const docs = await Promise.all(readers);
    expect(gated.calls.n).toBe(1);
    expect(new Set(docs).size).toBe(1);
  });

  it('builds again for a reader that needs more than the running build read', async () => {
    const cache = new EncodedJsonCache<number>(4);
    const old = gatedBuild(1, { v: 1 });
    const early = cache.get('r', atLeast(1), old.build);
    let newer = 0;
    const late = cache.get('r', atLeast(2), async () => {
      newer += 1;
      return { version: 2, value: { v: 2 } };
    });
    old.release();
    expect(JSON.parse((await early).json.toString('utf8'))).toEqual({ v: 1 });
    expect(JSON.parse((await late).json.toString('utf8'))).toEqual({ v: 2 });
    expect(newer).toBe(1);
  });

  it('keeps nothing of a failed build: the next reader builds again', async () => {
    const cache = new EncodedJsonCache<number>(4);
    await expect(cache.get('r', atLeast(1), () => Promise.reject(new Error('database went away')))).rejects.toThrow(
      'database went away',
    );
    expect(cache.size()).toBe(0);
    const doc = await cache.get('r', atLeast(1), async () => ({ version: 1, value: [1] }));
    expect(doc.json.toString('utf8')).toBe('[1]');
  });

  it('drops the least recently read scope beyond its capacity', async () => {
    const cache = new EncodedJsonCache<number>(2);
    let builds = 0;
    const build = async () => {
      builds += 1;
      return { version: 1, value: builds };
    };
    await cache.get('a', atLeast(1), build);
    await cache.get('b', atLeast(1), build);
    await cache.get('a', atLeast(1), build); // a read again: b is now the oldest
    await cache.get('c', atLeast(1), build);
    expect(cache.size()).toBe(2);
    expect(builds).toBe(3);
    await cache.get('a', atLeast(1), build);
    expect(builds).toBe(3);
    await cache.get('b', atLeast(1), build);
    expect(builds).toBe(4);
  });
});
