import { get, type IncomingHttpHeaders } from 'http';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { startTestApp, TestApp } from './support/app';
import { exportRound, ExportRoundFixture } from './support/export-round';
import { guarantorWithAdmin } from './support/fixtures';
import { client } from './support/http';
import { rawGet } from './support/raw-http';

/** The first response headers of a stream that never ends by itself (the request is dropped after them). */
function headersOnly(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      req.destroy();
    });
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
  });
}

/**
 * HTTP compression (apps/api/src/common/compression.ts): large JSON leaves as Brotli or gzip, whichever
 * the client accepts, and decompresses to exactly what an uncompressed request gets; results streams
 * and downloads are never compressed.
 */
describe('HTTP compression', () => {
  let t: TestApp;
  let fx: ExportRoundFixture;

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await guarantorWithAdmin(t.ds, client(t.url));
    fx = await exportRound(t.ds, staff.guarantorId, { filler: 30 });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('sends large JSON as Brotli or gzip, as accepted, with the same content as uncompressed', async () => {
    const url = `${t.url}/api/public/rounds/${fx.roundId}/results/distribution`;
    const plain = await rawGet(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const json = JSON.parse(plain.body.toString('utf8')) as { total: number };
    expect(json.total).toBeGreaterThan(0);

    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(json);
  });

  it('leaves small bodies, downloads and results streams uncompressed', async () => {
    const accept = { 'accept-encoding': 'gzip, deflate, br' };
    const small = await rawGet(`${t.url}/health/live`, accept);
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();

    const download = await rawGet(`${t.url}/api/public/rounds/${fx.roundId}/export/institutions.csv`, accept);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(download.headers['content-encoding']).toBeUndefined();
    expect(download.body.toString('utf8')).toMatch(/institution/i);

    const stream = await headersOnly(`${t.url}/api/rounds/${fx.roundId}/results/events`, {
      ...accept,
      accept: 'text/event-stream',
    });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['content-encoding']).toBeUndefined();
  });
});
