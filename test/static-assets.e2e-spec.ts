import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { webDistPath } from '../apps/api/src/bootstrap';
import { startTestApp, TestApp } from './support/app';
import { rawGet } from './support/raw-http';

/**
 * The built web app as the API serves it (apps/api/src/common/static-assets.ts, after `npm run
 * build:web`): hashed assets immutable for a year, in the Brotli or gzip form the build wrote beside
 * them when the browser accepts one, byte for byte the built file once decoded.
 */
describe('the built web app’s files', () => {
  let t: TestApp;
  let web: string;
  let script: string;

  beforeAll(async () => {
    const found = webDistPath();
    if (found === undefined) throw new Error('apps/web/dist is missing: run `npm run build:web` first');
    web = found;
    // The largest script of the build: certainly over the 1 KB below which nothing is precompressed.
    const scripts = readdirSync(join(web, 'assets')).filter((f) => f.endsWith('.js'));
    script = scripts.sort(
      (a, b) => readFileSync(join(web, 'assets', b)).length - readFileSync(join(web, 'assets', a)).length,
    )[0];
    t = await startTestApp({ env: { SERVE_WEB: 'true' }, tag: 'assets' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends a hashed asset precompressed, as the browser accepts, immutable for a year', async () => {
    const built = readFileSync(join(web, 'assets', script));
    const url = `${t.url}/assets/${script}`;

    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.equals(readFileSync(join(web, 'assets', `${script}.br`)))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(built)).toBe(true);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(built)).toBe(true);

    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(built)).toBe(true);
  });

  it('keeps the page itself and the favicon revalidated, and finds nothing outside the build', async () => {
    const page = await rawGet(`${t.url}/resultados`, { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control'] ?? '').not.toMatch(/immutable/);

    const icon = await rawGet(`${t.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');

    // Only names of the build are looked up under /assets: anything else falls through to the page.
    const outside = await rawGet(`${t.url}/assets/..%2F..%2Fpackage.json`, { 'accept-encoding': 'br' });
    expect(outside.headers['content-type']).toMatch(/text\/html/);
    expect(outside.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });
});
